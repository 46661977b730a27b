/**
 * Time stage benchmark: words/s of extractTimeline alone on the seed article and the examples (rules
 * compiled beforehand, as in a long-running pipeline), rule compilation time, and the expression-table
 * accuracy per language. Runnable alone: node dist/bench/time.js
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDoc } from '../src/text/index.js';
import { parseFrontMatter } from '../src/text/frontmatter.js';
import type { Doc } from '../src/text/types.js';
import { extractTimeline } from '../src/time/index.js';
import { compileRuleSet } from '../src/time/rules.js';
import { evaluateTimeTable } from '../src/time/eval.js';
import { langDir, repoRoot, sharedDir } from '../src/util/paths.js';

export interface BenchResult { name: string; value: number; unit: string }

function articleFiles(): string[] {
  const out: string[] = [];
  const seedDir = join(sharedDir, 'corpus', 'seed');
  for (const dir of [seedDir, join(repoRoot, 'examples'), join(repoRoot, 'test', 'gold', 'corpus', 'articles')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push(join(dir, f));
  }
  return out;
}

function loadDocs(): Doc[] {
  return articleFiles().map((path) => {
    const fm = parseFrontMatter(readFileSync(path, 'utf8'));
    return buildDoc({ text: fm.body, origin: path, published: fm.fields.published ?? null, language: fm.fields.language ?? null });
  });
}

export async function benchTime(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const lang of ['de', 'en']) {
    const dir = join(langDir(lang), 'time');
    const t0 = performance.now();
    compileRuleSet(lang, JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')));
    out.push({ name: `time.${lang}.compile rules`, value: Math.round((performance.now() - t0) * 100) / 100, unit: 'ms' });
  }
  const docs = loadDocs();
  if (docs.length) {
    const words = docs.reduce((n, d) => n + d.tokens.length, 0);
    let items = 0;
    for (const d of docs) items += extractTimeline(d).length; // warm-up and rule loading
    const runs = 50;
    const t0 = performance.now();
    for (let r = 0; r < runs; r++) for (const d of docs) extractTimeline(d);
    const ms = (performance.now() - t0) / runs;
    out.push({ name: `time: ${docs.length} documents, ${words} tokens, ${items} expressions`, value: Math.round(ms * 1000) / 1000, unit: 'ms' });
    out.push({ name: 'time: tokens/s', value: Math.round(words / (ms / 1000)), unit: 'tokens/s' });
    out.push({ name: 'time: ms per document', value: Math.round((ms / docs.length) * 1000) / 1000, unit: 'ms' });
  }
  for (const lang of ['de', 'en']) {
    const s = evaluateTimeTable(lang);
    out.push({ name: `time.${lang}.table accuracy (${s.rows} expressions)`, value: Math.round(s.accuracy * 1000) / 10, unit: '%' });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await benchTime()) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
