/**
 * Organisation names the tagger missed, found after a company-like descriptor: "den Stahlhersteller Nordstahl",
 * "the steelmaker Nordstahl". The lexicon fallback for organisations, as titles are for persons: a descriptor
 * word (organization-heads.tsv, kinds that only name with a name of their own) right before a name-shaped word.
 * German capitalises every noun ("sollte der Konzern Stellen abbauen"), so there the word must recur in the text.
 */
import type { Ctx, Cand } from './context.js';
import { foldKey, isUpper } from './context.js';
import { orgHeadAt, NAMED_ONLY_KINDS } from './org-phrases.js';
import { statusWord } from './roles.js';

const MAX_WORDS = 3;

export function describedNames(ctx: Ctx, covered: Uint8Array): Cand[] {
  const { toks, low, lex, text } = ctx;
  const german = !!lex.words.capitalizedNouns;
  const legal = lex.words.legalForms ?? [];
  let counts: Map<string, number> | null = null;
  const out: Cand[] = [];
  for (let i = 0; i + 1 < toks.length; i++) {
    if (ctx.excluded[i] || covered[i]) continue;
    const h = orgHeadAt(ctx, i);
    if (!h || !NAMED_ONLY_KINDS.has(h.head.kind)) continue;
    // English descriptors are common nouns; a capitalised one is part of a name ("Union Pacific").
    if (!german && isUpper(toks[i].text[0])) continue;
    // The descriptor is a noun phrase of its own: a determiner (over lower-case adjectives) or nothing before it.
    if (!determinedOrBare(ctx, i)) continue;
    const from = h.end;
    let j = from;
    while (j < toks.length && j - from < (german ? 1 : MAX_WORDS) && nameWord(ctx, j, covered)) j++;
    if (j === from) continue;
    while (j < toks.length && legal.includes(low[j])) j++; // "Nordstahl AG"
    if (german) {
      counts ??= tokenCounts(ctx);
      const w = toks[from].text.replace(/s$/, '');
      if ((counts.get(w) ?? 0) + (counts.get(w + 's') ?? 0) < 2) continue;
    }
    const start = toks[from].start, end = toks[j - 1].end;
    const surface = text.slice(start, end);
    out.push({ start, end, tokenStart: from, tokenEnd: j, type: 'organization', kind: 'name', genitive: false, surface, key: foldKey(surface), source: 'title' });
    for (let t = from; t < j; t++) covered[t] = 1;
    i = j - 1;
  }
  return out;
}

function determinedOrBare(ctx: Ctx, i: number): boolean {
  if (!ctx.lex.words.capitalizedNouns) return true; // English: the capital letter after the descriptor is the signal
  if (i === 0 || ctx.sentOf[i - 1] !== ctx.sentOf[i]) return true;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (ctx.lex.determiners.has(ctx.low[k])) return true;
    if (!/^\p{Ll}+$/u.test(ctx.toks[k].text)) return false;
  }
  return false;
}

function nameWord(ctx: Ctx, j: number, covered: Uint8Array): boolean {
  const t = ctx.toks[j].text;
  if (!isUpper(t[0]) || covered[j] || ctx.excluded[j]) return false;
  if (!/\p{Ll}/u.test(t) || !/^[\p{L}'’&-]+$/u.test(t)) return false;
  const lw = ctx.low[j];
  if (ctx.lex.stopNames.has(lw) || ctx.lex.determiners.has(lw) || ctx.lex.personWords.has(lw) || statusWord(ctx, lw)) return false;
  return !orgHeadAt(ctx, j);
}

function tokenCounts(ctx: Ctx): Map<string, number> {
  const m = new Map<string, number>();
  for (let k = 0; k < ctx.toks.length; k++) if (!ctx.excluded[k]) { const t = ctx.toks[k].text; m.set(t, (m.get(t) ?? 0) + 1); }
  return m;
}
