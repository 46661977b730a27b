/**
 * The alerts one newly stored article raises for the watchlist:
 * - pair: a relation (tie or event) between two watched actors;
 * - neighbour: a relation between a watched actor and someone who already has a tie to another watched actor;
 * - anonymous: a statement by an anonymous source group that is about a watched actor;
 * - newcomer: a person or organisation mentioned next to a watched actor (same paragraph, or a relation)
 *   for the first time in the corpus.
 * "New" means: no earlier article (lower seq) states the same relation (pair, predicate, modality, time).
 * Syndicated copies store no relations, quotes or co-mentions, so they raise nothing.
 */
import type { Analysis } from '../../contract/schema.js';
import { contentHash } from '../../corpus/normalize.js';
import { num } from '../../corpus/store.js';
import { describeRelation } from '../../relations/describe.js';
import type { WatchTx } from '../db.js';
import { actorRefs, evidenceOf, sentenceNaming, type ArticleMeta } from './evidence.js';
import type { Alert } from './types.js';

/** Actor types that count as a newcomer next to a watched actor (places and other names are context, not contacts). */
const NEWCOMER_TYPES = new Set(['person', 'organization']);

export async function articleAlerts(tx: WatchTx, art: ArticleMeta, watched: Set<string>, firedAt: string): Promise<Alert[]> {
  if (!watched.size) return [];
  const out: Alert[] = [];
  const rels = await tx.selectFrom('relations').selectAll().where('article_id', '=', art.id).orderBy('id').execute();
  const others = new Set<string>();
  for (const r of rels) {
    const sw = watched.has(r.subject);
    const ow = watched.has(r.object);
    if (!sw && !ow) continue;
    if (await statedBefore(tx, art.seq, r)) continue;
    const names = await actorRefs(tx, [r.subject, r.object]);
    const what = `${names.get(r.subject)!.name} ${describeRelation(r as never)} ${names.get(r.object)!.name}`;
    const ev = [evidenceOf(art, r.sentence, r.date)];
    const event = `${r.predicate}|${r.modality}|${r.time_value ?? ''}`;
    if (sw && ow) {
      const [a, b] = [r.subject, r.object].sort();
      out.push({ key: `pair|${a}|${b}|${event}`, rule: 'pair', summary: what, actors: [names.get(r.subject)!, names.get(r.object)!], evidence: ev, firedAt });
      continue;
    }
    const [x, z] = sw ? [r.subject, r.object] : [r.object, r.subject];
    others.add(z);
    const via = await watchedNeighbour(tx, z, x, watched);
    if (via) {
      const viaRef = (await actorRefs(tx, [via])).get(via)!;
      out.push({ key: `neighbour|${x}|${z}|${event}`, rule: 'neighbour', summary: `${what} (a contact of ${viaRef.name})`, actors: [names.get(x)!, names.get(z)!], via: viaRef, evidence: ev, firedAt });
    }
  }
  out.push(...(await anonymousAlerts(tx, art, watched, firedAt)));
  out.push(...(await newcomerAlerts(tx, art, watched, rels, firedAt)));
  return out;
}

