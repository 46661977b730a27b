/**
 * Where the parser's predicted-tag loss comes from (issue 12, English): parses a treebank split with the parser
 * fed gold tags, predicted tags, and predicted tags with one atom (UPOS, FEATS, lemma) swapped for the gold one;
 * LAS per gold relation with gold vs predicted tags; LAS of words by whether their own tags are right; and, with
 * a `--tags-cache` file of `train parser`, the accuracy of the jackknifed training tags against the dev tags.
 * Runnable alone: node dist/bench/syntax-tagloss.js [--parser file] [--split dev] [--tags-cache file]
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadParser } from '../src/syntax/parser/io.js';
import { ParserWorkspace } from '../src/syntax/parser/model.js';
import type { ParserInput } from '../src/syntax/parser/features.js';
import { defaultParserPath } from '../src/syntax/parser/index.js';
import { universalRelation } from '../src/syntax/parser/score.js';
import { loadTagger } from '../src/syntax/tagger/index.js';
import { readTreebank } from '../src/syntax/treebanks.js';
import { trainingSentences } from '../src/syntax/treebanks.js';
import type { Sentence } from '../src/syntax/conllu.js';

const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(2) : '-');

type Atom = 'upos' | 'feats' | 'lemmas';
const ATOMS: Atom[] = ['upos', 'feats', 'lemmas'];

function goldInput(s: Sentence): ParserInput { return { forms: s.forms, upos: s.upos, feats: s.feats, lemmas: s.lemmas }; }

/** Predicted input with the atoms in `gold` taken from the treebank. */
function mixed(s: Sentence, p: ParserInput, gold: Atom[]): ParserInput {
  const g = goldInput(s);
  return { ...p, forms: s.forms, upos: gold.includes('upos') ? g.upos : p.upos, feats: gold.includes('feats') ? g.feats : p.feats, lemmas: gold.includes('lemmas') ? g.lemmas : p.lemmas };
}

interface Tally { n: number; head: number; las: number }
const tally = (): Tally => ({ n: 0, head: 0, las: 0 });

function parseAll(ws: ParserWorkspace, gold: Sentence[], inputs: ParserInput[]): Array<{ heads: ArrayLike<number>; deprels: readonly string[] }> {
  return inputs.map((x) => ws.parse(x));
}

function score(gold: Sentence[], parses: Array<{ heads: ArrayLike<number>; deprels: readonly string[] }>, keep: (s: number, i: number) => boolean = () => true): Tally {
  const t = tally();
  gold.forEach((s, k) => {
    for (let i = 0; i < s.forms.length; i++) {
      if (!keep(k, i)) continue;
      t.n++;
      if (s.heads[i] !== parses[k].heads[i]) continue;
      t.head++;
      if (universalRelation(s.deprels[i]) === universalRelation(parses[k].deprels[i])) t.las++;
    }
  });
  return t;
}

function tagAccuracy(name: string, gold: readonly Sentence[], pred: readonly ParserInput[]): void {
  const c = { n: 0, upos: 0, feats: 0, lemma: 0, all: 0 };
  gold.forEach((s, k) => {
    for (let i = 0; i < s.forms.length; i++) {
      c.n++;
      const u = s.upos[i] === pred[k].upos[i];
      const f = s.feats[i] === pred[k].feats[i];
      const l = s.lemmas[i] === pred[k].lemmas[i];
      if (u) c.upos++;
      if (f) c.feats++;
      if (l) c.lemma++;
      if (u && f && l) c.all++;
    }
  });
  console.log(`${name}: ${c.n} words, UPOS ${pct(c.upos, c.n)}, FEATS string ${pct(c.feats, c.n)}, lemma ${pct(c.lemma, c.n)}, all three ${pct(c.all, c.n)}`);
}

