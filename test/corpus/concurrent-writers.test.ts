/**
 * Two `backchannel ingest` processes writing to one store at once (overlapping inputs): neither fails
 * ("database is locked" was the SQLite failure), every article is stored once, and the stored network
 * still equals the one recomputed from the relations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/corpus/store.js';
import { aggregateRelationEdges, loadNetwork } from '../../src/corpus/network.js';
import { repoRoot } from '../../src/util/paths.js';
import { writeSynthCorpus } from '../../bench/synthetic.js';
import { testDbTarget } from '../store/target.js';

const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const analyzer = join(repoRoot, 'dist', 'bench', 'synthetic.js');

function ingest(db: string, input: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'ingest', input, '--db', db, '--analyzer', analyzer, '--workers', '1', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

describe('two ingests on one store at once', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bc-writers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('both finish, each article once, the network consistent', async () => {
    // the same corpus file name in two folders: the first 80 articles in both, 80 more in the second
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeSynthCorpus(join(dir, 'a'), 80, 21, 60);
    writeSynthCorpus(join(dir, 'b'), 160, 21, 60);
    const db = await testDbTarget(join(dir, 'shared.db'));
    if (!db.startsWith('postgres')) (await openStore(db)).close(); // the file exists (and is migrated) before both start
    const [one, two] = await Promise.all([ingest(db, join(dir, 'a')), ingest(db, join(dir, 'b'))]);
    expect(one.err).not.toMatch(/locked|busy/i);
    expect(two.err).not.toMatch(/locked|busy/i);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(one.err + two.err).toMatch(/\d+ new/);

    const store = await openStore(db);
    const ids = (await store.db.selectFrom('articles').select('id').execute()).map((r) => r.id);
    expect(ids.length).toBe(160);
    expect(new Set(ids).size).toBe(160);
    expect((await loadNetwork(store.db)).edges).toEqual(await aggregateRelationEdges(store.db));
    await store.close();
  }, 180_000);
});
