/**
 * Linearity benchmark: the whole pipeline on a text without sentence punctuation, at 50 KB and at 200 KB,
 * and the time ratio (4× the text should cost at most about 4×; the hardening target is ≤ 4.5×). The text is
 * the news corpus of ../shared with every character that is neither letter, digit nor space removed (read at
 * run time, never stored), or a generated word stream without it. Per-stage ratios show where time grows.
 * Runnable alone: node dist/bench/linearity.js
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyzeArticle, prepareLanguage } from '../src/pipeline/analyze.js';
import { parseFrontMatter } from '../src/text/frontmatter.js';
import { sharedDir } from '../src/util/paths.js';

export interface BenchResult { name: string; value: number; unit: string }

const SMALL_KB = 50;
const LARGE_KB = 200;

/** At least `chars` characters of run-on text in a language, from the news corpus or generated. */
export function runOnText(lang: string, chars: number): string {
  const dir = join(sharedDir, 'corpus', 'news', lang);
  let src = '';
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) src += parseFrontMatter(readFileSync(join(dir, f), 'utf8')).body + ' ';
    src = src.replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ');
  } else {
    const words = lang === 'de' ? 'die Regierung in Berlin teilte mit dass der Minister am Montag mit dem Präsidenten über Handel gesprochen habe' : 'the government in Washington said that the minister met the president on Monday to talk about trade';
    src = words + ' ';
  }
  while (src.length < chars) src += src;
  return src.slice(0, chars);
}

function timeOne(lang: string, text: string): { ms: number; stages: Record<string, number> } {
  const t0 = performance.now();
  const a = analyzeArticle({ text, origin: '<bench>', language: lang, published: '2024-01-01' });
  return { ms: performance.now() - t0, stages: a.meta.timings };
}

export async function benchLinearity(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const lang of ['de', 'en']) {
    await prepareLanguage(lang);
    timeOne(lang, runOnText(lang, 5000)); // warm-up: model loads are no part of the ratio
    const small = timeOne(lang, runOnText(lang, SMALL_KB * 1024));
    const large = timeOne(lang, runOnText(lang, LARGE_KB * 1024));
    rows.push({ name: `${lang} run-on text ${SMALL_KB} KB`, value: Math.round(small.ms), unit: 'ms' });
    rows.push({ name: `${lang} run-on text ${LARGE_KB} KB`, value: Math.round(large.ms), unit: 'ms' });
    rows.push({ name: `${lang} time ratio ${LARGE_KB} KB / ${SMALL_KB} KB (target ≤ 4.5)`, value: Math.round((large.ms / small.ms) * 100) / 100, unit: '×' });
    for (const [stage, ms] of Object.entries(large.stages)) {
      if (stage === 'total' || small.stages[stage] < 20) continue; // ratios of a few milliseconds are noise
      rows.push({ name: `${lang} stage ${stage} ratio`, value: Math.round((ms / small.stages[stage]) * 100) / 100, unit: '×' });
    }
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchLinearity()) process.stdout.write(`${r.name}\t${r.value} ${r.unit}\n`);
}
