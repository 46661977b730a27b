/**
 * Part-of-speech atoms for the NER features: each token's UPOS from our syntax tagger (models/tagger-<lang>.bin),
 * hashed. A contraction ("im" = in + dem) gets the tags of its words joined ("ADP+DET"). Models trained with
 * `train ner --pos` record `meta.pos` and the tagger they saw; the NER stage then tags every sentence first.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hashStr } from '../util/hash.js';
import { defaultTaggerPath, expandContractions, loadTagger, type TaggerModel } from '../syntax/tagger/index.js';

/** Names the POS atoms a model was trained with (a model trained with other atoms is refused). */
export const POS_ATOMS = 'upos/1';

/** The committed tagger for NER features, or an error (a --pos model cannot run without it). */
export function posTagger(lang: string): TaggerModel {
  const t = loadTagger(lang);
  if (!t) throw new Error(`NER with POS features needs models/tagger-${lang}.bin`);
  return t;
}

/** The committed tagger file as recorded in the NER model's meta: name and the start of its SHA-1. */
export function taggerId(lang: string): string {
  const path = defaultTaggerPath(lang);
  return `tagger-${lang} sha1:${createHash('sha1').update(readFileSync(path)).digest('hex').slice(0, 12)}`;
}

/** Per token, the hashed UPOS (never 0). */
export function posAtoms(tagger: TaggerModel, lang: string, tokens: readonly string[]): Uint32Array {
  const out = new Uint32Array(tokens.length);
  if (!tokens.length) return out;
  const { words, tokenOf } = expandContractions(tokens, lang);
  const upos = tagger.tagUpos(words);
  let i = 0;
  while (i < words.length) {
    const t = tokenOf[i];
    let tag = upos[i];
    let j = i + 1;
    for (; j < words.length && tokenOf[j] === t; j++) tag += '+' + upos[j];
    out[t] = hashStr(tag, 9) | 1;
    i = j;
  }
  return out;
}

/** Whether a model uses POS features; throws on atoms of another kind. */
export function usesPos(meta: Record<string, unknown>): boolean {
  if (meta.pos === undefined) return false;
  if (meta.pos !== POS_ATOMS) throw new Error(`NER model made with POS atoms ${String(meta.pos)}, this code has ${POS_ATOMS}`);
  return true;
}
