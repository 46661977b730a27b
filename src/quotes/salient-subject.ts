/**
 * The antecedent of a pronoun that speaks ("…, he said", "It said …"), by salience on the parse: the subject of the
 * sentence's main clause when it stands before the pronoun ("Obama praised Castro …, but he said …"), else the
 * subject of the previous sentence's main clause ("Carter stressed his support. „…“, he said"; "The Bank of England
 * kept rates unchanged. But it said …"). A person pronoun takes a person of a fitting gender, "it" an institution or
 * a country. The nearest name before the pronoun, which the entities stage takes, is often an object or a possessive
 * ("… praise of Putin, saying …"); the subject is whom the text is about.
 */
import type { PronounInfo } from '../references/index.js';
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import { analyzePhrase } from './phrase-info.js';
import { parseAt, phraseTokens } from './parse-subject.js';
import { sentenceRange, type DocView } from './view.js';

/** Longest subject phrase (in tokens) taken as an antecedent. */
const MAX_SUBJECT_TOKENS = 10;

/** The nsubj phrase of the root of the parse sentence holding token t, when it ends before `before`. */
function rootSubject(v: DocView, syn: SyntaxLayer, t: number, before: number): [number, number] | null {
  const at = parseAt(syn, t);
  if (!at) return null;
  const words: SyntaxWord[] = at.words;
  const root = words.findIndex((w) => w.head === 0);
  const s = root < 0 ? -1 : words.findIndex((w) => w.head === root + 1 && w.deprel === 'nsubj');
  if (s < 0) return null;
  const r = phraseTokens(words, s);
  return r[1] <= before && r[1] - r[0] <= MAX_SUBJECT_TOKENS && !v.quoteOf[r[0]] ? r : null;
}

/** The entity a subject phrase stands for when it fits the pronoun (gender, person or not), else null. */
function fittingEntity(v: DocView, r: [number, number], p: PronounInfo): string | null {
  const info = analyzePhrase(v, r[0], r[1]);
  const id = info.kind === 'pronoun' ? v.entities.resolvePronoun(r[0]) : info.kind === 'named' ? info.entity : null;
  const e = id ? v.entities.byId.get(id) : undefined;
  if (!e) return null;
  if (p.gender === 'n') return e.type === 'organization' || e.type === 'location' && e.kind === 'country' ? e.id : null;
  if (e.type !== 'person') return null;
  const g = e.attributes?.gender;
  // A female pronoun needs a person known to be a woman (as in the shared resolver); a male one skips known women.
  if (p.gender === 'f') return g === 'f' ? e.id : null;
  return typeof g === 'string' && p.gender && g[0] !== p.gender ? null : e.id;
}

/**
 * The subject phrase (token range) a speaking pronoun at token t refers to, or null when the parse names no
 * fitting subject in its sentence or the one before.
 */
export function salientSubject(v: DocView, t: number, syntaxOf: (() => SyntaxLayer | null) | undefined): [number, number] | null {
  const p = v.lex.pronouns.get(v.lower[t]);
  if (!p || p.person !== 3 || p.number === 'pl' || v.quoteOf[t]) return null;
  const syn = syntaxOf ? syntaxOf() : null;
  if (!syn) return null;
  const here = rootSubject(v, syn, t, t);
  if (here && here[1] - here[0] > 0 && !(here[0] === t) && fittingEntity(v, here, p)) return here;
  const k = v.sentOf[t] - 1;
  if (k < 0) return null;
  const [S, E] = sentenceRange(v, k);
  for (let u = S; u < E; u++) {
    if (!parseAt(syn, u)) continue;
    const prev = rootSubject(v, syn, u, E);
    return prev && fittingEntity(v, prev, p) ? prev : null;
  }
  return null;
}

/**
 * Does the entity `id` fit the speaking pronoun at token t (third person singular; gender as in fittingEntity)?
 * False for any other token.
 */
export function pronounFits(v: DocView, t: number, id: string): boolean {
  const p = v.lex.pronouns.get(v.lower[t]);
  const e = v.entities.byId.get(id);
  if (!p || !e || p.person !== 3 || p.number === 'pl' || v.quoteOf[t]) return false;
  if (p.gender === 'n') return e.type === 'organization' || e.type === 'location' && e.kind === 'country';
  if (e.type !== 'person') return false;
  const g = e.attributes?.gender;
  if (p.gender === 'f') return g === 'f';
  return !(typeof g === 'string' && p.gender && g[0] !== p.gender);
}
