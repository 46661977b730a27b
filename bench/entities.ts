/**
 * Entities stage benchmark: milliseconds per article of extractEntities next to runNer on the same Docs
 * (lexicons and models loaded beforehand, as in a long-running pipeline), the stage's share of NER time,
 * lexicon load time, and the gold accuracy figures. Runnable alone: node dist/bench/entities.js
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/text/types.js';
import { runNer, type NerMention } from '../src/ml/ner-stage.js';
import { extractEntities } from '../src/entities/index.js';
import { entityLexicon } from '../src/entities/lexicon.js';
import { evaluateEntities, readGoldDoc } from '../src/entities/eval.js';
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

const round3 = (x: number) => Math.round(x * 1000) / 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchEntities().then((rows) => { for (const r of rows) process.stdout.write(`${r.name}: ${r.value} ${r.unit}\n`); });
}
