import type { Store } from '../../src/corpus/store.js';

const TABLES = ['articles', 'article_bands', 'ingest_errors', 'actors', 'actor_aliases', 'actor_links', 'roles', 'quotes', 'quote_about', 'relations', 'comentions', 'edges', 'edge_predicates', 'edge_outlets', 'comention_edges'] as const;

/** Every row of every table, sorted, without wall-clock columns and timings: equal snapshots mean equal stores. */
export async function snapshot(store: Store): Promise<string> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = await store.db.selectFrom(t).selectAll().execute();
    out[t] = rows
      .map((r) => {
        const { ingested_at: _i, at: _a, ...rest } = r as Record<string, unknown>;
        // the pipeline's stage timings differ from run to run
        if (typeof rest.analysis === 'string') rest.analysis = JSON.stringify({ ...JSON.parse(rest.analysis), meta: { ...JSON.parse(rest.analysis).meta, timings: {} } });
        return JSON.stringify(rest);
      })
      .sort();
  }
  return JSON.stringify(out);
}
