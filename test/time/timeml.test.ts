import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { renderTimeML } from '../../src/brief/timeml.js';
import { parseFrontMatter } from '../../src/text/frontmatter.js';
import { sharedDir } from '../../src/util/paths.js';
import type { Analysis } from '../../src/contract/schema.js';

interface Tag { start: number; end: number; attrs: Record<string, string> }

/** Parses TimeML back: the TEXT element's plain text and every TIMEX3 tag's extent in it. */
function readTimeML(xml: string): { text: string; dct: Record<string, string> | null; tags: Tag[] } {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });
  type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
  const doc = parser.parse(xml) as Node[];
  const root = doc.find((n) => 'TimeML' in n)!.TimeML as Node[];
  const dctNode = (root.find((n) => 'DCT' in n)!.DCT as Node[]).find((n) => 'TIMEX3' in n);
  const textNode = root.find((n) => 'TEXT' in n)!.TEXT as Node[];
  let text = '';
  const tags: Tag[] = [];
  for (const n of textNode) {
    if ('#text' in n) { text += String(n['#text']); continue; }
    if (!('TIMEX3' in n)) throw new Error(`unexpected element ${Object.keys(n).join(',')}`);
    const inner = (n.TIMEX3 as Node[]).map((c) => String(c['#text'] ?? '')).join('');
    tags.push({ start: text.length, end: text.length + inner.length, attrs: n[':@'] ?? {} });
    text += inner;
  }
  return { text, dct: dctNode?.[':@'] ?? null, tags };
}

function checkRoundTrip(a: Analysis) {
  const back = readTimeML(renderTimeML(a));
  expect(back.text).toBe(a.document.text);
  expect(back.dct).toMatchObject({ tid: 't0', type: 'DATE', value: a.document.published, functionInDocument: 'CREATION_TIME' });
  const byId = new Map(a.timeline.map((t) => [t.id, t]));
  const consuming = back.tags.filter((t) => t.end > t.start);
  // Every consuming tag is a timeline item (or one end of a range item) with the same extent and TIMEX3 reading.
  for (const tag of consuming) {
    const id = tag.attrs.tid;
    const item = byId.get(id) ?? byId.get(id.replace(/[ab]$/, ''));
    expect(item, `tag ${id} has no timeline item`).toBeDefined();
    const ref = byId.has(id) ? { start: item!.start, end: item!.end, ...item!.timex! } : item!.timex!.parts![id.endsWith('a') ? 0 : 1];
    expect([tag.start, tag.end], `extent of ${id}`).toEqual([ref.start, ref.end]);
    expect(tag.attrs.type).toBe(ref.type);
    expect(tag.attrs.value).toBe(ref.value);
  }
  // …and every timeline item is written.
  const tagged = new Set(back.tags.map((t) => t.attrs.tid));
  for (const t of a.timeline) expect(tagged.has(t.id), `item ${t.id} "${t.text}" not in the TimeML`).toBe(true);
  return back;
}

describe('time: --format timeml', () => {
  it('round-trips a text with markup characters, a range, a set, a clock time and an anchored duration', () => {
    const text = 'Die Regierung tagte von 2017 bis 2021 jeden Montag um 14 Uhr & sprach <laut> über "Pläne". Seit drei Jahren gilt das, sagte sie am Dienstag.';
    const a = analyzeSync(text, { language: 'de', published: '2024-02-02' });
    const back = checkRoundTrip(a);
    expect(back.tags.map((t) => [t.attrs.type, t.attrs.value])).toEqual([
      ['DATE', '2017'], ['DATE', '2021'], ['DURATION', 'P5Y'], ['SET', 'XXXX-WXX-1'], ['TIME', '2024-02-02T14:00'], ['DURATION', 'P3Y'], ['DATE', '2024-01-30'],
    ]);
    // The range's duration is non-consuming and points at its two ends.
    expect(back.tags[2]).toMatchObject({ start: back.tags[2].end, attrs: { beginPoint: 't1a', endPoint: 't1b' } });
  });

  const seedPath = join(sharedDir, 'corpus', 'seed', 'japan-trump-outreach.de.txt');
  it.skipIf(!existsSync(seedPath))('round-trips the seed article', () => {
    const fm = parseFrontMatter(readFileSync(seedPath, 'utf8'));
    const a = analyzeSync(fm.body, { language: 'de', published: '2024-02-02' });
    expect(a.timeline.length).toBeGreaterThan(10);
    checkRoundTrip(a);
  });
});
