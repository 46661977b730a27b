/** What one running `watch` shares between its parts: the store, HTTP settings, the per-host gate, the analyzer, the clock. */
import type { Analysis } from '../contract/schema.js';
import type { Store } from '../corpus/store.js';
import type { RawArticle } from '../text/types.js';
import { HostGate } from './host-gate.js';
import { DEFAULT_HTTP, type HttpOptions } from './http.js';

/** An article text longer than this is refused (the ingest default for files, 2 MiB, in characters). */
export const DEFAULT_MAX_ITEM_CHARS = 2 * 1024 * 1024;

export interface WatchStats {
  polls: number;
  notModified: number;
  failures: number;
  /** Articles stored new (not copies, not already stored). */
  ingested: number;
  items: number;
}

export interface WatchContext {
  store: Store;
  http: HttpOptions;
  gate: HostGate;
  analyze: (raw: RawArticle) => Analysis | Promise<Analysis>;
  intervalMs: number;
  maxItemChars: number;
  now: () => Date;
  log: (line: string) => void;
  stats: WatchStats;
}

export function makeContext(store: Store, analyze: WatchContext['analyze'], opts: Partial<Omit<WatchContext, 'store' | 'analyze' | 'stats' | 'gate'>> = {}): WatchContext {
  return {
    store,
    analyze,
    http: opts.http ?? DEFAULT_HTTP,
    gate: new HostGate(),
    intervalMs: opts.intervalMs ?? 600_000,
    maxItemChars: opts.maxItemChars ?? DEFAULT_MAX_ITEM_CHARS,
    now: opts.now ?? (() => new Date()),
    log: opts.log ?? (() => {}),
    stats: { polls: 0, notModified: 0, failures: 0, ingested: 0, items: 0 },
  };
}

/** An async function that runs one call at a time, in call order (the time-limited analyzer holds one document at once). */
export function oneAtATime<A, R>(fn: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (arg: A) => {
    const run = tail.then(() => fn(arg));
    tail = run.catch(() => {});
    return run;
  };
}
