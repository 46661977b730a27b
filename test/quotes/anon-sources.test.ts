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
    const got = anonymous('A Danish ministry official said the ministry had no immediate comment about the levy.', 'en');
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
    expect(names('Aus britischen Regierungskreisen verlautete, der Vertrag stehe kurz vor dem Abschluss.', 'de')).toContain('britischen Regierungskreisen');
    expect(names('Berichten zufolge soll das Treffen in Genf um eine Woche verschoben werden.', 'de')).toContain('Berichten');
  });

  it('de: a possessive makes a medium its owner\'s ("in seinem Bericht")', () => {
    expect(names('Der Rat der Experten ging in seinem jüngsten Bericht von steigenden Kosten aus.', 'de').some((d) => d.includes('Bericht'))).toBe(false);
  });

  it('en: a quantified group with no source noun ("Some Conservatives have criticized")', () => {
    expect(names('Some Conservatives have criticized the budget he is drafting.', 'en')).toContain('Some Conservatives');
  });

  it('en: each conjunct of a coordinated subject is a source ("officials and experts said")', () => {
    const got = names('The radar could be installed by spring, U.S. officials and defense analysts told reporters on Friday.', 'en');
    expect(got.length).toBe(2);
    expect(got.some((d) => d.includes('defense analysts'))).toBe(true);
  });
});

describe('anonymous sources: possessors and later bare mentions', () => {
  it('a source noun after a possessor is the possessor\'s people, not the possessor ("Le Pens Anwalt", "Rousseff’s backers")', () => {
    const de = run('Marine Le Pen verlor den Prozess. Le Pens Anwalt kündigte umgehend Revision an.', 'de');
    const anwalt = de.sources.find((s) => s.description === 'Le Pens Anwalt');
    expect(anwalt?.named).toBe(false);
    expect(anwalt?.count).toBe(1);
    expect(de.entities.find((e) => e.id === anwalt?.affiliation)?.name).toBe('Marine Le Pen');
    const en = anonymous('Dilma Rousseff spoke on Sunday. Rousseff’s backers denounced the impeachment drive as a coup.', 'en');
    expect(en.map((s) => s.description)).toContain('Rousseff’s backers');
  });

  it('a possessor\'s description followed by the person\'s name is that person', () => {
    const en = run('Hillary Clinton spoke in Ohio. Clinton\'s senior economic adviser, Tom Becker, said in a statement that the plan was reckless.', 'en');
    expect(en.sources.filter((s) => !s.named).map((s) => s.description)).not.toContain('Clinton\'s senior economic adviser');
  });

  it('a bare plural of an earlier group\'s noun is that group again', () => {
    const got = anonymous('Nach den ersten Hochrechnungen liegt die Union vorn. Laut Hochrechnungen verliert die SPD deutlich.', 'de');
    expect(got.filter((s) => s.mentions.some((m) => m.text.includes('Hochrechnungen')))).toHaveLength(1);
  });
});

describe('anonymous sources: stance words, passive agents, names', () => {
  const names = (text: string, language: 'de' | 'en') => anonymous(text, language).map((s) => s.description);

  it('en: the subject of a stance adjective holds a view ("some officials are suspicious")', () => {
    expect(names('While Lima seeks closer ties, some officials are suspicious of the new tariff regime.', 'en')).toContain('some officials');
  });

  it('de: the agent of a passive view verb ("von Fachleuten begrüßt")', () => {
    expect(names('Der Plan für einen neuen Rat wird von Fachleuten begrüßt.', 'de')).toContain('Fachleuten');
  });

  it('en: a source noun inside an organisation\'s name makes no group ("Doctors Without Borders")', () => {
    expect(names('Doctors Without Borders has criticized the airstrike on the hospital.', 'en')).not.toContain('Doctors Without Borders');
  });
});
