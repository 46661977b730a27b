/**
 * Versioned schema migrations, written with kysely's schema builder so they run unchanged on SQLite and
 * PostgreSQL. Never edit a released migration: add the next one. kysely records applied versions in its
 * own table (kysely_migration), and the Migrator applies the missing ones in name order.
 */
import { sql, type ColumnDataType, type Expression, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Column types per engine. On PostgreSQL, text compares by bytes (collation "C") so every listing sorts as
 * on SQLite whatever the server's locale, and real is a double (PostgreSQL's `real` is 4 bytes).
 */
interface ColumnTypes {
  text: ColumnDataType | Expression<unknown>;
  real: ColumnDataType;
}
const typesOf = (d: StoreDialect): ColumnTypes => (d === 'postgres' ? { text: sql`text collate "C"`, real: 'double precision' } : { text: 'text', real: 'real' });

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

/** All migrations by version name, for one engine; names sort in application order. */
export function migrationsFor(dialect: StoreDialect): Record<string, Migration> {
  const types = typesOf(dialect);
  return {
    '001_initial': v001_initial(types),
    '002_articles_seq_index': v002_articles_seq_index,
  };
}

export const migrationProviderFor = (dialect: StoreDialect): MigrationProvider => ({
  async getMigrations() {
    return migrationsFor(dialect);
  },
});
