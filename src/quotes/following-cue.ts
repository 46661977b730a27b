/**
 * A standalone quote whose speaker stands in the sentence after it, pointed back to by a demonstrative:
 * "„Die Lage ist unter Kontrolle.“ Das sagte Innenministerin Karla Stein." / ""…" Karla Stein said this on
 * Friday." The demonstratives are data (lang/<code>/quotes/function-words.json, "anaphoricContent").
 */
import { nounPhraseIn, postfieldSpeaker } from './phrases.js';
import type { Statement } from './statements.js';
import { cueAt, isPunct, sentenceRange, type DocView } from './view.js';

/** How far into the following sentence its reporting verb may stand ("Interior Minister Karla Stein said this"): set by hand. */
const MAX_SUBJECT_TOKENS = 8;

/** The cue and speaker of the sentence starting at token n when it reports "that" back, or null. */
function cueAfter(v: DocView, n: number): { verb: number; subject: [number, number] } | null {
  const lex = v.lex;
  if (n >= v.lower.length || v.quoteOf[n]) return null;
  const E = sentenceRange(v, Math.max(0, v.sentOf[n]))[1];
  // "Das sagte X", "So sagte es X": demonstrative, verb, speaker.
  if (lex.anaphoricContent.has(v.lower[n]) && cueAt(v, n + 1)) {
    const np = postfieldSpeaker(v, n + 2, E);
    return np ? { verb: n + 1, subject: np } : null;
  }
  // "X said this", "X sagte das": speaker, verb, demonstrative.
  for (let t = n + 1; t < Math.min(E, n + MAX_SUBJECT_TOKENS); t++) {
    if (!cueAt(v, t)) continue;
    if (!lex.anaphoricContent.has(v.lower[t + 1])) return null;
    // "said this week that …": the demonstrative opens a phrase of its own; "said this on Friday" stands alone.
    const after = v.lower[t + 2] ?? '.';
    if (!isPunct(v, t + 2) && !lex.prepositions.has(after)) return null;
    const np = nounPhraseIn(v, n, t);
    return np && np[1] === t ? { verb: t, subject: np } : null;
  }
  return null;
}

/** Give standalone direct quotes the speaker of a following "that is what X said" sentence; drop its bogus content. */
export function attachFollowingCues(v: DocView, statements: Statement[]): void {
  const drop = new Set<Statement>();
  for (const st of statements) {
    if (st.kind !== 'direct' || (st.subject.type !== 'none' && st.subject.type !== 'continuation')) continue;
    let n = v.spanClose[st.spans[st.spans.length - 1]] + 1;
    if (n < v.lower.length && isPunct(v, n) && !v.quoteOf[n] && v.lower[n] !== '(') n++;
    const cue = cueAfter(v, n);
    // "So sagte X, die Lage sei …": the verb has content of its own.
    if (!cue || statements.some((o) => o.cue?.[0] === cue.verb && !v.lex.anaphoricContent.has(v.lower[o.content[0]]))) continue;
    st.subject = { type: 'phrase', range: cue.subject };
    st.cue = [cue.verb, cue.verb + 1];
    st.form = cueAt(v, cue.verb) ?? null;
    st.attribution = [n, Math.max(cue.subject[1], cue.verb + 1)];
    for (const other of statements) if (other !== st && other.kind === 'indirect' && other.cue?.[0] === cue.verb) drop.add(other);
  }
  for (let i = statements.length - 1; i >= 0; i--) if (drop.has(statements[i])) statements.splice(i, 1);
}
