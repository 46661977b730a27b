/**
 * Relations stage benchmark: stage time on an example article repeated to about 250 KB and 1 MB (the
 * earlier stages run once beforehand; the median of a few runs is taken, so a busy machine disturbs it
 * less than the pipeline's single-shot meta.timings). Linear means the 1 MB / 250 KB ratio stays near 4.
 * Then the gold accuracy figures (oracle and pipeline). Runnable alone: node dist/bench/relations.js [FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDoc } from '../src/text/index.js';
import { parseFrontMatter } from '../src/text/frontmatter.js';
import { runNer } from '../src/ml/ner-stage.js';
import { extractEntities } from '../src/entities/index.js';
import { extractTimeline } from '../src/time/index.js';
import { extractQuotes } from '../src/quotes/index.js';
import { extractRelations } from '../src/relations/index.js';
import { runSyntax } from '../src/syntax/stage.js';
import { evaluateRelations } from '../src/eval/relations.js';
import { repoRoot } from '../src/util/paths.js';

export interface BenchResult { name: string; value: number; unit: string }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Median milliseconds of the relations stage on `path`'s body repeated to about `bytes` characters. */
function stageMs(path: string, bytes: number, runs: number): { ms: number; relations: number } {
  const fm = parseFrontMatter(readFileSync(path, 'utf8'));
  const parts: string[] = [];
  for (let n = 0; n < bytes; n += fm.body.length + 2) parts.push(fm.body);
  const doc = buildDoc({ text: parts.join('\n\n'), origin: path, language: fm.fields.language ?? 'en', published: fm.fields.published ?? null });
  const entities = extractEntities(doc, runNer(doc));
  const timeline = extractTimeline(doc);
  // The parse is shared with the quotes stage and computed once, as in the pipeline; it is not counted here.
  const syntax = runSyntax(doc);
  const quotes = extractQuotes(doc, entities, () => syntax);
  const times: number[] = [];
  let relations = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    relations = extractRelations(doc, entities, quotes, timeline, () => syntax).length;
    times.push(performance.now() - t);
  }
  return { ms: median(times), relations };
}

export function benchRelationScaling(path = join(repoRoot, 'examples', 'en-trade-envoy.txt'), runs = 5): BenchResult[] {
  if (!existsSync(path)) return [];
  const small = stageMs(path, 250_000, runs);
  const large = stageMs(path, 1_000_000, runs);
  return [
    { name: `ms on ~250 KB (${small.relations} relations)`, value: Math.round(small.ms), unit: 'ms' },
    { name: `ms on ~1 MB (${large.relations} relations)`, value: Math.round(large.ms), unit: 'ms' },
    { name: '1 MB / 250 KB time ratio (4 = linear)', value: Math.round((100 * large.ms) / small.ms) / 100, unit: 'x' },
  ];
}

export async function benchRelations(): Promise<BenchResult[]> {
  const out = benchRelationScaling();
  const gold = join(repoRoot, 'test', 'gold', 'relations');
  for (const mode of ['oracle', 'pipeline'] as const) {
    const ev = evaluateRelations(gold, mode);
    out.push({ name: `gold (${mode}, ${ev.articles} articles): strict P`, value: ev.strict.precision, unit: '' });
    out.push({ name: `gold (${mode}, ${ev.articles} articles): strict R`, value: ev.strict.recall, unit: '' });
    out.push({ name: `gold (${mode}, ${ev.articles} articles): loose P`, value: ev.loose.precision, unit: '' });
    out.push({ name: `gold (${mode}, ${ev.articles} articles): loose R`, value: ev.loose.recall, unit: '' });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = process.argv[2] === '--scaling' ? benchRelationScaling(process.argv[3]) : await benchRelations();
  for (const r of rows) process.stdout.write(`${r.name}: ${r.value} ${r.unit}\n`);
}
