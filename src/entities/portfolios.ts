/**
 * A portfolio ties an office holder to the ministry of that portfolio which the article names:
 * "Commerce Secretary Howard Lutnick" … "the U.S. Commerce Department" → a role of the United States.
 * Which title heads pair with which organisation heads is data (words.json `portfolioPairs`): only pairs that
 * name one office are listed ("secretary"/"department"), so an unqualified German "Wirtschaftsminister" in a
 * Berlin story is not read as the minister of "das französische Wirtschaftsministerium" named later.
 * Applied only where the phrase itself names no country or owner, and only when exactly one country matches.
 */
import type { Ctx } from './context.js';
import { foldKey } from './context.js';
import type { RolePhrase } from './roles.js';

/** A ministry the article names: its display name and the country it belongs to. */
export interface Ministry { name: string; country: string }

/** Portfolio words in [from, to) ("commerce" in "Commerce Secretary"). */
function portfolioWords(ctx: Ctx, words: string[]): string[] {
  return words.filter((w) => ctx.lex.portfolios.has(w));
}

/** Sets `ofFallback` on role phrases that state no owner, from the one ministry of the same portfolio. */
export function linkPortfolios(ctx: Ctx, phrases: RolePhrase[], ministries: Ministry[], ofOf: (p: RolePhrase) => string | null): void {
  const pairs = ctx.lex.words.portfolioPairs ?? [];
  if (!pairs.length || !ministries.length) return;
  const ms = ministries.map((m) => {
    const words = foldKey(m.name).split(' ');
    return { m, words, portfolio: portfolioWords(ctx, words) };
  }).filter((x) => x.portfolio.length);
  for (const p of phrases) {
    if (ofOf(p) !== null) continue;
    const orgHeads = pairs.filter(([t]) => t === p.hit.head).map(([, o]) => o);
    if (!orgHeads.length) continue;
    const tp = portfolioWords(ctx, ctx.low.slice(p.titleFrom, p.hit.headEnd));
    if (!tp.length) continue;
    const countries = new Set<string>();
    for (const { m, words, portfolio } of ms) {
      if (orgHeads.some((h) => words.includes(h)) && tp.every((t) => portfolio.includes(t))) countries.add(m.country);
    }
    if (countries.size === 1) p.ofFallback = [...countries][0];
  }
}
