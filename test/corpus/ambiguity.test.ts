/** Ambiguity made visible on the CLI: names that fit several actors, the same actor twice, helpful "no channel". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandRunner } from '../command-run.js';
import { registerCorpusCommands } from '../../src/corpus/commands.js';
import { openStore } from '../../src/corpus/store.js';
import { testDbTarget } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';

let dir: string;
let db: string;

const run = commandRunner(registerCorpusCommands);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-amb-'));
  db = await testDbTarget(join(dir, 'corpus.db'));
  const store = await openStore(db);
  await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ambiguous names', () => {
  it('actor NAME lists every actor a surname fits instead of picking one', async () => {
    const r = await run('actor', 'Prado', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"Prado" fits \d actors/);
    expect(r.err).toMatch(/Marco Prado/);
    expect(r.err).toMatch(/Luísa Prado/);
    expect(r.out).toBe('');
  });

  it('a full name still finds its one actor', async () => {
    const r = await run('actor', 'Marco Prado', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Marco Prado/);
  });

  it('channels with an ambiguous end lists the candidates', async () => {
    const r = await run('channels', 'Prado', 'Deutschland', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fits \d actors/);
  });

  it('channels A A and two names of one actor say it is the same actor', async () => {
    for (const [a, b] of [['Deutschland', 'Deutschland'], ['Deutschland', 'Germany']]) {
      const r = await run('channels', a, b, '--db', db);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/are the same actor: Deutschland \(country:DE\)/);
    }
  });

  it('no channel suggests more hops and co-mentions', async () => {
    const r = await run('channels', 'Marco Prado', 'Instituto Atlântico', '--max-hops', '1', '--db', db);
    expect(r.out).toMatch(/No channel .* within 1 hop\(s\)\. Try --max-hops 2 or --comentions/);
  });
});
