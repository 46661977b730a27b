/**
 * Modality from cue words (lang/<code>/relations/modality.json): clause cues ("würde", "failed to",
 * "konnte … nicht", "no longer") govern a verb and the infinitives below it; noun-phrase cues
 * ("geplante Übernahme", "keine Treffen", "former adviser") modify a noun trigger.
 */
import type { Modality } from '../contract/schema.js';
import type { CompiledLexicon } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

interface CompiledCue { parts: string[][]; }

// Attempted before planned: "reiste …, um zu versuchen, … zu treffen" is an attempt, not a plan.
const ORDER: Modality[] = ['former', 'failed', 'negated', 'hypothetical', 'attempted', 'planned'];

interface CompiledCues { clause: Map<Modality, CompiledCue[]>; np: Map<Modality, CompiledCue[]>; ignore: CompiledCue[]; lowerOnly: Set<string>; complement: Set<string> }
const compiled = new WeakMap<CompiledLexicon, CompiledCues>();

/** "konnte … nicht" → [["konnte"], ["nicht"]]; "nicht mehr" → [["nicht", "mehr"]]. */
function compileCue(cue: string): CompiledCue {
  return { parts: cue.toLowerCase().split('…').map((p) => p.trim().split(/\s+/).filter(Boolean)).filter((p) => p.length) };
}

function cues(lex: CompiledLexicon) {
  let c = compiled.get(lex);
  if (!c) {
    const make = (src: Partial<Record<Modality, string[]>>) => new Map(ORDER.filter((m) => src[m]).map((m) => [m, src[m]!.map(compileCue)] as const));
    c = {
      clause: make(lex.modality.clause), np: make(lex.modality.np), ignore: lex.modality.ignore.map(compileCue),
      lowerOnly: new Set(lex.modality.lowerOnly ?? []), complement: new Set(lex.modality.complementMarkers ?? []),
    };
    compiled.set(lex, c);
  }
  return c;
}

const wordMatches = (pattern: string, word: string) => (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) && word.length >= pattern.length - 1 : pattern === word);

/** Where a sequence of patterns matches at token t, or -1. */
function seqAt(v: SentenceView, seq: string[], t: number, end: number, blocked: Uint8Array): number {
  if (t + seq.length > end) return -1;
  const c = cues(v.lex);
  // A cue right after a complement marker ("of seeking") belongs to that gerund clause.
  if (t > v.from && c.complement.has(v.w(t - 1))) return -1;
  for (let i = 0; i < seq.length; i++) {
    if (blocked[t + i - v.from] || !wordMatches(seq[i], v.w(t + i))) return -1;
    if (c.lowerOnly.has(seq[i]) && v.doc.tokens[t + i].text !== seq[i]) return -1;
  }
  return t + seq.length;
}

function cueIn(v: SentenceView, cue: CompiledCue, a: number, b: number, blocked: Uint8Array): boolean {
  let t = a;
  for (const part of cue.parts) {
    let found = -1;
    for (let u = t; u < b; u++) {
      const e = seqAt(v, part, u, b, blocked);
      if (e >= 0) { found = e; break; }
    }
    if (found < 0) return false;
    t = found;
  }
  return true;
}

/** Tokens inside phrases that only look like cues ("nicht nur"), per sentence. */
function blockedTokens(v: SentenceView, lex: CompiledLexicon): Uint8Array {
  const out = new Uint8Array(v.to - v.from);
  const none = new Uint8Array(v.to - v.from);
  for (const ig of cues(lex).ignore) {
    if (ig.parts.length !== 1) {
      // Gapped ignores ("wird … gehandelt") block their first word when the whole pattern is present.
      for (let t = v.from; t < v.to; t++) {
        if (seqAt(v, ig.parts[0], t, v.to, none) >= 0 && cueIn(v, { parts: ig.parts.slice(1) }, t + 1, v.to, none)) out[t - v.from] = 1;
      }
      continue;
    }
    const seq = ig.parts[0];
    for (let t = v.from; t < v.to; t++) if (seqAt(v, seq, t, v.to, none) >= 0) for (let i = 0; i < seq.length; i++) out[t + i - v.from] = 1;
  }
  return out;
}

export class ModalityReader {
  private readonly blocked: Uint8Array;
  constructor(readonly v: SentenceView) {
    this.blocked = blockedTokens(v, v.lex);
  }

  /**
   * The strongest clause cue in the token ranges, or null. A plan cue that is the trigger itself ("agreed to
   * cooperate" for "agreed") does not make the trigger planned; attempt cues may ("reached out").
   */
  clauseCue(ranges: [number, number][], trigger = -1): Modality | null {
    const c = cues(this.v.lex).clause;
    let withTrigger = this.blocked;
    if (trigger >= this.v.from && trigger < this.v.to && !withTrigger[trigger - this.v.from]) {
      withTrigger = withTrigger.slice();
      withTrigger[trigger - this.v.from] = 1;
    }
    for (const m of ORDER) {
      const list = c.get(m);
      if (!list) continue;
      const blocked = m === 'planned' ? withTrigger : this.blocked;
      for (const cue of list) for (const [a, b] of ranges) if (cueIn(this.v, cue, a, b, blocked)) return m;
    }
    return null;
  }

  /** A noun-phrase cue within the few words before a noun trigger (or glued to it: "Ex-Berater"). */
  npCue(t: number, clauseStart: number): Modality | null {
    const c = cues(this.v.lex).np;
    const a = Math.max(clauseStart, t - 3);
    for (const m of ORDER) {
      const list = c.get(m);
      if (!list) continue;
      for (const cue of list) {
        if (cueIn(this.v, cue, a, t, this.blocked)) return m;
        if (cue.parts.length === 1 && cue.parts[0].length === 1 && cue.parts[0][0].endsWith('-*') && this.v.w(t).startsWith(cue.parts[0][0].slice(0, -1))) return m;
      }
    }
    return null;
  }
}
