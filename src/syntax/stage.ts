/**
 * The pipeline's syntax stage: tags and parses every sentence of the Doc, on the text layer's own tokens.
 * Contractions are split into the treebanks' words by the tagger's table (lang/<code>/syntax/contractions.tsv).
 * Without a tagger model for the language the stage returns null; without a parser the words keep their tags
 * and have no heads (head -1, deprel '').
 */
import type { SyntaxOut } from '../contract/schema.js';
import type { Doc } from '../text/types.js';
import { expandContractions, loadTagger, type TagResult } from './tagger/index.js';
import { parserFor } from './parser/index.js';
import type { SyntaxLayer, SyntaxSentence, SyntaxWord } from './types.js';

export type { SyntaxLayer, SyntaxSentence, SyntaxWord } from './types.js';

/** Sentences longer than this many words are tagged but not parsed (lists and tables, not prose). */
export const MAX_PARSE_WORDS = 400;

export function runSyntax(doc: Doc): SyntaxLayer | null {
  const tagger = loadTagger(doc.language);
  if (!tagger) return null;
  const parser = parserFor(doc.language);
  const tm = tagger.meta as { name?: string; version?: string };
  const models: Record<string, string> = { tagger: `${tm.name ?? `tagger-${doc.language}`}${tm.version ? `@${tm.version}` : ''}` };
  if (parser) models.parser = `${parser.model.meta.name}@${parser.model.meta.version}`;
  // All sentences are tagged first, then all parsed: alternating tagger and parser sentence by sentence evicts
  // each other's weights from the CPU caches (news text: ~20 % slower than tagging, then parsing, per document).
  const tagged: Array<{ si: number; words: string[]; tokenOf: Int32Array; tags: TagResult }> = [];
  const forms: string[] = [];
  doc.sentences.forEach((s, si) => {
    if (s.tokenEnd <= s.tokenStart) return;
    forms.length = 0;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) forms.push(doc.tokens[t].text);
    const { words, tokenOf } = expandContractions(forms, doc.language);
    tagged.push({ si, words, tokenOf, tags: tagger.tag(words) });
  });
  const sentences: SyntaxSentence[] = [];
  const tokenSentence = new Int32Array(doc.tokens.length).fill(-1);
  const tokenWord = new Int32Array(doc.tokens.length).fill(-1);
  for (const { si, words, tokenOf, tags } of tagged) {
    const s = doc.sentences[si];
    const parse = parser && words.length <= MAX_PARSE_WORDS ? parser.parse({ forms: words, upos: tags.upos, feats: tags.feats, lemmas: tags.lemmas, uposAlt: tags.uposAlt, uposMargin: tags.uposMargin }) : null;
    const out: SyntaxWord[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const t = s.tokenStart + tokenOf[i];
      const tok = doc.tokens[t];
      if (tokenWord[t] < 0) {
        tokenSentence[t] = sentences.length;
        tokenWord[t] = i;
      }
      out[i] = {
        form: words[i], token: t, start: tok.start, end: tok.end,
        upos: tags.upos[i], feats: tags.feats[i], lemma: tags.lemmas[i],
        head: parse ? parse.heads[i] : -1, deprel: parse ? parse.deprels[i] : '',
      };
    }
    sentences.push({ sentence: si, words: out });
  }
  return { models, sentences, tokenSentence, tokenWord };
}

/** The layer in the contract's shape: sentences with offsets, words without the Doc's token indices. */
export function syntaxContract(doc: Doc, layer: SyntaxLayer): SyntaxOut {
  return {
    models: layer.models,
    sentences: layer.sentences.map((s) => ({
      start: doc.sentences[s.sentence].start,
      end: doc.sentences[s.sentence].end,
      words: s.words.map((w) => ({ form: w.form, start: w.start, end: w.end, upos: w.upos, feats: w.feats, lemma: w.lemma, head: w.head, deprel: w.deprel })),
    })),
  };
}
