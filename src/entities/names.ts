/**
 * Name candidates: NER mentions (with GermEval-style -deriv/-part labels), names right after a title
 * ("Premierminister Fumio Kishida" — the one lexicon fallback for persons), acronyms introduced in
 * parentheses, and a document-level rescan for further occurrences of names already found.
 */
import type { NerMention } from '../ml/ner-stage.js';
import type { EntityType } from '../contract/schema.js';
import type { Ctx, Cand } from './context.js';
import { foldKey, isUpper, isLetter } from './context.js';
import type { TitleHit } from './roles.js';
import { statusWord } from './roles.js';
import { compoundHead } from './lexicon.js';
import { wellFormedSpan, nameAfterInnerRole, bareTitle, saneType } from './span-sanity.js';

const TYPES: Record<NerMention['type'], EntityType> = { PER: 'person', ORG: 'organization', LOC: 'location', OTH: 'other' };

/** Turns NER mentions into candidates; a gazetteer hit on the same span wins (type sanity: "Japan" is never a person). */
export function nerCandidates(ctx: Ctx, ner: NerMention[], gaz: Cand[]): Cand[] {
  const { text, toks, lex } = ctx;
  const gazAt = new Map<number, Cand>();
  for (const g of gaz) gazAt.set(g.start, g);
  const gazSorted = gaz.slice().sort((a, b) => a.start - b.start);
  const gazEnds = maxEnds(gazSorted);
  const headings = ctx.doc.paragraphs.filter((p) => p.heading);
  const personEnds = new Set<string>();
  for (const m of ner) if (m.type === 'PER' && !m.derived) personEnds.add(toks[m.tokenEnd - 1].text);
  const out: Cand[] = [];
  for (const m of ner) {
    let ts = m.tokenStart, te = m.tokenEnd;
    if (ts >= te || ctx.excluded[ts] || ctx.excluded[te - 1]) continue;
    let type = TYPES[m.type] ?? 'other';
    if (m.derived === 'deriv') continue; // demonyms come from the gazetteer; unknown derivations are not names
    if (m.derived === 'part') {
      const part = compoundPart(ctx, ts, gazSorted, gazEnds);
      if (part) out.push({ ...part, type });
      continue;
    }
    // A name never crosses an unbalanced bracket or quote mark, nor a sentence-final mark ("Harry] Truman").
    const wf = wellFormedSpan(ctx, ts, te);
    if (!wf) continue;
    [ts, te] = wf;
    // Drop leading determiners and status words the tagger may have included ("Former Treasury").
    while (ts < te - 1 && (lex.determiners.has(ctx.low[ts]) || statusWord(ctx, ctx.low[ts]))) ts++;
    // … and a title or honorific before a person's name ("Rep. Tuan Ngo", "Mr. Lee"): the title is found as a title.
    while (type === 'person' && ts < te - 1 && isUpper(toks[ts + 1].text[0]) && (isRoleWord(ctx, ts) || lex.personWords.has(ctx.low[ts].replace(/\.$/, '')))) ts++;
    // … also one further in ("Indiens Premier Modi"); a person that is only a title is none ("Supreme Leader").
    // (Another type too when its last word ends a person's name elsewhere: "Indiens Premier Modi" read as one
    // organisation; "Afghanistan Analysts Network" stays whole.)
    const role = (t: number) => isRoleWord(ctx, t);
    if (type === 'person' || personEnds.has(toks[te - 1].text)) ts = nameAfterInnerRole(ctx, ts, te, role);
    if (type === 'person' && bareTitle(ctx, ts, te, role)) continue;
    // … and a compound descriptor before an organisation's name ("Spezialchemiekonzern Rheinfeld AG",
    // "Privatbank Hauck Weber"); a bare head stays, it is often part of the name ("Universität Passau").
    if (type === 'organization' && te - ts >= 2 && isUpper(toks[ts + 1].text[0]) && compoundDescriptor(ctx, ts) && nameAfterDescriptor(ctx, ts + 1, te, gazSorted, gazEnds)) ts++;
    // "U.S. Steel" read as a place and a word: a country followed by a company word is that company.
    if (type === 'location' && te < toks.length && isUpper(toks[te].text[0]) && lex.words.companyNameWords?.includes(ctx.low[te])) { te++; type = 'organization'; }
    let start = toks[ts].start;
    let end = toks[te - 1].end;
    let genitive = false;
    // English possessive inside or right after the span.
    for (const c of lex.words.possessiveClitics) {
      if (text.slice(start, end).endsWith(c) && end - c.length > start) { end -= c.length; genitive = true; if (toks[te - 1].start >= end) te--; break; }
      if (text.startsWith(c, end) && !isLetter(text[end + c.length])) { genitive = true; break; }
    }
    const g = gazAt.get(start);
    if (g && (g.end === end || g.end === end - 1 || g.end >= end)) continue; // the gazetteer covers it
    // Type sanity: a person's name never begins with a country ("U.S. Steel" tagged as a person is a company).
    if (type === 'person' && g && g.type === 'location' && g.end < end) type = 'organization';
    const surface = text.slice(start, end);
    if (!/\p{L}/u.test(surface)) continue;
    // Platforms are organisations; a lone letter is no person, an all-caps word tagged as one is an acronym.
    const sane = saneType(ctx, surface, type, te - ts);
    if (!sane) continue;
    type = sane;
    // Type sanity: a span made only of known countries ("USA Taiwan") is those countries, not one name.
    if (coveredByGazetteer(text, start, end, gazSorted, gazEnds)) continue;
    // An all-caps word in a heading is a heading ("RISKISCHE SEEN"), unless it is a known acronym.
    if (!/\p{Ll}/u.test(surface) && surface.length > 4 && inHeading(headings, start)) continue;
    // A language, currency or sport is not an actor ("spricht Englisch", "Dollar", "Golf spielen").
    if (te - ts === 1 && nonActorWord(ctx, surface, type)) continue;
    // A portfolio before an office holder's title belongs to the title: "Commerce Secretary Howard Lutnick"
    // ("Treasury official" stays an official of the Treasury).
    if (te - ts === 1 && te < toks.length && lex.portfolios.has(ctx.low[ts]) && portfolioTitleAt(ctx, te)) continue;
    // A ticker after a stock word is no actor: "The stock (KSTR) fell", "die Aktie (KSTR)".
    if (te - ts === 1 && tickerAt(ctx, ts)) continue;
    // A role word is not a name ("Senior Fellow" tagged as a place).
    if (te - ts === 1 && isRoleWord(ctx, ts)) continue;
    out.push({ start, end, tokenStart: ts, tokenEnd: te, type, kind: 'name', genitive, surface, key: foldKey(surface), source: 'ner' });
  }
  return out;
}

