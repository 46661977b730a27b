/**
 * Relayed speech: a medium or person that only passes someone's words on is the channel, the one quoted speaks
 * (docs/annotation.md, "Nested speech"): „…“, zitiert die Nachrichtenagentur AFP den Minister / Das Staatsfernsehen
 * zitierte die Revolutionsgarden mit der Erklärung, … / KCNA quoted Kim as saying … . The relaying verbs are data
 * (lang/<code>/quotes/verbs.json, "relay"); so is the link before the reporting participle ("as").
 */
import type { Subject } from './attribution.js';
import { chunkNP } from './phrases.js';
import type { Statement } from './statements.js';
import { sentenceEndOf, verbAt, type DocView } from './view.js';

export interface Relay {
  /** The phrase whose words are relayed: the statement's speaker. */
  speaker: [number, number];
  /** The relaying phrase (the verb's subject), or null when it is not in the statement's attribution. */
  channel: [number, number] | null;
}

function skipAdverbs(v: DocView, i: number, E: number): number {
  while (i < E && v.lex.adverbs.has(v.lower[i])) i++;
  return i;
}

export function relayOf(v: DocView, st: Statement): Relay | null {
  if (!st.cue) return null;
  const verb = st.cue[0];
  const form = verbAt(v, verb);
  if (!form) return null;
  const E = sentenceEndOf(v, verb);
  const subject = st.subject.type === 'phrase' ? st.subject.range : null;
  if (form.relay) {
    // The object follows the subject when the subject stands after the verb, else the verb itself.
    const from = skipAdverbs(v, subject && subject[0] > verb ? subject[1] : verb + 1, E);
    const end = chunkNP(v, from, E);
    return end > from ? { speaker: [from, end], channel: subject } : null;
  }
  // "KCNA quoted Kim as saying": relay verb, the quoted phrase, the link, the reporting participle.
  if (!form.participle || !v.lex.relayLinks.has(v.lower[verb - 1] ?? '')) return null;
  for (let r = verb - 2; r >= 0 && verb - r <= 8; r--) {
    if (!verbAt(v, r)?.relay) continue;
    return chunkNP(v, r + 1, verb - 1) === verb - 1 && verb - 1 > r + 1 ? { speaker: [r + 1, verb - 1], channel: subject } : null;
  }
  return null;
}

/** The statement's subject once a relay is applied (the quoted phrase). */
export function relayedSubject(relay: Relay): Subject {
  return { type: 'phrase', range: relay.speaker };
}
