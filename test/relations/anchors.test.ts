/**
 * Anchoring through the per-document index: the quote covering a position, the first source named in a
 * range, the nearest timeline item in a clause — and that a document repeated N times gets N copies of
 * each relation, each anchored inside its own copy (no lookup leaks across the document).
 */
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../src/contract/schema.js';
import { buildDoc } from '../../src/text/index.js';
import { AnchorIndex } from '../../src/relations/anchors.js';
import { extractRelations } from '../../src/relations/index.js';
import { oracleLayer, type GoldActor } from '../../src/eval/relations-gold.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { extractTimeline } from '../../src/time/index.js';
import { emptyQuotes } from './helpers.js';

const ACTORS: GoldActor[] = [
  { name: 'Lena Hartmann', type: 'person', aliases: ['Hartmann'] },
  { name: 'Erik Lindqvist', type: 'person', aliases: ['Lindqvist'] },
  { name: 'Autovia', type: 'organization' },
];

const BODY = 'Hartmann met Lindqvist in Stockholm on Tuesday, two people familiar with the talks said.\n\n'
  + '"Autovia will not raise its offer," Lindqvist said on Wednesday.\n\n'
  + 'Lindqvist rejected Autovia\'s offer in March.';

function item(id: string, text: string, doc: string, from = 0): TimelineItem {
  const start = doc.indexOf(text, from);
  return { id, text, start, end: start + text.length, value: null, granularity: 'day', anchor: 'text', entities: [], relations: [] };
}

describe('AnchorIndex', () => {
  const doc = buildDoc({ text: BODY, origin: 'test', language: 'en', published: '2024-06-20' });
  const q = emptyQuotes();
  const open = doc.text.indexOf('"Autovia');
  q.quotes.push({ id: 'q1', kind: 'direct', text: 'x', start: open, end: doc.text.indexOf(' Lindqvist said'), speaker: null, source: 's2', cue: null, channel: null });
  q.quotes.push({ id: 'q2', kind: 'indirect', text: 'y', start: 0, end: doc.text.indexOf(', two'), speaker: null, source: 's1', cue: null, channel: null });
  const people = doc.text.indexOf('two people');
  q.sources.push({ id: 's1', description: 'two people', named: false, entity: null, count: 2, affiliation: null, mentions: [{ start: people, end: people + 'two people'.length, text: 'two people' }] });
  const lq = doc.text.lastIndexOf('Lindqvist said');
  q.sources.push({ id: 's2', description: 'Lindqvist', named: true, entity: null, count: null, affiliation: null, mentions: [{ start: lq, end: lq + 9, text: 'Lindqvist' }] });
  const timeline = [item('t2', 'Wednesday', doc.text), item('t1', 'Tuesday', doc.text), item('t3', 'March', doc.text)];
  const index = new AnchorIndex(doc, q, timeline);

  it('finds the quote covering a position, direct-only when asked', () => {
    expect(index.quoteSourceAt(open + 3, false)).toBe('s2');
    expect(index.quoteSourceAt(open + 3, true)).toBe('s2');
    expect(index.quoteSourceAt(5, false)).toBe('s1');
    expect(index.quoteSourceAt(5, true)).toBeNull();
    expect(index.quoteSourceAt(doc.text.indexOf('rejected'), false)).toBeNull();
    expect(index.quoteSourceAt(-1, false)).toBeNull();
  });

  it('finds the first source with a mention inside a range', () => {
    expect(index.sourceIn(0, doc.text.length)).toBe('s1');
    expect(index.sourceIn(people + 1, doc.text.length)).toBe('s2');
    expect(index.sourceIn(0, people + 3)).toBeNull();
  });

  it('picks the timeline item nearest to the trigger inside the range', () => {
    const met = doc.text.indexOf('met');
    expect(index.timeIn(0, doc.text.length, met)).toBe('t1');
    expect(index.timeIn(0, doc.text.length, doc.text.indexOf('in March'))).toBe('t3');
    expect(index.timeIn(doc.text.indexOf('Lindqvist rejected'), doc.text.length, 0)).toBe('t3');
    expect(index.timeIn(0, met, met)).toBeNull();
  });
});

describe('relations on a repeated document', () => {
  const copies = 4;
  const one = buildDoc({ text: BODY, origin: 'one', language: 'en', published: '2024-06-20' });
  const many = buildDoc({ text: Array(copies).fill(BODY).join('\n\n'), origin: 'many', language: 'en', published: '2024-06-20' });
  const run = (doc: typeof one) => {
    const layer = oracleLayer(doc, ACTORS);
    const timeline = extractTimeline(doc);
    return { rels: extractRelations(doc, layer, extractQuotes(doc, layer), timeline), timeline };
  };
  const a = run(one);
  const b = run(many);

  it('gives each copy the same relations, anchored in that copy', () => {
    expect(a.rels.length).toBeGreaterThan(0);
    expect(b.rels.length).toBe(copies * a.rels.length);
    const copyLen = BODY.length + 2;
    const sig = (r: (typeof a.rels)[number]) => `${r.subject}|${r.predicate}|${r.object}|${r.modality}|${r.attribution !== null}|${r.time !== null}`;
    for (let i = 0; i < b.rels.length; i++) {
      const r = b.rels[i];
      const copy = Math.floor(r.evidence.start / copyLen);
      expect(sig(r)).toBe(sig(a.rels[i % a.rels.length]));
      if (r.time) {
        const t = b.timeline.find((x) => x.id === r.time)!;
        expect(Math.floor(t.start / copyLen)).toBe(copy);
      }
    }
  });

  it('does not fail on a document that stops in the middle of a sentence', () => {
    const cut = buildDoc({ text: BODY + '\n\nHartmann, the chief of Autovia, m', origin: 'cut', language: 'en', published: null });
    expect(() => extractRelations(cut, oracleLayer(cut, ACTORS), emptyQuotes(), [])).not.toThrow();
  });
});
