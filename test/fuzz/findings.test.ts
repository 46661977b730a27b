/** What the property tests found, pinned as plain cases (each failed before its fix). */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { validateAnalysis } from '../../src/contract/validate.js';

describe('fuzz findings', () => {
  it('a postposed cue ("zufolge") opening a text no longer reads before the first token', () => {
    for (const text of ['zufolge ', 'Zufolge der Regierung sagte er etwas.', 'laut']) {
      expect(() => validateAnalysis(analyzeSync(text, { language: 'de', published: '2024-02-02' }))).not.toThrow();
    }
  });
});
