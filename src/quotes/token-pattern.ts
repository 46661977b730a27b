/**
 * A tiny token-pattern language for linguist-edited data files:
 *   "lehnte|lehnten * stellungnahme * ab"   — alternatives with |, * skips up to GAP_MAX tokens,
 *   "$NP", "$PLATFORM"                      — slots the caller fills (a noun phrase, a platform name).
 * Patterns match lowercased tokens; they are compiled once per language.
 */

export const GAP_MAX = 8;

export type PatternStep =
  | { kind: 'word'; alts: ReadonlySet<string> }
  | { kind: 'gap'; max: number }
  | { kind: 'slot'; name: string };

export interface TokenPattern {
  source: string;
  steps: PatternStep[];
}

/** A slot matcher: returns the end token index (exclusive) of the slot starting at `i`, or -1. */
export type SlotMatcher = (name: string, i: number, limit: number) => number;

export interface PatternMatch {
  start: number;
  end: number;
  /** Token range of each slot by name. */
  slots: Record<string, [number, number]>;
}

export function compilePattern(source: string): TokenPattern {
  const steps: PatternStep[] = [];
  for (const part of source.trim().split(/\s+/)) {
    if (!part) continue;
    if (part === '*') steps.push({ kind: 'gap', max: GAP_MAX });
    else if (part.startsWith('$')) steps.push({ kind: 'slot', name: part.slice(1) });
    else steps.push({ kind: 'word', alts: new Set(part.toLowerCase().split('|')) });
  }
  return { source, steps };
}

/** Match `p` starting exactly at token `i`, not running past `limit`. Returns null when it does not match. */
export function matchPatternAt(
  p: TokenPattern, lower: readonly string[], i: number, limit: number, slot?: SlotMatcher,
): PatternMatch | null {
  const slots: Record<string, [number, number]> = {};
  const go = (step: number, pos: number): number => {
    if (step === p.steps.length) return pos;
    const s = p.steps[step];
    if (s.kind === 'word') {
      if (pos >= limit || !s.alts.has(lower[pos])) return -1;
      return go(step + 1, pos + 1);
    }
    if (s.kind === 'gap') {
      for (let k = 0; k <= s.max && pos + k <= limit; k++) {
        const end = go(step + 1, pos + k);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (!slot || pos >= limit) return -1;
    const end = slot(s.name, pos, limit);
    if (end <= pos) return -1;
    slots[s.name] = [pos, end];
    return go(step + 1, end);
  };
  const end = go(0, i);
  return end >= 0 ? { start: i, end, slots } : null;
}

/** First match of `p` starting anywhere in [from, limit). */
export function findPattern(
  p: TokenPattern, lower: readonly string[], from: number, limit: number, slot?: SlotMatcher,
): PatternMatch | null {
  const first = p.steps[0];
  for (let i = from; i < limit; i++) {
    if (first && first.kind === 'word' && !first.alts.has(lower[i])) continue;
    const m = matchPatternAt(p, lower, i, limit, slot);
    if (m) return m;
  }
  return null;
}
