import { describe, expect, it } from 'vitest';
import { describeRelation } from '../../src/relations/describe.js';

describe('describeRelation', () => {
  const d = (predicate: string, family: 'tie' | 'event', modality: Parameters<typeof describeRelation>[0]['modality']) => describeRelation({ predicate, family, modality });
  it('says modality in words', () => {
    expect(d('consult/meet', 'event', 'failed')).toBe('tried to meet — failed');
    expect(d('consult/meet', 'event', 'attempted')).toBe('tried to meet');
    expect(d('consult/meet', 'event', 'asserted')).toBe('met');
    expect(d('consult/meet', 'event', 'negated')).toBe('did not meet');
    expect(d('reject/block', 'event', 'hypothetical')).toBe('would block');
    expect(d('consult/visit', 'event', 'planned')).toBe('plans to visit');
    expect(d('represents', 'tie', 'asserted')).toBe('represents');
    expect(d('close_to', 'tie', 'former')).toBe('no longer close to');
    expect(d('advises', 'tie', 'former')).toBe('formerly advised');
    expect(d('close_to', 'tie', 'negated')).toBe('is not close to');
  });
  it('falls back to the predicate type, then to the words of the predicate', () => {
    expect(d('consult/phone', 'event', 'asserted')).toBe('consulted');
    expect(d('mobilize', 'event', 'asserted')).toBe('mobilized against');
  });
});
