/**
 * Gazetteer pass: countries (names, genitives, acronyms), capitals, demonyms and well-known organisations,
 * found at word starts and after hyphens inside compounds ("US-Botschafter", "amerikanisch-japanische").
 * One scan over the tokens; entries are indexed by their first two characters.
 */
import type { Ctx, Cand } from './context.js';
import { foldKey, isLetter } from './context.js';
import type { GazEntry } from './lexicon.js';

export function scanGazetteer(ctx: Ctx): Cand[] {
  const { text, toks, lex } = ctx;
  const out: Cand[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (ctx.excluded[i]) continue;
    const t = toks[i];
    let pos = t.start;
    while (pos < t.end) {
      const e = matchAt(ctx, pos);
      if (e) {
        const end = pos + e.surface.length;
        const inCompound = pos > t.start || (end < text.length && text[end] === '-' && end < t.end);
        let kind = e.mention;
        if (inCompound && !e.demonym) kind = e.target.kind === 'country' ? 'demonym' : 'compound';
        let genitive = e.genitive;
        // English possessive: "Japan's", "Beijing’s" (the clitic is its own token or glued on).
        if (!genitive && lex.words.possessiveClitics.length) {
          for (const c of lex.words.possessiveClitics) if (text.startsWith(c, end) && !isLetter(text[end + c.length])) { genitive = true; break; }
        }
        const tokenEnd = ctx.tokenAt(end - 1) + 1;
        out.push({
          start: pos, end, tokenStart: i, tokenEnd,
          type: e.target.type, kind, genitive, target: e.target,
          surface: text.slice(pos, end), key: foldKey(text.slice(pos, end)), source: 'gazetteer',
        });
        if (tokenEnd - 1 > i) { i = tokenEnd - 1; break; }
        pos = end;
      }
      // Next start: after the next hyphen inside this token (searched within the token only: a search to the
      // end of a text without hyphens made the scan quadratic).
      let h = pos + 1;
      while (h < t.end && text.charCodeAt(h) !== 45) h++;
      if (h >= t.end - 1) break;
      pos = h + 1;
    }
  }
  return out;
}

/** Longest gazetteer entry starting at `pos` and ending at a word boundary, or null. */
function matchAt(ctx: Ctx, pos: number): GazEntry | null {
  const { text } = ctx;
  const arr = ctx.lex.gaz.get(text.slice(pos, pos + 2));
  if (!arr) return null;
  for (const e of arr) {
    if (!text.startsWith(e.surface, pos)) continue;
    const end = pos + e.surface.length;
    const next = text[end];
    // Boundary: not inside a longer word; a dotted acronym may be followed by anything but a letter.
    if (next !== undefined && (isLetter(next) || /\d/.test(next))) continue;
    return e;
  }
  return null;
}