/** Does an earlier article state the same relation? */
async function statedBefore(tx: WatchTx, seq: number, r: { subject: string; object: string; predicate: string; modality: string; time_value: string | null }): Promise<boolean> {
  let q = tx
    .selectFrom('relations as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select('r.id')
    .where('r.subject', '=', r.subject)
    .where('r.object', '=', r.object)
    .where('r.predicate', '=', r.predicate)
    .where('r.modality', '=', r.modality)
    .where('a.seq', '<', seq);
  q = r.time_value == null ? q.where('r.time_value', 'is', null) : q.where('r.time_value', '=', r.time_value);
  return !!(await q.executeTakeFirst());
}

/** A watched actor other than `except` that `actor` has a relation edge with, or null. */
async function watchedNeighbour(tx: WatchTx, actor: string, except: string, watched: Set<string>): Promise<string | null> {
  const rows = await tx
    .selectFrom('edges')
    .select(['subject', 'object'])
    .where((eb) => eb.or([eb('subject', '=', actor), eb('object', '=', actor)]))
    .execute();
  const ns = rows.map((r) => (r.subject === actor ? r.object : r.subject)).filter((n) => n !== except && watched.has(n)).sort();
  return ns[0] ?? null;
}

async function anonymousAlerts(tx: WatchTx, art: ArticleMeta, watched: Set<string>, firedAt: string): Promise<Alert[]> {
  const rows = await tx
    .selectFrom('quotes as q')
    .innerJoin('quote_about as qa', 'qa.quote_id', 'q.id')
    .select(['q.id', 'q.text', 'q.source_label', 'qa.actor_id'])
    .where('q.article_id', '=', art.id)
    .where('q.speaker', 'is', null)
    .where('q.source_label', 'is not', null)
    .orderBy('q.id')
    .execute();
  const out: Alert[] = [];
  for (const q of rows.filter((r) => watched.has(r.actor_id))) {
    const x = (await actorRefs(tx, [q.actor_id])).get(q.actor_id)!;
    out.push({
      key: `anonymous|${q.actor_id}|${contentHash(q.text)}`,
      rule: 'anonymous',
      summary: `${q.source_label} (anonymous) about ${x.name}: “${q.text}”`,
      actors: [x],
      evidence: [evidenceOf(art, q.text)],
      firedAt,
    });
  }
  return out;
}

async function newcomerAlerts(tx: WatchTx, art: ArticleMeta, watched: Set<string>, rels: { subject: string; object: string }[], firedAt: string): Promise<Alert[]> {
  const pairs = new Map<string, [string, string]>();
  const consider = (a: string, b: string) => {
    for (const [x, z] of [[a, b], [b, a]]) if (watched.has(x) && !watched.has(z) && x !== z) pairs.set(x + '\u0000' + z, [x, z]);
  };
  for (const c of await tx.selectFrom('comentions').select(['a', 'b']).where('article_id', '=', art.id).execute()) consider(c.a, c.b);
  for (const r of rels) consider(r.subject, r.object);
  if (!pairs.size) return [];
  const types = new Map((await tx.selectFrom('actors').select(['id', 'type']).where('id', 'in', [...pairs.values()].map((p) => p[1])).execute()).map((r) => [r.id, r.type]));
  let analysis: Analysis | null = null;
  const out: Alert[] = [];
  for (const [x, z] of [...pairs.values()].sort()) {
    if (!NEWCOMER_TYPES.has(types.get(z) ?? '')) continue;
    if (await seenTogetherBefore(tx, art.seq, x, z)) continue;
    analysis ??= JSON.parse((await tx.selectFrom('articles').select('analysis').where('id', '=', art.id).executeTakeFirstOrThrow()).analysis) as Analysis;
    const sentence = (await sentenceNaming(tx, art.id, analysis, x, z)) ?? art.title ?? '';
    const names = await actorRefs(tx, [x, z]);
    out.push({ key: `newcomer|${x}|${z}`, rule: 'newcomer', summary: `${names.get(z)!.name} appears next to ${names.get(x)!.name} for the first time`, actors: [names.get(x)!, names.get(z)!], evidence: [evidenceOf(art, sentence)], firedAt });
  }
  return out;
}

/** Were x and z mentioned in one paragraph, or related, in an earlier article? */
async function seenTogetherBefore(tx: WatchTx, seq: number, x: string, z: string): Promise<boolean> {
  const [a, b] = [x, z].sort();
  const c = await tx
    .selectFrom('comentions as c')
    .innerJoin('articles as ar', 'ar.id', 'c.article_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('c.a', '=', a)
    .where('c.b', '=', b)
    .where('ar.seq', '<', seq)
    .executeTakeFirst();
  if (num(c?.n) > 0) return true;
  const r = await tx
    .selectFrom('relations as r')
    .innerJoin('articles as ar', 'ar.id', 'r.article_id')
    .select('r.id')
    .where((eb) => eb.or([eb.and([eb('r.subject', '=', x), eb('r.object', '=', z)]), eb.and([eb('r.subject', '=', z), eb('r.object', '=', x)])]))
    .where('ar.seq', '<', seq)
    .executeTakeFirst();
  return !!r;
}
