/** The fired alerts as an Atom feed (feedsmith writes it): what `backchannel serve` answers at /alerts.atom. */
import { generateAtomFeed } from 'feedsmith';
import type { CorpusDb } from '../../corpus/store.js';
import type { WatchDb } from '../db.js';
import type { Alert } from './types.js';

/** Entries in the feed: feed readers keep what they have seen, so the newest hundred are enough. */
export const ATOM_ENTRIES = 100;

export async function alertsAtom(corpusDb: CorpusDb, selfUrl: string, limit = ATOM_ENTRIES): Promise<string> {
  const db = corpusDb as unknown as WatchDb;
  const rows = await db.selectFrom('watch_alerts').select(['key', 'payload', 'created_at']).orderBy('seq', 'desc').limit(limit).execute();
  const alerts = rows.map((r) => JSON.parse(r.payload) as Alert);
  const updated = new Date(rows[0]?.created_at ?? 0);
  const entries = alerts.map((a) => ({
    id: `urn:backchannel:alert:${encodeURIComponent(a.key)}`,
    title: { value: a.summary },
    updated: new Date(a.firedAt),
    summary: { value: a.evidence.map((e) => `“${e.sentence}” — ${[e.outlet, e.date, e.title].filter(Boolean).join(', ')}`).join('\n') },
    categories: [{ term: a.rule }],
    ...(a.evidence.find((e) => e.url) ? { links: [{ href: a.evidence.find((e) => e.url)!.url! }] } : {}),
  }));
  return generateAtomFeed({
    id: 'urn:backchannel:alerts',
    title: { value: 'backchannel alerts' },
    updated,
    links: [{ href: selfUrl, rel: 'self' }],
    entries,
  } as never) as string;
}
