/** The analysis pipeline's NER stage: runs the committed model for the document's language. */
import { existsSync, readFileSync } from 'node:fs';
import type { Doc } from '../text/types.js';
import { NerModel } from './model.js';
import { defaultModelPath, docExtras } from './pipeline.js';
import { spansFromTags } from './eval.js';
import { posAtoms, posTagger, usesPos } from './pos.js';
import { completeNameParts } from './name-parts.js';
import { textLangData } from '../text/lang-data.js';

export interface NerMention {
  /** Char offsets into doc.text. */
  start: number;
  end: number;
  /** Token indices [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** The model's label: GermEval style PER, LOC, ORG, OTH, PERderiv, LOCpart, …; English MISC is mapped to OTH. */
  label: string;
  type: 'PER' | 'LOC' | 'ORG' | 'OTH';
  derived: 'deriv' | 'part' | null;
  /** 0..1, the lowest per-token max-marginal probability inside the mention. */
  score: number;
}

const cache = new Map<string, NerModel | null>();

/** Loads (once) the model for a language; null when there is none. */
export function getNerModel(lang: string): NerModel | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const p = defaultModelPath(lang);
  const m = existsSync(p) ? NerModel.deserialize(readFileSync(p)) : null;
  cache.set(lang, m);
  return m;
}

export function nerModelInfo(lang: string): { name: string; version: string } | null {
  const m = getNerModel(lang);
  return m ? { name: m.meta.name, version: m.meta.version } : null;
}

/** Tags sentences of one document and returns tags plus per-token confidences. */
export function tagDocument(model: NerModel, sentences: string[][], pos: readonly Uint32Array[] | null = null): { tags: string[][]; conf: Float32Array[] } {
  const tags: string[][] = [];
  const conf: Float32Array[] = [];
  const run = (m: NerModel, toks: string[], extra: Int32Array | null): void => {
    const idx = m.tagIndices(toks, undefined, { extra, pos: pos ? pos[tags.length] : null });
    conf.push(m.confidences(toks.length, idx));
    const t = new Array<string>(toks.length);
    for (let i = 0; i < toks.length; i++) t[i] = m.outLabels[idx[i]];
    tags.push(t);
  };
  if (!model.second) {
    for (const s of sentences) run(model, s, null);
    tagBracketedSurnames(sentences, tags, conf);
    propagateNames(model, sentences, tags, conf);
    return { tags, conf };
  }
  const first = sentences.map((s, i) => model.tag(s, { pos: pos ? pos[i] : null }));
  const extras = docExtras(sentences.map((tokens) => ({ tokens, doc: 0 })), first);
  sentences.forEach((s, i) => run(model.second!, s, extras[i]));
  return { tags, conf };
}

/**
 * "Präsident (Donald) Trump": an editor's bracketed given name tagged alone leaves the surname after the bracket
 * untagged; that capitalised word is the person's surname (tagged with the given name's confidence, so the document
 * pass below finds its other mentions). Changes tags and conf in place.
 */
export function tagBracketedSurnames(sentences: string[][], tags: string[][], conf: Float32Array[]): void {
  sentences.forEach((toks, si) => {
    for (const sp of spansFromTags(tags[si])) {
      const after = sp.end + 1;
      if (sp.type !== 'PER' || toks[sp.start - 1] !== '(' || toks[sp.end] !== ')' || after >= toks.length) continue;
      if (tags[si][after] !== 'O' || !/^\p{Lu}\p{Ll}+$/u.test(toks[after])) continue;
      tags[si][after] = 'B-PER';
      conf[si][after] = spanConfidence(conf[si], sp);
    }
  });
}

/** A span's confidence: its least confident token. */
function spanConfidence(conf: Float32Array, sp: { start: number; end: number }): number {
  let c = 1;
  for (let i = sp.start; i < sp.end; i++) c = Math.min(c, conf[i]);
  return c;
}

const NAME_TYPES = new Set(['PER', 'LOC', 'ORG', 'OTH']);
const MIN_SOURCE_CONFIDENCE = 0.9;
/** The model's confidence in O above which a frequent one-word name is not propagated (set by hand; as name-parts.ts). */
const SURE_NO_NAME = 0.99;

