import { describe, expect, it } from 'vitest';
import { FormLexicon } from '../../src/syntax/lexicon/form-lexicon.js';
import { SentenceVerbRule } from '../../src/syntax/tagger/sentence-verb.js';
import type { WordInfo } from '../../src/syntax/tagger/features.js';

// Invented sentences; UPOS ids: 0 NOUN, 1 ADJ, 2 VERB, 3 PUNCT.
const verbal = Uint8Array.from([0, 0, 1, 0]);
const lex = FormLexicon.build([
  { form: 'begeistert', upos: 'VERB', lemma: 'begeistern', feats: 'Mood=Ind|Number=Plur,Sing|Person=2,3|Tense=Pres|VerbForm=Fin,Part' },
  { form: 'begeistert', upos: 'ADJ', lemma: 'begeistert', feats: 'Degree=Pos' },
  { form: 'gelobt', upos: 'VERB', lemma: 'loben', feats: 'VerbForm=Part' },
]);
const words = (forms: string[]): WordInfo[] => forms.map((f) => ({ form: f, lexIdx: lex.find(f) }) as WordInfo);

describe('a verb for a sentence without one', () => {
  const rule = new SentenceVerbRule(verbal, lex);

  it('re-tags the word whose runner-up is a verb and whose form can be finite', () => {
    // "Die Bäckerei begeistert ." with "begeistert" tagged ADJ, runner-up VERB
    const upos = Int32Array.from([0, 1, 3]);
    const alt = Int32Array.from([1, 2, 0]);
    expect(rule.repair(words(['Bäckerei', 'begeistert', '.']), upos, alt, [900, 1200, 5000], lex)).toBe(1);
    expect(Array.from(upos)).toEqual([0, 2, 3]);
    expect(alt[1]).toBe(1);
  });

  it('leaves a sentence with a verb, a form with no finite reading, and a confident tag alone', () => {
    expect(rule.repair(words(['Bäckerei', 'begeistert', '.']), Int32Array.from([2, 1, 3]), Int32Array.from([0, 2, 0]), [900, 1200, 5000], lex)).toBe(-1);
    expect(rule.repair(words(['Gut', 'gelobt', '.']), Int32Array.from([1, 1, 3]), Int32Array.from([0, 2, 0]), [900, 1200, 5000], lex)).toBe(-1);
    expect(rule.repair(words(['Bäckerei', 'begeistert', '.']), Int32Array.from([0, 1, 3]), Int32Array.from([1, 2, 0]), [900, 90_000, 5000], lex)).toBe(-1);
  });
});
