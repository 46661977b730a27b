/** Issue 17 through the command line as users run it (the compiled bin; npm test builds first). */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../../src/util/paths.js';
import { validateAnalysis } from '../../src/contract/validate.js';
import { unprivileged } from '../unprivileged.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
/** A guard for cases that hung before their fix: the child is killed and the test fails instead of the run. */
const GUARD_MS = 30_000;
const run = (args: string[], opts: { input?: string; uid?: number; gid?: number } = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: opts.input, cwd: repoRoot, timeout: GUARD_MS, uid: opts.uid, gid: opts.gid });

const ARTICLE = 'Die Regierung in Berlin hat am Montag neue Pläne vorgestellt, sagte ein Sprecher.';
const OTHER = 'Der Minister sagte am Dienstag, die Gespräche mit Frankreich gingen weiter.';
let dir: string;

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : out.push(relative(root, join(d, e.name))); };
  walk(root);
  return out.sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-harden-'));
  chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
});

describe('output names (defect 1)', () => {
  it('seven inputs that mapped to three names give seven files, and the renames are reported', () => {
    const src = join(dir, 'names');
    mkdirSync(join(src, 'a'), { recursive: true });
    mkdirSync(join(src, 'b'), { recursive: true });
    writeFileSync(join(src, 'a', 'report.txt'), ARTICLE);
    writeFileSync(join(src, 'b', 'report.txt'), OTHER);
    writeFileSync(join(src, 'x.txt'), ARTICLE);
    writeFileSync(join(src, 'x.md'), OTHER);
    writeFileSync(join(src, 'x y.txt'), ARTICLE);
    writeFileSync(join(src, 'x_y.txt'), OTHER);
    writeFileSync(join(src, 'batch_1.txt'), ARTICLE);
    writeFileSync(join(src, 'batch.jsonl'), JSON.stringify({ text: OTHER }) + '\n');
    writeFileSync(join(src, 'batch-1.txt'), ARTICLE);
    const out = join(dir, 'names-out');
    const r = run(['analyze', src, '--format', 'json', '--out', out + '/']);
    expect(r.status, r.stderr).toBe(0);
    const files = listFiles(out);
    expect(files).toHaveLength(9);
    expect(files).toContain(join('a', 'report.json'));
    expect(files).toContain(join('b', 'report.json'));
    expect(r.stderr).toMatch(/written as .*~2\.json/);
    const origins = new Set(files.map((f) => validateAnalysis(JSON.parse(readFileSync(join(out, f), 'utf8'))).document.text));
    expect(origins).toEqual(new Set([ARTICLE, OTHER]));
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});

describe('writing (defect 7)', () => {
  it('a full disk is reported naming the output file', () => {
    if (!existsSync('/dev/full')) return;
    const f = join(dir, 'one.txt');
    writeFileSync(f, ARTICLE);
    const r = run(['analyze', f, '--format', 'json', '--out', '/dev/full']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/dev\/full: cannot write: no space left on device/);
  });
  it('a file that cannot be replaced leaves no temporary file behind and is named', () => {
    const out = join(dir, 'blocked-out');
    mkdirSync(join(out, 'one.json'), { recursive: true }); // a folder where the output file should go
    const f = join(dir, 'one.txt');
    writeFileSync(f, ARTICLE);
    const r = run(['analyze', f, '--format', 'json', '--out', out + '/']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/one\.json: cannot write: is a folder/);
    expect(readdirSync(out)).toEqual(['one.json']);
  });
});

describe('one input never stalls the batch (defect 3)', () => {
  it('a named pipe in a folder is skipped with a message', () => {
    const src = join(dir, 'pipes');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'good.txt'), ARTICLE);
    execFileSync('mkfifo', [join(src, 'pipe.txt')]);
    const r = run(['analyze', src, '--format', 'json']);
    expect(r.signal, 'hung on the pipe').toBeNull();
    expect(r.stderr).toMatch(/pipe\.txt: a named pipe, not a regular file; skipped/);
    expect(validateAnalysis(JSON.parse(r.stdout)).document.text).toBe(ARTICLE);
  });
  it('stdin over the size limit is refused while it is still being written', async () => {
    const child = spawn(process.execPath, [bin, 'analyze', '-', '--max-bytes', '64k'], { cwd: repoRoot });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.stdin.on('error', () => { /* EPIPE once the reader has stopped */ });
    const chunk = Buffer.from('Der Minister sagte am Dienstag etwas. '.repeat(500));
    const feeder = setInterval(() => { if (!child.stdin.destroyed) child.stdin.write(chunk); }, 5);
    const guard = setTimeout(() => child.kill('SIGKILL'), GUARD_MS);
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    clearInterval(feeder);
    clearTimeout(guard);
    expect(code).toBe(1);
    expect(err).toMatch(/<stdin>: input is more than 0\.1 MiB, over the limit/);
  });
  it('a device is read only up to the limit', () => {
    const r = run(['analyze', '/dev/zero', '--max-bytes', '1M']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/dev\/zero: file is more than 1\.0 MiB, over the limit/);
  });
  it('HTML nested 10,000 deep fails with a clear message and the next file is analysed', () => {
    const src = join(dir, 'deep');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'a-deep.html'), `<html><body>${'<div>'.repeat(10000)}<p>${'Text hier. '.repeat(50)}</p>${'</div>'.repeat(10000)}</body></html>`);
    writeFileSync(join(src, 'b-good.txt'), ARTICLE);
    const r = run(['analyze', src, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a-deep\.html: HTML nested more than 256 elements deep/);
    expect(JSON.parse(r.stdout).document.text).toBe(ARTICLE);
  });
  it('a document over the time budget fails naming it, and the batch goes on', () => {
    const src = join(dir, 'slow');
    mkdirSync(src, { recursive: true });
    const words = 'die regierung in berlin Merkel sagte dass der minister mit dem Präsidenten über handel gesprochen habe'.split(' ');
    writeFileSync(join(src, 'a-slow.txt'), Array.from({ length: 60_000 }, (_, i) => words[i % words.length]).join(' '));
    writeFileSync(join(src, 'b-good.txt'), ARTICLE);
    const r = run(['analyze', src, '--format', 'json', '--timeout', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a-slow\.txt: analysis took longer than 1 s, the limit per document/);
    expect(JSON.parse(r.stdout).document.text).toBe(ARTICLE);
  });
  it('results stream to stdout: what is done arrives while a later input still blocks', async () => {
    const src = join(dir, 'stream');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'good.txt'), ARTICLE);
    const fifo = join(src, 'blocked.fifo');
    execFileSync('mkfifo', [fifo]);
    // A pipe named on the command line is read (it may be "<(cmd)"): nobody writes to this one.
    const child = spawn(process.execPath, [bin, 'analyze', join(src, 'good.txt'), fifo, '--format', 'json'], { cwd: repoRoot });
    let out = '';
    const first = await new Promise<string>((res) => {
      const guard = setTimeout(() => res(out), GUARD_MS);
      child.stdout.on('data', (c) => { out += c; if (out.includes('\n')) { clearTimeout(guard); res(out); } });
    });
    child.kill('SIGKILL');
    expect(first.includes('\n'), 'nothing arrived before the blocked input').toBe(true);
    expect(validateAnalysis(JSON.parse(first.split('\n')[0])).document.text).toBe(ARTICLE);
  });
});

