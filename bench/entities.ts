/**
 * Entities stage benchmark: milliseconds per article of extractEntities next to runNer on the same Docs
 * (lexicons and models loaded beforehand, as in a long-running pipeline), the stage's share of NER time,
 * lexicon load time, how the stage scales with document length (an example article repeated to about 250 KB and
 * 1 MB: the time ratio should stay near the size ratio, 4x), and the gold accuracy figures.
 * Runnable alone: node dist/bench/entities.js
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Doc } from '../src/text/types.js';
import { buildDoc } from '../src/text/index.js';
import { parseFrontMatter } from '../src/text/frontmatter.js';
import { runNer, type NerMention } from '../src/ml/ner-stage.js';
import { extractEntities } from '../src/entities/index.js';
import { entityLexicon } from '../src/entities/lexicon.js';
import { evaluateEntities, readGoldDoc } from '../src/eval/entities.js';
import { repoRoot, sharedDir } from '../src/util/paths.js';

export interface BenchResult { name: string; value: number; unit: string }

function articleFiles(): string[] {
  const out: string[] = [];
  for (const dir of [join(sharedDir, 'corpus', 'seed'), join(repoRoot, 'examples'), join(repoRoot, 'test', 'gold', 'entities')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push(join(dir, f));
  }
  return out;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

export async function benchEntities(runs = 5): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const t0 = performance.now();
  entityLexicon('de');
  entityLexicon('en');
  out.push({ name: 'entities: lexicon load (de+en, once per process)', value: Math.round(performance.now() - t0), unit: 'ms' });
  const docs: Doc[] = articleFiles().map(readGoldDoc);
  const ner: NerMention[][] = docs.map((d) => runNer(d)); // warm the models
  for (const d of docs) extractEntities(d, ner[docs.indexOf(d)]);
  const nerMs: number[] = [], entMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    let a = performance.now();
    for (const d of docs) runNer(d);
    nerMs.push(performance.now() - a);
    a = performance.now();
    docs.forEach((d, i) => extractEntities(d, ner[i]));
    entMs.push(performance.now() - a);
  }
  const words = docs.reduce((s, d) => s + d.tokens.length, 0);
  const n = median(nerMs), e = median(entMs);
  out.push({ name: `entities: ms/article (${docs.length} articles, ${words} tokens)`, value: Math.round((100 * e) / docs.length) / 100, unit: 'ms' });
  out.push({ name: 'ner: ms/article (same docs)', value: Math.round((100 * n) / docs.length) / 100, unit: 'ms' });
  out.push({ name: 'entities: time relative to NER', value: Math.round((100 * e) / n) / 100, unit: 'x' });
  out.push({ name: 'entities: tokens/s', value: Math.round(words / (e / 1000)), unit: 'tokens/s' });
  out.push(...benchEntityScaling());
  const gold = join(repoRoot, 'test', 'gold', 'entities');
  for (const mode of ['oracle', 'model'] as const) {
    const g = evaluateEntities(gold, { ner: mode });
    out.push({ name: `entities gold (${mode} NER): actors P`, value: round3(g.actors.precision), unit: '' });
    out.push({ name: `entities gold (${mode} NER): actors R`, value: round3(g.actors.recall), unit: '' });
    out.push({ name: `entities gold (${mode} NER): roles P`, value: round3(g.roles.precision), unit: '' });
    out.push({ name: `entities gold (${mode} NER): roles R`, value: round3(g.roles.recall), unit: '' });
  }
  return out;
}

/** An example article's body repeated to about `bytes` characters (paragraph breaks between copies). */
function repeatedDoc(path: string, bytes: number): Doc {
  const fm = parseFrontMatter(readFileSync(path, 'utf8'));
  const parts: string[] = [];
  for (let n = 0; n < bytes; n += fm.body.length + 2) parts.push(fm.body);
  return buildDoc({ text: parts.join('\n\n'), origin: path, language: fm.fields.language ?? 'en', published: fm.fields.published ?? null });
}

/** Stage time on long documents (NER run once beforehand): linear means the 1 MB / 250 KB ratio stays near 4. */
export function benchEntityScaling(runs = 3): BenchResult[] {
  const src = join(repoRoot, 'examples', 'en-trade-envoy.txt');
  if (!existsSync(src)) return [];
  const ms: number[] = [];
  for (const bytes of [250_000, 1_000_000]) {
    const doc = repeatedDoc(src, bytes);
    const ner = runNer(doc);
    const times: number[] = [];
    for (let r = 0; r < runs; r++) { const t = performance.now(); extractEntities(doc, ner); times.push(performance.now() - t); }
    ms.push(median(times));
  }
  return [
    { name: 'entities: ms on ~250 KB (example repeated)', value: Math.round(ms[0]), unit: 'ms' },
    { name: 'entities: ms on ~1 MB (example repeated)', value: Math.round(ms[1]), unit: 'ms' },
    { name: 'entities: 1 MB / 250 KB time ratio (4 = linear)', value: Math.round((100 * ms[1]) / ms[0]) / 100, unit: 'x' },
  ];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchEntities().then((rows) => { for (const r of rows) process.stdout.write(`${r.name}: ${r.value} ${r.unit}\n`); });
}
