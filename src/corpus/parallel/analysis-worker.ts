/**
 * A worker thread of `ingest --workers N`: loads the analyzer once, then analyses the articles the main
 * thread sends, one at a time, and posts each analysis (or its error) back with the task number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RawArticle } from '../../text/types.js';
import { loadAnalyzer } from './analyzer.js';
import type { TaskResult } from './pool.js';

const port = parentPort!;
const analyze = await loadAnalyzer((workerData as { analyzer: string | null }).analyzer);
port.on('message', (m: { task: number; raw: RawArticle }) => {
  let out: TaskResult;
  try {
    out = { task: m.task, ok: true, analysis: analyze(m.raw) };
  } catch (err) {
    out = { task: m.task, ok: false, message: (err as Error).message };
  }
  port.postMessage(out);
});
port.postMessage({ ready: true });
