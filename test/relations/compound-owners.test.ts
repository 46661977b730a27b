/**
 * German compounds whose first part is a name and whose last part an event noun („EU-Sanktionen gegen Russland“,
 * „der Hamas-Überfall auf Israel“): the name owns the event (issue 14). Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relations(text: string): string[] {
  const a = analyzeSync(text, { language: 'de', published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]} ${name.get(r.object)}`);
}

describe('compound owners of event nouns', () => {
  it('„Die EU-Sanktionen gegen Russland“: the EU sanctions Russia', () => {
    const out = relations('Die EU-Sanktionen gegen Russland bleiben bis zum Sommer in Kraft.');
    expect(out.some((r) => /^(EU|Europäische Union) sanction Russland$/.test(r)), out.join('; ')).toBe(true);
  });

  it('„Die US-Strafzölle gegen Kanada“: the United States sanction Canada', () => {
    const out = relations('Die US-Strafzölle gegen Kanada treffen vor allem die Autoindustrie.');
    expect(out.some((r) => / sanction Kanada$/.test(r) && !r.startsWith('Kanada')), out.join('; ')).toBe(true);
  });

  it('a role compound („Hamas-Chef“) is no event', () => {
    const out = relations('Der Hamas-Chef sprach am Montag in Doha vor Journalisten.');
    expect(out.filter((r) => !/ (leads|member_of|works_for|represents) /.test(r)), out.join('; ')).toHaveLength(0);
  });
});
