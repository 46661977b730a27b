/**
 * Accuracy on the relations gold (test/gold/relations, three German and three English articles written
 * for this purpose). Prints the figures; pins the oracle-entity precision floor of the issue (0.8).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { evaluateRelations } from '../../src/relations/eval.js';
import { repoRoot } from '../../src/util/paths.js';

const goldDir = join(repoRoot, 'test', 'gold', 'relations');

describe('relations gold', () => {
  it('oracle entities: precision ≥ 0.8', () => {
    const ev = evaluateRelations(goldDir, 'oracle');
    console.log(`relations (oracle entities, ${ev.articles} articles): strict P=${ev.strict.precision} R=${ev.strict.recall} F1=${ev.strict.f1} | loose P=${ev.loose.precision} R=${ev.loose.recall}`);
    for (const a of ev.perArticle) console.log(`  ${a.name}: P=${a.strict.precision} R=${a.strict.recall}\n    FP: ${a.falsePositives.join('; ')}\n    FN: ${a.misses.join('; ')}`);
    expect(ev.articles).toBeGreaterThanOrEqual(6);
    expect(ev.strict.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('whole pipeline: figures reported', () => {
    const ev = evaluateRelations(goldDir, 'pipeline');
    console.log(`relations (whole pipeline, ${ev.articles} articles): strict P=${ev.strict.precision} R=${ev.strict.recall} F1=${ev.strict.f1} | loose P=${ev.loose.precision} R=${ev.loose.recall}`);
    for (const a of ev.perArticle) console.log(`  ${a.name}: P=${a.strict.precision} R=${a.strict.recall}\n    FP: ${a.falsePositives.join('; ')}\n    FN: ${a.misses.join('; ')}`);
    expect(ev.strict.tp + ev.strict.fn).toBeGreaterThan(0);
  });
});
