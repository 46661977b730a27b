/**
 * Organisations from phrases: "das japanische Außenministerium" (ministry of Japan), "die japanische Botschaft
 * in Washington", "Trumps Übergangsteam", "Trump-Kampagne", "the Japanese foreign ministry". Also gives named
 * organisations their kind from a descriptor ("das japanische Unternehmen Nippon Steel") or their own head
 * word ("Sasakawa Peace Foundation" → think_tank).
 */
import type { Ctx, Cand } from './context.js';
import { isUpper } from './context.js';
import type { CandIndex } from './cand-index.js';
import type { OrgHead } from './lexicon.js';
import { compoundHead } from './lexicon.js';
import { isRoleWord } from './names.js';

export interface OrgPhrase {
  head: OrgHead;
  /** Token range of the head word(s). */
  headStart: number;
  headEnd: number;
  /** The organisation's name as written, inflection dropped ("Außenministerium", "foreign ministry"). */
  headText: string;
  owner: Cand;
  /** How the owner is given: a demonym/adjective, a possessive/genitive, or the first part of a compound. */
  via: 'demonym' | 'possessive' | 'compound' | 'of';
  /** Span of the phrase (owner … head). */
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  location: Cand | null;
}

export interface OrgDescriptor {
  target: Cand; kind: string; country: Cand | null;
  /** A bare head that is part of the name ("Stiftung Nordbrücke", "Universität Tarvos"): its token index. */
  nameHead?: number;
}

/** Kinds whose bare head word begins the name itself rather than describing it. */
const HEAD_IN_NAME_KINDS = new Set(['think_tank', 'university']);

/** Organisation head at token i: German compound suffix on a capitalised word, or an English phrase. */
export function orgHeadAt(ctx: Ctx, i: number): { head: OrgHead; end: number; text: string } | null {
  const { lex, low, toks } = ctx;
  if (lex.words.compoundHeads) {
    const t = toks[i].text;
    if (!isUpper(t[0])) return null;
    const m = compoundHead(low[i], lex.words.orgEndings ?? [''], lex.orgHeads, lex.orgHeadLengths);
    if (!m) return null;
    // Keep the writer's case for the nominative form: "Außenministeriums" → "Außenministerium".
    return { head: lex.orgHeads.get(m.head)!, end: i + 1, text: t.slice(0, m.stem.length) };
  }
  const arr = lex.orgPhrases.get(low[i]);
  if (!arr) return null;
  for (const p of arr) {
    let ok = true;
    for (let k = 1; k < p.words.length && ok; k++) ok = i + k < toks.length && low[i + k] === p.words[k];
    if (ok) return { head: p.head, end: i + p.words.length, text: p.head.head };
  }
  return null;
}

/** Organisation kinds that become actors only with a name of their own (an owner alone does not single one out). */
export const NAMED_ONLY_KINDS = new Set(['company', 'media', 'think_tank', 'university', 'union', 'association']);

const nameLike = (c: Cand) => c.kind !== 'demonym' && c.kind !== 'pronoun' && c.kind !== 'description';

