/** `backchannel serve` as a user runs it: the built CLI, a real socket on 127.0.0.1, a port chosen by the OS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/util/paths.js';
import { buildFixtureStore } from './corpus-fixture.js';
import { testDbTarget } from '../store/target.js';

const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

describe('backchannel serve', () => {
  let dir: string;
  let db: string;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-serve-cli-'));
    db = await testDbTarget(join(dir, 'corpus.db'));
    const store = await buildFixtureStore(db);
    await store.close();
  });
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 by default, prints its address, serves the API, the OpenAPI document and the app', async () => {
    child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('serve printed no address: ' + out)), 30_000);
      child!.stdout!.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/[^/\s]+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child!.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const spec = await (await fetch(url + '/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    const actors = await (await fetch(url + '/api/actors?q=Trump')).json();
    expect(actors.items[0].name).toBe('Donald Trump');
    const page = await fetch(url + '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const ingest = await fetch(url + '/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'A short text.' });
    expect(ingest.status).toBe(403);
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  });

  it('says what to do when the store does not exist', () => {
    const r = spawnSync(process.execPath, [cli, 'serve', '--db', join(dir, 'missing.db')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no corpus store at');
    expect(r.stderr).toContain('backchannel ingest');
  });

  it('rejects a bad port', () => {
    const r = spawnSync(process.execPath, [cli, 'serve', '--db', db, '--port', '99999'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--port');
  });
});
