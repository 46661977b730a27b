/**
 * Arguments of triggers that found none (issue 14): the recipient and subject of an act a support verb carries, a
 * coordinated subject with a title in its second conjunct, a name set off by a comma after a role noun, "the two
 * leaders" for the two persons named before, a mutual act its participants own ("their meeting"), and the clause
 * subject as the other side of a mutual act in an oblique ("died in a gunfight with X"), and a noun's agent the
 * parse hung on the verb after it („Militärhilfen für X durch die USA ermöglichen“). Sentences written for this
 * test, through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relations(lang: string, text: string): string[] {
  const a = analyzeSync(text, { language: lang, published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]} ${name.get(r.object)}`);
}

describe('arguments of triggers that found none', () => {
  it('a support verb lends its subject and its recipient to the act it carries', () => {
    const out = relations('en', 'Valdoria has also lent support to President Ivo Marek, sending advisers.');
    expect(out, out.join('; ')).toContain('Valdoria support Ivo Marek');
  });

  it('a separated particle makes the support verb („sprach … aus“)', () => {
    const out = relations('de', 'Der Regierungschef Tomas Heller sprach der Ministerin Lena Brandt seine Unterstützung aus.');
    expect(out.some((r) => r.startsWith('Tomas Heller support')), out.join('; ')).toBe(true);
  });

  it('a coordinated subject whose second conjunct carries a title', () => {
    const out = relations('en', 'Lena Brandt and Valdorian President Ivo Marek spoke by telephone on Wednesday.');
    expect(out.some((r) => /^(Lena Brandt consult Ivo Marek|Ivo Marek consult Lena Brandt)$/.test(r)), out.join('; ')).toBe(true);
  });

  it('a name after a comma is the role noun it follows', () => {
    const out = relations('en', 'Ivo Marek will meet Valdoria\'s navy commander, Admiral Tomas Heller, on Friday.');
    expect(out, out.join('; ')).toContain('Ivo Marek consult Tomas Heller');
  });

  it('"the two leaders" are the two persons named before', () => {
    const out = relations('en', 'Ivo Marek called Lena Brandt on Monday. The two leaders met in Geneva in July.');
    expect(out.filter((r) => /^(Ivo Marek consult Lena Brandt|Lena Brandt consult Ivo Marek)$/.test(r)).length, out.join('; ')).toBeGreaterThanOrEqual(2);
  });

  it('a mutual act owned by a coordinated subject is between its members', () => {
    const de = relations('de', 'Lena Brandt und Ivo Marek haben ihr Treffen in Rom abgebrochen.');
    expect(de.some((r) => /^(Lena Brandt consult Ivo Marek|Ivo Marek consult Lena Brandt)$/.test(r)), de.join('; ')).toBe(true);
    const en = relations('en', 'Lena Brandt and Ivo Marek attended his meeting in Rome.');
    expect(en.some((r) => / consult /.test(r)), en.join('; ')).toBe(false);
  });

  it('the clause subject is the other side of a mutual act in an oblique', () => {
    const de = relations('de', 'Tomas Heller starb bei Gefechten mit der Hamas.');
    expect(de, de.join('; ')).toContain('Tomas Heller fight Hamas');
  });

  it('an agent phrase after the noun, hung on the verb, is the noun\'s agent', () => {
    const de = relations('de', 'Tomas Heller hofft, dass das Abkommen neue Militärhilfen für Georgien durch die USA ermöglichen soll.');
    expect(de, de.join('; ')).toContain('Vereinigte Staaten aid Georgien');
  });

  it('a fronted noun the parser made a second subject of a receiving verb („Unterstützung erhielt X von Y“)', () => {
    const de = relations('de', 'Unterstützung erhielt Tomas Heller von Lena Brandt.');
    expect(de, de.join('; ')).toContain('Lena Brandt support Tomas Heller');
  });
});
