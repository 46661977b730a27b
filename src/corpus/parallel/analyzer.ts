/**
 * Which analysis ingest runs: the pipeline by default, or a module named by path that exports
 * `analyzeArticle(raw): Analysis` (a custom pipeline, or the benches' synthetic corpus). Worker threads
 * and queue workers load it by name, since a function cannot travel to another thread or machine.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../contract/schema.js';
import type { RawArticle } from '../../text/types.js';

export type AnalyzeFn = (raw: RawArticle) => Analysis;

/** A module specifier for import(): file paths (relative to the working directory) become file URLs. */
export function analyzerUrl(spec: string): string {
  if (/^(file|data|node):/.test(spec)) return spec;
  return pathToFileURL(isAbsolute(spec) ? spec : resolve(spec)).href;
}

export async function loadAnalyzer(spec?: string | null): Promise<AnalyzeFn> {
  if (!spec) return (await import('../../pipeline/analyze.js')).analyzeArticle;
  const mod = (await import(analyzerUrl(spec))) as { analyzeArticle?: unknown };
  if (typeof mod.analyzeArticle !== 'function') throw new Error(`analyzer ${spec} does not export analyzeArticle(raw)`);
  return mod.analyzeArticle as AnalyzeFn;
}
