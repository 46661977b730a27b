/**
 * Error classes of issue 13 that need no parser, each pinned with sentences written for this test (German and
 * English), run through the whole pipeline so the entity layer (roles, pronouns) is the real one.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import type { Analysis } from '../../src/contract/schema.js';

const run = (text: string, language: 'de' | 'en') => analyzeSync(text, { language });

function sourceOf(a: Analysis, quote: string) {
  const q = a.quotes.find((x) => x.text.includes(quote));
  if (!q) throw new Error(`no quote "${quote}" among ${a.quotes.map((x) => JSON.stringify(x.text)).join(', ')}`);
  return a.sources.find((s) => s.id === q.source) ?? null;
}
const entityName = (a: Analysis, id: string | null | undefined) => a.entities.find((e) => e.id === id)?.name ?? null;

describe('sentence connectors are never sources', () => {
  it.each([
    ['de', 'Die Lage ist ernst. Denn wie der Minister sagte, fehle das Geld.', 'fehle das Geld', /^der Minister$/],
    ['de', 'Denn die Regierung hat entschieden: „Wir machen das nicht.“', 'Wir machen das nicht', null],
    ['en', 'Now the government says: "We will not do it."', 'We will not do it', /^the government$/],
  ] as const)('%s: %s', (lang, text, quote, want) => {
    const s = sourceOf(run(text, lang), quote);
    for (const m of s?.mentions ?? []) expect(m.text).not.toMatch(/^(Denn|Now|Und)\b/);
    if (want) expect(s?.description).toMatch(want);
  });
});

describe('definite descriptions refer to the person named before with that role', () => {
  it('de: "sagte der US-Präsident" after another speaker is the US-Präsident, not the last speaker', () => {
    const a = run('US-Präsident Donald Trump drohte mit neuen Zöllen. Kanzlerin Anna Weber sagte, Europa werde reagieren. '
      + '„Wir werden nicht zahlen“, sagte der US-Präsident am Abend.', 'de');
    expect(entityName(a, sourceOf(a, 'Wir werden nicht zahlen')?.entity)).toBe('Donald Trump');
    expect(entityName(a, sourceOf(a, 'Europa werde reagieren')?.entity)).toBe('Anna Weber');
  });

  it('de: an office does not go to a speaker known only under another office', () => {
    const a = run('Donald Trump drohte mit neuen Zöllen. Kanzlerin Anna Weber sagte, Europa werde reagieren. '
      + '„Wir werden nicht zahlen“, sagte der Präsident am Abend.', 'de');
    expect(entityName(a, sourceOf(a, 'Wir werden nicht zahlen')?.entity)).not.toBe('Anna Weber');
  });

  it('de: "so die Expertin" is the economist named before', () => {
    const a = run('Die Ökonomin Clara Vogt vom Institut für Weltwirtschaft warnt vor einer Rezession. Die Lage sei ernst, so die Expertin.', 'de');
    expect(entityName(a, sourceOf(a, 'Die Lage sei ernst')?.entity)).toBe('Clara Vogt');
  });

  it('en: "the president said" after another speaker is the president', () => {
    const a = run('President Maria Lopez vetoed the bill. Senator John Miles said the veto was a mistake. He called it reckless. '
      + '"We will override it," the president said later.', 'en');
    expect(entityName(a, sourceOf(a, 'We will override it')?.entity)).toBe('Maria Lopez');
  });

  it('en: "the spokesman said" is the spokesman named before', () => {
    const a = run('White House spokesman Tom Reyes declined to give details on Monday. "We are not there yet," the spokesman said.', 'en');
    expect(entityName(a, sourceOf(a, 'We are not there yet')?.entity)).toBe('Tom Reyes');
  });
});

describe('anonymous sources: counts and antecedents', () => {
  it.each([
    ['de', 'Die Ermittler sagten, der Täter sei geflohen. Beide baten darum, nicht namentlich genannt zu werden.', 'der Täter sei geflohen'],
    ['en', 'The officials said the plan had failed. Both asked not to be named.', 'the plan had failed'],
    ['en', 'The diplomats, both of whom asked not to be named, said the talks had stalled.', 'the talks had stalled'],
  ] as const)('%s: a definite group gets the count the text gives: %s', (lang, text, quote) => {
    const s = sourceOf(run(text, lang), quote);
    expect(s?.named).toBe(false);
    expect(s?.count).toBe(2);
  });

  it.each([
    ['de', 'Die Ermittler sagten, der Täter sei geflohen. Einer der drei Ermittler fügte hinzu, man suche ihn in Polen.', 'der Täter sei geflohen'],
    ['en', 'The officials said the plan had failed. One of the three officials added that talks would resume.', 'the plan had failed'],
    ['de', 'Die Beamten sagten, der Plan sei gescheitert. Die drei Beamten wollten anonym bleiben.', 'der Plan sei gescheitert'],
    ['en', 'The officials said the plan had failed. The three officials spoke on condition of anonymity.', 'the plan had failed'],
  ] as const)('%s: a later counted mention counts the group first named with an article: %s', (lang, text, quote) => {
    const a = run(text, lang);
    const s = sourceOf(a, quote);
    expect(s?.count).toBe(3);
    for (const m of s?.mentions ?? []) expect(m.text).not.toMatch(/spoke$/);
  });

  it('de: "der Sprecher" after a minister is a new anonymous source, not the minister', () => {
    const a = run('Innenministerin Karla Stein sagte, die Grenze bleibe offen. Die Lage sei ruhig, fügte der Sprecher hinzu.', 'de');
    expect(entityName(a, sourceOf(a, 'Die Lage sei ruhig')?.entity)).not.toBe('Karla Stein');
  });

  it.each([
    ['de', 'Ein Diplomat sagte, die Gespräche seien festgefahren. Der Diplomat fügte hinzu, man hoffe auf eine Lösung.', 'festgefahren', 'hoffe auf eine Lösung'],
    ['en', 'An official said the talks had stalled. The official added that a deal was still possible.', 'the talks had stalled', 'a deal was still possible'],
  ] as const)('%s: an indefinite source counts one and is the antecedent of its definite mention', (lang, text, first, second) => {
    const a = run(text, lang);
    const s1 = sourceOf(a, first), s2 = sourceOf(a, second);
    expect(s1?.count).toBe(1);
    expect(s1?.named).toBe(false);
    expect(s2?.id).toBe(s1?.id);
  });
});

describe('platform users and crowds are their own anonymous sources', () => {
  it('de: "schrieb ein Nutzer" is one anonymous user, not the chancellor', () => {
    const a = run('Der Beitrag verbreitete sich schnell. „Das ist ein Skandal“, schrieb ein Nutzer auf X. Kanzler Olaf Brenner äußerte sich nicht.', 'de');
    const s = sourceOf(a, 'Das ist ein Skandal');
    expect(s?.named).toBe(false);
    expect(s?.count).toBe(1);
    expect(s?.entity).toBeNull();
  });

  it('en: "one user" and "a second user" are two sources of one each, not the president', () => {
    const a = run('President Maria Lopez posted the video on Sunday. "This is a disgrace," one user wrote. "Shame on her," a second user wrote.', 'en');
    const s1 = sourceOf(a, 'This is a disgrace'), s2 = sourceOf(a, 'Shame on her');
    expect([s1?.count, s2?.count]).toEqual([1, 1]);
    expect(s1?.id).not.toBe(s2?.id);
    expect(s1?.entity ?? null).toBeNull();
  });

  it.each([
    ['de', 'Tausende Menschen versammelten sich vor dem Parlament. „Wir sind das Volk“, riefen die Demonstranten.', 'Wir sind das Volk'],
    ['en', 'Hundreds of protesters gathered outside. "No more war," the crowd chanted.', 'No more war'],
  ] as const)('%s: a crowd chanting is a collective source', (lang, text, quote) => {
    const s = sourceOf(run(text, lang), quote);
    expect(s?.named).toBe(false);
    expect(s?.entity ?? null).toBeNull();
  });
});

describe('posting is speech only with its content', () => {
  it.each([
    ['en', 'The senator posted the video on Sunday.', null],
    ['en', 'The senator posted on X that the ruling was a disgrace.', 'the ruling was a disgrace'],
    ['de', 'Die Ministerin postete am Sonntag ein Video.', null],
    ['de', 'Die Ministerin postete auf X, das Urteil sei ein Skandal.', 'das Urteil sei ein Skandal'],
  ] as const)('%s: %s', (lang, text, quote) => {
    const a = run(text, lang);
    expect(a.quotes.map((q) => q.text)).toEqual(quote ? [quote] : []);
  });
});

describe('a quote keeps a speaker standing in the neighbouring sentence', () => {
  it.each([
    ['de', 'Innenministerin Karla Stein besuchte am Freitag die Grenze. Sie zeigte sich zufrieden. „Die Lage ist unter Kontrolle.“', 'Die Lage ist unter Kontrolle', 'Karla Stein'],
    ['en', 'Senator John Miles spoke to reporters after the vote. He was angry. "This bill will hurt farmers."', 'This bill will hurt farmers', 'John Miles'],
  ] as const)('%s', (lang, text, quote, name) => {
    const a = run(text, lang);
    expect(entityName(a, sourceOf(a, quote)?.entity)).toBe(name);
  });

  it.each([
    ['de', '„Die Lage ist unter Kontrolle.“ Das sagte Innenministerin Karla Stein am Freitag in Potsdam.', 'Die Lage ist unter Kontrolle'],
    ['en', '"The situation is under control." Interior Minister Karla Stein said this on Friday in Potsdam.', 'The situation is under control'],
  ] as const)('%s: the speaker of a following "that is what X said" sentence', (lang, text, quote) => {
    const a = run(text, lang);
    expect(entityName(a, sourceOf(a, quote)?.entity)).toBe('Karla Stein');
    expect(a.quotes).toHaveLength(1); // "this on Friday in Potsdam" is no reported content
  });

  it('en: "said this week that …" keeps its own content', () => {
    const a = run('"We are ready." Karla Stein said this week that the border would stay open.', 'en');
    expect(entityName(a, sourceOf(a, 'the border would stay open')?.entity)).toBe('Karla Stein');
  });

  it('en: a later speaker in between still wins over the sentence before the last speaker', () => {
    const a = run('Senator John Miles spoke after the vote. "It was close," said Governor Ann Park. "We will try again."', 'en');
    expect(entityName(a, sourceOf(a, 'We will try again')?.entity)).toBe('Ann Park');
  });
});

describe('datelines and bylines never speak', () => {
  it.each([
    ['en', 'WASHINGTON — The plan will be delayed, the official said.', 'The plan will be delayed', /WASHINGTON/],
    ['en', 'KYIV, Ukraine — The talks will resume on Friday, officials said.', 'The talks will resume', /KYIV/],
    ['de', 'BERLIN (dpa) - Die Regierung will sparen, sagte ein Sprecher am Montag.', 'Die Regierung will sparen', /BERLIN/],
  ] as const)('%s: %s', (lang, text, quote, place) => {
    const a = run(text, lang);
    const q = a.quotes.find((x) => x.text.includes(quote))!;
    expect(q.text).not.toMatch(place);
    const s = sourceOf(a, quote);
    for (const m of s?.mentions ?? []) expect(m.text).not.toMatch(place);
  });
});
