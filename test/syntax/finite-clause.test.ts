import { describe, expect, it } from 'vitest';
import { emptySentence, type Sentence } from '../../src/syntax/conllu.js';
import { finalVerbOpener, Kind, kindOfUpos, learnFiniteOpeners, type ClauseView } from '../../src/syntax/tagger/finite-clause.js';
import { hashStr, mix } from '../../src/util/hash.js';

// Sentences written for this test: [form, UPOS, FEATS] per word.
function sentence(words: Array<[string, string, string?]>): Sentence {
  const s = emptySentence(words.length);
  words.forEach(([f, u, feats], i) => { s.forms[i] = f; s.upos[i] = u; s.feats[i] = feats ?? ''; });
  return s;
}
const FIN = 'Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin';
const INF = 'VerbForm=Inf';
const wenn = (verb: string): Sentence => sentence([['Sie', 'PRON'], ['lachen', 'VERB', FIN], [',', 'PUNCT'], ['wenn', 'SCONJ'], ['Kinder', 'NOUN'], [verb, 'VERB', FIN], ['.', 'PUNCT']]);
const um = (verb: string): Sentence => sentence([['Sie', 'PRON'], ['kommen', 'VERB', FIN], [',', 'PUNCT'], ['um', 'SCONJ'], ['Brot', 'NOUN'], ['zu', 'PART'], [verb, 'VERB', INF], ['.', 'PUNCT']]);
const key = (kind: Kind, w: string): number => mix(kind, hashStr(w));

function view(s: Sentence): ClauseView {
  return { n: s.forms.length, kind: (j) => kindOfUpos(s.upos[j]), lower: (j) => hashStr(s.forms[j].toLowerCase()), finite: (j) => s.feats[j].includes('VerbForm=Fin') };
}

describe('finite verbs at the end of subordinate clauses', () => {
  it('finds the opener of the clause a verb ends, and none inside a verb cluster or after a finite verb', () => {
    const s = sentence([['dass', 'SCONJ'], ['sie', 'PRON'], ['kommen', 'VERB'], ['wollen', 'AUX'], ['.', 'PUNCT']]);
    expect(finalVerbOpener(view(s), 3)).toBe(key(Kind.SCONJ, 'dass'));
    expect(finalVerbOpener(view(s), 2)).toBe(0);
    const main = sentence([['Sie', 'PRON'], ['wollen', 'AUX', FIN], ['kommen', 'VERB', INF], ['.', 'PUNCT']]);
    expect(finalVerbOpener(view(main), 2)).toBe(0);
    const relative = sentence([['Kinder', 'NOUN'], [',', 'PUNCT'], ['die', 'PRON'], ['lachen', 'VERB'], ['.', 'PUNCT']]);
    expect(finalVerbOpener(view(relative), 3)).toBe(key(Kind.PRON, 'die'));
  });

  it('learns which openers end their clause finite and which particles mark infinitives', () => {
    const learnt = learnFiniteOpeners([wenn('spielen'), wenn('singen'), wenn('rufen'), um('holen'), um('backen'), um('kaufen')]);
    expect(learnt.finite).toContain(key(Kind.SCONJ, 'wenn'));
    expect(learnt.nonFinite).toContain(key(Kind.SCONJ, 'um'));
    expect(learnt.nonFinite).toContain(mix(6, hashStr('zu')));
    expect(learnt.finite).not.toContain(key(Kind.SCONJ, 'um'));
  });
});
