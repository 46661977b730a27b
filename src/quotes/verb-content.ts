/**
 * What the parse-read content finders (predicative.ts, attitude.ts, accusation.ts) share: the tokens statements already
 * cover, and an indirect statement built from a cue verb, its content [a, b) and the verb's parse subject.
 */
import type { SyntaxWord } from '../syntax/types.js';
import type { Subject } from './attribution.js';
import type { Statement } from './statements.js';
import { cueAt, type DocView } from './view.js';
import { verbSubject } from './verb-subject.js';

/** One flag per token: 1 where a statement of `taken` already holds content. */
export function coveredTokens(v: DocView, taken: Statement[]): Uint8Array {
  const covered = new Uint8Array(v.lower.length + 1);
  for (const st of taken) for (let t = Math.max(0, st.content[0]); t < Math.min(st.content[1], covered.length); t++) covered[t] = 1;
  return covered;
}

/**
 * Adds the statement of cue verb `words[h]` with content [a, b) unless covered tokens lie inside it; the verb's nsubj
 * (outside the content) is the subject phrase unless `noSubject` (a passive names no speaker). Marks the content covered.
 */
export function pushVerbContent(
  v: DocView, words: SyntaxWord[], h: number, a: number, b: number, covered: Uint8Array, out: Statement[],
  phraseOf: (words: SyntaxWord[], h: number) => [number, number], noSubject = false,
): void {
  b = beforeNextStatement(v, a, b, covered);
  for (let t = a; t < b; t++) if (covered[t]) return;
  const w = words[h];
  const s = noSubject ? -1 : verbSubject(words, h);
  const range = s >= 0 ? phraseOf(words, s) : null;
  const subject: Subject = range && (range[1] <= a || range[0] >= b) ? { type: 'phrase', range } : noSubject ? { type: 'none' } : sharedSubjectOf(words, h);
  const start = v.doc.tokens[a].start, end = v.doc.tokens[b - 1].end;
  out.push({
    kind: 'indirect', content: [a, b], start, end, text: v.doc.text.slice(start, end), spans: [], cue: [w.token, w.token + 1],
    form: cueAt(v, w.token) ?? null, subject, attribution: [Math.min(w.token, range ? range[0] : w.token), Math.max(w.token, range ? range[1] - 1 : w.token) + 1],
    anchor: range ? range[0] : w.token,
  });
  for (let t = a; t < b; t++) covered[t] = 1;
}

/**
 * Content [a, b) that runs on into another statement through a comma and that statement's cue ("praised X for her
 * "calm leadership", saying her decision …"): its end before the comma; otherwise b.
 */
function beforeNextStatement(v: DocView, a: number, b: number, covered: Uint8Array): number {
  let t = a;
  while (t < b && !covered[t]) t++;
  if (t >= b || t - a < 3 || !cueAt(v, t - 1) || v.lower[t - 2] !== ',') return b;
  return t - 2;
}

/**
 * A verb without a subject phrase of its own that hangs on another verb ("won … and pledged to …", "denied …,
 * saying …") shares that verb's subject: read as a coordinated verb (the registry finds the subject by the parse,
 * else the sentence's opening subject); otherwise it has none.
 */
export function sharedSubjectOf(words: SyntaxWord[], h: number): Subject {
  const rel = words[h].deprel;
  // A conjunct shares the subject only right after its coordinator ("and pledged"); "… but polls show …" has a
  // subject of its own the parse missed.
  const joined = (k: number) => words[k]?.deprel === 'cc' || words[k]?.deprel === 'advmod' && words[k - 1]?.deprel === 'cc';
  const shares = /^advcl/.test(rel) || /^conj/.test(rel) && joined(h - 1);
  return shares ? { type: 'coordinated', at: words[h].token } : { type: 'none' };
}