function main(): void {
  const split = (arg('--split') ?? 'dev') as 'dev' | 'test';
  if (split !== 'dev') throw new Error('tune on dev only');
  const parserFile = arg('--parser') ?? defaultParserPath('en');
  const gold = readTreebank('en-ewt', split);
  const tagger = loadTagger('en');
  if (!tagger) throw new Error('no tagger-en');
  const pred: ParserInput[] = gold.map((s) => { const t = tagger.tag(s.forms); return { forms: s.forms, upos: t.upos, feats: t.feats, lemmas: t.lemmas, uposAlt: t.uposAlt, uposMargin: t.uposMargin }; });
  tagAccuracy(`en-ewt ${split}, committed tagger`, gold, pred);
  const cache = arg('--tags-cache');
  if (cache && existsSync(cache)) {
    const jk = JSON.parse(readFileSync(cache, 'utf8')) as { train: ParserInput[]; extra: ParserInput[] };
    tagAccuracy('EWT train, jackknifed tags (training input)', trainingSentences('en', false), jk.train);
    tagAccuracy(`en-ewt ${split}, fold-1 tagger (epoch choice)`, gold, jk.extra);
  }
  const ws = new ParserWorkspace(loadParser(parserFile));
  console.log(`parser ${parserFile}`);
  const variants: Array<[string, Atom[]]> = [['predicted tags', []], ['gold UPOS', ['upos']], ['gold FEATS', ['feats']], ['gold lemmas', ['lemmas']],
    ['gold UPOS+FEATS', ['upos', 'feats']], ['gold UPOS+lemmas', ['upos', 'lemmas']], ['gold FEATS+lemmas', ['feats', 'lemmas']], ['gold tags', ATOMS]];
  const parses = new Map<string, ReturnType<typeof parseAll>>();
  for (const [name, g] of variants) {
    const p = parseAll(ws, gold, gold.map((s, k) => mixed(s, pred[k], g)));
    parses.set(name, p);
    const t = score(gold, p);
    console.log(`  ${name.padEnd(18)} UAS ${pct(t.head, t.n)} LAS ${pct(t.las, t.n)}`);
  }
  const P = parses.get('predicted tags')!;
  const G = parses.get('gold tags')!;
  // Words by whether their own predicted tags are right, and whether their sentence has any tag error.
  const ownOk = (k: number, i: number) => gold[k].upos[i] === pred[k].upos[i] && gold[k].feats[i] === pred[k].feats[i] && gold[k].lemmas[i] === pred[k].lemmas[i];
  const uposOk = (k: number, i: number) => gold[k].upos[i] === pred[k].upos[i];
  const sentOk = gold.map((s, k) => s.forms.every((_, i) => ownOk(k, i)));
  const groups: Array<[string, (k: number, i: number) => boolean]> = [
    ['own UPOS wrong', (k, i) => !uposOk(k, i)],
    ['own UPOS right, FEATS or lemma wrong', (k, i) => uposOk(k, i) && !ownOk(k, i)],
    ['own tags right, sentence has an error', (k, i) => ownOk(k, i) && !sentOk[k]],
    ['sentence without tag errors', (k) => sentOk[k]],
  ];
  console.log('words by their tags (n, LAS gold tags → predicted tags, LAS points lost of all words):');
  const total = score(gold, P).n;
  for (const [name, keep] of groups) {
    const g = score(gold, G, keep);
    const p = score(gold, P, keep);
    console.log(`  ${name.padEnd(40)} ${String(g.n).padStart(6)}  ${pct(g.las, g.n)} → ${pct(p.las, p.n)}  (${(100 * (g.las - p.las) / total).toFixed(2)})`);
  }
  // Per gold relation.
  const rels = new Map<string, { n: number; g: number; p: number }>();
  gold.forEach((s, k) => {
    for (let i = 0; i < s.forms.length; i++) {
      const r = universalRelation(s.deprels[i]);
      const e = rels.get(r) ?? { n: 0, g: 0, p: 0 };
      e.n++;
      if (G[k].heads[i] === s.heads[i] && universalRelation(G[k].deprels[i]) === r) e.g++;
      if (P[k].heads[i] === s.heads[i] && universalRelation(P[k].deprels[i]) === r) e.p++;
      rels.set(r, e);
    }
  });
  console.log('per gold relation (n, LAS gold tags → predicted, points of overall LAS lost):');
  [...rels.entries()].sort((a, b) => (b[1].g - b[1].p) - (a[1].g - a[1].p)).slice(0, 20).forEach(([r, e]) =>
    console.log(`  ${r.padEnd(12)} ${String(e.n).padStart(5)}  ${pct(e.g, e.n)} → ${pct(e.p, e.n)}  (${(100 * (e.g - e.p) / total).toFixed(2)})`));
  // UPOS confusions that cost the most.
  const conf = new Map<string, { n: number; lost: number }>();
  gold.forEach((s, k) => {
    for (let i = 0; i < s.forms.length; i++) {
      if (uposOk(k, i)) continue;
      const key = `${s.upos[i]}→${pred[k].upos[i]}`;
      const e = conf.get(key) ?? { n: 0, lost: 0 };
      e.n++;
      const gOk = G[k].heads[i] === s.heads[i] && universalRelation(G[k].deprels[i]) === universalRelation(s.deprels[i]);
      const pOk = P[k].heads[i] === s.heads[i] && universalRelation(P[k].deprels[i]) === universalRelation(s.deprels[i]);
      e.lost += Number(gOk) - Number(pOk);
      conf.set(key, e);
    }
  });
  console.log('UPOS confusions (gold→predicted: count, own words lost):');
  [...conf.entries()].sort((a, b) => b[1].lost - a[1].lost).slice(0, 15).forEach(([c, e]) => console.log(`  ${c.padEnd(14)} ${String(e.n).padStart(4)} ${e.lost}`));
}

main();
