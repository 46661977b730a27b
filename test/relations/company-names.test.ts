/**
 * A company whose name opens with a country abbreviation stays a company (issue 14): the takeover's target in
 * "the planned takeover of U.S. Steel by Nippon Steel" is the steelmaker, not the United States. Sentences
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

const cases = [
  { lang: 'de', text: 'Die Regierung prüft die geplante Übernahme von U.S. Steel durch den Konzern Nippon Steel seit Monaten.' },
  { lang: 'en', text: 'Officials are reviewing the planned takeover of U.S. Steel by Japan\'s Nippon Steel.' },
];

describe('company names that open with a country abbreviation', () => {
  it.each(cases)('$lang: the takeover target is the company', ({ lang, text }) => {
    const a = analyzeSync(text, { language: lang });
    const byId = new Map(a.entities.map((e) => [e.id, e]));
    const takeovers = a.relations.filter((r) => r.predicate.startsWith('owns') && byId.get(r.subject)?.name === 'Nippon Steel');
    const listing = a.relations.map((r) => `${byId.get(r.subject)?.name} ${r.predicate} ${byId.get(r.object)?.name}`).join('; ');
    expect(takeovers.length, listing).toBe(1);
    const target = byId.get(takeovers[0].object)!;
    expect(target.type).toBe('organization');
    expect(target.name).toBe('U.S. Steel');
  });
});
