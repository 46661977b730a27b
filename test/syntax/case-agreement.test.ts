import { describe, expect, it } from 'vitest';
import { CaseAgreement } from '../../src/syntax/tagger/case-agreement.js';

// A toy label set: FEATS classes per UPOS as in a trained model.
const UPOS = ['ADJ', 'DET', 'NOUN', 'VERB'];
const FEATS = [
  ['Case=Dat|Degree=Pos|Number=Sing', 'Case=Nom|Degree=Pos|Number=Sing', 'Case=Acc|Degree=Pos|Number=Plur'],
  ['Case=Dat|Number=Sing|PronType=Art', 'Case=Nom|Number=Sing|PronType=Art', 'Case=Nom|Number=Plur|PronType=Art'],
  ['Case=Dat|Gender=Neut|Number=Sing', 'Case=Nom|Gender=Neut|Number=Sing', 'Case=Acc|Gender=Neut|Number=Plur'],
  ['VerbForm=Inf'],
];

describe('joint Case of a noun phrase', () => {
  it('gives determiner, adjective and noun the Case and Number with the best summed score', () => {
    const agree = new CaseAgreement(UPOS, FEATS);
    const upos = [1, 0, 2, 3]; // "dem alten Haus wohnen"
    // each word alone: DET Dat (0), ADJ Nom (1), NOUN Acc plural (2); summed, Dat singular wins (5 + 3 + 3 = 11)
    const scores = [Float64Array.of(5, 1, 0), Float64Array.of(3, 4, 0), Float64Array.of(3, 0, 4), null];
    const fIdx = Int32Array.of(0, 1, 2, 0);
    agree.repair(upos, fIdx, scores, [null, null, null, null], (_, k) => k);
    expect([...fIdx]).toEqual([0, 0, 0, 0]);
  });

  it('leaves words outside a determiner/adjective + noun span alone', () => {
    const agree = new CaseAgreement(UPOS, FEATS);
    const fIdx = Int32Array.of(1, 0);
    agree.repair([1, 3], fIdx, [Float64Array.of(0, 1, 0), null], [null, null], (_, k) => k);
    expect([...fIdx]).toEqual([1, 0]);
  });
});