export function findOrgPhrases(ctx: Ctx, idx: CandIndex): { phrases: OrgPhrase[]; descriptors: OrgDescriptor[] } {
  const { toks, low, lex } = ctx;
  const phrases: OrgPhrase[] = [];
  const descriptors: OrgDescriptor[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (ctx.excluded[i]) continue;
    const h = orgHeadAt(ctx, i);
    if (!h) continue;
    // Inside a name: the head word only tells the named organisation's kind.
    const inName = idx.startingAt(i, nameLike) ?? findCovering(idx, i);
    // A name the tagger left untyped ("Other") that ends in an organisation word is that organisation ("Sierra Club").
    const otherOrg = inName && inName.type === 'other' && inName.source === 'ner' && !inName.target && inName.tokenEnd === h.end && inName.tokenStart < i;
    if (inName && (inName.type === 'organization' || otherOrg) && !(inName.tokenStart === i && inName.kind === 'compound')) {
      if (!inName.target) descriptors.push({ target: inName, kind: h.head.kind, country: null });
      i = h.end - 1;
      continue;
    }
    // Compound with a name as first part: "Trump-Kampagne", "Biden-Regierung".
    const part = idx.byStart[i]?.find((c) => c.kind === 'compound' && c.tokenEnd === i + 1 && c.entity) ?? null;
    // Look left over adjectives/determiners for a demonym or a possessive name.
    let owner: Cand | null = part;
    let via: OrgPhrase['via'] = 'compound';
    let start = i;
    let danglingDemonym: Cand | null = null;
    if (!owner) {
      for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
        // English place adjectives: a country or its capital owns ("the Beijing government"); a city does not
        // ("a Toronto law firm" names no organisation).
        const dem = idx.startingAt(j, (c) => (c.kind === 'demonym' || (!lex.words.capitalizedNouns && c.type === 'location' && !c.genitive && c.target?.kind === 'country')) && c.tokenEnd === j + 1);
        if (dem) { owner = dem; via = 'demonym'; start = j; break; }
        const gen = idx.endingAt(j, (c) => c.genitive && nameLike(c)) ?? (lex.words.possessiveClitics.includes(toks[j].text) ? idx.endingAt(j - 1, nameLike) : null);
        if (gen) { owner = gen; via = 'possessive'; start = gen.tokenStart; break; }
        const lw = low[j];
        if (lex.determiners.has(lw) || isUpper(toks[j].text[0]) || /^[,.;:()]$/.test(toks[j].text)) break;
      }
    }
    // Right side: "Außenministerium Japans", "Büro von Aso", "ministry of Japan".
    let end = h.end;
    if (!owner && end < toks.length) {
      const g = idx.startingAt(end, (c) => c.genitive && nameLike(c));
      if (g) { owner = g; via = 'of'; end = g.tokenEnd; }
      else if (lex.ofPreps.has(low[end]) && low[end] !== 'bei' && low[end] !== 'at') {
        const c = idx.startingAt(end + 1, nameLike) ?? (lex.determiners.has(low[end + 1] ?? '') ? idx.startingAt(end + 2, nameLike) : null);
        if (c && c.type !== 'other') { owner = c; via = 'of'; end = c.tokenEnd; }
      }
    }
    // A named organisation right after the head: the head describes it ("das japanische Unternehmen Nippon Steel").
    // A person-tagged name after a company word is a tagging slip ("grid operator Vanhove Netwerk"): retyped later.
    // So is a place-tagged one after a company or media word ("dem dänischen Netzbetreiber Nordgrid"): no
    // company is a place.
    const named = end === h.end && end < toks.length ? idx.startingAt(end, (c) => nameLike(c) && !c.target && (c.type === 'organization' || c.type === 'other' || (c.source === 'ner' && ((c.type === 'person' && h.head.kind !== 'office') || (c.type === 'location' && NAMED_ONLY_KINDS.has(h.head.kind)))))) : null;
    if (named) {
      const d: OrgDescriptor = { target: named, kind: h.head.kind, country: owner && owner.target?.kind === 'country' ? owner : null };
      if (HEAD_IN_NAME_KINDS.has(h.head.kind) && h.end === i + 1 && !owner && isUpper(toks[i].text[0]) && h.text.toLowerCase() === low[i] && low[i] === h.head.head) d.nameHead = i;
      descriptors.push(d);
      i = h.end - 1;
      continue;
    }
    // "… in Washington", "das Verteidigungsministerium in Berlin" (a ministry in a capital is that country's).
    let location: Cand | null = null;
    if (end < toks.length && lex.locative.has(low[end])) {
      const loc = idx.startingAt(end + 1, (c) => nameLike(c) && c.type === 'location');
      if (loc) location = loc;
    }
    if (!owner && location && location.kind === 'capital' && /^(ministry|government)$/.test(h.head.kind)) { owner = location; via = 'demonym'; location = null; }
    if (!owner || !owner.entity) continue;
    // "a German carmaker", "der dänische Netzbetreiber": an unnamed company, paper or institute is no actor of
    // its own; only bodies a country or a named actor has one of (ministry, embassy, government, team, office …).
    if (NAMED_ONLY_KINDS.has(h.head.kind)) continue;
    // "ein chinesisches Ministerium", "an embassy of Japan": an unspecified body is no actor either (unless the
    // article belongs to a role after it: "a Chinese foreign ministry spokesman").
    if (start > 0 && lex.indefinite.has(low[start - 1]) && !(end < toks.length && isRoleWord(ctx, end))) continue;
    // "Japans Botschaft an Trump" is a message: ambiguous heads need a demonym or a place ("in Washington").
    if (h.head.strict && via !== 'demonym' && via !== 'compound' && !location) continue;
    if (via === 'demonym') {
      // "das chinesische als auch das taiwanesische Außenministerium": an earlier demonym left hanging.
      for (let j = start - 1; j >= 0 && j >= start - 5; j--) {
        const d = idx.startingAt(j, (c) => c.kind === 'demonym' && c.tokenEnd === j + 1);
        if (d && j + 1 < toks.length && !isUpper(toks[j + 1].text[0]) && !orgHeadAt(ctx, j + 1)) { danglingDemonym = d; break; }
        if (/^[.;:()]$/.test(toks[j].text)) break;
      }
    }
    const mk = (o: Cand, s: number, e: number, ts: number, te: number): OrgPhrase => ({
      head: h.head, headStart: i, headEnd: h.end, headText: h.text, owner: o, via, start: s, end: e, tokenStart: ts, tokenEnd: te, location,
    });
    phrases.push(mk(owner, toks[start].start, toks[end - 1].end, start, end));
    if (danglingDemonym) {
      const d = danglingDemonym;
      phrases.push(mk(d, d.start, d.end, d.tokenStart, d.tokenEnd));
    }
    i = end - 1;
  }
  return { phrases, descriptors };
}

function findCovering(idx: CandIndex, i: number): Cand | null {
  for (let s = i; s >= Math.max(0, i - 6); s--) {
    const c = idx.startingAt(s, nameLike);
    if (c && c.tokenEnd > i) return c;
  }
  return null;
}
