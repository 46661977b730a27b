/**
 * Accuracy on the relations gold (test/gold/relations: eighteen articles, nine German and nine English,
 * written for this purpose). Prints the figures; pins the precision floor of the issue (0.8) in both modes.
 *
 * Blind scores, each measured once before any change was made for those texts (strict / loose):
 * - de-koalition, de-uebernahme, de-schlichtung, en-sanctions, en-appointments, en-pacific (first run):
 *   oracle P 0.907 R 0.443 / P 0.930 R 0.455; pipeline P 0.839 R 0.534 / P 0.875 R 0.557.
 *   Fixes followed (general lexicon entries and argument rules); these six are in-sample since.
 * - de-grenzschutz, en-caucasus (written after those fixes, first run):
 *   oracle P 0.875 R 0.636 / P 0.938 R 0.682; pipeline the same.
 * - Second blind round: de-prozess (court report), de-chemiesparte (business, Konjunktiv), en-chipdeal
 *   (Bloomberg-style deal), en-porttalks (Reuters-style, people familiar), annotated before the first run:
 *   pipeline P 0.550 R 0.344 / P 0.725 R 0.453; oracle P 0.738 R 0.484 / P 0.857 R 0.563.
 *   After the general fixes that followed (each pinned in mechanisms-blind2.test.ts), on these four:
 *   pipeline P 0.814 R 0.547; oracle P 0.915 R 0.672 (strict); the other fourteen unchanged.
 * Later figures on all eighteen are in-sample; expect lower recall on unseen text.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { evaluateRelations } from '../../src/eval/relations.js';
import { repoRoot } from '../../src/util/paths.js';

const goldDir = join(repoRoot, 'test', 'gold', 'relations');

describe('relations gold', () => {
  it('oracle entities: precision ≥ 0.8', () => {
    const ev = evaluateRelations(goldDir, 'oracle');
    console.log(`relations (oracle entities, ${ev.articles} articles): strict P=${ev.strict.precision} R=${ev.strict.recall} F1=${ev.strict.f1} | loose P=${ev.loose.precision} R=${ev.loose.recall}`);
    for (const a of ev.perArticle) console.log(`  ${a.name}: P=${a.strict.precision} R=${a.strict.recall}\n    FP: ${a.falsePositives.join('; ')}\n    FN: ${a.misses.join('; ')}`);
    expect(ev.articles).toBeGreaterThanOrEqual(18);
    expect(ev.strict.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('whole pipeline: figures reported', () => {
    const ev = evaluateRelations(goldDir, 'pipeline');
    console.log(`relations (whole pipeline, ${ev.articles} articles): strict P=${ev.strict.precision} R=${ev.strict.recall} F1=${ev.strict.f1} | loose P=${ev.loose.precision} R=${ev.loose.recall}`);
    for (const a of ev.perArticle) console.log(`  ${a.name}: P=${a.strict.precision} R=${a.strict.recall}\n    FP: ${a.falsePositives.join('; ')}\n    FN: ${a.misses.join('; ')}`);
    expect(ev.strict.tp + ev.strict.fn).toBeGreaterThan(0);
    expect(ev.strict.precision).toBeGreaterThanOrEqual(0.8);
  });
});
