/**
 * Cross-document actors: decides which corpus actor an article's entity is, and why.
 *  1. the same stable id (the entities stage gives countries and capitals one id in every language);
 *  2. a shared name or alias (folded: accents, dots, case) with an actor of the same type — for people
 *     only full names count, since a surname alone is shared by many;
 *  3. for people, a lone surname that only one person in the corpus carries ("Trump" ~ "Donald Trump"),
 *     in either order of arrival;
 *  otherwise a new actor. Ambiguous matches are not merged; the evidence of every decision is stored.
 * Two entities of one article are never merged by name: the entities stage already decided they differ
 * (a dateline "TOKYO" and the country Japan). An entity whose id is cross-language stable (country:XX)
 * merges by id only, so a country never disappears into a city or an organisation of the same name.
 *
 * The decision is a pure function over an ActorIndex: the stored actors and aliases an article can touch,
 * fetched in two queries per article, plus what earlier entities of the same article added.
 */
import type { Entity } from '../contract/schema.js';
import type { CorpusDb } from './store.js';
import type { ActorsTable } from './db.js';
import { isSingleWord, normName, surnameKey } from './normalize.js';

export interface ActorDecision {
  actorId: string;
  reason: 'id' | 'alias' | 'surname' | 'new';
  evidence: string;
}

interface AliasHit {
  actorId: string;
  alias: string;
}

/** The part of the actor table one article can match, and what the article itself adds as it goes. */
export class ActorIndex {
  readonly actors = new Map<string, ActorsTable>();
  private readonly aliases = new Map<string, AliasHit[]>();

  static async load(db: CorpusDb, entities: Entity[]): Promise<ActorIndex> {
    const idx = new ActorIndex();
    const ids = entities.map((e) => e.id);
    const keys = new Set<string>();
    for (const e of entities) for (const k of lookupKeys(e)) keys.add(k);
    if (ids.length) for (const a of await db.selectFrom('actors').selectAll().where('id', 'in', ids).execute()) idx.actors.set(a.id, a);
    if (keys.size) {
      const rows = await db
        .selectFrom('actor_aliases')
        .innerJoin('actors', 'actors.id', 'actor_aliases.actor_id')
        .selectAll('actors')
        .select(['actor_aliases.norm as norm', 'actor_aliases.alias as alias'])
        .where('actor_aliases.norm', 'in', [...keys])
        .execute();
      for (const r of rows) {
        const { norm, alias, ...actor } = r;
        if (!idx.actors.has(actor.id)) idx.actors.set(actor.id, actor);
        idx.addAlias(norm, actor.id, alias);
      }
    }
    return idx;
  }

  addAlias(norm: string, actorId: string, alias: string): void {
    const list = this.aliases.get(norm) ?? this.aliases.set(norm, []).get(norm)!;
    if (!list.some((h) => h.actorId === actorId)) list.push({ actorId, alias });
  }

  /** Actors of the given type reachable through a lookup key. */
  hits(norm: string, type: string, claimed: ReadonlySet<string>): (AliasHit & { actor: ActorsTable })[] {
    return (this.aliases.get(norm) ?? [])
      .filter((h) => !claimed.has(h.actorId))
      .map((h) => ({ ...h, actor: this.actors.get(h.actorId)! }))
      .filter((h) => h.actor && h.actor.type === type);
  }
}

/** Every key an entity may be found under: its folded names, and for people the surname keys of rule 3. */
function lookupKeys(e: Entity): string[] {
  const keys = entityNames(e);
  if (e.type === 'person') {
    const n = normName(e.name);
    keys.push(isSingleWord(e.name) ? '~' + n : n.split(' ').pop()!);
  }
  return keys;
}

export function entityNames(e: Entity): string[] {
  const names = new Set<string>();
  for (const n of [e.name, ...e.aliases]) {
    const k = normName(n);
    if (k) names.add(k);
  }
  return [...names];
}

const distinctNames = (hits: { actor: ActorsTable }[]) => [...new Set(hits.map((h) => h.actor.name))].join(', ');

/** Ids the entities stage makes the same in every language and article. */
export const isStableId = (id: string): boolean => id.startsWith('country:');

/**
 * @param claimed actors already taken by earlier entities of the same article: not available to name matches.
 */
export function resolveEntity(idx: ActorIndex, e: Entity, claimed: ReadonlySet<string> = new Set()): ActorDecision {
  if (idx.actors.has(e.id)) return { actorId: e.id, reason: 'id', evidence: `same stable id ${e.id}` };
  if (isStableId(e.id)) return { actorId: e.id, reason: 'new', evidence: `first seen as "${e.name}"` };

  // a person's one-word forms ("Prado") are surnames, not names: several people share them (rule 3)
  const names = entityNames(e).filter((n) => e.type !== 'person' || n.includes(' '));
  const byName = names.flatMap((n) => idx.hits(n, e.type, claimed));
  const nameIds = new Set(byName.map((h) => h.actorId));
  if (nameIds.size === 1) return { actorId: byName[0].actorId, reason: 'alias', evidence: `"${e.name}" shares the name "${byName[0].alias}" with ${byName[0].actor.name}` };
  if (nameIds.size > 1) return { actorId: e.id, reason: 'new', evidence: `kept apart: the name "${e.name}" fits several actors (${distinctNames(byName)})` };

  if (e.type === 'person') {
    const single = isSingleWord(e.name);
    const n = normName(e.name);
    const hits = single ? idx.hits('~' + n, 'person', claimed) : idx.hits(n.split(' ').pop()!, 'person', claimed).filter((h) => isSingleWord(h.actor.name));
    const ids = new Set(hits.map((h) => h.actorId));
    if (ids.size === 1) {
      const other = hits[0].actor.name;
      const evidence = single
        ? `"${e.name}" is the surname of ${other}, the only person in the corpus with that surname`
        : `${other} (surname only) is the only person in the corpus with the surname of "${e.name}"`;
      return { actorId: hits[0].actorId, reason: 'surname', evidence };
    }
    if (ids.size > 1) return { actorId: e.id, reason: 'new', evidence: `kept apart: the surname "${e.name}" fits several people (${distinctNames(hits)})` };
  }
  return { actorId: e.id, reason: 'new', evidence: `first seen as "${e.name}"` };
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
