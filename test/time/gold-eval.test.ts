import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalValue, evaluateNews, formatTimeSet, listNewsGold } from '../../src/eval/time.js';

// A tiny news corpus and gold, written for this test: article 001 (dev) and 003 (test, no time gold).
const TEXT = 'Die Kommission tagte am 5. März 2024 in Brüssel. Seit drei Jahren verhandeln die Staaten, jeden Montag um 10 Uhr. Der Bericht soll bald im Herbst erscheinen.';

function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'bc-time-gold-'));
  const corpus = join(root, 'news');
  const gold = join(root, 'gold');
  mkdirSync(join(corpus, 'de'), { recursive: true });
  mkdirSync(join(gold, 'de'), { recursive: true });
  writeFileSync(join(corpus, 'de', '001_kommission.txt'), `---\ntitle: Test\npublished: 2024-03-20\nlanguage: de\n---\n${TEXT}\n`);
  writeFileSync(join(corpus, 'de', '003_leer.txt'), '---\npublished: 2024-03-20\nlanguage: de\n---\nNichts geschah.\n');
  const span = (s: string, type: string, value: string, check = s) => {
    const start = TEXT.indexOf(s);
    return { start, end: start + s.length, check, type, value, mod: null };
  };
  const time = [
    span('5. März 2024', 'DATE', '2024-03-05', '5. … 2024'), // exact
    span('Seit drei Jahren', 'DURATION', 'P3Y', 'Seit … Jahren'), // overlaps "drei Jahren": relaxed only
    span('jeden Montag', 'SET', 'XXXX-WXX-1'), // exact
    span('10 Uhr', 'TIME', '2024-03-18T10:00'), // found, but the system puts it on the publication day
    span('bald', 'DATE', 'FUTURE_REF'), // missed
    { ...span('Brüssel', 'DATE', '2024'), check: 'Paris' }, // offsets that do not read as their check: skipped
  ];
  // Half the items as the annotation tool writes them ({"at": {start, end, check}}), half flat.
  const mixed = time.map((t, i) => (i % 2 ? t : { at: { start: t.start, end: t.end, check: t.check }, type: t.type, value: t.value, mod: t.mod }));
  writeFileSync(join(gold, 'de', '001.json'), JSON.stringify({ file: 'de/001_kommission.txt', time: mixed }));
  writeFileSync(join(gold, 'de', '003.json'), JSON.stringify({ file: 'de/003_leer.txt', time: [] }));
  return { corpus, gold, root };
}

describe('time: news gold reader and scorer', () => {
  const { corpus, gold, root } = fixture();

  it('splits by article number: every third is test', () => {
    expect(listNewsGold(gold, 'dev', ['de', 'en']).map((g) => g.number)).toEqual([1]);
    expect(listNewsGold(gold, 'test', ['de', 'en']).map((g) => g.number)).toEqual([3]);
  });

  it('scores extents strict and relaxed, values on the relaxed matches, and reports bad gold spans', () => {
    const r = evaluateNews('dev', ['de'], gold, corpus);
    expect(r.goldFiles).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/001\.json: time\[5\].*Paris/);
    const s = r.byLang.de;
    // System: the date, "drei Jahren", the set, the clock time and "Herbst" (a false alarm: not in this gold).
    expect([s.gold, s.system]).toEqual([5, 5]);
    expect([s.strict.tp, s.relaxed.tp, s.value.tp]).toEqual([3, 4, 3]);
    expect(s.relaxed.precision).toBeCloseTo(0.8);
    expect(s.valueAccuracy).toBeCloseTo(0.75);
    expect(s.byType.DURATION).toMatchObject({ gold: 1, found: 1, rightValue: 1 });
    expect(s.byType.TIME).toMatchObject({ gold: 1, found: 1, rightValue: 0 });
    expect(s.errors.some((e) => e.includes('missed "bald"'))).toBe(true);
    expect(s.errors.some((e) => e.includes('false alarm "Herbst"'))).toBe(true);
  });

  it('reports how many gold files it found, zero included', () => {
    expect(formatTimeSet(evaluateNews('test', ['de'], gold, corpus))).toMatch(/^time news-test: 1 gold file found/);
    const none = evaluateNews('dev', ['de'], join(root, 'nowhere'), corpus);
    expect(none.goldFiles).toBe(0);
    expect(formatTimeSet(none)).toMatch(/0 gold files found[\s\S]*nothing to score yet/);
  });

  it('names the file when a gold file is malformed', () => {
    const bad = join(root, 'bad');
    mkdirSync(join(bad, 'en'), { recursive: true });
    writeFileSync(join(bad, 'en', '002.json'), JSON.stringify({ file: 'en/002_x.txt', time: [{ start: 1, end: 5, type: 'EVENT', value: '2016' }] }));
    expect(() => listNewsGold(bad, 'dev', ['en'])).toThrow(/002\.json: time\[0\]: type must be/);
  });

  it('compares TIMEX3 values written in different units', () => {
    expect(canonicalValue('P1DE')).toBe(canonicalValue('P10Y'));
    expect(canonicalValue('P0.5Y')).toBe(canonicalValue('P6M'));
    expect(canonicalValue('P1W')).not.toBe(canonicalValue('P7D'));
  });
});
