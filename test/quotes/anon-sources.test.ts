/**
 * Anonymous sources on real news (issue 13, item 5): the error classes of news-dev, each pinned with sentences
 * written for this test and run through the whole pipeline (entity layer, lazy parse).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

const run = (text: string, language: 'de' | 'en') => analyzeSync(text, { language });
const anonymous = (text: string, language: 'de' | 'en') => run(text, language).sources.filter((s) => !s.named);

describe('anonymous sources: vocabulary and non-answers', () => {
  it('en: sourcing nouns of news ("rights groups", "investors", "one email")', () => {
    const got = anonymous('Rights groups said the camp was overcrowded. Investors responded by selling the shares. One email said the plan was dead.', 'en');
    expect(got.map((s) => s.description)).toEqual(expect.arrayContaining(['Rights groups', 'Investors', 'One email']));
    expect(got.find((s) => s.description === 'One email')?.count).toBe(1);
  });

  it('en: a group with no immediate comment is a source with a non-answer', () => {
    const got = anonymous('The port was closed on Monday. Norwegian officials had no immediate comment.', 'en');
    const s = got.find((x) => x.description === 'Norwegian officials');
    expect(s?.responses?.map((r) => r.kind)).toEqual(['no_response']);
  });

  it('the same words resolved twice are one source, not two', () => {
    const got = anonymous('A Danish ministry official said the ministry would have no immediate comment on the plan.', 'en');
    expect(got.filter((s) => s.description.includes('official'))).toHaveLength(1);
  });
});

describe('anonymous sources: groups that are never quoted (group-positions.ts)', () => {
  const names = (text: string, language: 'de' | 'en') => anonymous(text, language).map((s) => s.description);

  it('de: a plural subject the parser took for an object of a plural view verb ("schätzen Beobachter, dass")', () => {
    expect(names('Dennoch schätzen internationale Beobachter, dass die Zahl der Opfer weiter gestiegen ist.', 'de'))
      .toContain('internationale Beobachter');
  });

  it('de: a medium after a source preposition ("aus Regierungskreisen", "Berichten zufolge")', () => {
    expect(names('Aus britischen Regierungskreisen war zu hören, das Abkommen sei so gut wie fertig.', 'de')).toContain('britischen Regierungskreisen');
    expect(names('Berichten zufolge soll das Treffen in Genf um eine Woche verschoben werden.', 'de')).toContain('Berichten');
  });

  it('de: a possessive makes a medium its owner\'s ("in seinem Bericht")', () => {
    expect(names('Der Rat der Experten ging in seinem jüngsten Bericht von steigenden Kosten aus.', 'de').some((d) => d.includes('Bericht'))).toBe(false);
  });

  it('en: a quantified group with no source noun ("Some Conservatives have criticized")', () => {
    expect(names('Some Conservatives have criticized the reforms he is negotiating.', 'en')).toContain('Some Conservatives');
  });

  it('en: each conjunct of a coordinated subject is a source ("officials and experts said")', () => {
    const got = names('The new system could be deployed within weeks, U.S. officials and missile defense experts said on Sunday.', 'en');
    expect(got.length).toBe(2);
    expect(got.some((d) => d.includes('missile defense experts'))).toBe(true);
  });
});
