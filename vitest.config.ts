import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects: every suite on SQLite, and the suites that open a store again on PostgreSQL
 * (BACKCHANNEL_TEST_BACKEND=postgres; the server is BACKCHANNEL_TEST_PG, started by `.ci/postgres`).
 * Without a server the PostgreSQL project is left out with a notice, except in CI, where it then fails.
 */
const STORE_SUITES = ['test/corpus/**/*.test.ts', 'test/server/**/*.test.ts', 'test/queue/**/*.test.ts', 'test/watch/**/*.test.ts'];
const withPostgres = !!process.env.BACKCHANNEL_TEST_PG || !!process.env.CI;
if (!withPostgres) {
  console.warn('backchannel: PostgreSQL variants skipped (no BACKCHANNEL_TEST_PG; `source .ci/postgres; pg_test_start` starts a server)');
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // test/queue is the PostgreSQL job queue: nothing to run on SQLite
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/queue/**'] } },
      ...(withPostgres
        ? [{ extends: true, test: { name: 'postgres', include: STORE_SUITES, env: { BACKCHANNEL_TEST_BACKEND: 'postgres' }, setupFiles: ['test/store/pg-setup.ts'] } }]
        : []),
    ],
  },
});
