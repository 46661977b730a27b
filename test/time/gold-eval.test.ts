import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalValue, evaluateNews, formatTimeSet } from '../../src/eval/time.js';
import { spanCheck, textHash } from '../../src/eval/news/text.js';
import { NEWS_GOLD_SCHEMA } from '../../src/eval/news/types.js';

// A tiny news corpus and gold in the shared format (backchannel.news-gold/1), written for this test:
// article 001 (dev) and 003 (test, no time gold).
const TEXT = 'Die Kommission tagte am 5. März 2024 in Brüssel. Seit drei Jahren verhandeln die Staaten, jeden Montag um 10 Uhr. Der Bericht soll demnächst im Herbst erscheinen.';

const goldFile = (file: string, text: string, time: unknown[]) => ({
  schema: NEWS_GOLD_SCHEMA, file, textHash: textHash(text), status: 'adjudicated',
  actors: [], roles: [], sources: [], quotes: [], responses: [], relations: [], time,
});

function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'bc-time-gold-'));
  const corpus = join(root, 'news');
  const gold = join(root, 'gold');
  mkdirSync(join(corpus, 'de'), { recursive: true });
  mkdirSync(join(gold, 'de'), { recursive: true });
  writeFileSync(join(corpus, 'de', '001_kommission.txt'), `---\ntitle: Test\npublished: 2024-03-20\nlanguage: de\n---\n${TEXT}\n`);
  writeFileSync(join(corpus, 'de', '003_leer.txt'), '---\npublished: 2024-03-20\nlanguage: de\n---\nNichts geschah.\n');
  const span = (s: string, type: string, value: string) => {
    const start = TEXT.indexOf(s);
    return { at: { start, end: start + s.length, check: spanCheck(s) }, type, value, mod: null };
  };
  const time = [
    span('5. März 2024', 'DATE', '2024-03-05'), // exact
    span('Seit drei Jahren', 'DURATION', 'P3Y'), // overlaps "drei Jahren": relaxed only
    span('jeden Montag', 'SET', 'XXXX-WXX-1'), // exact
    span('10 Uhr', 'TIME', '2024-03-18T10:00'), // found, but the system puts it on the publication day
    span('demnächst', 'DATE', 'FUTURE_REF'), // missed
    { ...span('Brüssel', 'DATE', '2024'), at: { start: TEXT.indexOf('Brüssel'), end: TEXT.indexOf('Brüssel') + 7, check: 'Paris' } }, // offsets that do not read as their check: skipped
  ];
  writeFileSync(join(gold, 'de', '001.json'), JSON.stringify(goldFile('de/001_kommission.txt', TEXT, time)));
  writeFileSync(join(gold, 'de', '003.json'), JSON.stringify(goldFile('de/003_leer.txt', 'Nichts geschah.', [])));
  return { corpus, gold, root };
}

describe('time: news gold, read by the shared news-gold reader, scored TempEval-style', () => {
  const { corpus, gold, root } = fixture();

  it('splits by article number: every third is test', async () => {
    expect((await evaluateNews('news-dev', ['de', 'en'], gold, corpus)).goldFiles).toBe(1);
    const test = await evaluateNews('news-test', ['de', 'en'], gold, corpus);
    expect([test.goldFiles, test.byLang.de.documents, test.byLang.de.gold]).toEqual([1, 1, 0]);
  });

  it('scores extents strict and relaxed, values on the relaxed matches, and reports bad gold spans', async () => {
    const r = await evaluateNews('news-dev', ['de'], gold, corpus);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/de\/001: time\[5\].*Paris/);
    const s = r.byLang.de;
    // System: the date, "drei Jahren", the set, the clock time and "Herbst" (a false alarm: not in this gold).
    expect([s.gold, s.system]).toEqual([5, 5]);
    expect([s.strict.tp, s.relaxed.tp, s.value.tp]).toEqual([3, 4, 3]);
    expect(s.relaxed.precision).toBeCloseTo(0.8);
    expect(s.valueAccuracy).toBeCloseTo(0.75);
    expect(s.byType.DURATION).toMatchObject({ gold: 1, found: 1, rightValue: 1 });
    expect(s.byType.TIME).toMatchObject({ gold: 1, found: 1, rightValue: 0 });
    expect(s.errors.some((e) => e.includes('missed "demnächst"'))).toBe(true);
    expect(s.errors.some((e) => e.includes('false alarm "Herbst"'))).toBe(true);
  });

  it('reports how many gold files it found, zero included', async () => {
    expect(formatTimeSet(await evaluateNews('news-test', ['de'], gold, corpus))).toMatch(/^time news-test: 1 gold file found/);
    const none = await evaluateNews('news-dev', ['de'], join(root, 'nowhere'), corpus);
    expect(none.goldFiles).toBe(0);
    expect(formatTimeSet(none)).toMatch(/0 gold files found[\s\S]*nothing to score yet/);
  });

  it('names the file when a gold file is malformed or its article changed', async () => {
    const bad = join(root, 'bad');
    mkdirSync(join(bad, 'de'), { recursive: true });
    writeFileSync(join(bad, 'de', '002.json'), '{"file": "de/002_x.txt", ');
    await expect(evaluateNews('news-dev', ['de'], bad, corpus)).rejects.toThrow(/002\.json: not valid JSON/);
    const wrongType = goldFile('de/001_kommission.txt', TEXT, [{ at: { start: 0, end: 3, check: 'Die' }, type: 'EVENT', value: '2016', mod: null }]);
    writeFileSync(join(bad, 'de', '002.json'), JSON.stringify(wrongType));
    await expect(evaluateNews('news-dev', ['de'], bad, corpus)).rejects.toThrow(/001_kommission\.txt: time\[0\]: type must be/);
    writeFileSync(join(bad, 'de', '002.json'), JSON.stringify(goldFile('de/001_kommission.txt', TEXT + ' Nachtrag.', [])));
    await expect(evaluateNews('news-dev', ['de'], bad, corpus)).rejects.toThrow(/001_kommission\.txt: the article's text changed/);
  });

  it('compares TIMEX3 values written in different units', () => {
    expect(canonicalValue('P1DE')).toBe(canonicalValue('P10Y'));
    expect(canonicalValue('P0.5Y')).toBe(canonicalValue('P6M'));
    expect(canonicalValue('P1W')).not.toBe(canonicalValue('P7D'));
  });
});
