import { describe, expect, it } from 'vitest';
import { evaluateTimeTable } from '../../src/time/eval.js';

const report = (name: string, score: ReturnType<typeof evaluateTimeTable>) => {
  console.log(`time ${name} ${score.lang}: ${score.correct}/${score.rows} = ${(100 * score.accuracy).toFixed(1)}%`);
  for (const f of score.failures) console.log(`  line ${f.line}: ${f.sentence}\n    expected ${f.expected}\n    got      ${f.got}`);
};

// The main hand-written tables (test/time/table.<lang>.tsv): at least 80 rows each, at least 95% right.
describe.each(['de', 'en'])('time: expression table (%s)', (lang) => {
  it('reaches 95% on at least 80 expressions', () => {
    const score = evaluateTimeTable(lang);
    report('table', score);
    expect(score.rows).toBeGreaterThanOrEqual(80);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  // Written after the rules; its first (blind) score is recorded in the file header.
  it('keeps the held-out set at 90% or more', () => {
    const score = evaluateTimeTable(lang, 'heldout');
    report('heldout', score);
    expect(score.rows).toBeGreaterThanOrEqual(40);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
