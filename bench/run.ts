/**
 * npm run bench [DIR...] [--runs N] [--only pipeline|ner|time|corpus] [--syntax]
 * Whole-pipeline and per-stage throughput (words/s, documents/s), peak memory, medians over several
 * runs; then each stage's own micro-benchmarks where a stage provides one (bench/<stage>.ts).
 * Default input: ../shared/corpus and examples/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyzeArticle, prepareLanguage } from '../src/pipeline/analyze.js';
import { listInputs, readInputFile } from '../src/text/input.js';
import type { RawArticle } from '../src/text/types.js';
import { repoRoot, sharedDir } from '../src/util/paths.js';
import { detectLanguage } from '../src/text/language.js';

export interface BenchRow { name: string; value: number; unit: string }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function loadArticles(paths: string[]): Promise<RawArticle[]> {
  const { files } = await listInputs(paths);
  const out: RawArticle[] = [];
  for (const f of files) for (const item of await readInputFile(f)) if (item.ok) out.push(item.article);
  return out;
}

export async function benchPipeline(paths: string[], runs: number, syntax = false): Promise<BenchRow[]> {
  const articles = await loadArticles(paths);
  if (!articles.length) throw new Error(`no articles under ${paths.join(', ')}`);
  for (const a of articles) await prepareLanguage(a.language ?? detectLanguage(a.text).language);
  const words = articles.reduce((n, a) => n + (a.text.match(/\S+/g)?.length ?? 0), 0);
  analyzeArticle(articles[0], { syntax }); // warm-up: lazy model loads are not throughput
  const totals: number[] = [];
  const stages = new Map<string, number[]>();
  let peakRss = process.memoryUsage().rss;
  for (let r = 0; r < runs; r++) {
    const perStage = new Map<string, number>();
    const t0 = performance.now();
    for (const a of articles) {
      const res = analyzeArticle(a, { syntax });
      for (const [k, v] of Object.entries(res.meta.timings)) if (k !== 'total') perStage.set(k, (perStage.get(k) ?? 0) + v);
    }
    totals.push(performance.now() - t0);
    for (const [k, v] of perStage) (stages.get(k) ?? stages.set(k, []).get(k)!).push(v);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const t = median(totals) / 1000;
  const rows: BenchRow[] = [
    { name: `pipeline${syntax ? ' with syntax' : ''}: ${articles.length} documents, ${words} words, median of ${runs} runs`, value: Math.round(median(totals)), unit: 'ms' },
    { name: 'pipeline words/s', value: Math.round(words / t), unit: 'words/s' },
    { name: 'pipeline documents/s', value: Math.round((articles.length / t) * 10) / 10, unit: 'docs/s' },
  ];
  const total = [...stages.values()].reduce((s, xs) => s + median(xs), 0);
  for (const [k, xs] of stages) {
    const ms = median(xs);
    rows.push({ name: `stage ${k}: share of pipeline time`, value: Math.round((1000 * ms) / total) / 10, unit: '%' });
    rows.push({ name: `stage ${k}: words/s`, value: ms > 0 ? Math.round(words / (ms / 1000)) : Infinity, unit: 'words/s' });
  }
  rows.push({ name: 'peak resident memory', value: Math.round(peakRss / 1024 / 1024), unit: 'MiB' });
  return rows;
}

/** Stage micro-benchmarks, each in bench/<name>.ts exporting bench<Name>(). Missing ones are skipped. */
async function stageBenches(only: string | null): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const name of ['ner', 'syntax', 'entities', 'time', 'quotes', 'relations', 'corpus', 'linearity', 'watch']) {
    if (only && only !== name) continue;
    const file = join(repoRoot, 'dist', 'bench', `${name}.js`);
    if (!existsSync(file)) continue;
    const mod = await import(pathToFileURL(file).href);
    const fn = mod[`bench${name[0].toUpperCase()}${name.slice(1)}`];
    if (typeof fn !== 'function') continue;
    process.stderr.write(`bench: ${name}…\n`);
    for (const r of (await fn()) as BenchRow[]) rows.push({ ...r, name: `${name}: ${r.name}` });
  }
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let runs = 5;
  let only: string | null = null;
  let syntax = false;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else if (args[i] === '--only') only = args[++i];
    else if (args[i] === '--syntax') syntax = true; // the pipeline with the syntax layer (tagger + parser)
    else if (args[i] === '--help') { process.stdout.write('npm run bench [-- DIR... --runs N --only pipeline|ner|syntax|entities|time|quotes|relations|corpus|linearity|watch --syntax]\n'); return; }
    else paths.push(args[i]);
  }
  if (!paths.length) paths.push(...[join(sharedDir, 'corpus'), join(repoRoot, 'examples')].filter(existsSync));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`backchannel bench — ${cpu}, ${cpus().length} cores, Node ${process.version}\n\n`);
  const rows: BenchRow[] = [];
  if (!only || only === 'pipeline') rows.push(...(await benchPipeline(paths, runs, syntax)));
  rows.push(...(await stageBenches(only)));
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) process.stdout.write(`${r.name.padEnd(w)}  ${String(r.value).padStart(12)} ${r.unit}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => { process.stderr.write(`bench: ${(e as Error).message}\n`); process.exit(1); });
}
