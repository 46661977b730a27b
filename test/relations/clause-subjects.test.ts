/**
 * Subjects from the clause around a trigger on the parse (issue 14): a gerund or present participle set off from its
 * clause ("after meeting X, …", "while visiting X, …") takes the clause's subject; a relative clause on an antecedent
 * that is no actor takes the antecedent's owner ("Germany's chancellor, who met X"). Sentences written for this test;
 * each positive case failed before the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relations(text: string): string[] {
  const a = analyzeSync(text, { language: 'en', published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]} ${name.get(r.object)}`);
}

describe('participle adjuncts take the subject of their clause', () => {
  it('"After meeting X, S …"', () => {
    const out = relations('After meeting Emmanuel Macron in Paris, Benjamin Netanyahu flew home.');
    expect(out, out.join('; ')).toContain('Benjamin Netanyahu consult Emmanuel Macron');
  });

  it('"After talking to X by phone, S …"', () => {
    const out = relations('After talking to Joe Biden by phone, Olaf Scholz flew to Kyiv.');
    expect(out, out.join('; ')).toContain('Olaf Scholz consult Joe Biden');
  });

  it('"While visiting X, S …"', () => {
    const out = relations('While visiting Ukraine last week, Olaf Scholz promised more weapons.');
    expect(out, out.join('; ')).toContain('Olaf Scholz consult Ukraine');
  });

  it('a name read as the object of the participle is not its subject', () => {
    const out = relations("In remarks after meeting Borduria's Jan-Erik Novak, Maria Lopez said she was pleased.");
    expect(out.filter((r) => r.startsWith('Jan-Erik Novak consult')), out.join('; ')).toHaveLength(0);
  });
});

describe('a relative clause on a noun that is no actor', () => {
  it('"Germany\'s chancellor, who had met X" is Germany\'s meeting', () => {
    const out = relations("Germany's chancellor, who had met Joe Biden on Monday, flew home.");
    expect(out, out.join('; ')).toContain('Germany consult Joe Biden');
  });

  it('"Russia\'s foreign minister, who criticized X" is Russia\'s criticism', () => {
    const out = relations("Russia's foreign minister, who criticized Antony Blinken, flew home.");
    expect(out, out.join('; ')).toContain('Russia disapprove Antony Blinken');
  });
});
