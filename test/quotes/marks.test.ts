import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/quotes/marks.js';
import { docOf } from '../helpers.js';

const contents = (text: string, lang = 'de') => {
  const doc = docOf(text, lang);
  return findQuoteSpans(doc.text, doc.paragraphs).map((q) => doc.text.slice(q.start, q.end));
};

describe('quote marks', () => {
  it('reads every common style', () => {
    expect(contents('Er sagte: „Wir kommen morgen.“ Dann ging er.')).toEqual(['Wir kommen morgen.']);
    expect(contents('Sie sagte: »Das reicht nicht.« Danach schwieg sie.')).toEqual(['Das reicht nicht.']);
    expect(contents('Er meinte: "Das war knapp." Mehr nicht.')).toEqual(['Das war knapp.']);
    expect(contents('Sie nannte es ‚eine Zumutung‘ und ging.')).toEqual(['eine Zumutung']);
    expect(contents('He said: “We are ready.” Then he left.', 'en')).toEqual(['We are ready.']);
    expect(contents("'We are ready,' she said.", 'en')).toEqual(['We are ready,']);
    expect(contents('She said: ‘Not today.’ Then she left.', 'en')).toEqual(['Not today.']);
  });

  it('does not take apostrophes for marks', () => {
    expect(contents("O'Brien didn't say it's over, and the officials' view was clear.", 'en')).toEqual([]);
    expect(contents('Wie geht’s? Er wusste es nicht.')).toEqual([]);
  });

  it('keeps a nested quote of the other family inside the outer one', () => {
    expect(contents('Er sagte: „Sie nannten es ‚Unsinn‘, und das war es auch.“')).toEqual(['Sie nannten es ‚Unsinn‘, und das war es auch.']);
  });

  it('spans sentences and, by re-opening, paragraphs', () => {
    const text = 'Sie sagte: „Der erste Satz. Der zweite Satz.\n\n„Der dritte Satz im neuen Absatz.“ Dann ging sie.';
    const c = contents(text);
    expect(c).toHaveLength(1);
    expect(c[0]).toContain('erste Satz');
    expect(c[0]).toContain('dritte Satz');
  });

  it('drops an opening mark that is never closed in its paragraph', () => {
    expect(contents('Er sagte „Das endet nie.\n\nEin neuer Absatz ohne Zeichen.')).toEqual([]);
  });
});
