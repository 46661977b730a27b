import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/text/index.js';
import { extractTimeline, findTimeExpressions } from '../../src/time/index.js';
import { compileRuleSet } from '../../src/time/rules.js';
import { compileTenseCues } from '../../src/time/tense.js';
import { dayNumber, isoWeekOf, monthPeriod, quarterPeriod, weekPeriod } from '../../src/time/calendar.js';

const doc = (text: string, language: string, published: string | null) => buildDoc({ text, origin: 'test', published, language });
const values = (text: string, language: string, published: string | null) =>
  extractTimeline(doc(text, language, published)).map((t) => [t.text, t.value, t.modifier ?? null]);

describe('time: calendar', () => {
  it('numbers ISO weeks across year boundaries', () => {
    expect(isoWeekOf(dayNumber(2024, 12, 30))).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf(dayNumber(2021, 1, 3))).toEqual({ year: 2020, week: 53 });
    expect(weekPeriod(2025, 0).value).toBe('2024-W52');
    expect(weekPeriod(2020, 53).value).toBe('2020-W53');
  });
  it('carries month and quarter overflow into the neighbouring year', () => {
    expect(monthPeriod(2024, 0).value).toBe('2023-12');
    expect(monthPeriod(2024, 13).value).toBe('2025-01');
    expect(quarterPeriod(2024, 0).value).toBe('2023-Q4');
  });
});

describe('time: tense decides underspecified dates', () => {
  // Published Friday 2024-02-02.
  it('sends a weekday to the nearest past or future day by the tense of its clause', () => {
    expect(values('Am Dienstag traf er den Minister. Am Dienstag wird er den Kanzler treffen.', 'de', '2024-02-02')).toEqual([
      ['Dienstag', '2024-01-30', null],
      ['Dienstag', '2024-02-06', null],
    ]);
    expect(values('He met the minister on Tuesday. He will meet the chancellor on Tuesday.', 'en', '2024-02-02')).toEqual([
      ['Tuesday', '2024-01-30', null],
      ['Tuesday', '2024-02-06', null],
    ]);
  });
  it('puts a month after the publication month into last year when told in the past', () => {
    expect(values('Im Oktober reiste sie nach Rom. Im Oktober wird sie nach Rom reisen.', 'de', '2024-02-02').map((v) => v[1])).toEqual(['2023-10', '2024-10']);
    expect(values('She travelled to Rome in October. She will travel to Rome in October.', 'en', '2024-02-02').map((v) => v[1])).toEqual(['2023-10', '2024-10']);
  });
  it('reads the governing clause after an introductory phrase', () => {
    expect(values('In October, the company reported a loss.', 'en', '2024-02-02')[0][1]).toBe('2023-10');
  });
});

describe('time: no publication date', () => {
  it('leaves relative expressions unresolved, never invented', () => {
    const items = extractTimeline(doc('Letzten Monat traf er sie, im Juli 2023 auch.', 'de', null));
    expect(items.map((t) => [t.value, t.anchor, t.granularity])).toEqual([
      [null, 'none', 'month'],
      ['2023-07', 'text', 'month'],
    ]);
  });
});

describe('time: a third language is data only', () => {
  // A toy Dutch rule set, written inline as the files under lang/<code>/time/ would hold it.
  const set = compileRuleSet(
    'nl',
    {
      capitalised: [],
      categories: {
        MONTH: { januari: 1, februari: 2, maart: 3, april: 4, oktober: 10 },
        DIR: { vorige: -1, volgende: 1, deze: 0 },
        UNIT: { maand: 'month', week: 'week', jaar: 'year' },
      },
    },
    {
      rules: [
        { name: 'month_year', pattern: '{month:MONTH} {year:YEAR}', norm: { type: 'date', year: '$year', month: '$month' } },
        { name: 'month', pattern: '{month:MONTH}', before: 'in ', norm: { type: 'date', month: '$month' } },
        { name: 'relative', pattern: '{dir:DIR} {unit:UNIT}', norm: { type: 'relative', unit: '$unit', offset: '$dir' } },
      ],
    },
  );
  const cues = compileTenseCues({ past: ['reisde', 'was'], future: ['zal'], clauseBoundaries: [','] });

  it('finds and normalises with the same engine', () => {
    const d = doc('Vorige maand reisde hij naar Berlijn. In oktober reisde hij naar Parijs, in april zal hij naar Rome gaan. In maart 2022 was hij thuis.', 'de', '2024-02-02');
    const found = findTimeExpressions(d, set, cues).map((m) => [d.text.slice(m.start, m.end), m.result.period?.value]);
    expect(found).toEqual([
      ['Vorige maand', '2024-01'],
      ['oktober', '2023-10'],
      ['april', '2024-04'],
      ['maart 2022', '2022-03'],
    ]);
  });

  it('rejects rules that refer to unknown word lists', () => {
    expect(() => compileRuleSet('xx', { categories: {} }, { rules: [{ name: 'bad', pattern: '{m:MONTH}', norm: { type: 'date' } }] })).toThrow(/unknown macro %MONTH/);
  });
});
