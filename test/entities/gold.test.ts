/**
 * Accuracy on the gold articles (test/gold/entities): actors and roles, precision and recall, printed.
 * Floors are set a little under the figures measured when they were written, so a regression fails.
 *
 * Held-out set (written before the stage ever ran on them): de-polizeigesetz, de-uebernahme, de-dopingurteil,
 * en-aid-revolt, en-shipping-obituary, en-imf-forecast. First (blind) run on those six:
 *   oracle NER: actors P 0.964 R 1.000; roles P 0.821 R 0.657
 *   model NER:  actors P 0.889 R 0.800; roles P 0.679 R 0.543
 * after general fixes (title-case acronyms by initials, whole compound prefixes, descriptor compounds before
 * names, German Länder and their adjectives, appositions with a description, perfect copulas, role words):
 *   oracle NER: actors P 1.000 R 1.000; roles P 0.914 R 0.914
 *   model NER:  actors P 0.957 R 0.838; roles P 0.824 R 0.800
 *
 * Second blind round: de-kita-streit (dpa Landespolitik, "hieß es"), de-buergermeister-urteil (court report),
 * en-water-veto (AP US state politics, Gov./Rep.), en-chip-guidance (Bloomberg business, ticker, CEO/CFO),
 * written with their annotations before the stage ran on them. First (blind) run on those four:
 *   oracle NER: actors P 0.909 R 1.000; roles P 0.625 R 0.455
 *   model NER:  actors P 0.800 R 0.800; roles P 0.600 R 0.409
 * after general fixes (title abbreviations as data "gov. = governor", corporate/legal titles, umlaut heads
 * "anwält", sentence-initial possessives "Dessen/Ihr/Its <title>" → owner from the previous sentence, a title
 * apposed to a second titled name shares its holder, no bare surname after an indefinite title, capital stoplist
 * "Kita", titles dropped from tagged person spans, possessive countries and demonyms over noun modifiers give an
 * organisation its country, ages modifying titles, tickers, well-known parties and institutions):
 *   oracle NER: actors P 0.980 R 1.000; roles P 0.739 R 0.773
 *   model NER:  actors P 0.894 R 0.840; roles P 0.667 R 0.636
 * All 16 articles (also after "nobody owns their own role"): oracle actors P 0.995 R 1.000, roles P 0.917
 * R 0.917; model actors P 0.965 R 0.894, roles P 0.871 R 0.844. Still open: corporate titles with no stated owner (the older gold files annotate
 * "Chief Executive X" with of null, the newer with the company), party roles without a possessive.
 * One gold title was renamed after the blind run, a spelling convention only: "state Rep." → "state Representative"
 * (abbreviated titles are now reported by their full form). The role floor in oracle mode was lowered from 0.9
 * to 0.88 when these harder articles joined the set.
 */
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, modelsDir } from '../../src/util/paths.js';
import { evaluateEntities, type Score } from '../../src/eval/entities.js';

const goldDir = join(repoRoot, 'test', 'gold', 'entities');
const fmt = (s: Score) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

describe('entities on gold articles', () => {
  test('at least six German and six English articles (three of each held out when written)', () => {
    const r = evaluateEntities(goldDir, { ner: 'oracle' });
    expect(r.perArticle.filter((a) => a.file.startsWith('de-')).length).toBeGreaterThanOrEqual(6);
    expect(r.perArticle.filter((a) => a.file.startsWith('en-')).length).toBeGreaterThanOrEqual(6);
  });

  test('with gold names (the stage on its own)', () => {
    const r = evaluateEntities(goldDir, { ner: 'oracle' });
    console.log(`entities/oracle NER: ${r.articles} articles; actors ${fmt(r.actors)}; roles ${fmt(r.roles)}; attributes ${fmt(r.attributes)}; ${r.msPerArticle.toFixed(1)} ms/article`);
    expect(r.actors.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.actors.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.roles.precision).toBeGreaterThanOrEqual(0.88);
    expect(r.roles.recall).toBeGreaterThanOrEqual(0.88);
  });

  test.skipIf(!existsSync(join(modelsDir, 'ner-de.bin')) || !existsSync(join(modelsDir, 'ner-en.bin')))('with the committed NER models (end to end)', () => {
    const r = evaluateEntities(goldDir, { ner: 'model' });
    console.log(`entities/model NER: ${r.articles} articles; actors ${fmt(r.actors)}; roles ${fmt(r.roles)}; attributes ${fmt(r.attributes)}`);
    for (const e of r.errors) console.log('  ' + e);
    // The tagger is retrained from time to time: floors leave it some room.
    expect(r.actors.precision).toBeGreaterThanOrEqual(0.88);
    expect(r.actors.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.roles.f1).toBeGreaterThanOrEqual(0.8);
  });
});
