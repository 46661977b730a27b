import { describe, expect, it } from 'vitest';
import { evaluateTimeTable } from '../../src/time/eval.js';

// The hand-written tables (test/time/table.<lang>.tsv): at least 80 rows each, at least 95% right.
describe.each(['de', 'en'])('time: expression table (%s)', (lang) => {
  it('reaches 95% on at least 80 expressions', () => {
    const score = evaluateTimeTable(lang);
    console.log(`time table ${lang}: ${score.correct}/${score.rows} = ${(100 * score.accuracy).toFixed(1)}%`);
    for (const f of score.failures) console.log(`  line ${f.line}: ${f.sentence}\n    expected ${f.expected}\n    got      ${f.got}`);
    expect(score.rows).toBeGreaterThanOrEqual(80);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
