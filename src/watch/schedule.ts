/** When a feed is polled next: after a success, one interval on; after failures, exponentially later. */

/** The longest a failing feed waits between tries: it is still tried four times a day. */
export const MAX_BACKOFF_MS = 6 * 3600_000;
/** A Retry-After beyond this is capped: a server asking for a week of silence is retried after a day. */
export const MAX_RETRY_AFTER_MS = 24 * 3600_000;

/** Delay after the n-th consecutive failure (n ≥ 1): interval · 2^(n−1), capped; never sooner than Retry-After asks. */
export function backoffMs(intervalMs: number, failures: number, retryAfterMs: number | null): number {
  const exp = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.max(exp, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** "10m", "90s", "1h", "500ms" or a number of seconds → milliseconds. */
export function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new Error(`expects a duration such as 10m, 90s or 1h, not ${v}`);
  const ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3600_000 }[(m[2] ?? 's') as 's'];
  if (ms <= 0) throw new Error(`expects a positive duration, not ${v}`);
  return ms;
}
