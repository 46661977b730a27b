/** Finding actors by what a user types: an id, a name or alias in any spelling, or a surname. */
import type { ActorsTable } from './db.js';
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import { normName } from './normalize.js';

/** Candidate actors for a name, best first (most mentioned); empty when nothing matches. */
export async function findActors(db: CorpusDb, query: string): Promise<ActorsTable[]> {
  const byId = await db.selectFrom('actors').selectAll().where('id', '=', query).execute();
  if (byId.length) return byId;
  const norm = normName(query);
  if (!norm) return [];
  for (const key of [norm, '~' + norm]) {
    const rows = await db
      .selectFrom('actor_aliases')
      .innerJoin('actors', 'actors.id', 'actor_aliases.actor_id')
      .selectAll('actors')
      .distinct()
      .where('actor_aliases.norm', '=', key)
      .execute();
    if (rows.length) return rows.sort((a, b) => num(b.mention_count) - num(a.mention_count) || a.id.localeCompare(b.id));
  }
  return [];
}

export class ActorNotFound extends Error {
  constructor(readonly query: string) {
    super(`no actor matches "${query}"`);
    this.name = 'ActorNotFound';
  }
}

export async function findActor(db: CorpusDb, query: string): Promise<ActorsTable> {
  const [best] = await findActors(db, query);
  if (!best) throw new ActorNotFound(query);
  return best;
}