function tickerAt(ctx: Ctx, t: number): boolean {
  const words = ctx.lex.words.stockWords;
  if (!words || t < 2 || t + 1 >= ctx.toks.length) return false;
  return ctx.toks[t - 1].text === '(' && ctx.toks[t + 1].text === ')' && !/\p{Ll}/u.test(ctx.toks[t].text) && words.includes(ctx.low[t - 2]);
}

/** Running maximum of `end` over candidates sorted by start: lets a binary search skip those ending before a point. */
function maxEnds(sorted: Cand[]): Int32Array {
  const out = new Int32Array(sorted.length);
  let m = -1;
  for (let i = 0; i < sorted.length; i++) { m = Math.max(m, sorted[i].end); out[i] = m; }
  return out;
}

/** First index in `sorted` whose candidate (or an earlier one) reaches past `pos`. */
function firstReaching(ends: Int32Array, pos: number): number {
  let lo = 0, hi = ends.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid] <= pos) lo = mid + 1; else hi = mid; }
  return lo;
}

function coveredByGazetteer(text: string, start: number, end: number, gaz: Cand[], ends: Int32Array): boolean {
  let pos = start;
  for (let i = firstReaching(ends, start); i < gaz.length && gaz[i].start < end; i++) {
    const g = gaz[i];
    if (g.end <= pos) continue;
    if (g.start > pos && /\p{L}/u.test(text.slice(pos, g.start))) return false;
    pos = Math.max(pos, g.end);
  }
  return pos > start && !/\p{L}/u.test(text.slice(pos, end));
}

/** Paragraphs are in text order: binary search for the one containing `pos`. */
function inHeading(headings: { start: number; end: number }[], pos: number): boolean {
  let lo = 0, hi = headings.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (headings[mid].end <= pos) lo = mid + 1; else hi = mid; }
  return lo < headings.length && headings[lo].start <= pos;
}

/**
 * A word from lang/<code>/entities/non-actors.tsv, as written or without a plural/case ending ("Dollars"); in a
 * language that writes compounds, also a place/"other" compound starting with a sport ("Golfplatz", "Tennisplatz");
 * organisations and persons are spared.
 */
