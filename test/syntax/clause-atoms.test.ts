import { describe, expect, it } from 'vitest';
import { clauseAtoms, clauseKinds } from '../../src/syntax/tagger/clause-atoms.js';
import { FeatureContext } from '../../src/syntax/tagger/features.js';
import { FormLexicon } from '../../src/syntax/lexicon/form-lexicon.js';
import { WordClasses } from '../../src/syntax/tagger/word-classes.js';
import { TagDictionary } from '../../src/syntax/tagger/tag-dictionary.js';
import { hashStr } from '../../src/util/hash.js';

// Our own toy label set: UPOS ids are indices into UPOS, FEATS classes per UPOS as in a trained model.
const UPOS = ['ADV', 'AUX', 'CCONJ', 'NOUN', 'PRON', 'PUNCT', 'SCONJ', 'VERB'];
const FEATS = UPOS.map((u) => (u === 'VERB' || u === 'AUX' ? ['VerbForm=Inf', 'Mood=Ind|VerbForm=Fin', 'Mood=Sub|VerbForm=Fin'] : ['']));
const featsHash = FEATS.map((fs) => Int32Array.from(fs, (f) => hashStr(f)));
const kinds = clauseKinds(UPOS, featsHash, FEATS);
const fx = new FeatureContext(FormLexicon.empty(), WordClasses.empty(), TagDictionary.build([], UPOS));
const u = (t: string): number => UPOS.indexOf(t);

/** The clause atoms of word i of a toy sentence; feats[j] names the FEATS class chosen for earlier verbs. */
function atomsAt(words: Array<[string, string, number?]>, i: number): number[] {
  const ws = words.map(([f]) => fx.info(f));
  const upos = words.map(([, t]) => u(t));
  const fh = words.map(([, t, k]) => featsHash[u(t)][k ?? 0]);
  const out: number[] = [];
  clauseAtoms(ws, upos, fh, i, kinds, out);
  return out;
}

describe('clause atoms for verbs\' FEATS', () => {
  it('tell a verb-final clause after a conjunction from one after a finite verb', () => {
    const afterConj = atomsAt([['wenn', 'SCONJ'], ['Freunde', 'NOUN'], ['vorbei', 'ADV'], ['kommen', 'VERB'], ['.', 'PUNCT']], 3);
    const afterFinite = atomsAt([['sie', 'PRON'], ['wollen', 'AUX', 1], ['vorbei', 'ADV'], ['kommen', 'VERB'], ['.', 'PUNCT']], 3);
    expect(afterConj).toHaveLength(afterFinite.length);
    expect(afterConj[0]).not.toBe(afterFinite[0]); // opener and finite-before differ
    expect(afterConj[2]).not.toBe(afterFinite[2]); // clause state differs
  });

  it('see the clause\'s subject and the mood of the previous finite verb', () => {
    const ich = atomsAt([['dass', 'SCONJ'], ['ich', 'PRON'], ['Tabus', 'NOUN'], ['tangiere', 'VERB']], 3);
    const er = atomsAt([['dass', 'SCONJ'], ['er', 'PRON'], ['Tabus', 'NOUN'], ['tangiere', 'VERB']], 3);
    expect(ich[3]).not.toBe(er[3]);
    const afterSub = atomsAt([['es', 'PRON'], ['werde', 'AUX', 2], [',', 'PUNCT'], ['es', 'PRON'], ['gehe', 'VERB']], 4);
    const afterInd = atomsAt([['es', 'PRON'], ['wird', 'AUX', 1], [',', 'PUNCT'], ['es', 'PRON'], ['gehe', 'VERB']], 4);
    expect(afterSub.at(-1)).not.toBe(afterInd.at(-1));
    expect(afterSub.slice(0, -1)).toEqual(afterInd.slice(0, -1)); // the finite verb is outside the clause
  });
});
