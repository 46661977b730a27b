/**
 * The channel a statement came through: "gegenüber Reuters", "in einem Interview mit Fox News",
 * "told Reuters", "in a statement", "on X" — phrases from lang/<code>/quotes/channels.json, searched in the
 * attribution part of the sentence (never inside the reported content).
 */
import { matchPatternAt, type SlotMatcher } from './token-pattern.js';
import { chunkNP } from './phrases.js';
import { mentionsIn, textOf, type DocView } from './view.js';

export interface ChannelHit {
  value: string;
  start: number;
  end: number;
}

function slotMatcher(v: DocView): SlotMatcher {
  return (name, i, limit) => {
    if (name === 'PLATFORM') {
      for (const p of v.lex.platforms) {
        if (i + p.length > limit) continue;
        let ok = true;
        for (let k = 0; k < p.length && ok; k++) ok = v.doc.tokens[i + k].text === p[k];
        if (ok) return i + p.length;
      }
      return -1;
    }
    if (name === 'NP') return chunkNP(v, i, limit);
    return -1;
  };
}

/** The channel name of a noun phrase ("die Nachrichtenagentur AFP" → AFP). */
export function channelName(v: DocView, a: number, b: number): string {
  return npValue(v, a, b);
}

/** The value of a captured noun phrase: the entity it names, else its words without determiners and descriptors. */
function npValue(v: DocView, a: number, b: number): string {
  const m = mentionsIn(v, a, b).find((x) => x.kind === 'name' || x.kind === 'alias' || x.kind === 'acronym');
  if (m) { const e = v.entities.byId.get(m.entity); if (e) return e.name; }
  let k = a;
  while (k < b && (v.lex.determiners.has(v.lower[k]) || v.lex.channelDescriptors.has(v.lower[k]))) k++;
  return textOf(v, k < b ? k : a, b);
}

/** End of a channel phrase starting exactly at token i ("der Zeitung X", "gegenüber Reuters"), or -1. */
export function channelPhraseAt(v: DocView, i: number, limit: number): number {
  const slot = slotMatcher(v);
  for (const ch of v.lex.channels) {
    const m = matchPatternAt(ch.pattern, v.lower, i, limit, slot);
    if (m) return m.end;
  }
  return -1;
}

/** First channel phrase in [a, b) whose tokens avoid `exclude` ranges. */
export function findChannel(v: DocView, a: number, b: number, exclude: [number, number][]): ChannelHit | null {
  const slot = slotMatcher(v);
  for (let i = a; i < b; i++) {
    if (exclude.some(([x, y]) => i >= x && i < y)) continue;
    let limit = b;
    for (const [x] of exclude) if (x > i && x < limit) limit = x;
    for (const ch of v.lex.channels) {
      const m = matchPatternAt(ch.pattern, v.lower, i, limit, slot);
      if (!m) continue;
      let value = ch.value;
      if (value.startsWith('$')) {
        const r = m.slots[value.slice(1)];
        if (!r) continue;
        value = value === '$NP' ? npValue(v, r[0], r[1]) : textOf(v, r[0], r[1]);
      }
      return { value, start: m.start, end: m.end };
    }
  }
  return null;
}