function nonActorWord(ctx: Ctx, surface: string, type: EntityType): boolean {
  const { lex } = ctx;
  if (!lex.nonActors.size) return false;
  const lw = surface.toLowerCase();
  if (lex.nonActors.has(lw)) return true;
  for (const e of lex.words.nounEndings) if (e && lw.length > e.length + 2 && lw.endsWith(e) && lex.nonActors.has(lw.slice(0, -e.length))) return true;
  if (!lex.words.compoundHeads || type === 'organization' || type === 'person' || lw.includes('-')) return false;
  for (const w of lex.nonActorPrefixes) if (lw.length >= w.length + 3 && lw.startsWith(w)) return true;
  return false;
}

/** A role word that a portfolio word makes a title of ("Secretary" in "Commerce Secretary"): words.json portfolioPairs. */
function portfolioTitleAt(ctx: Ctx, t: number): boolean {
  const pairs = ctx.lex.words.portfolioPairs;
  if (!pairs?.length) return false;
  const lw = ctx.low[t];
  return pairs.some(([title]) => title === lw || ctx.lex.roleSingulars.get(lw) === title);
}

/** A capitalised compound ending in an organisation head, with a first part of its own ("Privatbank", not "Bank"). */
const BARE_DESCRIPTOR_KINDS = new Set(['company', 'media', 'union']);

function compoundDescriptor(ctx: Ctx, t: number): boolean {
  const { lex } = ctx;
  if (!lex.words.compoundHeads) return false;
  const m = compoundHead(ctx.low[t], lex.words.orgEndings ?? [''], lex.orgHeads, lex.orgHeadLengths);
  // A bare head describes too when it names no kind of body that takes it into its name: "Gewerkschaft IG BCE",
  // "Konzern Nordstahl" (but "Universität Passau", "Stiftung Nordbrücke", "Regierung Merz" keep it).
  return !!m && (m.stem.length > m.head.length || BARE_DESCRIPTOR_KINDS.has(lex.orgHeads.get(m.head)?.kind ?? ''));
}

/** What follows a descriptor is a name of its own: not only a legal form ("Commerzbank AG"), not a place ("Landesbank Hessen"). */
function nameAfterDescriptor(ctx: Ctx, from: number, to: number, gaz: Cand[], gazEnds: Int32Array): boolean {
  const legal = ctx.lex.words.legalForms ?? [];
  let named = false;
  for (let t = from; t < to; t++) if (!legal.includes(ctx.low[t])) named = true;
  return named && !coveredByGazetteer(ctx.text, ctx.toks[from].start, ctx.toks[to - 1].end, gaz, gazEnds);
}

export function isRoleWord(ctx: Ctx, t: number): boolean {
  const { lex, low } = ctx;
  if (lex.words.compoundHeads) return compoundHead(low[t], lex.words.nounEndings, lex.roleHeads, lex.roleHeadLengths) !== null;
  return lex.rolePhrases.get(low[t])?.some((p) => p.length === 1) ?? false;
}

/** The name inside a hyphenated compound ("Trump" in "Trump-Kampagne"): its first capitalised part that is not the head. */
function compoundPart(ctx: Ctx, t: number, gaz: Cand[], gazEnds: Int32Array): Omit<Cand, 'type'> | null {
  const tok = ctx.toks[t];
  const parts = tok.text.split('-');
  if (parts.length < 2) return null;
  let off = tok.start;
  for (let p = 0; p < parts.length - 1; p++) {
    const s = parts[p];
    const start = off;
    off = start + s.length + 1;
    if (!isUpper(s[0]) || s.length < 2) continue;
    // The name is every part before the head: "IG-BCE" in "IG-BCE-Vorstandsmitglied", "Tour-de-France" in "Tour-de-France-Sieger".
    const end = tok.start + parts.slice(0, parts.length - 1).join('-').length;
    for (let g = firstReaching(gazEnds, start); g < gaz.length && gaz[g].start <= start; g++) if (gaz[g].end >= start + s.length) return null;
    const surface = ctx.text.slice(start, end);
    return { start, end, tokenStart: t, tokenEnd: t + 1, kind: 'compound', genitive: false, surface, key: foldKey(surface), source: 'ner' };
  }
  return null;
}

