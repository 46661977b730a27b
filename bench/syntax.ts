/**
 * Syntax benchmark: words/s of the tagger alone, the parser alone and both (one thread), medians of several
 * runs over a treebank's sentences with gold tokenization, plus model load times; then the syntax stage on the
 * news corpus (../shared/corpus/news, our tokenizer's tokens, contractions split), first sight of every form
 * (cold) and warm. Rates are given per second of wall clock and per second of this process's CPU time: on a
 * shared machine the second is the steadier one.
 * Runnable alone: node dist/bench/syntax.js
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDoc } from '../src/text/index.js';
import { listInputs, readInputFile } from '../src/text/input.js';
import type { Doc } from '../src/text/types.js';
import { runSyntax } from '../src/syntax/stage.js';
import { sharedDir } from '../src/util/paths.js';
import { loadParser } from '../src/syntax/parser/io.js';
import { ParserWorkspace } from '../src/syntax/parser/model.js';
import { defaultParserPath } from '../src/syntax/parser/index.js';
import { defaultTaggerPath } from '../src/syntax/tagger/index.js';
import { TaggerModel } from '../src/syntax/tagger/model.js';
import { readTreebank, treebankAvailable, type TreebankName } from '../src/syntax/treebanks.js';

export interface BenchResult { name: string; value: number; unit: string }

const RUNS = 5;
/** Sentences per batch for the tagger + parser rate: about a news article (the stage works document by document). */
const BATCH = 40;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const TREEBANK: Record<string, [TreebankName, 'dev' | 'test']> = { en: ['en-ewt', 'dev'], de: ['de-gsd', 'test'] };

interface Timing { wall: number; cpu: number }

function timed(fn: () => void): Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** Median words/s over RUNS runs, by wall clock and by CPU time. */
function rates(name: string, words: number, fn: () => void): BenchResult[] {
  const runs = Array.from({ length: RUNS }, () => timed(fn));
  return [
    { name: `${name} words/s (median of ${RUNS})`, value: Math.round(words / median(runs.map((r) => r.wall))), unit: 'words/s' },
    { name: `${name} words per CPU-second (median of ${RUNS})`, value: Math.round(words / median(runs.map((r) => r.cpu))), unit: 'words/s' },
  ];
}

export async function benchSyntax(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const lang of ['de', 'en']) {
    const [tb, split] = TREEBANK[lang];
    if (!existsSync(defaultTaggerPath(lang)) || !treebankAvailable(tb, split)) continue;
    let t0 = performance.now();
    const tagger = TaggerModel.load(defaultTaggerPath(lang));
    out.push({ name: `${lang}.tagger load`, value: Math.round(performance.now() - t0), unit: 'ms' });
    const sents = readTreebank(tb, split).map((s) => s.forms);
    const words = sents.reduce((n, s) => n + s.length, 0);
    const tags = sents.map((s) => tagger.tag(s)); // warm-up (and the parser's input)
    out.push(...rates(`${lang}.tagger (${tb} ${split})`, words, () => { for (const s of sents) tagger.tag(s); }));
    if (!existsSync(defaultParserPath(lang))) continue;
    t0 = performance.now();
    const parser = new ParserWorkspace(loadParser(defaultParserPath(lang)));
    out.push({ name: `${lang}.parser load`, value: Math.round(performance.now() - t0), unit: 'ms' });
    const inputs = sents.map((forms, i) => ({ forms, upos: tags[i].upos, feats: tags[i].feats, lemmas: tags[i].lemmas }));
    for (const x of inputs) parser.parse(x);
    out.push(...rates(`${lang}.parser`, words, () => { for (const x of inputs) parser.parse(x); }));
    // As the syntax stage does it: a document's sentences (here batches of BATCH) tagged, then parsed; and one
    // sentence at a time, tagger and parser alternating (their weights evict each other from the CPU caches).
    out.push(...rates(`${lang}.tagger + parser, batches of ${BATCH} sentences`, words, () => {
      for (let b = 0; b < sents.length; b += BATCH) {
        const batch = sents.slice(b, b + BATCH);
        const tagged = batch.map((forms) => tagger.tag(forms));
        batch.forEach((forms, i) => parser.parse({ forms, upos: tagged[i].upos, feats: tagged[i].feats, lemmas: tagged[i].lemmas }));
      }
    }));
    out.push(...rates(`${lang}.tagger + parser, sentence by sentence`, words, () => {
      for (const forms of sents) {
        const t = tagger.tag(forms);
        parser.parse({ forms, upos: t.upos, feats: t.feats, lemmas: t.lemmas });
      }
    }));
  }
  out.push(...(await benchNews()));
  return out;
}

/** The syntax stage on the news corpus: tokens/s the first time every form is seen (cold) and warm. */
async function benchNews(): Promise<BenchResult[]> {
  const dir = join(sharedDir, 'corpus', 'news');
  if (!existsSync(dir)) return [];
  const { files } = await listInputs([dir]);
  const docs: Doc[] = [];
  for (const f of files) for (const item of await readInputFile(f)) if (item.ok) docs.push(buildDoc(item.article));
  const out: BenchResult[] = [];
  for (const lang of ['de', 'en']) {
    const mine = docs.filter((d) => d.language === lang);
    const tokens = mine.reduce((n, d) => n + d.tokens.length, 0);
    if (!tokens || !existsSync(defaultTaggerPath(lang))) continue;
    const cold = timed(() => { for (const d of mine) runSyntax(d); });
    out.push({ name: `${lang}.syntax stage, news (${mine.length} docs, ${tokens} tokens), cold, tokens per CPU-second`, value: Math.round(tokens / cold.cpu), unit: 'tokens/s' });
    out.push(...rates(`${lang}.syntax stage, news, warm`, tokens, () => { for (const d of mine) runSyntax(d); }).map((r) => ({ ...r, name: r.name.replace('words', 'tokens'), unit: 'tokens/s' })));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchSyntax()) process.stdout.write(`${r.name.padEnd(50)} ${String(r.value).padStart(10)} ${r.unit}\n`);
}
