/**
 * Delivering stored alerts: JSON Lines on stdout and an optional webhook. Each output keeps its own flag
 * per alert (watch_alerts.printed, webhook_done), set right after the alert went out, so a restarted
 * watcher sends what the last one had not. The webhook is retried with growing pauses within a round and
 * again in later rounds, up to WEBHOOK_MAX_ATTEMPTS; then it is given up (webhook_done = -1) and logged.
 */
import { num, type Store } from '../../corpus/store.js';
import { watchDb } from '../db.js';
import { USER_AGENT } from '../http.js';

/** Tries per alert in all rounds together: with the pauses below, an hour-long outage of the receiver is bridged at a 10-minute interval. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
/** Pauses before the 2nd and 3rd try within one round. */
export const WEBHOOK_PAUSES_MS = [1000, 4000];
const WEBHOOK_TIMEOUT_MS = 10_000;

/** Writes every alert not yet printed, in firing order; returns how many. */
export async function printPending(store: Store, write: (line: string) => void): Promise<number> {
  const db = watchDb(store);
  const rows = await db.selectFrom('watch_alerts').select(['key', 'payload']).where('printed', '=', 0).orderBy('seq').execute();
  for (const r of rows) {
    write(r.payload + '\n');
    await db.updateTable('watch_alerts').set({ printed: 1 }).where('key', '=', r.key).execute();
  }
  return rows.length;
}

export interface WebhookOptions {
  url: string;
  pausesMs?: number[];
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** POSTs every alert the webhook has not accepted yet (2xx); returns how many were accepted now. */
export async function postPending(store: Store, o: WebhookOptions): Promise<number> {
  const db = watchDb(store);
  const rows = await db.selectFrom('watch_alerts').select(['key', 'payload', 'webhook_attempts']).where('webhook_done', '=', 0).orderBy('seq').execute();
  let sent = 0;
  for (const r of rows) {
    let attempts = num(r.webhook_attempts);
    let ok = false;
    let last = '';
    for (const pause of [0, ...(o.pausesMs ?? WEBHOOK_PAUSES_MS)]) {
      if (attempts >= WEBHOOK_MAX_ATTEMPTS) break;
      if (pause) await new Promise((res) => setTimeout(res, pause));
      attempts++;
      try {
        const res = await fetch(o.url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT }, body: r.payload, signal: AbortSignal.timeout(o.timeoutMs ?? WEBHOOK_TIMEOUT_MS) });
        await res.body?.cancel().catch(() => {});
        if (res.ok) {
          ok = true;
          break;
        }
        last = `HTTP ${res.status}`;
      } catch (err) {
        last = (err as Error).message;
      }
    }
    const done = ok ? 1 : attempts >= WEBHOOK_MAX_ATTEMPTS ? -1 : 0;
    await db.updateTable('watch_alerts').set({ webhook_done: done, webhook_attempts: attempts }).where('key', '=', r.key).execute();
    if (ok) sent++;
    else {
      o.log?.(`webhook ${o.url}: alert ${r.key} not accepted (${last})${done === -1 ? '; given up' : '; retried next round'}`);
      // the receiver is down: the rest waits for the next round instead of each spending its own retries now
      if (done === 0) break;
    }
  }
  return sent;
}
