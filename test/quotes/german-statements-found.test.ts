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

  it('an indicative main verb after the fronted clause is the article\'s own sentence', () => {
    const a = run('Die Behörde habe alle Anträge geprüft, sagte Lena Kroll. Um die Arbeit abzuschließen, bleibt sie bis zum Sommer im Amt.');
    expect(a.quotes.some((q) => q.text.includes('bis zum Sommer'))).toBe(false);
  });
});
