import { describe, expect, it } from 'vitest';
import { emptySentence, type Sentence } from '../../src/syntax/conllu.js';
import { learnSubjectPersons, SubjectPersonRule } from '../../src/syntax/tagger/subject-person.js';
import type { WordInfo } from '../../src/syntax/tagger/features.js';
import { hashStr, mix } from '../../src/util/hash.js';

// Sentences written for this test: [form, UPOS, FEATS] per word.
function sentence(words: Array<[string, string, string?]>): Sentence {
  const s = emptySentence(words.length);
  words.forEach(([f, u, feats], i) => { s.forms[i] = f; s.upos[i] = u; s.feats[i] = feats ?? ''; });
  return s;
}
const IND1 = 'Mood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin';
const SUB3 = 'Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin';
const IND3 = 'Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin';
const INF = 'VerbForm=Inf';
const verbs = ['lese', 'koche', 'male', 'rufe', 'suche', 'baue', 'nähe', 'spiele', 'wandere', 'zeichne'];
// "Heute lese ich." / "Ich lese gern." / "Es regnet." / "Es kochen viele."
const inverted = verbs.map((v) => sentence([['Heute', 'ADV'], [v, 'VERB', IND1], ['ich', 'PRON'], ['.', 'PUNCT']]));
const plain = verbs.map((v) => sentence([['Ich', 'PRON'], [v, 'VERB', IND1], ['gern', 'ADV'], ['.', 'PUNCT']]));
const es = verbs.map((v, k) => sentence([['Es', 'PRON'], [v, 'VERB', k < 7 ? IND3 : 'Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin'], ['.', 'PUNCT']]));

describe('Person of a finite verb from an adjacent subject pronoun', () => {
  const learnt = learnSubjectPersons([...inverted, ...plain, ...es]);
  const table = new Map(learnt);

  it('learns pronouns that fix the person on one side, not those that vary', () => {
    expect(table.get(mix(1, hashStr('ich')))).toBe('1|Sing');
    expect(table.get(mix(2, hashStr('ich')))).toBe('1|Sing');
    expect(table.has(mix(2, hashStr('es')))).toBe(false);
  });

  it('keeps the finite classes of the pronoun\'s person, preferring the lexicon\'s mood and tense', () => {
    const feats = [[INF, SUB3, IND1, IND3, 'Mood=Sub|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin']];
    const rule = new SubjectPersonRule(learnt, feats, 1);
    const ws = ['Morgen', 'koche', 'ich'].map((f) => ({ lowerHash: hashStr(f.toLowerCase()) }) as WordInfo);
    const upos = [2, 0, 1];
    const scores = Float64Array.from([0, 5, 1, 0, 0]);
    expect(Array.from(rule.candidates(ws, upos, 1, null, scores, () => null)!)).toEqual([2, 4]);
    expect(Array.from(rule.candidates(ws, upos, 1, null, scores, () => Int32Array.from([1, 2, 3]))!)).toEqual([2]);
    // no pronoun next to the verb: unchanged
    expect(rule.candidates(ws, [2, 0, 2], 1, null, scores, () => null)).toBeNull();
  });

  it('after the pronoun, changes only a verb whose best class is finite', () => {
    const rule = new SubjectPersonRule(learnt, [[INF, SUB3, IND1]], 1);
    const ws = ['ich', 'koche'].map((f) => ({ lowerHash: hashStr(f) }) as WordInfo);
    expect(rule.candidates(ws, [1, 0], 1, null, Float64Array.from([9, 1, 0]), () => null)).toBeNull();
    expect(Array.from(rule.candidates(ws, [1, 0], 1, null, Float64Array.from([0, 9, 1]), () => null)!)).toEqual([2]);
  });
});
