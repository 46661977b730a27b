import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/text/index.js';
import { parseFrontMatter } from '../../src/text/frontmatter.js';
import { extractTimeline } from '../../src/time/index.js';
import { TimelineItemSchema } from '../../src/contract/schema.js';
import { sharedDir } from '../../src/util/paths.js';

const seedPath = join(sharedDir, 'corpus', 'seed', 'japan-trump-outreach.de.txt');

/** The seed article (read from ../shared, never copied into the repo). */
function seedTimeline(published: string | null) {
  const fm = parseFrontMatter(readFileSync(seedPath, 'utf8'));
  const doc = buildDoc({ text: fm.body, origin: 'seed', published, language: fm.fields.language });
  return { doc, timeline: extractTimeline(doc) };
}

// Expression (as it appears in the seed) → expected value, modifier, anchor. Published 2024-02-02.
const EXPECTED: [string, string, string | null, string][] = [
  ['April', '2024-04', null, 'published'],
  ['5. November', '2024-11-05', null, 'published'],
  ['November', '2024-11', null, 'published'],
  ['letzten Monat', '2024-01', null, 'published'],
  ['Ende letzten Jahres', '2023-12', 'END', 'published'],
  ['diese Woche', '2024-W05', null, 'published'],
  ['Juli 2023', '2023-07', null, 'text'],
  ['2017-2021', '2017/2021', null, 'text'],
  // Documented normalisation of the turn of the year: the December–January range around it.
  ['Jahreswechsel', '2023-12/2024-01', 'APPROX', 'published'],
  ['Ende September', '2024-09', 'END', 'published'],
  ['vergangenen Jahr', '2023', null, 'published'],
  ['den letzten Wochen', '2024-W02/2024-W05', 'APPROX', 'published'],
  ['2019', '2019', null, 'text'],
  ['2024', '2024', null, 'text'],
  ['2016', '2016', null, 'text'],
  ['Jahr 2016', '2016', null, 'text'],
];

describe.skipIf(!existsSync(seedPath))('time: seed article (published 2024-02-02)', () => {
  const { doc, timeline } = seedTimeline('2024-02-02');

  it.each(EXPECTED)('%s → %s', (text, value, modifier, anchor) => {
    const items = timeline.filter((t) => t.text === text);
    expect(items.length, `no timeline item "${text}"`).toBeGreaterThan(0);
    for (const t of items) {
      expect(t.value).toBe(value);
      expect(t.modifier ?? null).toBe(modifier);
      expect(t.anchor).toBe(anchor);
    }
  });

  it('emits valid contract items in text order with ids t1, t2, …', () => {
    timeline.forEach((t, i) => {
      expect(TimelineItemSchema.parse(t)).toBeTruthy();
      expect(t.id).toBe(`t${i + 1}`);
      expect(doc.text.slice(t.start, t.end)).toBe(t.text);
      if (i > 0) expect(t.start).toBeGreaterThanOrEqual(timeline[i - 1].end);
    });
  });

  it('separates background (2016, 2019, 2017-2021, July 2023) from the news window', () => {
    const bg = (text: string) => timeline.filter((t) => t.text === text).map((t) => t.background);
    for (const text of ['2019', '2016', '2017-2021', 'Juli 2023']) expect(bg(text).every((b) => b === true), text).toBe(true);
    for (const text of ['letzten Monat', 'diese Woche', '5. November', 'Ende letzten Jahres', '2024']) expect(bg(text).every((b) => b === false), text).toBe(true);
  });

  it('does not read numbers, ages and names as dates', () => {
    const covered = (needle: string) => {
      const at = doc.text.indexOf(needle);
      expect(at, needle).toBeGreaterThanOrEqual(0);
      return timeline.some((t) => t.start < at + needle.length && at < t.end);
    };
    for (const needle of ['Gruppe der Sieben', '(G7)', '14,9 Milliarden', '77-Jährige']) expect(covered(needle), needle).toBe(false);
  });

  it('without a publication date keeps relative expressions unresolved and absolute ones resolved', () => {
    const bare = seedTimeline(null).timeline;
    expect(bare.length).toBe(timeline.length);
    const get = (text: string) => bare.find((t) => t.text === text)!;
    for (const text of ['letzten Monat', 'April', '5. November', 'diese Woche', 'Ende letzten Jahres']) {
      expect(get(text).value, text).toBeNull();
      expect(get(text).anchor).toBe('none');
      expect(get(text).background).toBeUndefined();
    }
    expect(get('5. November').granularity).toBe('day');
    expect(get('Juli 2023').value).toBe('2023-07');
    expect(get('2017-2021').value).toBe('2017/2021');
  });
});
