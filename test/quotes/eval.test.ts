/**
 * The quotes stage against the hand-written gold articles (test/gold/quotes). Prints the figures and fails
 * under the floors. Two modes: the quotes stage alone (empty entity layer: speakers must be found
 * from the text itself) and the whole pipeline (NER and entities included).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { evaluateQuotes, formatQuoteEval, QUOTE_FLOORS } from '../../src/quotes/eval.js';
import { repoRoot } from '../../src/util/paths.js';

const goldDir = join(repoRoot, 'test', 'gold', 'quotes');

describe('quotes evaluation on the gold articles', () => {
  it('has at least three German and three English articles', () => {
    const e = evaluateQuotes(goldDir, 'quotes-only');
    expect(e.articles.filter((a) => a.language === 'de').length).toBeGreaterThanOrEqual(3);
    expect(e.articles.filter((a) => a.language === 'en').length).toBeGreaterThanOrEqual(3);
  });

  it('meets the floors with the quotes stage alone', () => {
    const e = evaluateQuotes(goldDir, 'quotes-only');
    console.log(formatQuoteEval(e, true));
    expect(e.direct.share).toBeGreaterThanOrEqual(QUOTE_FLOORS.direct);
    expect(e.indirect.share).toBeGreaterThanOrEqual(QUOTE_FLOORS.indirect);
    expect(e.termsWrong).toBe(0);
  });

  it('meets the floors through the whole pipeline', () => {
    const e = evaluateQuotes(goldDir, 'pipeline');
    console.log(formatQuoteEval(e, true));
    expect(e.direct.share).toBeGreaterThanOrEqual(QUOTE_FLOORS.direct);
    expect(e.indirect.share).toBeGreaterThanOrEqual(QUOTE_FLOORS.indirect);
  });
});
