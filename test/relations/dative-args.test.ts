/**
 * Verbs whose object is a dative (issue 14): „angehören“ has the group in the dative and the member in the
 * nominative, whichever comes first and however the parser labels them (it often reads the dative as a second
 * subject). Sentences written for this test, through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relations(text: string): string[] {
  const a = analyzeSync(text, { language: 'de', published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]} ${name.get(r.object)}`);
}

describe('the dative of „angehören“ is the group', () => {
  it('a fronted dative before a plural subject', () => {
    const out = relations('Der NATO gehören Deutschland und Valdorien an.');
    expect(out, out.join('; ')).toContain('Valdorien member_of NATO');
    expect(out.some((r) => r.startsWith('NATO member_of')), out.join('; ')).toBe(false);
  });

  it('a body named in a compound („G7-Gruppe“) is that body', () => {
    const out = relations('Der G7-Gruppe gehören Kanada, Japan und Valdorien an.');
    expect(out, out.join('; ')).toContain('Japan member_of G7');
  });

  it('a relative pronoun in the dative stands for the group', () => {
    const out = relations('Lena Brandt ist Mitglied der Partei Neue Mitte, der auch Tomas Heller angehört.');
    expect(out, out.join('; ')).toContain('Tomas Heller member_of Mitte');
    expect(out.some((r) => r.startsWith('Mitte member_of')), out.join('; ')).toBe(false);
  });

  it('a party name right after the dative noun', () => {
    const out = relations('Tomas Heller gehört der kurdischen Partei DPV an.');
    expect(out, out.join('; ')).toContain('Tomas Heller member_of DPV');
  });
});
