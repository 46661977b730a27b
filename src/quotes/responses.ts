/**
 * Facts about sourcing that are not statements: refusals and non-answers ("lehnte eine Stellungnahme ab",
 * "did not respond to a request for comment"), and stated reasons for anonymity
 * ("die aufgrund der Sensibilität des Themas anonym bleiben wollten").
 */
import { findPattern } from './token-pattern.js';
import { chunkNP, postfieldSpeaker, prefieldSpeaker } from './phrases.js';
import { sentenceRange, type DocView } from './view.js';

export interface ResponseHit {
  kind: 'declined' | 'no_response' | 'denied';
  /** Token range of the refusal (to the end of its clause). */
  range: [number, number];
  /** Subject phrase (or a relative pronoun) before it, or null. */
  subject: [number, number] | null;
  relative: boolean;
}

export function findResponses(v: DocView): ResponseHit[] {
  const out: ResponseHit[] = [];
  for (let s = 0; s < v.doc.sentences.length; s++) {
    const [S, E] = sentenceRange(v, s);
    for (const rp of v.lex.responses) {
      // A $NP slot marks a subject after the verb ("Weitere Angaben machte $NP … nicht").
      const m = findPattern(rp.pattern, v.lower, S, E, (name, i, lim) => (name === 'NP' ? chunkNP(v, i, lim) : -1));
      if (!m || v.quoteOf[m.start]) continue;
      if (out.some((o) => o.range[0] <= m.start && m.start < o.range[1])) continue;
      let end = m.end;
      while (end < E && v.lower[end] !== '.' && v.lower[end] !== ';') end++;
      const pf = prefieldSpeaker(v, S, m.start);
      let subject = m.slots.NP ?? (pf ? pf.range : null);
      // "The engine's manufacturer, Keller Propulsion, did not respond": the appositive name belongs to the subject.
      if (pf && !pf.relative && !m.slots.NP) { const ext = postfieldSpeaker(v, pf.range[0], m.start); if (ext && ext[1] > pf.range[1]) subject = ext; }
      out.push({ kind: rp.kind, range: [m.start, end], subject, relative: !m.slots.NP && !!pf?.relative });
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * A stated reason for anonymity in the clause attached to a source mention ending at token `end`
 * (", die … anonym bleiben wollten" / ", who spoke on condition of anonymity because …").
 */
export function anonymityClause(v: DocView, end: number): [number, number] | null {
  const k = v.sentOf[Math.min(end, v.lower.length - 1)];
  const E = k >= 0 ? sentenceRange(v, k)[1] : v.lower.length;
  let a = end;
  if (v.lower[a] === ',') a++;
  if (a >= E) return null;
  let b = a;
  while (b < E && v.lower[b] !== '.' && v.lower[b] !== ';' && !(b > a && v.lower[b] === ',' && !v.lex.relativePronouns.has(v.lower[a]))) b++;
  if (v.lower[a] !== undefined && v.lex.relativePronouns.has(v.lower[a])) {
    // the relative clause runs to its closing comma or the sentence end
    b = a;
    while (b < E && v.lower[b] !== '.' && v.lower[b] !== ';' && v.lower[b] !== ',') b++;
  }
  for (const p of v.lex.anonymity) if (findPattern(p, v.lower, a, b)) return [a, b];
  return null;
}
