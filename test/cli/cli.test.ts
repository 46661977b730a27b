import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/util/paths.js';
import { validateAnalysis } from '../../src/contract/validate.js';

// The CLI is tested as users run it: the compiled bin (npm test builds first).
const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, cwd: repoRoot });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-cli-'));
  writeFileSync(join(dir, 'good.txt'), '---\npublished: 2025-01-02\n---\nDie Regierung in Berlin hat am Montag neue Pläne vorgestellt, sagte ein Sprecher.');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Gr\xfc\xdfe aus K\xf6ln', 'latin1'));
});

describe('backchannel analyze', () => {
  it('prints a valid contract document for the bundled examples', () => {
    for (const ex of readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.txt'))) {
      const r = run(['analyze', join('examples', ex), '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      const a = validateAnalysis(JSON.parse(r.stdout));
      expect(a.document.byline.reporters.length).toBeGreaterThan(0);
    }
  });
  it('renders markdown and text briefs', () => {
    const md = run(['analyze', 'examples/en-trade-envoy.txt']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Canada/);
    const txt = run(['analyze', 'examples/en-trade-envoy.txt', '--format', 'text']);
    expect(txt.stdout).toMatch(/^Canada.*\n=+/);
  });
  it('reads stdin with flags overriding metadata', () => {
    const r = run(['analyze', '-', '--format', 'json', '--lang', 'en', '--published', '2024-05-06', '--title', 'T'], 'The minister said on Monday that talks would resume.');
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.document).toMatchObject({ language: 'en', published: '2024-05-06', title: 'T' });
  });
  it('fails a single bad file with a one-line error naming it', () => {
    for (const [f, msg] of [['empty.txt', /empty/], ['binary.txt', /binary/], ['latin1.txt', /invalid UTF-8/], ['missing.txt', /no such file/]] as const) {
      const r = run(['analyze', join(dir, f)]);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(f);
      expect(r.stderr).toMatch(msg);
    }
  });
  it('processes the good files of a folder and summarises the failures', () => {
    const out = join(dir, 'out');
    const r = run(['analyze', dir, '--format', 'json', '--out', out + '/']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 analysed, 3 failed/);
    const files = readdirSync(out);
    expect(files).toEqual(['good.json']);
    validateAnalysis(JSON.parse(readFileSync(join(out, 'good.json'), 'utf8')));
  });
  it('--help teaches with examples', () => {
    const r = run(['analyze', '--help']);
    expect(r.stdout).toMatch(/Examples:/);
    expect(r.stdout).toMatch(/--published/);
  });
  it('schema prints the JSON Schema and validate checks a file', () => {
    const s = JSON.parse(execFileSync(process.execPath, [bin, 'schema'], { encoding: 'utf8' }));
    expect(s.properties.schema).toBeTruthy();
    const r = run(['analyze', 'examples/de-koalition-gespraeche.txt', '--format', 'json', '--out', join(dir, 'a.json')]);
    expect(r.status).toBe(0);
    expect(run(['validate', join(dir, 'a.json')]).status).toBe(0);
    writeFileSync(join(dir, 'trunc.json'), readFileSync(join(dir, 'a.json'), 'utf8').slice(0, 200));
    const bad = run(['validate', join(dir, 'trunc.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('trunc.json');
  });
});
