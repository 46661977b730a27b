import { describe, expect, it } from 'vitest';
import { quotesOf } from './helpers.js';

const SPECS = [
  { id: 'france', type: 'location' as const, name: 'Frankreich', demonyms: ['französische', 'französischen'] },
  { id: 'elysee', type: 'organization' as const, name: 'Élysée-Palast' },
  { id: 'macron', type: 'person' as const, name: 'Luc Morel', aliases: ['Morel'], gender: 'm' as const },
];

describe('sources as records', () => {
  it('keeps anonymous groups with count, affiliation, subsets and the reason for anonymity', () => {
    const text = [
      'Die Pläne wurden in Gesprächen mit fünf französischen Beamten bekannt.',
      'Paris wolle den Vertrag noch im Mai unterzeichnen, sagten drei der Beamten.',
      'Die Regierung rechne mit Widerstand, so die fünf Beamten, die anonym bleiben wollten, weil die Gespräche vertraulich sind.',
      'Ein Berater von Morel sagte, man sei zuversichtlich.',
    ].join(' ');
    const { layer } = quotesOf(text, 'de', SPECS);
    const five = layer.sources.find((s) => s.count === 5)!;
    expect(five.named).toBe(false);
    expect(five.affiliation).toBe('france');
    expect(five.anonymityReason?.text).toContain('anonym');
    const three = layer.sources.find((s) => s.count === 3)!;
    expect(three.parent).toBe(five.id);
    expect(three.affiliation).toBe('france');
    const adviser = layer.sources.find((s) => s.count === 1)!;
    expect(adviser.affiliation).toBe('macron');
    expect(adviser.named).toBe(false);
    expect(layer.profile.anonymous).toBe(3);
    expect(layer.profile.named).toBe(0);
  });

  it('gives named speakers a source with their entity', () => {
    const { layer } = quotesOf('„Wir bleiben hart“, sagte Luc Morel. Morel fügte hinzu, dass Paris nicht nachgeben werde.', 'de', SPECS);
    expect(layer.sources).toHaveLength(1);
    expect(layer.sources[0]).toMatchObject({ named: true, entity: 'macron', count: null });
    expect(layer.quotes.map((q) => q.speaker)).toEqual(['macron', 'macron']);
  });

  it('records refusals and non-answers on their sources', () => {
    const de = quotesOf('Der Élysée-Palast lehnte eine Stellungnahme ab. Morel reagierte nicht auf Anfragen.', 'de', SPECS).layer;
    expect(de.sources.find((s) => s.entity === 'elysee')?.responses?.map((r) => r.kind)).toEqual(['declined']);
    expect(de.sources.find((s) => s.entity === 'macron')?.responses?.map((r) => r.kind)).toEqual(['no_response']);
    const en = quotesOf('The company did not respond to a request for comment. A spokesman for the agency declined to comment.', 'en').layer;
    expect(en.sources.map((s) => s.responses?.[0]?.kind)).toEqual(['no_response', 'declined']);
  });

  it('builds a sourcing profile', () => {
    const text = 'Officials said the deal was close. "We are nearly there," Trade Minister Ida Lund said. The ministry said in a statement that talks would resume.';
    const { layer } = quotesOf(text, 'en');
    expect(layer.profile).toMatchObject({ statements: 3, anonymous: 1, named: 1, documents: 1, unattributed: 0 });
  });

  it('copes with a language that has no quote data and with text without quotes', () => {
    expect(quotesOf('Nothing was said here at all.', 'en').layer.quotes).toEqual([]);
  });
});
