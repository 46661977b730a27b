/**
 * The pipeline with a time and memory budget per document. The stages are synchronous, so a document that
 * takes too long cannot be interrupted in the thread that runs it: it runs in a worker thread, which is
 * terminated when the budget is spent (or its heap limit is hit), and the next document gets a fresh worker.
 * A pathological document then fails with a message naming it, and the batch goes on.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../contract/schema.js';
import { validateAnalysis } from '../contract/validate.js';
import type { RawArticle } from '../text/types.js';
import { detectLanguage } from '../text/language.js';
import { normalizeText } from '../text/normalize.js';
import { analyzeArticle, prepareLanguage, type AnalyzeLayers } from './analyze.js';

/** Default seconds per document: news articles take well under one; a 2 MiB text without punctuation about 60 on a busy 2-core machine. */
export const DEFAULT_TIMEOUT_S = 120;
/** The worker's heap: a 2 MiB article (the default size limit) needs about 400 MB; an out-of-memory worker fails that document only. */
const WORKER_HEAP_MB = 3072;

export type WorkerRequest = { id: number; kind: 'prepare' | 'analyze'; raw: RawArticle; layers?: AnalyzeLayers };
export type WorkerReply = { id: number; ok: true; analysis?: Analysis } | { id: number; ok: false; message: string };

export class BudgetError extends Error {}

const WORKER_URL = new URL('./budget-worker.js', import.meta.url);

export class TimedAnalyzer {
  private worker: Worker | null = null;
  private nextId = 0;
  private pending: { id: number; worker: Worker; resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly timeoutS: number = DEFAULT_TIMEOUT_S, private readonly layers: AnalyzeLayers = {}) {}

  /** The validated analysis, or a rejection whose message says what went wrong (and never names the file: the caller does). */
  async analyze(raw: RawArticle): Promise<Analysis> {
    // Run from the TypeScript sources (vitest), there is no compiled worker: the same work in this thread, unbudgeted.
    if (!existsSync(fileURLToPath(WORKER_URL))) {
      await prepareLanguage(raw.language ?? detectLanguage(normalizeText(raw.text)).language);
      return validateAnalysis(analyzeArticle(raw, this.layers));
    }
    // Loading a language's models is no part of a document's budget.
    await this.call('prepare', raw, null);
    const reply = await this.call('analyze', raw, this.timeoutS * 1000);
    return (reply as { analysis: Analysis }).analysis;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.on('message', (r: WorkerReply) => {
      const p = this.pending;
      if (!p || p.id !== r.id) return;
      this.pending = null;
      p.resolve(r);
    });
    const die = (message: string) => {
      if (this.worker === w) this.worker = null;
      // A worker terminated for its time budget exits later, while the next document already waits on a new one.
      const p = this.pending;
      if (p?.worker !== w) return;
      this.pending = null;
      p.reject(new BudgetError(message));
    };
    w.on('error', (e: Error & { code?: string }) => die(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `analysis ran out of memory (over ${WORKER_HEAP_MB} MB)` : `analysis crashed: ${e.message}`));
    w.on('exit', (code) => die(`analysis stopped (worker exit ${code})`));
    return w;
  }

  private call(kind: WorkerRequest['kind'], raw: RawArticle, timeoutMs: number | null): Promise<WorkerReply> {
    const w = (this.worker ??= this.spawn());
    const id = ++this.nextId;
    return new Promise<WorkerReply>((resolve, reject) => {
      let timer: NodeJS.Timeout | null = null;
      const done = () => { if (timer) clearTimeout(timer); };
      this.pending = {
        id,
        worker: w,
        resolve: (r) => { done(); if (r.ok) resolve(r); else reject(new Error(r.message)); },
        reject: (e) => { done(); reject(e); },
      };
      if (timeoutMs !== null) {
        timer = setTimeout(() => {
          const p = this.pending;
          this.pending = null;
          this.worker = null;
          void w.terminate();
          p?.reject(new BudgetError(`analysis took longer than ${this.timeoutS} s, the limit per document (raise it with --timeout)`));
        }, timeoutMs);
      }
      w.postMessage({ id, kind, raw, layers: this.layers } satisfies WorkerRequest);
    });
  }
}
