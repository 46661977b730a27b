import type { Store } from '../../src/corpus/store.js';

const TABLES = ['articles', 'article_bands', 'ingest_errors', 'actors', 'actor_aliases', 'actor_links', 'roles', 'quotes', 'quote_about', 'relations', 'comentions'] as const;

/** Every row of every table, sorted, without wall-clock columns: equal snapshots mean equal stores. */
export async function snapshot(store: Store): Promise<string> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = await store.db.selectFrom(t).selectAll().execute();
    out[t] = rows
      .map((r) => {
        const { ingested_at: _i, at: _a, ...rest } = r as Record<string, unknown>;
        return JSON.stringify(rest);
      })
      .sort();
  }
  return JSON.stringify(out);
}
