/**
 * Anonymous sources on real news (issue 13, item 5): the error classes of news-dev, each pinned with sentences
 * written for this test and run through the whole pipeline (entity layer, lazy parse).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

const run = (text: string, language: 'de' | 'en') => analyzeSync(text, { language });
const anonymous = (text: string, language: 'de' | 'en') => run(text, language).sources.filter((s) => !s.named);

describe('anonymous sources: vocabulary and non-answers', () => {
  it('en: sourcing nouns of news ("rights groups", "investors", "one email")', () => {
    const got = anonymous('Rights groups said the camp was overcrowded. Investors responded by selling the shares. One email said the plan was dead.', 'en');
    expect(got.map((s) => s.description)).toEqual(expect.arrayContaining(['Rights groups', 'Investors', 'One email']));
    expect(got.find((s) => s.description === 'One email')?.count).toBe(1);
  });

  it('en: a group with no immediate comment is a source with a non-answer', () => {
    const got = anonymous('The port was closed on Monday. Norwegian officials had no immediate comment.', 'en');
    const s = got.find((x) => x.description === 'Norwegian officials');
    expect(s?.responses?.map((r) => r.kind)).toEqual(['no_response']);
  });

  it('the same words resolved twice are one source, not two', () => {
    const got = anonymous('A Danish ministry official said the ministry would have no immediate comment on the plan.', 'en');
    expect(got.filter((s) => s.description.includes('official'))).toHaveLength(1);
  });
});
