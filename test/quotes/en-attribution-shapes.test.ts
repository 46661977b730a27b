/**
 * English attribution shapes (issue 13): a named subject with an apposition after a quote, a participle after a
 * quoted phrase (no inverted attribution), a participle after a clause (its subject is the clause's, not the
 * object's), and praise with its reason ("praised X for …"). Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { quoteWith, speakerName } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'en' });

describe('a named subject with an apposition after the quote', () => {
  it('"…," Tom Varga, the director of the Northern Planning Office, told reporters.', () => {
    const a = run('"We will keep working with the council to find the right moment," Tom Varga, the director of the Northern Planning Office, told reporters.');
    expect(speakerName(a, 'keep working with the council')).toBe('Tom Varga');
  });

  it('"…," Jean Dupont, who also chairs the board of the central bank, told the radio station.', () => {
    const a = run('"We will keep working with the council," Jean Dupont, who also chairs the board of the central bank, told the radio station.');
    expect(speakerName(a, 'keep working with the council')).toBe('Jean Dupont');
  });
});

describe('participles', () => {
  it('", saying …" after a clause with an object shares the clause subject, not the object', () => {
    const a = run('Tom Varga praised Maria Lopez for her calm leadership during the flood crisis, saying her decision had saved the town.');
    expect(speakerName(a, 'her decision had saved the town')).toBe('Tom Varga');
  });

  it('a quoted phrase then ", saying …" is no quote attributed to the words after "saying"', () => {
    const a = run('Tom Varga praised Maria Lopez for her "calm leadership" during the flood crisis, saying the decision had saved the town.');
    expect(speakerName(a, 'the decision had saved the town')).toBe('Tom Varga');
    const src = (q: { source: string | null }) => a.sources.find((s) => s.id === q.source)?.description ?? '';
    expect(a.quotes.filter((q) => q.text.includes('calm leadership')).map(src).join()).not.toMatch(/decision/);
  });
});

describe('praise with its reason', () => {
  it('"praised the firefighters for their courage on the night of the fire" reports the reason', () => {
    const a = run('Tom Varga praised the firefighters for their courage on the night of the fire.');
    expect(quoteWith(a, 'their courage').kind).toBe('indirect');
    expect(speakerName(a, 'their courage')).toBe('Tom Varga');
  });
});

describe('the subject of a coordinated clause', () => {
  it('"Experts questioned how … and the ministry concedes it …" is the ministry, not the first clause', () => {
    const a = run('Some experts questioned how useful the radar would be against the new rockets and the ministry concedes the system was never tried against such rockets.');
    const q = quoteWith(a, 'the system was never tried');
    expect(a.sources.find((s) => s.id === q.source)?.description).toBe('the ministry');
  });

  it('"Last week, the ministry said …": the opening time adverbial is no subject', () => {
    const a = run('Last week, the ministry said four people were killed in the shelling.');
    const q = quoteWith(a, 'four people were killed');
    expect(a.sources.find((s) => s.id === q.source)?.description).toBe('the ministry');
  });
});

describe('an attribution interrupting its content', () => {
  it('"But, Benson said, "…"": a connector alone before the attribution, the quote after it is his', () => {
    const a = run('Karl Benson resigned on Monday. But, Benson said, "I want my evenings back."');
    expect(speakerName(a, 'my evenings back')).toBe('Karl Benson');
  });

  it('"Lawmakers, he said, were "…"": a noun phrase before the attribution opens the content', () => {
    const a = run('"We expect to win this vote," said Karl Benson, leader of the party. Lawmakers, he said, were "listening closely to the people."');
    const q = quoteWith(a, 'Lawmakers');
    expect(q.text).toContain('listening closely to');
    expect(speakerName(a, 'listening closely to')).toBe('Karl Benson');
  });
});

describe('names and quoted phrases inside attributions', () => {
  it('", Doctors Without Borders said.": a name with a stop word and a source noun inside is one named speaker', () => {
    const a = run('The clinic had two wards and a small laboratory, Doctors Without Borders said.');
    expect(speakerName(a, 'two wards and a small')).toBe('Doctors Without Borders');
  });

  it('"She said "a culture of neglect" exists in …": a quoted phrase opening the content makes it mixed', () => {
    const a = run('Maria Lopez spoke about the flood. She said "a culture of neglect" exists in the province, and fear still stops many victims from speaking.');
    const q = quoteWith(a, 'a culture of neglect');
    expect(q.kind).toBe('mixed');
    expect(q.text).toContain('exists in the province');
    expect(speakerName(a, 'a culture of neglect')).toBe('Maria Lopez');
  });
});

describe('credit lines', () => {
  it('"(Writing by Ann Roe, Editing by William Moss)" is no statement', () => {
    const a = run('The talks will resume on Monday.\n\n(Additional reporting by Sam Lee in Dubai; Writing by Ann Roe, Editing by William Moss and David Stone)');
    expect(a.quotes.some((q) => /Editing|William Moss/.test(q.text))).toBe(false);
  });
});

describe('"according to" after a clause with its own attribution', () => {
  it('\'"…," Benson told the group, according to Varga\' is Benson\'s quote, relayed by Varga', () => {
    const a = run('"It is necessary to make the province understand that it has no future without reform," Karl Benson told the group, according to Tom Varga.');
    expect(speakerName(a, 'It is necessary to make')).toBe('Karl Benson');
    expect(a.quotes.filter((q) => q.text.includes('It is necessary to make')).length).toBe(1);
  });
});
