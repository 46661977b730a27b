/**
 * Well-formedness of tagged name spans (language-neutral punctuation only; words come from the lexicons):
 * a name never crosses an unbalanced bracket or quote mark ("Harry] Truman", a quote's first words) nor a
 * sentence-final mark inside it; a person is never a bare title ("Supreme Leader"), a role word before the
 * name is no part of it ("Indiens Premier Modi"); platforms ("X", "Truth Social") are organisations; a lone
 * letter is no person and an all-caps single word tagged as a person is an acronym of an organisation.
 */
import type { EntityType } from '../contract/schema.js';
import type { Ctx } from './context.js';
import { statusWord } from './roles.js';
import { roleNouns } from '../references/role-nouns.js';

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set(Object.values(OPEN));
/** Double quote marks of both traditions; single ones are left alone (apostrophes: "O'Sullivan", "Workers’ Party"). */
const QUOTES = new Set(['"', '“', '”', '„', '«', '»']);
/** Marks that end a sentence or clause: never inside a name. A final "." stays ("Charles III.", "Jr."). */
const BREAKS = new Set(['.', '!', '?', ';', ':']);

/** Tokens of [ts, te) that no name may contain: unmatched brackets, quote marks when they do not pair up, inner breaks. */
function badTokens(ctx: Ctx, ts: number, te: number): Set<number> {
  const bad = new Set<number>();
  const stack: number[] = [];
  const quotes: number[] = [];
  for (let t = ts; t < te; t++) {
    const w = ctx.toks[t].text;
    if (OPEN[w]) stack.push(t);
    else if (CLOSE.has(w)) {
      const o = stack.length ? stack[stack.length - 1] : -1;
      if (o >= 0 && OPEN[ctx.toks[o].text] === w) stack.pop(); else bad.add(t);
    } else if (QUOTES.has(w)) quotes.push(t);
    else if (BREAKS.has(w) && (t < te - 1 || w !== '.')) bad.add(t);
  }
  for (const o of stack) bad.add(o);
  if (quotes.length % 2) for (const q of quotes) bad.add(q);
  return bad;
}

/**
 * The well-formed part of a tagged span: the longest run between bad tokens that has a letter (ties: the last,
 * where a person's surname is). Null when none; the span itself when it is well-formed.
 */
export function wellFormedSpan(ctx: Ctx, ts: number, te: number): [number, number] | null {
  const bad = badTokens(ctx, ts, te);
  if (!bad.size) return [ts, te];
  let best: [number, number] | null = null;
  for (let a = ts; a < te;) {
    if (bad.has(a)) { a++; continue; }
    let b = a;
    while (b < te && !bad.has(b)) b++;
    const letters = ctx.toks.slice(a, b).some((tk) => /\p{L}/u.test(tk.text));
    if (letters && (!best || b - a >= best[1] - best[0])) best = [a, b];
    a = b;
  }
  return best;
}

/** A role word inside a person span before capitalised words: the name starts after it ("Republikaner Trump"). */
export function nameAfterInnerRole(ctx: Ctx, ts: number, te: number, isRole: (t: number) => boolean): number {
  for (let k = te - 2; k > ts; k--) {
    if (!isRole(k)) continue;
    for (let j = k + 1; j < te; j++) if (!/^\p{Lu}/u.test(ctx.toks[j].text)) return ts;
    return k + 1;
  }
  return ts;
}

/** A person span that is only a title: a role word last, only title modifiers, status or role words before it. */
export function bareTitle(ctx: Ctx, ts: number, te: number, isRole: (t: number) => boolean): boolean {
  // The last word may also be a noun that makes a tie without being a title of its own ("officer").
  const last = ctx.low[te - 1];
  const tieNoun = roleNouns(ctx.lex.lang).ties.some((r) => r.noun === last || r.noun + 's' === last);
  if (!isRole(te - 1) && !tieNoun) return false;
  for (let t = ts; t < te - 1; t++) {
    const lw = ctx.low[t];
    if (!isRole(t) && !ctx.lex.titleModifiers.has(lw) && !statusWord(ctx, lw) && !ctx.lex.portfolios.has(lw)) return false;
  }
  return true;
}

/** Type sanity for one-word and platform names; null drops the span. */
export function saneType(ctx: Ctx, surface: string, type: EntityType, words: number): EntityType | null {
  if (ctx.lex.platforms.has(surface)) return type === 'person' || type === 'other' || type === 'location' ? 'organization' : type;
  if (type !== 'person' || words !== 1) return type;
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 1) return null;
  if (!/\p{Ll}/u.test(letters)) return 'organization';
  return type;
}
