/**
 * The cross-lingual name pairs of test/gold/corpus/name-pairs.tsv through the corpus resolver (cluster.ts):
 * each pair is one mention in one article and one in another; merge pairs must become one actor, apart
 * pairs two. Floors: ≥ 97 % of merge pairs merged (measured 40/40; the issue asks ≥ 95 %), no false merge.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterEntities, recordKey, type EntityRecord } from '../../src/corpus/cluster.js';
import { slug } from '../../src/entities/context.js';
import { goldDir } from './annotated.js';

interface Pair {
  expect: 'merge' | 'apart';
  type: string;
  kind: string | null;
  a: { lang: string; name: string };
  b: { lang: string; name: string };
}

const pairs: Pair[] = readFileSync(join(goldDir, 'name-pairs.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [expect, type, kind, la, na, lb, nb] = l.split('\t');
    return { expect: expect as Pair['expect'], type, kind: kind || null, a: { lang: la, name: na }, b: { lang: lb, name: nb } };
  });

const PREFIX: Record<string, string> = { person: 'person', organization: 'org', location: 'location' };

function record(p: Pair, side: 'a' | 'b'): EntityRecord {
  const s = p[side];
  return { article: `article-${side}`, entity: `${PREFIX[p.type]}:${slug(s.name)}`, type: p.type, kind: p.kind, name: s.name, aliases: [], mentions: 1, language: s.lang };
}

const merged = (p: Pair) => {
  const ra = record(p, 'a');
  const rb = record(p, 'b');
  const c = clusterEntities([ra, rb], 'en');
  return c.assignment.get(recordKey(ra.article, ra.entity))!.actorId === c.assignment.get(recordKey(rb.article, rb.entity))!.actorId;
};

describe('cross-lingual name pairs', () => {
  const merges = pairs.filter((p) => p.expect === 'merge');
  const aparts = pairs.filter((p) => p.expect === 'apart');

  it('has at least 30 merge pairs and some that must stay apart', () => {
    expect(merges.length).toBeGreaterThanOrEqual(30);
    expect(aparts.length).toBeGreaterThanOrEqual(10);
  });

  it('merges at least 95 % of the merge pairs and none of the apart pairs', () => {
    const missed = merges.filter((p) => !merged(p)).map((p) => `${p.a.name} / ${p.b.name}`);
    const falseMerges = aparts.filter(merged).map((p) => `${p.a.name} / ${p.b.name}`);
    console.log(`name pairs: ${merges.length - missed.length}/${merges.length} merged, ${falseMerges.length} false merges of ${aparts.length}${missed.length ? '; missed: ' + missed.join('; ') : ''}`);
    expect(falseMerges).toEqual([]);
    expect((merges.length - missed.length) / merges.length).toBeGreaterThanOrEqual(0.97);
  });

  it('gives the merged actor a display name in the display language', () => {
    const p = merges.find((x) => x.a.name === 'Wladimir Putin')!;
    const recs = [record(p, 'a'), record(p, 'b')];
    expect(clusterEntities(recs, 'en').actors.map((a) => a.name)).toEqual(['Vladimir Putin']);
    expect(clusterEntities(recs, 'de').actors.map((a) => a.name)).toEqual(['Wladimir Putin']);
    // a full name wins over a surname from an article in the display language
    const lavrov = merges.find((x) => x.a.name === 'Lawrow')!;
    expect(clusterEntities([record(lavrov, 'a'), record(lavrov, 'b')], 'de').actors.map((a) => a.name)).toEqual(['Sergey Lavrov']);
    const eu = merges.find((x) => x.a.name === 'Europäischen Union')!;
    expect(clusterEntities([record(eu, 'a')], 'de').actors[0].name).toBe('Europäische Union');
    const city = merges.find((x) => x.a.name === 'Peking')!;
    expect(clusterEntities([record(city, 'a'), record(city, 'b')], 'de').actors[0].name).toBe('Peking');
  });
});
