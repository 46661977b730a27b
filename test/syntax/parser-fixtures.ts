/** A tiny hand-written treebank (our own sentences) for the parser tests: "form/UPOS/head/deprel" per word. */
import type { TrainSentence } from '../../src/syntax/parser/train.js';

const RAW = [
  'The/DET/2/det cat/NOUN/3/nsubj sleeps/VERB/0/root ./PUNCT/3/punct',
  'She/PRON/2/nsubj reads/VERB/0/root a/DET/5/det long/ADJ/5/amod book/NOUN/2/obj today/NOUN/2/obl:unmarked ./PUNCT/2/punct',
  'Tom/PROPN/3/nsubj has/AUX/3/aux left/VERB/0/root the/DET/5/det office/NOUN/3/obj early/ADV/3/advmod',
  'Die/DET/2/det Ministerin/NOUN/3/nsubj sagte/VERB/0/root ,/PUNCT/7/punct sie/PRON/7/nsubj werde/AUX/7/aux kommen/VERB/3/ccomp ./PUNCT/3/punct',
  'We/PRON/2/nsubj met/VERB/0/root the/DET/4/det mayor/NOUN/2/obj and/CCONJ/7/cc her/PRON/7/nmod:poss deputy/NOUN/4/conj',
  'Er/PRON/2/nsubj kam/VERB/0/root mit/ADP/5/case dem/DET/5/det Zug/NOUN/2/obl aus/ADP/7/case Berlin/PROPN/5/nmod ./PUNCT/2/punct',
  'If/SCONJ/3/mark it/PRON/3/nsubj rains/VERB/6/advcl ,/PUNCT/6/punct we/PRON/6/nsubj stay/VERB/0/root home/ADV/6/advmod',
  'The/DET/2/det report/NOUN/5/nsubj:pass was/AUX/5/aux:pass not/PART/5/advmod published/VERB/0/root yesterday/NOUN/5/obl:unmarked',
];

/** The fixture sentences as training sentences (gold tags as parser input). */
export function tinyTreebank(): TrainSentence[] {
  return RAW.map((line) => {
    const words = line.split(' ').map((w) => w.split('/'));
    const forms = words.map((w) => w[0]);
    return {
      input: { forms, upos: words.map((w) => w[1]), feats: forms.map(() => ''), lemmas: forms.map((f) => f.toLowerCase()) },
      heads: Int32Array.from(words, (w) => Number(w[2])),
      deprels: words.map((w) => w[3]),
    };
  });
}
