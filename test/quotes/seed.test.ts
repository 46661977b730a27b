/**
 * The reference case (read from ../shared, never copied): facts about its quotes and sources.
 * The entity layer is hand-made from the actors' names so the test pins the quotes stage alone.
 */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/text/frontmatter.js';
import { extractQuotes, type QuoteLayer } from '../../src/quotes/index.js';
import type { Quote } from '../../src/contract/schema.js';
import { docOf, hasShared, readSeed } from '../helpers.js';
import { layerOf, type EntitySpec } from './helpers.js';

const ACTORS: EntitySpec[] = [
  { id: 'trump', type: 'person', name: 'Donald Trump', aliases: ['Trump'], gender: 'm' },
  { id: 'machida', type: 'person', name: 'Ado Machida', aliases: ['Machida'], gender: 'm' },
  { id: 'hagerty', type: 'person', name: 'Bill Hagerty', aliases: ['Hagerty'], gender: 'm' },
  { id: 'watanabe', type: 'person', name: 'Tsuneo Watanabe', aliases: ['Watanabe'], gender: 'm' },
  { id: 'bolton', type: 'person', name: 'John Bolton', aliases: ['Bolton'], gender: 'm' },
  { id: 'green', type: 'person', name: 'Michael Green', gender: 'm' },
  { id: 'aso', type: 'person', name: 'Taro Aso', aliases: ['Aso'], gender: 'm' },
  { id: 'obrien', type: 'person', name: "Robert O'Brien", aliases: ["O'Brien"], gender: 'm' },
  { id: 'biden', type: 'person', name: 'Joe Biden', aliases: ['Biden'], gender: 'm' },
  { id: 'mofa', type: 'organization', name: 'Außenministerium (Japan)', aliases: ['japanische Außenministerium', 'japanischen Außenministeriums'] },
  { id: 'embassy', type: 'organization', name: 'Botschaft (Japan)', aliases: ['japanische Botschaft'] },
  { id: 'japan', type: 'location', name: 'Japan', aliases: ['Tokio'], demonyms: ['japanische', 'japanischen', 'japanischer'] },
  { id: 'reuters', type: 'organization', name: 'Reuters' },
  { id: 'fox', type: 'organization', name: 'Fox News' },
];

const words = (q: Quote, ...ws: string[]) => ws.every((w) => q.text.includes(w));

describe.skipIf(!hasShared)('quotes on the seed', () => {
  const doc = docOf(parseFrontMatter(readSeed()).body, 'de');
  const layer: QuoteLayer = extractQuotes(doc, layerOf(doc, ACTORS));
  const src = (id: string | null) => layer.sources.find((s) => s.id === id);
  const entityOf = (q: Quote) => src(q.source)?.entity ?? null;
  const quoted = layer.quotes.filter((q) => q.kind !== 'indirect');
  const find = (qs: Quote[], ...ws: string[]) => qs.filter((q) => words(q, ...ws));

  it('finds every direct quote whole, with its speaker', () => {
    // Trump via Fox News: the quote's first and last sentence are in one quote.
    const trump = find(quoted, 'Verhandlungsposition', 'Chips hergestellt');
    expect(trump).toHaveLength(1);
    expect(entityOf(trump[0])).toBe('trump');
    expect(trump[0].channel).toBe('Fox News');
    const machida = find(quoted, 'Zeit voraus');
    expect(machida.map(entityOf)).toEqual(['machida']);
    const hagerty = find(quoted, 'ernst meint');
    expect(hagerty.map(entityOf)).toEqual(['hagerty']);
    expect(hagerty[0].channel).toBe('Reuters');
    for (const w of ['Missverständnisse', 'Faktor', 'nicht zu schlagen']) expect(find(quoted, w).map(entityOf)).toEqual(['watanabe']);
    // The last Watanabe quote spans two sentences and its speaker is a pronoun ("sagte er").
    expect(find(quoted, 'Golfer ist schlecht', 'nicht zu schlagen')).toHaveLength(1);
    const ministry = find(quoted, 'mit großem Interesse');
    expect(ministry.map(entityOf)).toEqual(['mofa']);
    expect(ministry[0].kind).toBe('mixed');
    expect(ministry[0].channel).toBe('statement');
  });

  it('attributes the indirect statements', () => {
    const ind = layer.quotes.filter((q) => q.kind === 'indirect');
    expect(find(ind, 'begierig').map(entityOf)).toEqual(['machida']);
    expect(find(ind, 'Kabinettsmitgliedern').map(entityOf)).toEqual(['green']);
    expect(find(ind, 'Hauptsorgen').map(entityOf)).toEqual(['hagerty']);
    const bolton = find(ind, 'Taiwan zu blockieren');
    expect(bolton.map(entityOf)).toEqual(['bolton']);
    expect(bolton[0].channel).toBe('writing');
    expect(find(ind, 'Nippon Steel').map(entityOf)).toEqual(['trump']);
    expect(find(ind, 'Hand zu reichen').map(entityOf)).toEqual(['watanabe']);
  });

  it('keeps the anonymous sources as records with counts, affiliations and subsets', () => {
    const six = layer.sources.find((s) => s.count === 6 && !s.named);
    expect(six).toBeDefined();
    expect(six!.affiliation).toBe('japan');
    expect(six!.anonymityReason?.text).toMatch(/anonym/);
    const two = layer.sources.find((s) => s.count === 2 && !s.named && !s.parent);
    expect(two).toBeDefined();
    expect(['mofa', 'japan']).toContain(two!.affiliation);
    const adviser = layer.sources.find((s) => s.count === 1 && !s.named);
    expect(adviser?.affiliation).toBe('trump');
    expect(adviser?.responses?.map((r) => r.kind)).toContain('declined');
    // Every partitive reference is a subset of the six.
    for (const phrase of [/^drei der Beamten$/, /^zwei der Beamten$/, /^zwei der Quellen$/, /^drei der sechs Beamten$/]) {
      const holder = layer.sources.find((s) => s.mentions.some((m) => phrase.test(m.text)));
      expect(holder, String(phrase)).toBeDefined();
      expect(holder!.parent, String(phrase)).toBe(six!.id);
    }
    // Statements by the six and their subsets are anonymous.
    const groupIds = new Set(layer.sources.filter((s) => s.id === six!.id || s.parent === six!.id).map((s) => s.id));
    expect(layer.quotes.filter((q) => q.source && groupIds.has(q.source)).length).toBeGreaterThanOrEqual(8);
    expect(layer.profile.anonymous).toBeGreaterThanOrEqual(10);
  });

  it('records refusals and non-answers', () => {
    const obrien = layer.sources.find((s) => s.entity === 'obrien');
    expect(obrien?.responses?.map((r) => r.kind)).toEqual(['no_response']);
    const embassy = layer.sources.find((s) => s.entity === 'embassy');
    expect(embassy?.responses?.map((r) => r.kind)).toEqual(['declined']);
    expect(layer.profile.responses).toBeGreaterThanOrEqual(4);
  });

  it('gives every quote a source and valid offsets', () => {
    for (const q of layer.quotes) {
      expect(q.source, q.text).not.toBeNull();
      expect(q.end).toBeGreaterThan(q.start);
      expect(doc.text.slice(q.start, q.end).length).toBeGreaterThan(0);
    }
    for (const s of layer.sources) if (s.named && s.entity) expect(s.count).toBeNull();
  });
});