describe('unreadable subfolders (defect 6)', () => {
  it('a subfolder that cannot be read is named, and the rest is analysed', (ctx) => {
    // root reads everything: run as an unprivileged user then (skipped only where that user cannot run the bin)
    const asUser = unprivileged();
    if (!asUser) return ctx.skip();
    const src = join(dir, 'perm');
    mkdirSync(join(src, 'locked'), { recursive: true });
    writeFileSync(join(src, 'good.txt'), ARTICLE);
    writeFileSync(join(src, 'locked', 'hidden.txt'), OTHER);
    chmodSync(join(src, 'locked'), 0o000);
    const r = run(['analyze', src, '--format', 'json'], asUser);
    chmodSync(join(src, 'locked'), 0o755);
    expect(r.stderr).toMatch(/locked: cannot read the folder \(permission denied\); skipped/);
    expect(JSON.parse(r.stdout).document.text).toBe(ARTICLE);
    expect(r.status).toBe(1);
  });
});

describe('nothing hostile reaches a terminal or a page (defects 4 and 5)', () => {
  const hostile = '---\ntitle: "Nachricht\u001b]0;pwned\u0007\u001b[2J \u202eevil"\nsource: "Agentur\u001b[31m"\n---\n'
    + 'Die Regierung in Berlin hat am Montag <script>alert(1)</script> neue Pläne vorgestellt, sagte ein Sprecher. '
    + 'Der Minister sagte: „Seht [hier](javascript:alert(1)) und <img src=x onerror=alert(1)> nach.“';
  it('the text brief carries no control or bidi characters', () => {
    const f = join(dir, 'hostile.txt');
    writeFileSync(f, hostile);
    const r = run(['analyze', f, '--format', 'text']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toMatch(/^Nachricht\]0;pwned\[2J evil/);
  });
  it('the markdown brief escapes HTML and markdown in every field', () => {
    const f = join(dir, 'hostile.txt');
    writeFileSync(f, hostile);
    const r = run(['analyze', f, '--format', 'markdown']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.stdout).toContain('&lt;script&gt;');
  });
  it('file names with escape sequences are printed clean in errors', () => {
    const f = join(dir, 'bad\u001b[2Jname.txt');
    writeFileSync(f, '');
    const r = run(['analyze', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toMatch(/bad\[2Jname\.txt: empty file/);
  });
});