const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'bin', 'al', 'el', 'le', 'la', 'di', 'du', 'ter', 'zu', 'ibn']);

/** A word that can be part of a person's name after a title: capitalised, not a function word, role word or known place. */
function nameShaped(ctx: Ctx, i: number, covered: Uint8Array, titles: Set<number>): boolean {
  const t = ctx.toks[i].text;
  if (!isUpper(t[0]) || covered[i] || titles.has(i) || ctx.excluded[i]) return false;
  if (!/\p{Ll}/u.test(t) && !/^\p{Lu}\.$/u.test(t)) return false; // all caps: headings and acronyms
  const lw = ctx.low[i];
  if (ctx.lex.stopNames.has(lw) || ctx.lex.determiners.has(lw) || ctx.lex.personWords.has(lw.replace(/\.$/, ''))) return false;
  if (statusWord(ctx, lw)) return false;
  return /^[\p{L}'’.-]+$/u.test(t);
}

/** An indefinite article before the title, over lower-case modifiers ("einem örtlichen Bauunternehmer"). */
function indefiniteBefore(ctx: Ctx, t: number): boolean {
  for (let k = t - 1; k >= 0 && k >= t - 3 && ctx.sentOf[k] === ctx.sentOf[t]; k--) {
    if (ctx.lex.indefinite.has(ctx.low[k])) return true;
    if (!/^\p{Ll}+$/u.test(ctx.toks[k].text)) return false;
  }
  return false;
}

/**
 * Persons named right after a title ("Senator Bill Hagerty", "US-Botschafter, Shigeo Yamada,") where no
 * NER mention covers them. Needs two name-shaped words (or one before a closing comma/verb after a title
 * that is not sentence-initial) — a name guesser this is not.
 */
export function titledNames(ctx: Ctx, hits: TitleHit[], covered: Uint8Array): Cand[] {
  const { toks, text } = ctx;
  const titleTok = new Set<number>();
  for (const h of hits) for (let t = h.headStart; t < h.headEnd; t++) titleTok.add(t);
  const out: Cand[] = [];
  for (const h of hits) {
    let i = h.headEnd;
    const comma = i < toks.length && toks[i].text === ',';
    if (comma) i++;
    // "Herr"/"Mr." between title and name
    if (i < toks.length && ctx.lex.personWords.has(ctx.low[i].replace(/\.$/, ''))) i++;
    let j = i;
    while (j < toks.length && j - i < 4) {
      if (nameShaped(ctx, j, covered, titleTok)) { j++; continue; }
      if (PARTICLES.has(ctx.low[j]) && j + 1 < toks.length && j > i && nameShaped(ctx, j + 1, covered, titleTok)) { j++; continue; }
      break;
    }
    const n = j - i;
    if (n === 0) continue;
    const after = j < toks.length ? toks[j].text : '.';
    if (comma && !/^[,.;:)]$/.test(after)) continue; // "…, Trump werde" is no apposition
    if (n === 1 && isUpper(after[0])) continue; // "Präsident Trump" yes; a capitalised word after it: unsure
    // "von einem Bauunternehmer Geschenke": an indefinite title introduces nobody by a bare surname (German nouns are capitalised).
    if (n === 1 && indefiniteBefore(ctx, h.headStart)) continue;
    const start = toks[i].start, end = toks[j - 1].end;
    const surface = text.slice(start, end);
    out.push({ start, end, tokenStart: i, tokenEnd: j, type: 'person', kind: 'name', genitive: false, surface, key: foldKey(surface), source: 'title' });
    for (let t = i; t < j; t++) covered[t] = 1;
  }
  return out;
}

/**
 * Acronyms introduced in parentheses right after a name: "Liberaldemokratische Partei (LDP)" —
 * the acronym becomes a candidate of the same entity (linked in clustering through `aliasOf`).
 */