/**
 * Document pass for models without a trained one (German: GermEval has no documents). A name tagged confidently elsewhere
 * in the document is tagged where the model left it out, unless the model was sure the token is no name and the token is a
 * frequent word. Surnames of people named in full are the name-part pass's job (name-parts.ts, both languages).
 * Changes tags and conf in place; the propagated tokens get confidence 0.5.
 */
export function propagateNames(model: NerModel, sentences: string[][], tags: string[][], conf: Float32Array[]): void {
  const votes = new Map<string, Map<string, number>>();
  const vote = (key: string, type: string): void => {
    let m = votes.get(key);
    if (!m) { m = new Map(); votes.set(key, m); }
    m.set(type, (m.get(type) ?? 0) + 1);
  };
  let maxLen = 1;
  sentences.forEach((toks, si) => {
    for (const sp of spansFromTags(tags[si])) {
      if (!NAME_TYPES.has(sp.type)) continue;
      if (spanConfidence(conf[si], sp) < MIN_SOURCE_CONFIDENCE) continue; // only confident names inform other mentions
      vote(toks.slice(sp.start, sp.end).join(' '), sp.type);
      maxLen = Math.max(maxLen, sp.end - sp.start);
    }
  });
  const names = new Map<string, string>();
  for (const [key, m] of votes) {
    const ranked = [...m].sort((a, b) => b[1] - a[1]);
    if (ranked.length > 1 && ranked[1][1] === ranked[0][1]) continue; // contested
    names.set(key, ranked[0][0]);
  }
  if (!names.size) return;
  const lex = model.lex;
  const frequent = (w: string): boolean => {
    const e = lex.index.get(w);
    return e !== undefined && lex.data.cluster[e] >= 0;
  };
  sentences.forEach((toks, si) => {
    const t = tags[si];
    for (let i = 0; i < toks.length; i++) {
      if (t[i] !== 'O' || !/^\p{Lu}/u.test(toks[i])) continue;
      for (let len = Math.min(maxLen, toks.length - i); len >= 1; len--) {
        let free = true;
        for (let j = i; j < i + len; j++) if (t[j] !== 'O') { free = false; break; }
        if (!free) continue;
        const type = names.get(toks.slice(i, i + len).join(' '));
        if (!type) continue;
        if (len === 1 && conf[si][i] >= SURE_NO_NAME && frequent(toks[i])) break;
        for (let j = i; j < i + len; j++) { t[j] = (j === i ? 'B-' : 'I-') + type; conf[si][j] = 0.5; }
        i += len - 1;
        break;
      }
    }
  });
}

/** The hashed UPOS of every sentence when the model reads them (the syntax tagger runs first), else null. */
export function sentencePos(model: NerModel, lang: string, sentences: readonly string[][]): Uint32Array[] | null {
  if (!usesPos(model.meta)) return null;
  const tagger = posTagger(lang);
  return sentences.map((s) => posAtoms(tagger, lang, s));
}

export function runNer(doc: Doc): NerMention[] {
  const model = getNerModel(doc.language);
  if (!model || doc.tokens.length === 0) return [];
  const sentences = doc.sentences.length
    ? doc.sentences.map((s) => ({ from: s.tokenStart, to: s.tokenEnd }))
    : [{ from: 0, to: doc.tokens.length }];
  const toks = sentences.map(({ from, to }) => doc.tokens.slice(from, to).map((t) => t.text));
  const { tags, conf } = tagDocument(model, toks, sentencePos(model, doc.language, toks));
  completeNameParts(model.lex, textLangData(doc.language), toks, tags, conf);
  const out: NerMention[] = [];
  sentences.forEach(({ from }, si) => {
    for (const sp of spansFromTags(tags[si])) {
      let score = 1;
      for (let i = sp.start; i < sp.end; i++) score = Math.min(score, conf[si][i]);
      const label = sp.type === 'MISC' ? 'OTH' : sp.type;
      const m = /^(PER|LOC|ORG|OTH)(deriv|part)?$/.exec(label);
      if (!m) continue;
      const ts = from + sp.start;
      const te = from + sp.end;
      out.push({
        start: doc.tokens[ts].start, end: doc.tokens[te - 1].end, tokenStart: ts, tokenEnd: te,
        label, type: m[1] as NerMention['type'], derived: (m[2] as 'deriv' | 'part' | undefined) ?? null, score,
      });
    }
  });
  return out;
}
