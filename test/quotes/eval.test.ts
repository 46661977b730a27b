/**
 * The quotes stage against the hand-written gold articles (test/gold/quotes). Prints the figures and fails
 * under the floors. Two modes: the quotes stage alone (empty entity layer: speakers must be found
 * from the text itself) and the whole pipeline (NER and entities included).
 *
 * Held-out articles: de-regierungskreise, de-portraet, de-prozess, en-airline, en-lighthouse, en-shadow-fleet were
 * written with their expected.json before the system ever ran on them. Blind first score on those six:
 *   pipeline     direct 77.1% (27/35), indirect 70.7% (29/41), sources 14/20
 *   quotes-only  direct 68.6% (24/35), indirect 63.4% (26/41), sources 14/20
 * After general fixes (description antecedents, Konjunktiv continuation with any subject, impersonal source
 * phrases, colon-introduced quotes, whole-sentence short quotes, interrupted indirect content, quoted-content
 * verbs, bare quantifiers and partitive pronouns, subject-after-verb refusals):
 *   pipeline     direct 97.1% (34/35), indirect 97.6% (40/41), sources 20/20
 *   quotes-only  direct 85.7% (30/35), indirect 92.7% (38/41), sources 20/20
 * (quotes-only misses are speakers only NER can name: "Ihr Sohn Lars", "His wife, Anne").
 *
 * Second blind round: de-zulieferer (business, Konjunktiv), de-polizei (police report), en-chipmaker (ticker,
 * CEO, "person familiar"), en-statehouse (US state politics) were written with their expected.json before the
 * system ran on them. Blind first score on those four (both modes alike):
 *   direct 76.9% (10/13), indirect 75.9% (22/29), sources 8/12
 * (one indirect miss was the gold's own slip: content written with its "dass", which the stage strips).
 * After general fixes (participles share the main clause's subject, sentence-initial capitals are no English
 * names, person descriptions among source nouns, joint-source members, no prepositional speakers, objects of
 * nennen/call holding a quoted phrase, appositive subjects between commas, anonymity in a quantifier sentence,
 * "einem von ihnen zufolge", number-led compounds, datelines after long headlines), now in-sample:
 *   those four   pipeline direct 100% (13/13), indirect 100% (30/30), sources 13/13; quotes-only indirect 96.7%
 *   all sixteen  pipeline direct 98.8% (80/81), indirect 97.1% (100/103), sources 49/49
 *                quotes-only direct 93.8% (76/81), indirect 95.1% (98/103)
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { evaluateQuotes, formatQuoteEval, QUOTE_FLOORS } from '../../src/eval/quotes.js';
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
