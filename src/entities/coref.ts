/**
 * The entities stage's side of reference resolution: places used as places ("in Tokio", "a Tokyo-based"),
 * ages in apposition ("Trump, 77,"), and the hand-over to the shared resolver (src/references/) for
 * pronouns, age descriptions and definite role and organisation descriptions. Links come back as candidates.
 */
import type { Ctx, Cand } from './context.js';
import type { CandIndex } from './cand-index.js';
import type { RolePhrase } from './roles.js';
import { orgHeadAt } from './org-phrases.js';
import { referenceLexicon, resolvePronouns as resolvePersonalPronouns, ageDescriptions as ageReferences, organisationDescriptions, roleDescriptions, type GenderBook, type RefLink } from '../references/index.js';

export type Gender = GenderBook;

/** Youngest and oldest age an apposition "Name, 77," may state (set by hand: adults in the news). */
const MIN_APPOSITION_AGE = 16;
const MAX_APPOSITION_AGE = 110;

/** Capitals and countries used as places ("in Tokio", "a Tokyo-based", "nach Peking") rather than as actors. */
export function markLocative(ctx: Ctx, cands: Cand[]): void {
  const { low, lex, toks } = ctx;
  const basedSuffixes = lex.words.basedSuffixes ?? [];
  for (const c of cands) {
    if (c.target?.kind !== 'country' || c.kind === 'demonym') continue;
    // "Brüssel unterschätze …": as an actor the capital is an organisation (data: lang/_shared/metonyms.tsv).
    const meton = c.kind === 'capital' ? lex.metonyms.get(c.surface) : undefined;
    let j = c.tokenStart - 1;
    if (j >= 0 && lex.determiners.has(low[j])) j--;
    const prepBefore = j >= 0 && (lex.locative.has(low[j]) || lex.placeVerbs.has(low[j])) && toks[j].end <= c.start;
    const basedAfter = c.tokenEnd < toks.length && lex.basedIn.has(low[c.tokenEnd]);
    const basedGlued = basedSuffixes.some((s) => low[c.tokenStart].endsWith(s));
    if (prepBefore || basedAfter || basedGlued) c.locative = true;
    else if (meton) { c.target = meton; c.type = meton.type; }
  }
}

function toCand(ctx: Ctx, l: RefLink): Cand {
  const s = ctx.toks[l.tokenStart].start, e = ctx.toks[l.tokenEnd - 1].end;
  return { start: s, end: e, tokenStart: l.tokenStart, tokenEnd: l.tokenEnd, type: l.type, kind: l.kind, genitive: false,
    surface: ctx.text.slice(s, e), key: ctx.low[l.tokenEnd - 1], source: 'rescan', entity: l.entity };
}

export function resolvePronouns(ctx: Ctx, idx: CandIndex, gender: Gender): Cand[] {
  return resolvePersonalPronouns(ctx, idx, referenceLexicon(ctx.doc.language), gender).map((l) => toCand(ctx, l));
}

/** "der 77-Jährige", "the 77-year-old" → the salient person, with an age; "Trump, 77," → age only. */
export function ageDescriptions(ctx: Ctx, idx: CandIndex, ages: Map<string, number>): Cand[] {
  const { toks, lex } = ctx;
  for (let t = 1; t + 1 < toks.length; t++) {
    if (ctx.excluded[t] || !lex.ageApposition.test(toks[t].text)) continue;
    if (!/^[,)]$/.test(toks[t + 1].text) || !/^[,(]$/.test(toks[t - 1].text)) continue;
    const c = idx.endingAt(t - 2, (x) => x.type === 'person' && !!x.entity && x.kind !== 'pronoun');
    const age = Number(toks[t].text);
    if (c && age >= MIN_APPOSITION_AGE && age <= MAX_APPOSITION_AGE) ages.set(c.entity!, age);
  }
  return ageReferences(ctx, idx, referenceLexicon(ctx.doc.language), ages).map((l) => toCand(ctx, l));
}

/** "des Botschafters" → the one holder of that role; "die Partei" → the one party in the article. */
export function definiteDescriptions(ctx: Ctx, idx: CandIndex, phrases: RolePhrase[], orgKinds: Map<string, string>): Cand[] {
  const { lex, toks } = ctx;
  const inner = (p: RolePhrase) => !!p.demonym && p.demonym.tokenStart === p.hit.headStart;
  const roles = phrases.map((p) => ({
    head: p.hit.head, holder: p.holder, former: p.status === 'former' || p.status === 'late',
    // A bare definite title: "der ehemalige nationale Sicherheitsberater …" (modifiers) is a new referent.
    open: !p.possessor && !p.ofCand && (!p.demonym || inner(p)) && !!p.determiner && lex.definite.has(p.determiner) && p.titleFrom === p.hit.headStart,
    // A country prefix inside the head ("der US-Präsident") keys the role; a demonym before it is a new referent.
    of: p.demonym && inner(p) ? p.demonym.entity ?? p.demonym.target?.id ?? null : null,
    tokStart: p.tokStart, headEnd: p.hit.headEnd,
  }));
  const orgHead = (t: number) => {
    if (idx.covered[t]) return null;
    const h = orgHeadAt(ctx, t);
    // Only a plain head standing alone ("die Partei", not "die Partei Japans" with a name after it).
    if (!h || (h.end < toks.length && idx.startingAt(h.end))) return null;
    return { kind: h.head.kind, end: h.end };
  };
  const refs = referenceLexicon(ctx.doc.language);
  return [...roleDescriptions(roles), ...organisationDescriptions(ctx, refs, orgKinds, orgHead)].map((l) => toCand(ctx, l));
}