export function parentheticalAcronyms(ctx: Ctx, cands: Cand[]): { acronym: Cand; of: Cand }[] {
  const { toks, text } = ctx;
  const byEnd = new Map<number, Cand>();
  for (const c of cands) if (c.kind !== 'demonym' && c.kind !== 'compound') {
    const prev = byEnd.get(c.tokenEnd);
    if (!prev || c.end - c.start > prev.end - prev.start) byEnd.set(c.tokenEnd, c);
  }
  const byStart = new Map<number, Cand>();
  for (const x of cands) if (!byStart.has(x.start)) byStart.set(x.start, x);
  const out: { acronym: Cand; of: Cand }[] = [];
  for (const [te, c] of byEnd) {
    if (te + 2 >= toks.length || toks[te].text !== '(' || toks[te + 2].text !== ')') continue;
    const a = toks[te + 1];
    const allCaps = /^[\p{Lu}\d][\p{Lu}\d.&-]{1,9}$/u.test(a.text) && /\p{Lu}/u.test(a.text);
    // German press writes many acronyms in title case ("Wada", "Nato"): accepted when they are the name's initials.
    if (!allCaps && !(/^\p{Lu}\p{Ll}{1,7}$/u.test(a.text) && initialsOf(c.surface) === foldKey(a.text))) continue;
    const existing = byStart.get(a.start);
    const of = abbreviated(a.text, c, byEnd);
    const acronym: Cand = existing ?? {
      start: a.start, end: a.end, tokenStart: te + 1, tokenEnd: te + 2, type: of.type, kind: 'acronym', genitive: false,
      surface: text.slice(a.start, a.end), key: foldKey(a.text), source: 'acronym',
    };
    out.push({ acronym, of });
  }
  return out;
}

/** First letters of a name's words and hyphenated parts: "Welt-Anti-Doping-Agentur" → "wada". */
function initialsOf(name: string): string {
  return foldKey(name.replace(/-/g, ' ')).split(' ').map((w) => w.charAt(0)).join('');
}

/**
 * The name an acronym abbreviates: the one right before the parenthesis, unless its initial differs from the
 * acronym's and a name just before it matches ("Liberaldemokratischen Partei Japans (LDP)": the party, not Japan).
 */
function abbreviated(acronym: string, last: Cand, byEnd: Map<number, Cand>): Cand {
  const initial = (s: string) => foldKey(s).charAt(0);
  const a = initial(acronym);
  if (initial(last.surface) === a) return last;
  let c: Cand | undefined = last;
  for (let step = 0; step < 2 && c; step++) {
    c = byEnd.get(c.tokenStart);
    if (c && initial(c.surface) === a) return c;
  }
  return last;
}

/**
 * Further occurrences of known names that no candidate covers: "Kishida" later in the text, "LDP-Vorsitzenden",
 * German genitives ("Asos"). `names` maps a surface form to the candidate it copies type and key from.
 */
export function rescanNames(ctx: Ctx, names: Map<string, Cand>, covered: Uint8Array): Cand[] {
  const { toks, text, lex } = ctx;
  const out: Cand[] = [];
  const byFirst = new Map<string, string[]>();
  for (const s of names.keys()) {
    const k = s.slice(0, 2);
    let arr = byFirst.get(k);
    if (!arr) byFirst.set(k, (arr = []));
    arr.push(s);
  }
  for (const arr of byFirst.values()) arr.sort((a, b) => b.length - a.length);
  for (let i = 0; i < toks.length; i++) {
    if (covered[i] || ctx.excluded[i]) continue;
    const pos = toks[i].start;
    const arr = byFirst.get(text.slice(pos, pos + 2));
    if (!arr) continue;
    for (const s of arr) {
      if (!text.startsWith(s, pos)) continue;
      let end = pos + s.length;
      let genitive = false;
      let kind: Cand['kind'] = 'name';
      const next = text[end];
      if (next !== undefined && isLetter(next)) {
        const g = lex.words.genitiveSuffixes.find((x) => text.startsWith(x, end) && !isLetter(text[end + x.length]));
        if (g === undefined) continue;
        genitive = true;
        end += g.length;
      }
      if (next === '-' && end < toks[ctx.tokenAt(end - 1)].end) kind = 'compound';
      for (const c of lex.words.possessiveClitics) if (text.startsWith(c, end) && !isLetter(text[end + c.length])) genitive = true;
      const te = ctx.tokenAt(end - 1) + 1;
      let blocked = false;
      for (let t = i; t < te; t++) if (covered[t]) blocked = true;
      if (blocked) continue;
      const src = names.get(s)!;
      out.push({ start: pos, end, tokenStart: i, tokenEnd: te, type: src.type, kind: kind === 'compound' ? 'compound' : genitive ? 'possessive' : src.kind === 'acronym' ? 'acronym' : 'name', genitive, surface: s, key: src.key, source: 'rescan', target: src.target, entity: src.entity });
      for (let t = i; t < te; t++) covered[t] = 1;
      i = te - 1;
      break;
    }
  }
  return out;
}
