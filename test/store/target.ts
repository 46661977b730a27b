/**
 * The store a test runs against. The vitest project "postgres" sets BACKCHANNEL_TEST_BACKEND=postgres and
 * every suite that opens a store then runs on a fresh PostgreSQL database of the server named by
 * BACKCHANNEL_TEST_PG (an admin URL; `.ci/postgres` starts one); otherwise on SQLite. Real servers only.
 */
import pg from 'pg';
import { openStore, type Store } from '../../src/corpus/store.js';

export type TestBackend = 'sqlite' | 'postgres';
export const testBackend: TestBackend = process.env.BACKCHANNEL_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
export const adminUrl = process.env.BACKCHANNEL_TEST_PG ?? '';

if (testBackend === 'postgres' && !adminUrl) {
  // vitest.config.ts leaves the project out locally when no server is named; in CI that is a failure
  throw new Error('BACKCHANNEL_TEST_PG is not set: the PostgreSQL variants need a server (source .ci/postgres; pg_test_start)');
}

let counter = 0;
const created: string[] = [];

/** A URL for another database on the test server. */
export const databaseUrl = (name: string): string => {
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  return u.toString();
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh, empty PostgreSQL database; returns its URL. */
export async function freshPostgresDb(): Promise<string> {
  const name = `bc_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  await admin((c) => c.query(`create database ${name}`));
  created.push(name);
  return databaseUrl(name);
}

/** What --db names for a fresh store: the SQLite path given (':memory:' by default), or a fresh PostgreSQL database. */
export async function testDbTarget(sqlitePath = ':memory:'): Promise<string> {
  return testBackend === 'postgres' ? freshPostgresDb() : sqlitePath;
}

/** A fresh store on the backend under test. */
export async function openTestStore(sqlitePath = ':memory:'): Promise<Store> {
  return openStore(await testDbTarget(sqlitePath));
}

/** Drops the databases this test file created (called from the postgres project's setup file). */
export async function dropCreatedDatabases(): Promise<void> {
  if (!created.length) return;
  await admin(async (c) => {
    for (const name of created.splice(0)) await c.query(`drop database if exists ${name} with (force)`);
  });
}
