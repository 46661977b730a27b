/**
 * Versioned schema migrations, written with kysely's schema builder so they run unchanged on SQLite and
 * PostgreSQL. Never edit a released migration: add the next one. kysely records applied versions in its
 * own table (kysely_migration), and the Migrator applies the missing ones in name order.
 */
import { v006_watch } from './migration-006-watch.js';
import { sql, type ColumnDataType, type Expression, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Column types per engine. On PostgreSQL, text compares by bytes (collation "C") so every listing sorts as
 * on SQLite whatever the server's locale, and real is a double (PostgreSQL's `real` is 4 bytes).
 */
interface ColumnTypes {
  text: ColumnDataType | Expression<unknown>;
  real: ColumnDataType;
  blob: ColumnDataType;
}
const typesOf = (d: StoreDialect): ColumnTypes =>
  d === 'postgres' ? { text: sql`text collate "C"`, real: 'double precision', blob: 'bytea' } : { text: 'text', real: 'real', blob: 'blob' };

const v001_initial = ({ text, real }: ColumnTypes): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('articles')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('doc_id', text, (c) => c.notNull())
      .addColumn('origin', text, (c) => c.notNull())
      .addColumn('title', text)
      .addColumn('source', text)
      .addColumn('url', text)
      .addColumn('published', text)
      .addColumn('language', text, (c) => c.notNull())
      .addColumn('duplicate_of', text)
      .addColumn('similarity', real)
      .addColumn('signature', text, (c) => c.notNull())
      .addColumn('analysis', text, (c) => c.notNull())
      .addColumn('ingested_at', text, (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('articles_duplicate_of').on('articles').column('duplicate_of').execute();

    await db.schema
      .createTable('article_bands')
      .addColumn('band', 'integer', (c) => c.notNull())
      .addColumn('hash', text, (c) => c.notNull())
      .addColumn('article_id', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('article_bands_pk', ['band', 'hash', 'article_id'])
      .execute();

    await db.schema
      .createTable('ingest_errors')
      .addColumn('origin', text, (c) => c.primaryKey())
      .addColumn('message', text, (c) => c.notNull())
      .addColumn('at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('actors')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('type', text, (c) => c.notNull())
      .addColumn('kind', text)
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('mention_count', 'integer', (c) => c.notNull())
      .addColumn('article_count', 'integer', (c) => c.notNull())
      .addColumn('first_date', text)
      .addColumn('last_date', text)
      .execute();

    await db.schema
      .createTable('actor_aliases')
      .addColumn('norm', text, (c) => c.notNull())
      .addColumn('actor_id', text, (c) => c.notNull())
      .addColumn('alias', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('actor_aliases_pk', ['norm', 'actor_id'])
      .execute();
    await db.schema.createIndex('actor_aliases_actor').on('actor_aliases').column('actor_id').execute();

    await db.schema
      .createTable('actor_links')
      .addColumn('article_id', text, (c) => c.notNull())
      .addColumn('entity_id', text, (c) => c.notNull())
      .addColumn('actor_id', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('reason', text, (c) => c.notNull())
      .addColumn('evidence', text, (c) => c.notNull())
      .addColumn('mentions', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('actor_links_pk', ['article_id', 'entity_id'])
      .execute();
    await db.schema.createIndex('actor_links_actor').on('actor_links').column('actor_id').execute();

    await db.schema
      .createTable('roles')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('article_id', text, (c) => c.notNull())
      .addColumn('actor_id', text, (c) => c.notNull())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('of_actor', text)
      .addColumn('status', text)
      .addColumn('evidence', text, (c) => c.notNull())
      .addColumn('published', text)
      .execute();
    await db.schema.createIndex('roles_actor').on('roles').column('actor_id').execute();

    await db.schema
      .createTable('quotes')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('article_id', text, (c) => c.notNull())
      .addColumn('speaker', text)
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('text', text, (c) => c.notNull())
      .addColumn('source_label', text)
      .addColumn('published', text)
      .execute();
    await db.schema.createIndex('quotes_speaker').on('quotes').column('speaker').execute();

    await db.schema
      .createTable('quote_about')
      .addColumn('quote_id', text, (c) => c.notNull())
      .addColumn('actor_id', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('quote_about_pk', ['quote_id', 'actor_id'])
      .execute();
    await db.schema.createIndex('quote_about_actor').on('quote_about').column('actor_id').execute();

    await db.schema
      .createTable('relations')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('article_id', text, (c) => c.notNull())
      .addColumn('subject', text, (c) => c.notNull())
      .addColumn('object', text, (c) => c.notNull())
      .addColumn('predicate', text, (c) => c.notNull())
      .addColumn('family', text, (c) => c.notNull())
      .addColumn('modality', text, (c) => c.notNull())
      .addColumn('time_value', text)
      .addColumn('support', text, (c) => c.notNull())
      .addColumn('source_label', text)
      .addColumn('evidence', text, (c) => c.notNull())
      .addColumn('sentence', text, (c) => c.notNull())
      .addColumn('confidence', real, (c) => c.notNull())
      .addColumn('date', text)
      .execute();
    await db.schema.createIndex('relations_pair').on('relations').columns(['subject', 'object']).execute();
    await db.schema.createIndex('relations_object').on('relations').column('object').execute();
    await db.schema.createIndex('relations_article').on('relations').column('article_id').execute();

    await db.schema
      .createTable('comentions')
      .addColumn('article_id', text, (c) => c.notNull())
      .addColumn('a', text, (c) => c.notNull())
      .addColumn('b', text, (c) => c.notNull())
      .addColumn('weight', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('comentions_pk', ['article_id', 'a', 'b'])
      .execute();
    await db.schema.createIndex('comentions_pair').on('comentions').columns(['a', 'b']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['comentions', 'relations', 'quote_about', 'quotes', 'roles', 'actor_links', 'actor_aliases', 'actors', 'ingest_errors', 'article_bands', 'articles']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
});

/** Ingest asks for max(seq) once per article: without an index that is a scan of every article. */
const v002_articles_seq_index: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('articles_seq').on('articles').column('seq').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('articles_seq').ifExists().execute();
  },
};

const MODALITY_COLUMNS = ['asserted', 'attempted', 'failed', 'planned', 'hypothetical', 'negated', 'former'].map((m) => 'm_' + m);

/**
 * The network as stored data, kept up to date by ingest (one article's additions per transaction), so
 * queries read it instead of aggregating every relation at each start. Existing stores are filled here
 * from their relations and co-mentions, with the same aggregation ingest maintains.
 */
const v003_stored_network = ({ text }: ColumnTypes): Migration => ({
  async up(db: Kysely<any>) {
    let edges = db.schema
      .createTable('edges')
      .addColumn('subject', text, (c) => c.notNull())
      .addColumn('object', text, (c) => c.notNull())
      .addColumn('relations', 'integer', (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addColumn('sources', 'integer', (c) => c.notNull())
      .addColumn('named', 'integer', (c) => c.notNull())
      .addColumn('anonymous', 'integer', (c) => c.notNull())
      .addColumn('reporter', 'integer', (c) => c.notNull())
      .addColumn('first_date', text)
      .addColumn('last_date', text);
    for (const m of MODALITY_COLUMNS) edges = edges.addColumn(m, 'integer', (c) => c.notNull());
    await edges.addPrimaryKeyConstraint('edges_pk', ['subject', 'object']).execute();
    await db.schema.createIndex('edges_object').on('edges').column('object').execute();

    await db.schema
      .createTable('edge_predicates')
      .addColumn('subject', text, (c) => c.notNull())
      .addColumn('object', text, (c) => c.notNull())
      .addColumn('predicate', text, (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('edge_predicates_pk', ['subject', 'object', 'predicate'])
      .execute();

    // which outlets already support a pair: an article from a known outlet adds no new source
    await db.schema
      .createTable('edge_outlets')
      .addColumn('subject', text, (c) => c.notNull())
      .addColumn('object', text, (c) => c.notNull())
      .addColumn('outlet', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('edge_outlets_pk', ['subject', 'object', 'outlet'])
      .execute();

    await db.schema
      .createTable('comention_edges')
      .addColumn('a', text, (c) => c.notNull())
      .addColumn('b', text, (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addColumn('paragraphs', 'integer', (c) => c.notNull())
      .addColumn('last_date', text)
      .addPrimaryKeyConstraint('comention_edges_pk', ['a', 'b'])
      .execute();

    /** Distinct neighbours over relation edges, either direction. */
    await db.schema.alterTable('actors').addColumn('degree', 'integer', (c) => c.notNull().defaultTo(0)).execute();

    // fill from what is stored (empty for a new store)
    const when = (col: string, v: string) => sql`sum(case when ${sql.ref(col)} = ${sql.lit(v)} then 1 else 0 end)`;
    await sql`insert into edges (subject, object, relations, articles, sources, named, anonymous, reporter, first_date, last_date, ${sql.join(MODALITY_COLUMNS.map((m) => sql.ref(m)))})
      select r.subject, r.object, count(*), count(distinct r.article_id), count(distinct coalesce(a.source, a.id)),
        ${when('r.support', 'named')}, ${when('r.support', 'anonymous')}, ${when('r.support', 'reporter')}, min(r.date), max(r.date),
        ${sql.join(MODALITY_COLUMNS.map((m) => when('r.modality', m.slice(2))))}
      from relations r join articles a on a.id = r.article_id group by r.subject, r.object`.execute(db);
    await sql`insert into edge_predicates (subject, object, predicate, n) select subject, object, predicate, count(*) from relations group by subject, object, predicate`.execute(db);
    await sql`insert into edge_outlets (subject, object, outlet) select distinct r.subject, r.object, coalesce(a.source, a.id) from relations r join articles a on a.id = r.article_id`.execute(db);
    await sql`insert into comention_edges (a, b, articles, paragraphs, last_date)
      select c.a, c.b, count(distinct c.article_id), sum(c.weight), max(a.published) from comentions c join articles a on a.id = c.article_id group by c.a, c.b`.execute(db);
    await sql`update actors set degree = (select count(*) from (select object as n from edges where subject = actors.id union select subject from edges where object = actors.id) t)`.execute(db);
  },
  async down(db: Kysely<any>) {
    for (const t of ['comention_edges', 'edge_outlets', 'edge_predicates', 'edges']) await db.schema.dropTable(t).ifExists().execute();
    await db.schema.alterTable('actors').dropColumn('degree').execute();
  },
});

/**
 * The channel graph as one stored value per layer set, tagged with the corpus version it was built for:
 * a cold `channels` reads it instead of loading every edge (graph-cache.ts).
 */
const v004_graph_cache = ({ text, blob }: ColumnTypes): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('graph_cache')
      .addColumn('name', text, (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', blob, (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('graph_cache').ifExists().execute();
  },
});

/**
 * The consolidation pass (consolidate.ts): links keep the entity's type, kind and aliases so actors can be
 * re-resolved over the whole corpus without reading every analysis; articles record translations; a small
 * settings table holds the display language and the consolidation generation. Existing links are filled
 * from their articles' analyses.
 */
const v005_consolidation = ({ text }: ColumnTypes): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('actor_links').addColumn('type', text).execute();
    await db.schema.alterTable('actor_links').addColumn('kind', text).execute();
    await db.schema.alterTable('actor_links').addColumn('aliases', text).execute();
    await db.schema.alterTable('articles').addColumn('translation_of', text).execute();
    await db.schema.createTable('corpus_settings').addColumn('key', text, (c) => c.primaryKey()).addColumn('value', text, (c) => c.notNull()).execute();
    const articles = await db.selectFrom('articles').select(['id', 'analysis']).where('duplicate_of', 'is', null).execute();
    for (const a of articles) {
      const entities = (JSON.parse(a.analysis).entities ?? []) as { id: string; type: string; kind: string | null; aliases: string[] }[];
      for (const e of entities) {
        await db
          .updateTable('actor_links')
          .set({ type: e.type, kind: e.kind ?? null, aliases: JSON.stringify(e.aliases ?? []) })
          .where('article_id', '=', a.id)
          .where('entity_id', '=', e.id)
          .execute();
      }
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('corpus_settings').ifExists().execute();
    for (const c of ['type', 'kind', 'aliases']) await db.schema.alterTable('actor_links').dropColumn(c).execute();
    await db.schema.alterTable('articles').dropColumn('translation_of').execute();
  },
});

/** All migrations by version name, for one engine; names sort in application order. */
export function migrationsFor(dialect: StoreDialect): Record<string, Migration> {
  const types = typesOf(dialect);
  return {
    '001_initial': v001_initial(types),
    '002_articles_seq_index': v002_articles_seq_index,
    '003_stored_network': v003_stored_network(types),
    '004_graph_cache': v004_graph_cache(types),
    '005_consolidation': v005_consolidation(types),
    '006_watch': v006_watch(types),
  };
}

export const migrationProviderFor = (dialect: StoreDialect): MigrationProvider => ({
  async getMigrations() {
    return migrationsFor(dialect);
  },
});
