/** Issue 17 in the corpus: Ctrl-C, a full disk, unreadable folders, and what reaches the terminal. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openSqliteStore } from '../../src/corpus/store.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { formatActors, formatIngestSummary, formatProfile } from '../../src/corpus/format.js';
import type { ActorProfile } from '../../src/corpus/profile.js';
import { repoRoot } from '../../src/util/paths.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';
import { unprivileged } from '../unprivileged.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('Ctrl-C during ingest (defect 2)', () => {
  it('the loop yields between articles, so a signal handler gets to stop it', async () => {
    const store = await openSqliteStore(':memory:');
    const items = await collectArticles([goldArticles]);
    expect(items.length).toBeGreaterThan(3);
    let stop = false;
    // A timer runs only when the event loop gets a turn, as a SIGINT handler does.
    setTimeout(() => { stop = true; }, 0);
    const sum = await ingestAll(store, items, { analyze: annotatedAnalyzer, shouldStop: () => stop });
    await store.close();
    expect(sum.stopped).toBe(true);
    expect(sum.added + sum.copies + sum.unchanged + sum.errors.length).toBeLessThan(items.length);
  });
});

describe('a full disk during ingest (defect 7)', () => {
  it('names the cause ("full"), not the failed rollback, and goes on to the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-full-'));
    const store = await openSqliteStore(join(dir, 'full.db'));
    // SQLite's own page limit is a real full disk as far as the store can tell
    const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(store.db);
    await sql.raw(`PRAGMA max_page_count = ${pages.rows[0].page_count + 2}`).execute(store.db);
    const items = await collectArticles([goldArticles]);
    const sum = await ingestAll(store, items, { analyze: annotatedAnalyzer });
    await store.close();
    expect(sum.errors.length).toBeGreaterThan(0);
    for (const e of sum.errors) {
      expect(e.message).toMatch(/full/);
      expect(e.message).not.toMatch(/no transaction is active/);
    }
    expect(sum.added + sum.copies + sum.errors.length).toBe(items.length);
  });
});

describe('unreadable subfolder during ingest (defect 6)', () => {
  it('is named, and the readable articles are stored', (ctx) => {
    const asUser = unprivileged();
    if (!asUser) return ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), 'bc-perm-'));
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, 'src', 'locked'), { recursive: true });
    chmodSync(join(dir, 'src'), 0o755);
    writeFileSync(join(dir, 'src', 'good.txt'), 'Die Regierung in Berlin hat am Montag neue Pläne vorgestellt, sagte ein Sprecher.');
    writeFileSync(join(dir, 'src', 'locked', 'x.txt'), 'Der Minister sagte am Dienstag etwas.');
    chmodSync(join(dir, 'src', 'locked'), 0o000);
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'ingest', join(dir, 'src'), '--db', join(dir, 'c.db'), '--quiet'], { encoding: 'utf8', cwd: repoRoot, timeout: 60_000, ...asUser });
    chmodSync(join(dir, 'src', 'locked'), 0o755);
    expect(r.stderr).toMatch(/1 new, 0 syndicated copies, 0 unchanged, 1 failed/);
    expect(r.stderr).toMatch(/locked: cannot read the folder \(permission denied\); skipped/);
    expect(r.status).toBe(1);
  });
});

describe('terminal output of the corpus commands (defect 4)', () => {
  const evil = 'Evil\u001b]0;pwned\u0007\u001b[2J\u202eName';
  it('actor lists, profiles and summaries carry no control or bidi characters', () => {
    const actors = formatActors([{ id: 'person:x', name: evil, type: 'person', kind: null, mentions: 1, articles: 1, degree: 0 } as never]);
    expect(actors).not.toMatch(UNSAFE);
    expect(actors).toContain('Evil]0;pwned[2JName');
    const profile: ActorProfile = {
      actor: { id: 'person:x', name: evil, type: 'person', kind: null, mentions: 1, articles: 1, firstDate: null, lastDate: null },
      aliases: [evil], merges: [{ name: evil, article: evil, published: null, reason: evil, evidence: evil }],
      roles: [{ title: evil, of: evil, status: null, published: null, article: evil }],
      relations: [], quotesBy: [{ text: evil, kind: 'direct', published: null, article: evil }], quotesAbout: [],
    } as never;
    expect(formatProfile(profile, true)).not.toMatch(UNSAFE);
    const summary = formatIngestSummary({ added: 0, unchanged: 0, copies: 0, errors: [{ origin: evil, message: evil }], stopped: false, ms: 1 });
    expect(summary).not.toMatch(UNSAFE);
  });
});
