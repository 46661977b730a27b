import { describe, expect, it } from 'vitest';
import { resolveAnchor, spanMatches, AnchorError } from '../../src/eval/news/anchor.js';
import { convertWorkFile } from '../../src/eval/news/convert.js';
import { scoreArticle, wordOverlap } from '../../src/eval/news/score.js';
import { spanCheck } from '../../src/eval/news/text.js';

// A text written for this test.
const text = 'Die Ministerin Erika Beispiel sagte am Montag, die Gespräche mit Nordland seien gescheitert. ' +
  '„Wir werden nicht nachgeben“, sagte sie. Zwei Diplomaten sagten, Beispiel werde Max Muster treffen. Beispiel lachte.';

const work = {
  file: 'de/000_test.txt',
  actors: [
    { id: 'a1', name: 'Erika Beispiel', type: 'person', aliases: ['Beispiel'] },
    { id: 'a2', name: 'Nordland', type: 'location', kind: 'country' },
    { id: 'a3', name: 'Max Muster', type: 'person' },
  ],
  roles: [{ holder: 'a1', title: 'Ministerin', of: 'a2', status: 'current', tie: 'works_for', at: { text: 'Ministerin' } }],
  sources: [{ id: 's1', description: 'zwei Diplomaten', count: 2, affiliation: null, parent: null, reason: null, mentions: [{ text: 'Zwei Diplomaten' }] }],
  quotes: [
    { kind: 'indirect', at: { from: 'die Gespräche', to: 'seien gescheitert' }, cue: { text: 'sagte', n: 1 }, speaker: 'a1', source: null, channel: null },
    { kind: 'direct', at: { text: 'Wir werden nicht nachgeben' }, cue: { text: 'sagte', n: 2 }, speaker: 'a1', source: null, channel: null },
    { kind: 'indirect', at: { from: 'Beispiel werde', to: 'Muster treffen' }, cue: { text: 'sagten' }, speaker: null, source: 's1', channel: null },
  ],
  responses: [],
  relations: [{ subject: 'a1', object: 'a3', type: 'consult/meet', modality: 'planned', at: { text: 'treffen' } }],
  time: [{ at: { text: 'Montag' }, type: 'DATE', value: '2025-01-20', mod: null }],
};

describe('news gold anchors', () => {
  it('places spans by their words and keeps at most three words at each end', () => {
    const s = resolveAnchor(text, { from: 'Erika Beispiel', to: 'seien gescheitert' }, 'q');
    expect(text.slice(s.start, s.end)).toBe('Erika Beispiel sagte am Montag, die Gespräche mit Nordland seien gescheitert');
    expect(s.check).toBe('Erika Beispiel sagte … Nordland seien gescheitert');
    expect(spanMatches(text, s)).toBe(true);
    expect(spanMatches(text.replace('Nordland', 'Südland'), s)).toBe(false);
    expect(spanCheck('a b c')).toBe('a b c');
  });
  it('refuses an ambiguous or missing anchor with the occurrences listed', () => {
    expect(() => resolveAnchor(text, { text: 'sagte' }, 'cue')).toThrow(/occurs 3 times[\s\S]*n=3/);
    expect(() => resolveAnchor(text, { text: 'erklärte' }, 'cue')).toThrow(AnchorError);
    expect(resolveAnchor(text, { text: 'sagte', n: 2 }, 'cue').start).toBe(text.indexOf('sagte', text.indexOf('sagte') + 1));
  });
  it('checks references between layers', () => {
    const bad = { ...work, quotes: [{ ...work.quotes[0], speaker: 'a9' }] };
    expect(convertWorkFile(bad, text, 'pass-a').errors.join('\n')).toMatch(/unknown actor "a9"/);
    expect(convertWorkFile(work, text, 'pass-a').errors).toEqual([]);
  });
});

describe('news gold scoring', () => {
  const gold = convertWorkFile(work, text, 'pass-a').gold;
  it('scores an annotation against itself as perfect', () => {
    const s = scoreArticle(text, gold, gold);
    expect(s.quotes).toMatchObject({ gold: 3, predicted: 3, matched: 3, attributed: 3 });
    expect(s.relations).toMatchObject({ gold: 2, matched: 2, pairs: 2 });
    expect(s.time).toMatchObject({ matched: 1, strict: 1, value: 1 });
    expect(s.misses).toEqual([]);
  });
  it('computes the hand-counted case: a short quote, a wrong speaker, a wrong count, nothing predicted', () => {
    const pred = structuredClone(gold);
    pred.actors = [{ id: 'p1', name: 'Beispiel', type: 'person', aliases: [] }, { id: 'p3', name: 'Muster', type: 'person', aliases: [] }];
    pred.quotes[0]!.speaker = 'p1';
    pred.quotes[1]!.speaker = 'p3';                                   // wrong speaker
    pred.quotes[2]!.at = resolveAnchor(text, { text: 'Max Muster treffen' }, 'x'); // 3 of 5 words: 60 % → still found
    pred.sources[0]!.count = 3;                                       // wrong count
    pred.roles = []; pred.relations = []; pred.time = [];
    const s = scoreArticle(text, gold, pred);
    expect(wordOverlap(text, gold.quotes[2]!.at, pred.quotes[2]!.at)).toBeCloseTo(0.6);
    expect(s.quotes).toMatchObject({ matched: 3, attributed: 2 });
    expect(s.sources).toMatchObject({ matched: 1, counted: 0 });
    expect(s.relations).toMatchObject({ gold: 2, predicted: 0, matched: 0 });
    expect(s.misses.map((m) => m.layer)).toContain('time');
  });
});
