/**
 * Quotes stage benchmark: how extractQuotes scales with document length. An example article is repeated to
 * about 250 KB and 1 MB; NER and entities run once beforehand, then the quotes stage alone is timed (median of
 * a few runs). Linear scaling keeps the ms per 100 KB about equal at both sizes (1 MB / 250 KB ratio near 4).
 * Runnable alone: node dist/bench/quotes.js
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/text/types.js';
import { buildDoc } from '../src/text/index.js';
import { parseFrontMatter } from '../src/text/frontmatter.js';
import { runNer } from '../src/ml/ner-stage.js';
import { extractEntities } from '../src/entities/index.js';
import { extractQuotes } from '../src/quotes/index.js';
import { repoRoot } from '../src/util/paths.js';

export interface BenchResult { name: string; value: number; unit: string }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** An example article's body repeated to about `bytes` characters (paragraph breaks between copies). */
function repeatedDoc(path: string, bytes: number): Doc {
  const fm = parseFrontMatter(readFileSync(path, 'utf8'));
  const parts: string[] = [];
  for (let n = 0; n < bytes; n += fm.body.length + 2) parts.push(fm.body);
  return buildDoc({ text: parts.join('\n\n'), origin: path, language: fm.fields.language ?? 'en', published: fm.fields.published ?? null });
}

export async function benchQuotes(runs = 5): Promise<BenchResult[]> {
  const src = join(repoRoot, 'examples', 'en-trade-envoy.txt');
  if (!existsSync(src)) return [];
  const out: BenchResult[] = [];
  const perSize: number[] = [];
  for (const bytes of [250_000, 1_000_000]) {
    const doc = repeatedDoc(src, bytes);
    const entities = extractEntities(doc, runNer(doc));
    for (let w = 0; w < 2; w++) extractQuotes(doc, entities); // warm-up (lexicon load, JIT)
    const times: number[] = [];
    for (let r = 0; r < runs; r++) { const t = performance.now(); extractQuotes(doc, entities); times.push(performance.now() - t); }
    const ms = median(times);
    perSize.push(ms);
    const kb = Math.round(doc.text.length / 1000);
    out.push({ name: `ms per 100 KB on ~${kb} KB (example repeated)`, value: Math.round((ms * 100_000 / doc.text.length) * 10) / 10, unit: 'ms' });
  }
  out.push({ name: '1 MB / 250 KB time ratio (4 = linear)', value: Math.round((100 * perSize[1]) / perSize[0]) / 100, unit: 'x' });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchQuotes().then((rows) => { for (const r of rows) process.stdout.write(`${r.name}: ${r.value} ${r.unit}\n`); });
}
