/**
 * The corpus store: one interface over a kysely database. Every query in src/corpus is written against
 * `Kysely<CorpusDatabase>` with portable SQL (no SQLite-only syntax), so a PostgreSQL backend only has to
 * supply another dialect here. SQLite (better-sqlite3) is the default: a single file, `./backchannel.db`.
 */
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Transaction } from 'kysely';
import type { CorpusDatabase } from './db.js';
import { migrationProvider } from './migrations.js';

export const DEFAULT_DB = './backchannel.db';

export type CorpusDb = Kysely<CorpusDatabase> | Transaction<CorpusDatabase>;

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** The query builder; inside `transaction` use the one handed to the callback. */
  readonly db: Kysely<CorpusDatabase>;
  /** Applies pending migrations; returns the names applied now. */
  migrate(): Promise<string[]>;
  /** Runs fn in one transaction: everything it writes lands, or nothing does. */
  transaction<T>(fn: (tx: Transaction<CorpusDatabase>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

class KyselyStore implements Store {
  constructor(readonly db: Kysely<CorpusDatabase>, readonly dialect: 'sqlite' | 'postgres') {}

  async migrate(): Promise<string[]> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  transaction<T>(fn: (tx: Transaction<CorpusDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** Opens (creating if needed) a SQLite store and brings its schema up to date. ':memory:' works for tests. */
export async function openSqliteStore(file: string = DEFAULT_DB): Promise<Store> {
  const sqlite = new Database(file);
  // WAL keeps readers unblocked during ingest; NORMAL sync is crash-safe in WAL mode (a crash loses at most
  // the last transactions, never half of one).
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // bulk ingest touches many index pages per article: a larger cache and rarer checkpoints (each one syncs)
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('foreign_keys = ON');
  const store = new KyselyStore(new Kysely<CorpusDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite');
  await store.migrate();
  return store;
}

/** Opens the store a --db argument names. Only SQLite files for now; postgres:// URLs are the next step. */
export async function openStore(target: string = DEFAULT_DB): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(target)) throw new Error('PostgreSQL stores are not supported yet; use a SQLite file');
  return openSqliteStore(target);
}

/** COUNT(*) comes back as a number from SQLite and as a string from PostgreSQL. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : v == null ? 0 : Number(v));
