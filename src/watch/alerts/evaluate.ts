/**
 * Alerts are raised from the store, not from the poller: every article stored after the alert cursor
 * (articles.seq, kept in watch_state) is looked at once, in seq order, by any path it came in (watch or
 * ingest). A batch of articles' alerts and the cursor move in one transaction, and each alert key is stored
 * once (watch_alerts), so a crash at any point neither loses nor repeats an alert.
 */
import { num, type Store } from '../../corpus/store.js';
import { getState, setState, watchDb, watchTransaction, type WatchDb, type WatchTx } from '../db.js';
import { activeWatched, resolvePending } from '../watchlist.js';
import { articleAlerts } from './article-rules.js';
import { channelAlerts } from './channel-rule.js';
import type { Alert } from './types.js';

export const CURSOR = 'alerts.seq';
/** Articles read per query while catching up. */
const BATCH = 200;

/** Starts the cursor at the newest stored article, unless it is set: the corpus's history raises no alerts. */
export async function initCursor(db: WatchDb): Promise<void> {
  if ((await getState(db, CURSOR)) != null) return;
  const row = await db.selectFrom('articles').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  await setState(db, CURSOR, String(num(row?.m)));
}

/** Looks at every article past the cursor; returns the alerts stored now (each fired once). */
export async function evaluateAlerts(store: Store, now: Date): Promise<Alert[]> {
  const db = watchDb(store);
  await resolvePending(store, now);
  await initCursor(db);
  const watched = new Set(await activeWatched(db));
  const firedAt = now.toISOString();
  const fired: Alert[] = [];
  let seen = 0;
  for (;;) {
    const cursor = Number(await getState(db, CURSOR));
    const arts = await db.selectFrom('articles').select(['id', 'seq', 'title', 'url', 'source', 'published', 'duplicate_of']).where('seq', '>', cursor).orderBy('seq').limit(BATCH).execute();
    if (!arts.length) break;
    // one transaction per batch: its articles' alerts and the cursor past them land together (a commit per
    // article was a tenth of the watch bench's time)
    await watchTransaction(store, async (tx) => {
      for (const a of arts) {
        const alerts = a.duplicate_of ? [] : await articleAlerts(tx, { ...a, seq: num(a.seq) }, watched, firedAt);
        fired.push(...(await storeAlerts(tx, alerts, a.id)));
      }
      await setState(tx, CURSOR, String(num(arts.at(-1)!.seq)));
    });
    seen += arts.length;
  }
  if (seen && watched.size >= 2) {
    await watchTransaction(store, async (tx) => fired.push(...(await storeAlerts(tx, await channelAlerts(tx, [...watched], firedAt), null))));
  }
  return fired;
}

/** Stores the alerts whose keys are new; returns those. */
async function storeAlerts(tx: WatchTx, alerts: Alert[], articleId: string | null): Promise<Alert[]> {
  const out: Alert[] = [];
  for (const alert of alerts) {
    const exists = await tx.selectFrom('watch_alerts').select('key').where('key', '=', alert.key).executeTakeFirst();
    if (exists) continue;
    const m = await tx.selectFrom('watch_alerts').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    await tx
      .insertInto('watch_alerts')
      .values({ key: alert.key, seq: num(m?.m) + 1, rule: alert.rule, created_at: alert.firedAt, article_id: articleId ?? alert.evidence.at(-1)?.articleId ?? null, payload: JSON.stringify(alert), printed: 0, webhook_done: 0, webhook_attempts: 0 })
      .execute();
    out.push(alert);
  }
  return out;
}
