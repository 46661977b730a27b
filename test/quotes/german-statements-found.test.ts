/**
 * German statements the quote stage used to miss entirely (issue 13): Konjunktiv I sentences that report someone's
 * words without a verb of saying of their own. Sentences written for this test, run through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { quoteWith, speakerOf } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'de' });

describe('a Konjunktiv I main verb after a fronted clause continues the last speaker', () => {
  it('"Um …zu …, werde sie …" after a report by Lena Kroll is hers', () => {
    const a = run('Die Behörde habe alle Anträge geprüft, sagte Lena Kroll. Um die Arbeit ordentlich abzuschließen, werde sie bis zum Sommer im Amt bleiben.');
    expect(quoteWith(a, 'Um die Arbeit').kind).toBe('indirect');
    expect(speakerOf(a, 'Um die Arbeit').name).toBe('Lena Kroll');
  });

  it('a fronted phrase with a relative clause: "Vor dem Gipfel, der …, wolle sie …"', () => {
    const a = run('„Wir warten ab“, sagte Anna Berg. Vor dem Gipfel, der morgen in Genf beginnt, wolle sie keine Gespräche über die Nachfolge führen.');
    expect(speakerOf(a, 'Vor dem Gipfel').name).toBe('Anna Berg');
  });

  it('an indicative main verb after the fronted clause is the article\'s own sentence', () => {
    const a = run('Die Behörde habe alle Anträge geprüft, sagte Lena Kroll. Um die Arbeit abzuschließen, bleibt sie bis zum Sommer im Amt.');
    expect(a.quotes.some((q) => q.text.includes('bis zum Sommer'))).toBe(false);
  });
});

describe('a Konjunktiv I clause before a colon that opens a quotation is a statement of its own', () => {
  it('"X schade …: „…“" gives an indirect quote up to the colon and the direct quote after it', () => {
    const a = run('Die Politologin Eva Marx lehrt in Bonn. Das Ende des Programms schade dem Ansehen des Landes: „Viele Partner waren davon abhängig.“');
    const q = quoteWith(a, 'Das Ende des Programms');
    expect(q.kind).toBe('indirect');
    expect(q.text).toBe('Das Ende des Programms schade dem Ansehen des Landes');
    expect(quoteWith(a, 'Viele Partner').kind).toBe('direct');
  });

  it('the clause is found when the quotation after the colon has its own reporting verb', () => {
    const a = run('Kritik kam von der Opposition. Auch die zweite Abstimmung ändere nichts daran: „Diese Regierung ist schwach“, sagte Jan Kroll.');
    expect(quoteWith(a, 'Auch die zweite Abstimmung').text).toBe('Auch die zweite Abstimmung ändere nichts daran');
    expect(speakerOf(a, 'Diese Regierung').name).toBe('Jan Kroll');
    expect(speakerOf(a, 'Auch die zweite Abstimmung').name).toBe('Jan Kroll');
  });

  it('after a report, "Aber das Problem sei, …: „…“" stops at the colon', () => {
    const a = run('Die Forscherin Eva Marx ist skeptisch. Niemand habe geglaubt, dass der Plan gelingt. Aber das Problem sei, wie die Regierung Erfolg misst: „Es ist ein Erfolg nach eigenen Regeln.“');
    expect(quoteWith(a, 'das Problem sei').text).not.toContain('eigenen Regeln');
    expect(quoteWith(a, 'Es ist ein Erfolg').kind).toBe('direct');
  });

  it('an indicative clause before the colon stays the article\'s own', () => {
    const a = run('Die Politologin Eva Marx lehrt in Bonn. Das Ende des Programms schadet dem Land: „Viele Partner waren davon abhängig.“');
    expect(a.quotes.some((q) => q.text.startsWith('Das Ende'))).toBe(false);
  });
});

describe('nested speech after a report: the outer continuation only', () => {
  it('"Er habe X darüber informiert, dass …" after a report is one continuation of the last speaker', () => {
    const a = run('„Ich gebe nicht auf“, sagte Paul Hartmann. Fakt sei aber, dass der Rat blockiert gewesen sei. Er habe die Präsidentin deshalb darüber unterrichtet, dass man eine neue Sitzung brauche.');
    const q = quoteWith(a, 'Er habe die Präsidentin');
    expect(q.text).toBe('Er habe die Präsidentin deshalb darüber unterrichtet, dass man eine neue Sitzung brauche');
    expect(speakerOf(a, 'Er habe die Präsidentin').name).toBe('Paul Hartmann');
    expect(a.quotes.filter((x) => x.text.includes('neue Sitzung'))).toHaveLength(1);
  });

  it('an indicative reporting verb keeps its own statement', () => {
    const a = run('„Ich gebe nicht auf“, sagte Paul Hartmann. Er hat den Vorstand darüber informiert, dass man einen neuen Termin brauche.');
    expect(quoteWith(a, 'neuen Termin').text).toBe('man einen neuen Termin brauche');
  });
});

describe('a Konjunktiv I clause the parse hung under a reporting clause after it', () => {
  it('", heißt es lediglich" is no part of the content', () => {
    const a = run('Die Stadtverwaltung schweigt. Die Arbeiten seien fast abgeschlossen, heißt es lediglich.');
    expect(quoteWith(a, 'Die Arbeiten seien').text).toBe('Die Arbeiten seien fast abgeschlossen');
  });

  it('", sagte deren Chef Y" after the content: Y speaks', () => {
    const a = run('Unter den Verhafteten ist der Schmuggler Rafael Ortiz. Ortiz habe zehn Jahre lang auf der Liste der Behörde gestanden, sagte deren Chef Tomas Brandt.');
    expect(quoteWith(a, 'Ortiz habe').text).toBe('Ortiz habe zehn Jahre lang auf der Liste der Behörde gestanden');
    expect(speakerOf(a, 'Ortiz habe').name).toBe('Tomas Brandt');
  });
});
