/**
 * A pool of analysis threads (worker_threads): each holds its own copy of the models and analyses one
 * article at a time; `analyze` hands the article to an idle thread or queues it. A thread that dies
 * fails its article (the batch goes on) and is replaced.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../../contract/schema.js';
import type { RawArticle } from '../../text/types.js';
import { repoRoot } from '../../util/paths.js';

export type TaskResult = { task: number; ok: true; analysis: Analysis } | { task: number; ok: false; message: string };

/** The compiled worker script (under tests this module runs from src/, the script from dist/). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts') ? join(repoRoot, 'dist', 'src', 'corpus', 'parallel', 'analysis-worker.js') : join(dirname(here), 'analysis-worker.js');
  if (!existsSync(file)) throw new Error(`the analysis worker is not built at ${file}: run \`npm run build\``);
  return file;
}

interface Slot {
  worker: Worker;
  busy: { task: number; resolve: (r: TaskResult) => void } | null;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { task: number; raw: RawArticle; resolve: (r: TaskResult) => void }[] = [];
  private nextTask = 0;
  private closed = false;

  private constructor(private readonly analyzer: string | null) {}

  /** Starts `size` threads and waits until each has loaded its analyzer. */
  static async start(size: number, analyzer: string | null = null): Promise<AnalysisPool> {
    const pool = new AnalysisPool(analyzer);
    await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    return pool;
  }

  private spawn(): Promise<void> {
    const worker = new Worker(workerScript(), { workerData: { analyzer: this.analyzer } });
    const slot: Slot = { worker, busy: null };
    this.slots.push(slot);
    return new Promise((ready, fail) => {
      let started = false;
      worker.on('message', (m: TaskResult | { ready: true }) => {
        if ('ready' in m) {
          started = true;
          ready();
          this.feed(slot);
          return;
        }
        const job = slot.busy;
        slot.busy = null;
        job?.resolve(m);
        this.feed(slot);
      });
      worker.on('error', (err) => {
        if (!started) return fail(err);
        this.replace(slot, err.message);
      });
      worker.on('exit', (code) => {
        if (!this.closed && started) this.replace(slot, `analysis thread exited with code ${code}`);
      });
    });
  }

  /** A dead thread fails its article and makes room for a fresh one. */
  private replace(slot: Slot, message: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const job = slot.busy;
    slot.busy = null;
    job?.resolve({ task: job.task, ok: false, message });
    if (!this.closed) void this.spawn().catch(() => {});
  }

  private feed(slot: Slot): void {
    if (slot.busy || !this.waiting.length) return;
    const next = this.waiting.shift()!;
    slot.busy = { task: next.task, resolve: next.resolve };
    slot.worker.postMessage({ task: next.task, raw: next.raw });
  }

  analyze(raw: RawArticle): Promise<TaskResult> {
    return new Promise((resolve) => {
      this.waiting.push({ task: this.nextTask++, raw, resolve });
      const idle = this.slots.find((s) => !s.busy);
      if (idle) this.feed(idle);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
