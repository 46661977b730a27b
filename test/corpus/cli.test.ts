import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
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
  dir = mkdtempSync(join(tmpdir(), 'bc-cli-'));
  db = await testDbTarget(join(dir, 'corpus.db'));
  // the store is built from the hand annotations, so these tests do not depend on the NLP stages
  const store = await openStore(db);
  await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corpus CLI', () => {
  it('ingest skips stored texts and lists bad files with a non-zero exit', async () => {
    const src = join(dir, 'in');
    cpSync(goldArticles, src, { recursive: true });
    writeFileSync(join(src, 'empty.txt'), '');
    const r = await run('ingest', src, '--db', db, '--quiet');
    expect(r.err).toMatch(/0 new, 0 syndicated copies, 9 unchanged, 1 failed/);
    expect(r.err).toMatch(/empty\.txt: empty file/);
    expect(r.code).toBe(1);
  });

  it('actors lists by degree and filters by type', async () => {
    const r = await run('actors', '--sort', 'degree', '--type', 'person', '--db', db);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^actor\s+type\s+mentions\s+articles\s+degree/);
    expect(lines[1]).toMatch(/^(Helena Duarte|Karin Albers|Rafael Monteiro)\s/);
    expect(r.out).not.toMatch(/location/);
  });

  it('actor --why explains the merges', async () => {
    const r = await run('actor', 'Albers', '--why', '--db', db);
    expect(r.out).toMatch(/^Karin Albers\s+\[person\]/);
    expect(r.out).toMatch(/"Albers" in Duarte kritisiert europäische Zollpläne \(2025-06-03\): surname/);
    expect(r.out).toMatch(/Roles over time:\n\s+2025-03-10\s+Wirtschaftsministerin \(of Deutschland\), current/);
    expect(r.out).toMatch(/Quotes by Karin Albers:/);
  });

  it('channels prints ranked paths with evidence; unknown names are a one-line error', async () => {
    const r = await run('channels', 'Berlin', 'Helena Duarte', '--max-hops', '3', '--db', db);
    expect(r.out).toMatch(/^Channels from Deutschland to Helena Duarte/);
    expect(r.out).toMatch(/\d\. Deutschland → Karin Albers → Rafael Monteiro → Helena Duarte/);
    expect(r.out).toMatch(/“[^”]*Monteiro[^”]*Duarte[^”]*”/);
    expect(r.out).not.toMatch(/“BERLIN \(NWN\) -/); // datelines are not part of the evidence
    const json = JSON.parse((await run('channels', 'Berlin', 'Helena Duarte', '--json', '--db', db)).out);
    expect(json[0].hops[0].evidence[0].sentence).toBeTruthy();
    const bad = await run('channels', 'Nobody Known', 'Duarte', '--db', db);
    expect(bad.err).toMatch(/no actor matches "Nobody Known"/);
    expect(bad.code).toBe(1);
  });

  it('export writes each format; a missing store is a clear error', async () => {
    for (const f of ['ftm', 'graphml', 'gexf', 'json']) {
      const out = join(dir, `export.${f}`);
      await run('export', '--format', f, '--out', out, '--db', db);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    }
    await run('export', '--format', 'csv', '--out', join(dir, 'csv'), '--db', db);
    expect(readFileSync(join(dir, 'csv', 'edges.csv'), 'utf8')).toMatch(/^source,target,directed,weight,layer/);
    const r = await run('actors', '--db', join(dir, 'nope.db'));
    expect(r.err).toMatch(/no corpus store at .*nope\.db/);
    expect(r.code).toBe(1);
  });
});
