/**
 * The tense of the clause around a time expression, from per-language cue lists
 * (lang/<code>/time/tense.json): past forms and auxiliaries, future/modal markers, a suffix pattern for
 * regular past forms, and perfect auxiliaries that count only together with a participle.
 * The nearest cue inside the clause wins; a clause without cues looks at the clause after it
 * ("In March, the company reported …"); otherwise the tense is unknown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../text/types.js';
import { langDir } from '../util/paths.js';

export type Tense = 'past' | 'future' | 'none';

export interface TenseFile {
  past: string[];
  future: string[];
  /** Regular past forms (English "-ed"); matched against the token as written. */
  pastPattern?: string;
  pastPatternExceptions?: string[];
  /** A pattern match right after one of these words is not past ("is based", "will be asked"). */
  pastPatternNotAfter?: string[];
  /** Auxiliary + participle anywhere in the clause = past (German Perfekt: "hat … versucht"). */
  perfect?: { aux: string[]; participle: string }[];
  /** Tokens that end a clause. */
  clauseBoundaries: string[];
  /** Words right before the expression that fix its direction whatever the clause says ("since", „seit dem“ → past). */
  before?: { past?: string[]; future?: string[] };
}

export interface TenseCues {
  single: Map<string, Tense>;
  /** First word → the remaining words of multi-word cues ("going to"). */
  multi: Map<string, { rest: string[]; tense: Tense }[]>;
  pastPattern: RegExp | null;
  pastExceptions: Set<string>;
  pastNotAfter: Set<string>;
  perfect: { aux: Set<string>; participle: RegExp }[];
  boundaries: Set<string>;
  /** Direction words right before an expression, as token sequences (lower case). */
  before: { words: string[]; tense: Tense }[];
}

const cache = new Map<string, TenseCues | null>();

export function loadTenseCues(lang: string): TenseCues | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const path = join(langDir(lang), 'time', 'tense.json');
  const cues = existsSync(path) ? compileTenseCues(JSON.parse(readFileSync(path, 'utf8')) as TenseFile) : null;
  cache.set(lang, cues);
  return cues;
}

export function compileTenseCues(f: TenseFile): TenseCues {
  const single = new Map<string, Tense>();
  const multi = new Map<string, { rest: string[]; tense: Tense }[]>();
  const add = (w: string, tense: Tense) => {
    const parts = w.toLowerCase().replace(/’/g, "'").split(/\s+/);
    if (parts.length === 1) single.set(parts[0], tense);
    else {
      const list = multi.get(parts[0]) ?? [];
      list.push({ rest: parts.slice(1), tense });
      multi.set(parts[0], list);
    }
  };
  f.past.forEach((w) => add(w, 'past'));
  f.future.forEach((w) => add(w, 'future'));
  return {
    single,
    multi,
    pastPattern: f.pastPattern ? new RegExp(f.pastPattern, 'u') : null,
    pastExceptions: new Set((f.pastPatternExceptions ?? []).map((w) => w.toLowerCase())),
    pastNotAfter: new Set((f.pastPatternNotAfter ?? []).map((w) => w.toLowerCase())),
    perfect: (f.perfect ?? []).map((p) => ({ aux: new Set(p.aux.map((w) => w.toLowerCase())), participle: new RegExp(p.participle, 'u') })),
    boundaries: new Set(f.clauseBoundaries),
    before: (['past', 'future'] as const).flatMap((t) => (f.before?.[t] ?? []).map((w) => ({ words: w.toLowerCase().split(/\s+/), tense: t as Tense }))),
  };
}

/** Index of the sentence containing char offset `at` (binary search), or -1. */
export function sentenceIndexAt(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The tense governing the span [start, end) of doc.text. */
export function clauseTense(doc: Doc, cues: TenseCues | null, start: number, end: number): Tense {
  if (!cues) return 'none';
  const si = sentenceIndexAt(doc, start);
  if (si < 0) return 'none';
  const s = doc.sentences[si];
  const toks = doc.tokens;
  let i0 = s.tokenStart;
  while (i0 < s.tokenEnd && toks[i0].end <= start) i0++;
  let i1 = i0;
  while (i1 + 1 < s.tokenEnd && toks[i1 + 1].start < end) i1++;
  if (i0 >= s.tokenEnd) return 'none';

  const fixed = directionBefore(cues, toks, s.tokenStart, i0);
  if (fixed !== 'none') return fixed;
  const isBoundary = (j: number) => cues.boundaries.has(toks[j].text);
  let left = i0;
  while (left > s.tokenStart && !isBoundary(left - 1)) left--;
  let right = i1 + 1;
  while (right < s.tokenEnd && !isBoundary(right)) right++;

  const found = nearestCue(doc, cues, left, right, i0, i1);
  if (found !== 'none' || right >= s.tokenEnd) return found;
  // A clause without a verb cue ("In March, …"): the following clause governs it.
  let next = right + 1;
  while (next < s.tokenEnd && !isBoundary(next)) next++;
  return nearestCue(doc, cues, right + 1, next, i0, i1);
}

/** A direction word right before the expression ("since", „seit dem“), or none. */
function directionBefore(cues: TenseCues, toks: Doc['tokens'], first: number, i0: number): Tense {
  for (const b of cues.before) {
    const at = i0 - b.words.length;
    if (at >= first && b.words.every((w, k) => toks[at + k].text.toLowerCase() === w)) return b.tense;
  }
  return 'none';
}

function nearestCue(doc: Doc, cues: TenseCues, from: number, to: number, i0: number, i1: number): Tense {
  const toks = doc.tokens;
  // Perfect auxiliaries count only when the clause holds a participle of their kind.
  const perfectOk = cues.perfect.map((p) => {
    for (let j = from; j < to; j++) if ((j < i0 || j > i1) && p.participle.test(toks[j].text)) return true;
    return false;
  });
  let best: Tense = 'none';
  let bestDist = Infinity;
  for (let j = from; j < to; j++) {
    if (j >= i0 && j <= i1) continue;
    const dist = j < i0 ? i0 - j : j - i1;
    if (dist >= bestDist) continue;
    const t = cueAt(cues, toks, j, to, perfectOk);
    if (t !== 'none') {
      best = t;
      bestDist = dist;
    }
  }
  return best;
}

function cueAt(cues: TenseCues, toks: Doc['tokens'], j: number, to: number, perfectOk: boolean[]): Tense {
  const raw = toks[j].text;
  const w = raw.toLowerCase().replace(/’/g, "'");
  const multi = cues.multi.get(w);
  if (multi) {
    for (const m of multi) {
      if (j + m.rest.length < to && m.rest.every((r, k) => toks[j + 1 + k].text.toLowerCase() === r)) return m.tense;
    }
  }
  const single = cues.single.get(w);
  if (single) return single;
  for (let k = 0; k < cues.perfect.length; k++) if (perfectOk[k] && cues.perfect[k].aux.has(w)) return 'past';
  if (cues.pastPattern && cues.pastPattern.test(raw) && !cues.pastExceptions.has(w)) {
    const prev = j > 0 ? toks[j - 1].text.toLowerCase() : '';
    if (!cues.pastNotAfter.has(prev)) return 'past';
  }
  return 'none';
}
