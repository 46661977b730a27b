/** Scores a store built from the gold corpus against test/gold/corpus/expected.json. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Store } from '../../src/corpus/store.js';
import { findChannels } from '../../src/corpus/channels.js';
import { findActors } from '../../src/corpus/lookup.js';
import { normName } from '../../src/corpus/normalize.js';
import { goldDir } from './annotated.js';

export const expected = JSON.parse(readFileSync(join(goldDir, 'expected.json'), 'utf8')) as {
  articles: number;
  copies: { copy: string; of: string }[];
  merges: { names: string[]; why: string }[];
  apart: [string, string][];
  channels: { from: string; to: string; maxHops: number; limit: number; expect: { path: string[]; evidence: string[] }[]; before: [string[], string[]][] }[];
};

export interface GoldScore {
  copies: { ok: number; total: number };
  merges: { ok: number; total: number };
  apart: { ok: number; total: number };
  paths: { ok: number; total: number };
  order: { ok: number; total: number };
  failures: string[];
}

/** strictWhy: the merge must also happen for the expected reason (hand annotations pin the mechanism). */
export async function evaluateGold(store: Store, opts: { strictWhy?: boolean } = {}): Promise<GoldScore> {
  const s: GoldScore = { copies: { ok: 0, total: 0 }, merges: { ok: 0, total: 0 }, apart: { ok: 0, total: 0 }, paths: { ok: 0, total: 0 }, order: { ok: 0, total: 0 }, failures: [] };
  const articles = await store.db.selectFrom('articles').select(['id', 'origin', 'duplicate_of']).execute();
  const byFile = new Map(articles.map((a) => [basename(a.origin), a]));
  for (const c of expected.copies) {
    s.copies.total++;
    const copy = byFile.get(c.copy);
    const of = byFile.get(c.of);
    if (copy && of && copy.duplicate_of === of.id) s.copies.ok++;
    else s.failures.push(`copy: ${c.copy} not recorded as a copy of ${c.of}`);
  }
  // a name belongs to the actors that carry it as a name or alias
  const aliasRows = await store.db.selectFrom('actor_aliases').select(['norm', 'actor_id']).execute();
  const actorsOf = (name: string) => new Set(aliasRows.filter((r) => r.norm === normName(name)).map((r) => r.actor_id));
  const links = await store.db.selectFrom('actor_links').select(['name', 'actor_id', 'reason']).execute();
  for (const m of expected.merges) {
    s.merges.total++;
    const sets = m.names.map(actorsOf);
    const all = new Set(sets.flatMap((x) => [...x]));
    const [only] = [...all];
    const reasonOk = !opts.strictWhy || links.some((l) => l.actor_id === only && l.reason === m.why);
    if (all.size === 1 && sets.every((x) => x.size === 1) && reasonOk) s.merges.ok++;
    else s.failures.push(`merge ${m.names.join(' = ')}: ${m.names.map((n, i) => `${n} → ${[...sets[i]].join('/') || 'none'}`).join(', ')}${reasonOk ? '' : ` (not by ${m.why})`}`);
  }
  for (const [x, y] of expected.apart) {
    s.apart.total++;
    const ax = actorsOf(x);
    const ay = actorsOf(y);
    if (ax.size && ay.size && ![...ax].some((a) => ay.has(a))) s.apart.ok++;
    else s.failures.push(`apart ${x} / ${y}: share an actor or missing`);
  }
  for (const c of expected.channels) {
    let paths: Awaited<ReturnType<typeof findChannels>> = [];
    try {
      paths = await findChannels(store.db, c.from, c.to, { maxHops: c.maxHops, limit: c.limit });
    } catch (err) {
      s.failures.push(`channels ${c.from} → ${c.to}: ${(err as Error).message}`);
    }
    const keyOf = (names: string[]) => names.map(normName).join(' > ');
    const found = paths.map((p) => keyOf(p.actors.map((a) => a.name)));
    for (const e of c.expect) {
      s.paths.total++;
      const i = found.indexOf(keyOf(e.path));
      if (i < 0) {
        s.failures.push(`channels ${c.from} → ${c.to}: missing ${e.path.join(' > ')} (got ${found.join(' | ') || 'nothing'})`);
        continue;
      }
      const hops = paths[i].hops;
      const bad = e.evidence.findIndex((word, h) => !hops[h]?.evidence[0]?.sentence.includes(word));
      if (bad < 0) s.paths.ok++;
      else s.failures.push(`channels ${e.path.join(' > ')}: hop ${bad + 1} evidence lacks "${e.evidence[bad]}": ${hops[bad]?.evidence[0]?.sentence}`);
    }
    for (const [first, second] of c.before) {
      s.order.total++;
      const i = found.indexOf(keyOf(first));
      const j = found.indexOf(keyOf(second));
      if (i >= 0 && j >= 0 && i < j) s.order.ok++;
      else s.failures.push(`channels order: ${first.join(' > ')} should rank before ${second.join(' > ')} (${i} vs ${j})`);
    }
  }
  return s;
}

/** Lookup helper for tests: the id of the best actor for a name. */
export async function actorId(store: Store, name: string): Promise<string | undefined> {
  return (await findActors(store.db, name))[0]?.id;
}
