/**
 * The country of a bare state title (issue 14, tie family): a country joined to the titled name by "of"/"von", a
 * title opening its sentence, whose later countries are what the holder acts on, and a counterpart's office.
 * Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { find, show } from './helpers.js';

function ties(text: string, language: string) {
  const a = analyzeSync(text, { language });
  const layer = { byId: new Map(a.entities.map((e) => [e.id, e])) };
  return { rels: a.relations, layer, listing: show(a.relations, layer).join('; ') };
}

describe('country of a bare state title', () => {
  it('en: "Prime Minister X of <country>" is of that country, not of the article\'s', () => {
    const text = 'Canada will host the summit in June. Canada expects many guests, and Canada has paid for the venue.\n\n'
      + 'Prime Minister Tomas Orlen of Poland cancelled his trip on Tuesday after a storm.';
    const { rels, layer, listing } = ties(text, 'en');
    expect(find(rels, layer, /Tomas Orlen/, 'leads', /Poland/).length, listing).toBe(1);
    expect(find(rels, layer, /Tomas Orlen/, 'leads', /Canada/).length, listing).toBe(0);
  });

  it('en: a title opening its sentence is of the article\'s country, not of the country it acts on', () => {
    const text = 'Canada and Mexico signed a trade pact. Canada will cut tariffs, and Canada will open two ports.\n\n'
      + 'President Mara Wendell has approved new aid for Mexico, officials in Canada said.';
    const { rels, layer, listing } = ties(text, 'en');
    expect(find(rels, layer, /Mara Wendell/, 'leads', /Canada/).length, listing).toBe(1);
    expect(find(rels, layer, /Mara Wendell/, 'leads', /Mexico/).length, listing).toBe(0);
  });

  it('de: "Präsident X von <Land>" ist dieses Landes', () => {
    const text = 'Österreich richtet das Treffen aus. Österreich erwartet viele Gäste, und Österreich zahlt die Halle.\n\n'
      + 'Präsident Ilko Baran von Bulgarien sagte seine Reise am Dienstag ab.';
    const { rels, layer, listing } = ties(text, 'de');
    expect(find(rels, layer, /Ilko Baran/, 'leads', /Bulgarien/).length, listing).toBe(1);
    expect(find(rels, layer, /Ilko Baran/, 'leads', /Österreich/).length, listing).toBe(0);
  });

  it('de: "ihren italienischen Kollegen X" holds the possessor\'s office for Italy', () => {
    const text = 'Außenministerin Karla Brenner traf am Montag in Rom ihren italienischen Kollegen Marco Lentini. Sie sprach auch mit ihrem US-Kollegen Tom Baker.';
    const { rels, layer, listing } = ties(text, 'de');
    expect(find(rels, layer, /Marco Lentini/, 'works_for', /Italien/).length, listing).toBe(1);
    expect(find(rels, layer, /Tom Baker/, 'works_for', /USA|Vereinigte Staaten/).length, listing).toBe(1);
  });

  it('en: "his Chilean counterpart, X" of a president leads Chile', () => {
    const text = 'President Daniel Rook met his Chilean counterpart, Ana Soto, in Lima on Friday.';
    const { rels, layer, listing } = ties(text, 'en');
    expect(find(rels, layer, /Ana Soto/, 'leads', /Chile/).length, listing).toBe(1);
  });
});
