/**
 * Received events (issue 14): "support from X", „Hilfe von X“ with a receiving verb or "with/mit": the source is the
 * agent and the clause's subject the recipient. Sentences written for this test, through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relations(lang: string, text: string): string[] {
  const a = analyzeSync(text, { language: lang, published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]} ${name.get(r.object)}`);
}

describe('received events', () => {
  it('„erhielt Unterstützung aus X“: X supports the subject', () => {
    const out = relations('de', 'Der Präsident Ahmed Kalu erhielt im Wahlkampf Unterstützung aus Russland.');
    expect(out.some((r) => /^Russland support .*Kalu$/.test(r)), out.join('; ')).toBe(true);
  });

  it('„bekam Hilfe von X“: X aids the subject', () => {
    const out = relations('de', 'Die Regierung von Kenia bekam militärische Hilfe von der Türkei.');
    expect(out.some((r) => /^Türkei aid .*Kenia/.test(r)), out.join('; ')).toBe(true);
  });

  it('"with help from X, the subject …": X aids the subject', () => {
    const out = relations('en', 'With military help from Turkey, the Kenyan government retook the town.');
    expect(out.some((r) => /^Turkey aid .*Kenya/.test(r)), out.join('; ')).toBe(true);
  });

  it('"faces pressure from X": X coerces the subject', () => {
    const out = relations('en', 'Kenya faces growing pressure from Ethiopia.');
    expect(out, out.join('; ')).toContain('Ethiopia coerce Kenya');
  });
});
