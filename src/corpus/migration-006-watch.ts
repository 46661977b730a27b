/**
 * 006_watch: the state of `backchannel watch` (src/watch/) kept in the store, so a restart resumes: the
 * feeds with their HTTP validators, errors and schedule; every feed item seen (by feed and item key, with
 * its canonical URL and content hash); the watchlist; fired alerts (one row per alert key, with delivery
 * state per output); the shortest known channel per watched pair; named cursors. Additive only.
 */
import type { ColumnDataType, Expression, Kysely, Migration } from 'kysely';

interface Types {
  text: ColumnDataType | Expression<unknown>;
}

export const v006_watch = ({ text }: Types): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('watch_feeds')
      .addColumn('url', text, (c) => c.primaryKey())
      .addColumn('title', text)
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('etag', text)
      .addColumn('last_modified', text)
      .addColumn('last_poll', text)
      .addColumn('last_success', text)
      .addColumn('last_error', text)
      .addColumn('last_error_at', text)
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('next_poll', text)
      .addColumn('items', 'integer', (c) => c.notNull())
      .addColumn('added_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('watch_items')
      .addColumn('feed_url', text, (c) => c.notNull())
      .addColumn('item_key', text, (c) => c.notNull())
      .addColumn('canonical_url', text)
      .addColumn('content_hash', text, (c) => c.notNull())
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('article_id', text)
      .addColumn('message', text)
      .addColumn('first_seen', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('watch_items_pk', ['feed_url', 'item_key'])
      .execute();
    await db.schema.createIndex('watch_items_canonical').on('watch_items').column('canonical_url').execute();
    // a new item's URL is looked up among the stored articles (one brought in by `ingest` counts too)
    await db.schema.createIndex('articles_url').on('articles').column('url').execute();

    await db.schema
      .createTable('watch_watchlist')
      .addColumn('actor_id', text, (c) => c.primaryKey())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('added_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('watch_alerts')
      .addColumn('key', text, (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('rule', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('article_id', text)
      .addColumn('payload', text, (c) => c.notNull())
      .addColumn('printed', 'integer', (c) => c.notNull())
      .addColumn('webhook_done', 'integer', (c) => c.notNull())
      .addColumn('webhook_attempts', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('watch_alerts_seq').on('watch_alerts').column('seq').execute();

    await db.schema
      .createTable('watch_channels')
      .addColumn('a', text, (c) => c.notNull())
      .addColumn('b', text, (c) => c.notNull())
      .addColumn('hops', 'integer')
      .addPrimaryKeyConstraint('watch_channels_pk', ['a', 'b'])
      .execute();

    await db.schema
      .createTable('watch_state')
      .addColumn('name', text, (c) => c.primaryKey())
      .addColumn('value', text, (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('articles_url').ifExists().execute();
    for (const t of ['watch_state', 'watch_channels', 'watch_alerts', 'watch_watchlist', 'watch_items', 'watch_feeds']) await db.schema.dropTable(t).ifExists().execute();
  },
});
