/** The analysis pipeline's NER stage: runs the committed model for the document's language. */
import { existsSync, readFileSync } from 'node:fs';
import type { Doc } from '../text/types.js';
import { NerModel } from './model.js';
import { defaultModelPath, docExtras } from './pipeline.js';
import { spansFromTags } from './eval.js';

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
export function tagDocument(model: NerModel, sentences: string[][]): { tags: string[][]; conf: Float32Array[] } {
  const tags: string[][] = [];
  const conf: Float32Array[] = [];
  const run = (m: NerModel, toks: string[], extra: Int32Array | null): void => {
    const idx = m.tagIndices(toks, undefined, { extra });
    conf.push(m.confidences(toks.length, idx));
    const t = new Array<string>(toks.length);
    for (let i = 0; i < toks.length; i++) t[i] = m.outLabels[idx[i]];
    tags.push(t);
  };
  if (!model.second) {
    for (const s of sentences) run(model, s, null);
    return { tags, conf };
  }
  const first = sentences.map((s) => model.tag(s));
  const extras = docExtras(sentences.map((tokens) => ({ tokens, doc: 0 })), first);
  sentences.forEach((s, i) => run(model.second!, s, extras[i]));
  return { tags, conf };
}

export function runNer(doc: Doc): NerMention[] {
  const model = getNerModel(doc.language);
  if (!model || doc.tokens.length === 0) return [];
  const sentences = doc.sentences.length
    ? doc.sentences.map((s) => ({ from: s.tokenStart, to: s.tokenEnd }))
    : [{ from: 0, to: doc.tokens.length }];
  const toks = sentences.map(({ from, to }) => doc.tokens.slice(from, to).map((t) => t.text));
  const { tags, conf } = tagDocument(model, toks);
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
