/**
 * Cross-document actors: decides which corpus actor an article's entity is, and why.
 *  1. the same stable id (the entities stage gives countries and capitals one id in every language);
 *  2. a shared name or alias (folded: accents, dots, case) with an actor of the same type — for people
 *     only full names count, since a surname alone is shared by many;
 *  3. for people, a lone surname that only one person in the corpus carries ("Trump" ~ "Donald Trump"),
 *     in either order of arrival;
 *  otherwise a new actor. Ambiguous matches are not merged; the evidence of every decision is stored.
 */
import type { Transaction } from 'kysely';
import type { Entity } from '../contract/schema.js';
import type { CorpusDatabase, ActorsTable } from './db.js';
import { isSingleWord, normName, surnameKey } from './normalize.js';

export interface ActorDecision {
  actorId: string;
  reason: 'id' | 'alias' | 'surname' | 'new';
  evidence: string;
  /** The actor row as it was before this article (null for a new actor). */
  existing: ActorsTable | null;
}

type Tx = Transaction<CorpusDatabase>;

export function entityNames(e: Entity): string[] {
  const names = new Map<string, string>();
  for (const n of [e.name, ...e.aliases]) {
    const k = normName(n);
    if (k && !names.has(k)) names.set(k, n);
  }
  return [...names.keys()];
}

export async function resolveEntity(tx: Tx, e: Entity): Promise<ActorDecision> {
  const byId = await tx.selectFrom('actors').selectAll().where('id', '=', e.id).executeTakeFirst();
  if (byId) return { actorId: byId.id, reason: 'id', evidence: `same stable id ${e.id}`, existing: byId };

  // a person's one-word forms ("Prado") are surnames, not names: several people share them (rule 3)
  const names = entityNames(e).filter((n) => e.type !== 'person' || n.includes(' '));
  if (names.length) {
    const hits = await tx
      .selectFrom('actor_aliases')
      .innerJoin('actors', 'actors.id', 'actor_aliases.actor_id')
      .select(['actors.id as id', 'actor_aliases.alias as alias', 'actors.name as name'])
      .where('actor_aliases.norm', 'in', names)
      .where('actors.type', '=', e.type)
      .execute();
    const ids = [...new Set(hits.map((h) => h.id))];
    if (ids.length === 1) {
      const h = hits[0];
      const existing = (await tx.selectFrom('actors').selectAll().where('id', '=', h.id).executeTakeFirst()) ?? null;
      return { actorId: h.id, reason: 'alias', evidence: `"${e.name}" shares the name "${h.alias}" with ${h.name}`, existing };
    }
    if (ids.length > 1) {
      const who = [...new Set(hits.map((h) => h.name))].join(', ');
      return { actorId: e.id, reason: 'new', evidence: `kept apart: the name "${e.name}" fits several actors (${who})`, existing: null };
    }
  }

  if (e.type === 'person') {
    const single = isSingleWord(e.name);
    const key = single ? '~' + normName(e.name) : normName(e.name).split(' ').pop()!;
    const q = tx
      .selectFrom('actor_aliases')
      .innerJoin('actors', 'actors.id', 'actor_aliases.actor_id')
      .select(['actors.id as id', 'actors.name as name'])
      .where('actor_aliases.norm', '=', key)
      .where('actors.type', '=', 'person');
    const hits = (await q.execute()).filter((h) => (single ? true : isSingleWord(h.name)));
    const ids = [...new Set(hits.map((h) => h.id))];
    if (ids.length === 1) {
      const existing = (await tx.selectFrom('actors').selectAll().where('id', '=', ids[0]).executeTakeFirst()) ?? null;
      const evidence = single
        ? `"${e.name}" is the surname of ${hits[0].name}, the only person in the corpus with that surname`
        : `${hits[0].name} (surname only) is the only person in the corpus with the surname of "${e.name}"`;
      return { actorId: ids[0], reason: 'surname', evidence, existing };
    }
    if (ids.length > 1) {
      const who = [...new Set(hits.map((h) => h.name))].join(', ');
      return { actorId: e.id, reason: 'new', evidence: `kept apart: the surname "${e.name}" fits several people (${who})`, existing: null };
    }
  }
  return { actorId: e.id, reason: 'new', evidence: `first seen as "${e.name}"`, existing: null };
}

/** Lookup keys an entity adds to its actor: each folded name, and a person's surname key. */
export function aliasRows(e: Entity, actorId: string): { norm: string; actor_id: string; alias: string }[] {
  const rows = new Map<string, { norm: string; actor_id: string; alias: string }>();
  for (const n of [e.name, ...e.aliases]) {
    const norm = normName(n);
    if (norm && !rows.has(norm)) rows.set(norm, { norm, actor_id: actorId, alias: n });
    if (e.type === 'person') {
      const sk = surnameKey(n);
      if (sk && !rows.has(sk)) rows.set(sk, { norm: sk, actor_id: actorId, alias: n });
    }
  }
  return [...rows.values()];
}

/** The fuller of two names by word count, then length: an actor's display name grows as articles come in. */
export function fullerName(a: string, b: string): string {
  const wa = a.trim().split(/\s+/).length;
  const wb = b.trim().split(/\s+/).length;
  if (wa !== wb) return wa > wb ? a : b;
  return b.length > a.length ? b : a;
}
