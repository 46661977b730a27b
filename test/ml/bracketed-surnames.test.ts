import { describe, expect, it } from 'vitest';
import { tagBracketedSurnames } from '../../src/ml/ner-stage.js';

function run(tokens: string[], tags: string[]): string[] {
  const t = [[...tags]];
  tagBracketedSurnames([tokens], t, [Float32Array.from(tags, (x) => (x === 'O' ? 0.7 : 0.96))]);
  return t[0];
}

describe('a bracketed given name', () => {
  it('tags the surname after the bracket', () => {
    expect(run(['Präsidentin', '(', 'Maria', ')', 'Lopez', 'sprach'], ['O', 'O', 'B-PER', 'O', 'O', 'O']))
      .toEqual(['O', 'O', 'B-PER', 'O', 'B-PER', 'O']);
  });

  it('leaves a lowercase word and a name in brackets with nothing after them alone', () => {
    expect(run(['Lopez', '(', 'Maria', ')', 'sagte'], ['O', 'O', 'B-PER', 'O', 'O'])).toEqual(['O', 'O', 'B-PER', 'O', 'O']);
    expect(run(['der', 'Partei', '(', 'SPD', ')', 'Chef'], ['O', 'O', 'O', 'B-ORG', 'O', 'O'])).toEqual(['O', 'O', 'O', 'B-ORG', 'O', 'O']);
  });
});
