/**
 * The corpus store: one interface over a kysely database. Every query in src/corpus is written against
 * `Kysely<CorpusDatabase>` with portable SQL (no engine-only syntax), so the two backends differ only here:
 * SQLite (better-sqlite3, the default: a single file, `./backchannel.db`) and PostgreSQL (`postgres://…`,
 * node-postgres pool) for a store shared by several machines.
 *
 * Writers take turns on both engines: SQLite write transactions begin IMMEDIATE and wait up to
 * BUSY_TIMEOUT_MS for another process's write; PostgreSQL write transactions take one advisory lock first.
 * Actor resolution reads the actors stored so far and then writes, so two writers interleaving would both
 * create "Donald Trump"; taking turns on the write (analysis, the slow part, stays parallel) prevents that.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type Transaction } from 'kysely';
import type { SqliteDatabase, SqliteDialectConfig } from 'kysely';
import type { CorpusDatabase } from './db.js';
import { migrationProviderFor, type StoreDialect } from './migrations.js';

export const DEFAULT_DB = './backchannel.db';

/** The environment variable that names the store when --db is not given. */
export const DB_ENV = 'BACKCHANNEL_DB';

/** The store a command uses: --db, else $BACKCHANNEL_DB, else ./backchannel.db. */
export const defaultDb = (): string => process.env[DB_ENV] || DEFAULT_DB;

/** How long a SQLite writer waits for another process's write transaction before giving up. */
export const BUSY_TIMEOUT_MS = 60_000;

/** Key of the PostgreSQL advisory lock writers take turns on (any constant; "bc" in ASCII, then "wr"). */
const WRITE_LOCK_KEY = 0x62637772;
/** Key of the lock that lets one process at a time apply migrations. */
const MIGRATE_LOCK_KEY = 0x62636d67;

export type CorpusDb = Kysely<CorpusDatabase> | Transaction<CorpusDatabase>;

export interface Store {
  readonly dialect: StoreDialect;
  /** The query builder; inside `transaction` use the one handed to the callback. */
  readonly db: Kysely<CorpusDatabase>;
  /** Applies pending migrations; returns the names applied now. */
  migrate(): Promise<string[]>;
  /** Runs fn in one write transaction: everything it writes lands, or nothing does. Writers take turns. */
  transaction<T>(fn: (tx: Transaction<CorpusDatabase>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

class KyselyStore implements Store {
  constructor(readonly db: Kysely<CorpusDatabase>, readonly dialect: StoreDialect) {}

  async migrate(): Promise<string[]> {
    if (this.dialect === 'sqlite') return runMigrations(this.db, this.dialect);
    // several workers may start at once: one applies the migrations, the others wait and find none left
    return this.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${MIGRATE_LOCK_KEY})`.execute(conn);
      try {
        return await runMigrations(conn, this.dialect);
      } finally {
        await sql`select pg_advisory_unlock(${MIGRATE_LOCK_KEY})`.execute(conn);
      }
    });
  }

  transaction<T>(fn: (tx: Transaction<CorpusDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (tx) => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(tx);
      return fn(tx);
    });
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

async function runMigrations(db: Kysely<CorpusDatabase>, dialect: StoreDialect): Promise<string[]> {
  // unordered: migrations land from parallel branches (006_watch may be applied before a later-merged 005_…);
  // each is additive, so applying a missing lower number after a higher one is safe
  const migrator = new Migrator({ db, provider: migrationProviderFor(dialect), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** SQLite transactions that take the write lock when they begin, so a second writer waits (busy timeout) instead of failing. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

/** Prepared statements kept per connection: kysely emits the same SQL text for the same query shape. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 with its statements reused: kysely prepares every query anew, and preparing was a sixth
 * of ingest's CPU time (profiled on the synthetic corpus). Statements run one at a time (kysely holds the
 * single connection behind a mutex), so sharing one between runs is safe.
 */
function withStatementCache(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(text: string) {
      let st = cache.get(text);
      if (!st) {
        st = db.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(text, st);
      }
      return st;
    },
    close: () => db.close(),
  };
}

/** Opens (creating if needed) a SQLite store and brings its schema up to date. ':memory:' works for tests. */
export async function openSqliteStore(file: string = DEFAULT_DB): Promise<Store> {
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL keeps readers unblocked during ingest; NORMAL sync is crash-safe in WAL mode (a crash loses at most
  // the last transactions, never half of one).
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // bulk ingest touches many index pages per article: a larger cache and rarer checkpoints (each one syncs)
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('foreign_keys = ON');
  const store = new KyselyStore(new Kysely<CorpusDatabase>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) }), 'sqlite');
  await store.migrate();
  return store;
}

/** Connections per process: a CLI command or worker uses one or two at a time; the server a few more. */
const PG_POOL_SIZE = 8;

/** Opens a PostgreSQL store (the database must exist) and brings its schema up to date. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: PG_POOL_SIZE });
  // an idle client losing its server (a restart) is reported on the pool; the next query reconnects
  pool.on('error', () => {});
  const store = new KyselyStore(new Kysely<CorpusDatabase>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw new Error(`cannot open the PostgreSQL store ${redactUrl(url)}: ${(err as Error).message}`);
  }
  return store;
}

/** A URL without its password, for messages. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

/** Opens the store a --db argument names: a postgres:// URL or a SQLite file. */
export async function openStore(target: string = defaultDb()): Promise<Store> {
  return isPostgresUrl(target) ? openPostgresStore(target) : openSqliteStore(target);
}

/** COUNT(*) comes back as a number from SQLite and as a string from PostgreSQL. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : v == null ? 0 : Number(v));

/** `--db` help shared by the commands that open a store. */
export const DB_HELP = 'corpus store: a SQLite file or a postgres:// URL ($BACKCHANNEL_DB when set)';

/** Opens a store for one command and closes it however the command ends. */
export async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
