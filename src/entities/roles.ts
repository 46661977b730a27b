/**
 * Titles and roles: finds role words ("Premierminister", "US-Botschafter", "national security adviser"),
 * grows each into a role phrase (status words, demonyms, possessor, modifiers, of-/to-phrases) and attaches
 * it to the entity holding it — a name right after it ("Senator Bill Hagerty"), an apposition before it
 * ("Michael Green, ein ehemaliger US-Beamter"), a relative clause or copula ("…, der … Premierminister war").
 */
import type { Role } from '../contract/schema.js';
import type { Ctx, Cand } from './context.js';
import { isUpper } from './context.js';
import type { CandIndex } from './cand-index.js';
import { compoundHead } from './lexicon.js';

/** A role word found in the text: tokens [headStart, headEnd). */
export interface TitleHit { headStart: number; headEnd: number; head: string }

export interface RolePhrase {
  hit: TitleHit;
  /** Token range of the whole phrase. */
  tokStart: number;
  tokEnd: number;
  /** First token of the title text (modifiers included). */
  titleFrom: number;
  title: string;
  status: Role['status'];
  explicitStatus: boolean;
  determiner: string | null;
  possessor: Cand | null;
  demonym: Cand | null;
  ofCand: Cand | null;
  toCand: Cand | null;
  /** "dessen Berater": the possessive relative makes the preceding name the owner, not the holder. */
  relativeOwner: boolean;
  holder: string | null;
  holderCand: Cand | null;
  basedIn: Cand | null;
  /** Entity the role is of when no word in the phrase says it (from the portfolio's ministry). */
  ofFallback?: string | null;
}

/** Pass 1: every role word (no entities needed). */
export function findTitles(ctx: Ctx, names: CandIndex): TitleHit[] {
  const { lex, toks, low } = ctx;
  const out: TitleHit[] = [];
  const w = lex.words;
  for (let i = 0; i < toks.length; i++) {
    if (ctx.excluded[i]) continue;
    // A role word inside a name ("General Motors", "Senior Fellow" is fine: not a name) is not a title.
    if (names.coveredWhole[i] && !isPersonStart(names, i)) continue;
    if (w.compoundHeads) {
      const t = toks[i].text;
      if (!isUpper(t[0])) continue;
      const stripped = stripStatusAffixes(ctx, low[i]);
      const m = compoundHead(stripped, w.nounEndings, lex.roleHeads, lex.roleHeadLengths);
      if (m) out.push({ headStart: i, headEnd: i + 1, head: m.head });
    } else {
      const phrases = lex.rolePhrases.get(stripStatusAffixes(ctx, low[i]));
      if (!phrases) continue;
      for (const p of phrases) {
        let ok = true;
        for (let k = 1; k < p.length && ok; k++) ok = i + k < toks.length && stripStatusAffixes(ctx, low[i + k]) === p[k];
        if (ok) { out.push({ headStart: i, headEnd: i + p.length, head: p[p.length - 1] }); i += p.length - 1; break; }
      }
    }
  }
  return out;
}

const isPersonStart = (names: CandIndex, i: number) => {
  const c = names.startingAt(i);
  return !!c && c.type === 'person' && c.tokenEnd > i + 1;
};

/** "Ex-Präsident" → "präsident", "minister-designate" → "minister". */
export function stripStatusAffixes(ctx: Ctx, lw: string): string {
  const w = ctx.lex.words;
  for (const p of Object.keys(w.statusPrefixes)) if (lw.startsWith(p) && lw.length > p.length + 2) return lw.slice(p.length);
  for (const s of Object.keys(w.statusSuffixes ?? {})) if (lw.endsWith(s) && lw.length > s.length + 2) return lw.slice(0, -s.length);
  return lw;
}

function affixStatus(ctx: Ctx, lw: string): Role['status'] {
  const w = ctx.lex.words;
  for (const [p, s] of Object.entries(w.statusPrefixes)) if (lw.startsWith(p)) return s;
  for (const [x, s] of Object.entries(w.statusSuffixes ?? {})) if (lw.endsWith(x)) return s;
  return null;
}

/** Status adjective ("ehemaliger", "verstorbene", "former", "late"), endings dropped. */
export function statusWord(ctx: Ctx, lw: string): Role['status'] {
  const w = ctx.lex.words;
  for (const e of w.adjectiveEndings) {
    if (e && !lw.endsWith(e)) continue;
    const s = w.status[e ? lw.slice(0, -e.length) : lw];
    if (s) return s;
  }
  return null;
}

/** A German attributive adjective ("nationaler", "stellvertretende") or a listed title modifier ("deputy"). */
function isModifier(ctx: Ctx, i: number): boolean {
  const lw = ctx.low[i];
  if (ctx.lex.titleModifiers.has(lw) || ctx.lex.portfolios.has(lw)) return true;
  if (ctx.lex.words.appositionAdverbs?.includes(lw)) return false; // "heute Aufsichtsratsvorsitzender"
  if (!ctx.lex.words.capitalizedNouns) return false;
  const t = ctx.toks[i].text;
  if (isUpper(t[0]) || ctx.lex.stopNames.has(lw) || ctx.lex.determiners.has(lw)) return false;
  return /\p{L}{3,}(e|er|en|es|em)$/u.test(lw) && !/(ten|chen)$/.test(lw);
}

const isNameCand = (c: Cand) => c.kind !== 'demonym' && c.kind !== 'description' && c.kind !== 'pronoun';

/** Pass 2 (after clustering): grow each role word into a phrase and find its holder. */
export function buildRolePhrases(ctx: Ctx, hits: TitleHit[], idx: CandIndex): RolePhrase[] {
  const { toks, low, lex, text } = ctx;
  const out: RolePhrase[] = [];
  for (const hit of hits) {
    let status: Role['status'] = affixStatus(ctx, low[hit.headStart]) ?? affixStatus(ctx, low[hit.headEnd - 1]);
    let explicitStatus = status !== null;
    let demonym: Cand | null = null;
    let possessor: Cand | null = null;
    let determiner: string | null = null;
    let basedIn: Cand | null = null;
    let titleFrom = hit.headStart;
    let modifiersContiguous = true;
    let start = hit.headStart;
    // A demonym/country prefix inside the head word ("US-Botschafter").
    const inner = idx.byStart[hit.headStart]?.find((c) => (c.kind === 'demonym' || c.kind === 'compound') && c.tokenEnd === hit.headStart + 1 && c.end < toks[hit.headStart].end) ?? null;
    if (inner) demonym = inner;

    for (let j = hit.headStart - 1; j >= 0 && j >= hit.headStart - 8; j--) {
      if (ctx.excluded[j]) break;
      const lw = low[j];
      const st = statusWord(ctx, lw) ?? affixStatus(ctx, lw);
      if (st) { if (!explicitStatus) { status = st; explicitStatus = true; } start = j; modifiersContiguous = false; continue; }
      const dem = idx.startingAt(j, (c) => c.kind === 'demonym' && c.tokenEnd === j + 1 && c.start === toks[j].start);
      if (dem) { demonym ??= dem; start = j; modifiersContiguous = false; continue; }
      // A portfolio word tagged as a name is the organisation the role is of ("Treasury official").
      if (isModifier(ctx, j) && !(lex.portfolios.has(lw) && idx.endingAt(j, isNameCand))) { if (modifiersContiguous) titleFrom = j; start = j; continue; }
      // English "'s" clitic token, or a genitive name ending here.
      const gen = idx.endingAt(j, (c) => c.genitive && isNameCand(c)) ?? (lex.words.possessiveClitics.includes(toks[j].text) ? idx.endingAt(j - 1, isNameCand) : null);
      if (gen) { possessor = gen; start = Math.min(gen.tokenStart, j); break; }
      // English adjectival country or organisation name: "U.S. President", "Reuters correspondent".
      const adj = !lex.words.capitalizedNouns ? idx.endingAt(j, (c) => isNameCand(c) && c.type !== 'person') : null;
      if (adj) { demonym ??= adj; start = adj.tokenStart; j = adj.tokenStart; modifiersContiguous = false; continue; }
      if (lex.basedIn.has(lw) || /-based$/.test(lw)) {
        // "ein in Tokio ansässiger", "a Tokyo-based": the place is an attribute, not part of the title.
        const place = /-based$/.test(lw) ? idx.startingAt(j) : findPlaceBefore(ctx, idx, j);
        if (place) basedIn = place;
        start = place && place.tokenStart < j ? Math.max(0, place.tokenStart - 1) : j;
        if (place && place.tokenStart < j && !lex.locative.has(low[start])) start = place.tokenStart;
        j = start;
        modifiersContiguous = false;
        continue;
      }
      if (lex.determiners.has(lw)) { determiner = lw; start = j; }
      break;
    }
    // Right side: "der USA", "Japans", "von Trump", "bei der … Foundation", "in Japan", "to Japan".
    let end = hit.headEnd;
    let ofCand: Cand | null = null;
    let toCand: Cand | null = null;
    let toPrep = -1;
    const g = idx.startingAt(end, (c) => c.genitive && isNameCand(c) && c.type !== 'person');
    if (g) { ofCand = g; end = g.tokenEnd; }
    else if (end < toks.length && (lex.ofPreps.has(low[end]) || (lex.words.titleOfArticles ?? []).includes(low[end]))) {
      const c = findNameAfter(ctx, idx, end + (lex.ofPreps.has(low[end]) ? 1 : 0), 7);
      if (c && (c.type !== 'person' || lex.ofPreps.has(low[end]))) { ofCand = c; end = c.tokenEnd; }
    }
    if (!ofCand && end < toks.length && lex.toPreps.has(low[end])) {
      const c = findNameAfter(ctx, idx, end + 1, 3);
      if (c && c.type === 'location') { toCand = c; toPrep = end; end = c.tokenEnd; }
    }
    let title = baseTitle(ctx, titleFrom, hit);
    // "Gesandter in Japan", "ambassador to the United States": the posting belongs to the title.
    if (toCand) title += ' ' + text.slice(toks[toPrep].start, toCand.end);
    out.push({
      hit, tokStart: start, tokEnd: end, titleFrom, title, status: status ?? 'current', explicitStatus,
      determiner, possessor, demonym, ofCand, toCand, relativeOwner: determiner === 'dessen' || determiner === 'deren' || determiner === 'whose',
      holder: null, holderCand: null, basedIn,
    });
  }
  for (const p of out) findHolder(ctx, p, idx);
  shareApposedHolders(ctx, out);
  return out;
}

/**
 * The title in its base form, so that one office reads the same in every sentence and article:
 * "des US-Präsidentschaftskandidaten" → "US-Präsidentschaftskandidat", "dem nationalen Sicherheitsberater" →
 * "nationaler Sicherheitsberater", "der Verteidigungsministerin" → "Verteidigungsministerin", "officials" → "official".
 * Words the lexicon does not know stay as written.
 */
export function baseTitle(ctx: Ctx, from: number, hit: TitleHit): string {
  const { toks, low, lex, text } = ctx;
  const w = lex.words;
  const words: string[] = [];
  for (let i = from; i < hit.headEnd; i++) words.push(toks[i].text);
  const tb = w.titleBase;
  const last = words.length - 1;
  if (!w.compoundHeads || !tb) {
    // Languages without compound heads: only a plural last word returns to its singular.
    const sg = lex.roleSingulars.get(low[hit.headEnd - 1]);
    if (sg) words[last] = matchCase(sg, words[last]);
    return joinTokens(ctx, from, hit.headEnd, words, text);
  }
  // The head noun: drop the case/plural ending the lexicon match stripped.
  const headText = words[last];
  const lw = low[hit.headEnd - 1];
  const stripped = stripStatusAffixes(ctx, lw);
  const m = compoundHead(stripped, w.nounEndings, lex.roleHeads, lex.roleHeadLengths);
  if (!m || tb.keepHeads.includes(m.head)) return joinTokens(ctx, from, hit.headEnd, words, text);
  const ending = stripped.slice(m.stem.length);
  const stemText = headText.slice(0, headText.length - ending.length);
  let gender: 'masculine' | 'feminine' | 'neuter' = 'masculine';
  let weak = false; // adjectival head in its -e form: adjectives take -e too ("stellvertretende Vorsitzende")
  if (tb.adjectivalHeads.includes(m.head)) {
    if (ending === 'er') words[last] = headText;
    else { words[last] = stemText + 'e'; weak = true; }
  } else if (tb.feminineEndings.includes(ending)) {
    words[last] = stemText + 'in';
    gender = 'feminine';
  } else {
    words[last] = stemText;
    if (tb.feminineSuffixes.some((x) => m.head.endsWith(x))) gender = 'feminine';
    else if (tb.neuterHeads.includes(m.head)) gender = 'neuter';
  }
  // Attributive adjectives before the head take the ending that goes with it.
  const adjEnd = weak ? 'e' : tb.adjectiveForms[gender];
  for (let k = 0; k < last; k++) {
    const i = from + k;
    if (isUpper(toks[i].text[0]) || lex.titleModifiers.has(low[i]) || lex.portfolios.has(low[i])) continue;
    const e = w.adjectiveEndings.find((x) => x && low[i].endsWith(x) && low[i].length > x.length + 2);
    if (e) words[k] = toks[i].text.slice(0, toks[i].text.length - e.length) + adjEnd;
  }
  return joinTokens(ctx, from, hit.headEnd, words, text);
}

/** Tokens [from, to) with their replacements, keeping the original spacing between them. */
function joinTokens(ctx: Ctx, from: number, to: number, words: string[], text: string): string {
  let out = words[0];
  for (let i = from + 1; i < to; i++) out += text.slice(ctx.toks[i - 1].end, ctx.toks[i].start) + words[i - from];
  return out;
}

const matchCase = (word: string, like: string) => (isUpper(like[0]) ? word.charAt(0).toUpperCase() + word.slice(1) : word);

/** "in Tokio ansässiger" → the place before the based-in word. */
function findPlaceBefore(ctx: Ctx, idx: CandIndex, j: number): Cand | null {
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    const c = idx.endingAt(k, isNameCand);
    if (c && c.type === 'location') return c;
  }
  return null;
}

/** The first name within `window` tokens from `from`, skipping determiners, adjectives and descriptor nouns. */
function findNameAfter(ctx: Ctx, idx: CandIndex, from: number, window: number): Cand | null {
  const { lex, low } = ctx;
  for (let k = from; k < Math.min(ctx.toks.length, from + window + 2); k++) {
    // Skip "in Tokio ansässigen" / "Tokyo-based": the place there describes, it is not the owner.
    if (lex.locative.has(low[k])) {
      let b = k + 1;
      while (b < ctx.toks.length && b <= k + 3 && !lex.basedIn.has(low[b])) b++;
      if (b <= k + 3 && b < ctx.toks.length) { k = b; continue; }
    }
    const c = idx.startingAt(k, isNameCand);
    if (c && /-based$/.test(low[c.tokenEnd - 1])) { k = c.tokenEnd - 1; continue; }
    if (c) return c;
    const t = ctx.toks[k].text;
    if (/^[,.;:!?()"„“”]$/.test(t) || ctx.lex.relatives.has(ctx.low[k]) && k > from + 1) return null;
  }
  return null;
}

const CLOSERS = /^[,.;:!?)]$/;

/** Token of a sentence-initial back-referring possessive opening the phrase ("Dessen", "Ihr", "Its"), or -1. */
function sentenceInitialPossessive(ctx: Ctx, p: RolePhrase): number {
  const list = ctx.lex.words.backPossessives;
  if (!list) return -1;
  let k = p.tokStart;
  if (!list.includes(ctx.low[k])) k--;
  if (k < 0 || !list.includes(ctx.low[k])) return -1;
  return k === 0 || ctx.sentOf[k - 1] !== ctx.sentOf[k] ? k : -1;
}

function firstNameOfPreviousSentence(ctx: Ctx, idx: CandIndex, t: number): Cand | null {
  if (t === 0) return null;
  const sent = ctx.sentOf[t - 1];
  let b = t - 1;
  while (b > 0 && ctx.sentOf[b - 1] === sent) b--;
  for (let i = b; i < t; i++) {
    const c = idx.startingAt(i, (x) => isNameCand(x) && !x.genitive);
    if (c) return c;
  }
  return null;
}

/** "Dessen Präsident, der Landrat … Götz Ulbrich,": a title apposed to a second titled name shares its holder. */
function shareApposedHolders(ctx: Ctx, phrases: RolePhrase[]): void {
  for (let i = 0; i + 1 < phrases.length; i++) {
    const p = phrases[i], q = phrases[i + 1];
    if (p.holderCand || !q.holderCand || p.tokEnd >= ctx.toks.length || ctx.toks[p.tokEnd].text !== ',') continue;
    const next = q.determiner ? q.tokStart - 1 : q.tokStart;
    if (next !== p.tokEnd + 1 && q.tokStart !== p.tokEnd + 1) continue;
    p.holderCand = q.holderCand;
  }
}

function findHolder(ctx: Ctx, p: RolePhrase, idx: CandIndex): void {
  const { toks, low, lex } = ctx;
  const person = (c: Cand) => c.type === 'person' && !c.genitive && (c.kind === 'name' || c.kind === 'alias');
  // (1) a name right after the title: "Premierminister Fumio Kishida", "… der USA, John Bolton,"
  let k = p.tokEnd;
  // "Der Präsident des Bundes Deutscher Radfahrer (BDR), Rudolf Kessler,": past an acronym in parentheses.
  if (k + 2 < toks.length && toks[k].text === '(' && toks[k + 2].text === ')') k += 3;
  let c = k < toks.length ? idx.startingAt(k, person) : null;
  if (!c && k < toks.length && toks[k].text === ',') {
    // "Qatar's prime minister, Sheikh Khalid …": an honorific may precede the name.
    const d = idx.startingAt(k + 1, person) ?? (k + 2 < toks.length && lex.personWords.has(low[k + 1]) ? idx.startingAt(k + 2, person) : null) ?? describedName(ctx, idx, k + 1, person);
    if (d && (d.tokenEnd >= toks.length || CLOSERS.test(toks[d.tokenEnd].text))) c = d;
  }
  // "… der Landkreistag warnte. Dessen Präsident X", "Ihr Fraktionsvorsitzender X": a sentence-initial
  // possessive points back to the first name of the previous sentence (its subject, as a rule); the name
  // after the title holds the role.
  const back = sentenceInitialPossessive(ctx, p);
  if (back >= 0) {
    p.possessor ??= firstNameOfPreviousSentence(ctx, idx, back);
    if (c) { p.holderCand = c; return; }
  } else if (c && !p.relativeOwner) { p.holderCand = c; return; }
  // (2) apposition: "Michael Green, ein ehemaliger US-Beamter", "Japan, Amerikas engster Verbündeter"
  let before = p.tokStart - 1;
  // "Mark Ellison, now a partner at …"
  if (before > 0 && lex.words.appositionAdverbs?.includes(low[before])) before--;
  if (before > 0 && toks[before].text === ',') {
    const a = idx.endingAt(before - 1, (x) => isNameCand(x) && !x.genitive);
    if (a) {
      if (p.relativeOwner) { p.possessor ??= a; return; }
      if (a.type === 'person' || p.possessor) { p.holderCand = a; return; }
    }
  }
  // (3) copula: "…, der … stellvertretender Premierminister war", "X ist Senator"
  const next = p.tokEnd < toks.length ? low[p.tokEnd] : '';
  const prev = p.tokStart > 0 ? low[p.tokStart - 1] : '';
  const copulaAfter = lex.pastCopula.has(next) || lex.presentCopula.has(next);
  const copulaBefore = lex.pastCopula.has(prev) || lex.presentCopula.has(prev);
  // "X war (von 1991 bis 1995) Umweltminister": the copula may stand a few words before the title.
  const perfect = lex.words.perfectCopula ?? [];
  const aux = lex.words.auxiliaries ?? {};
  for (let j = p.tokStart - 1; j >= 1 && j >= p.tokStart - 7 && ctx.sentOf[j] === ctx.sentOf[p.tokStart]; j--) {
    const w = low[j];
    if (/^[,;:()"„“”]$/.test(toks[j].text)) break;
    const isPerfect = perfect.includes(w);
    if (!lex.pastCopula.has(w) && !lex.presentCopula.has(w) && !isPerfect) continue;
    // "has been", "had been": the auxiliary gives the status.
    let s = j - 1;
    let status: Role['status'] = lex.pastCopula.has(w) ? 'former' : 'current';
    if (isPerfect) { status = aux[low[s]] ?? 'former'; if (aux[low[s]]) s--; }
    // "Henrik Solberg, the son of …, has been": past an apposition between subject and verb.
    if (s > 0 && toks[s].text === ',') {
      let b = s - 1;
      while (b > 0 && s - b < 15 && ctx.sentOf[b] === ctx.sentOf[s] && toks[b].text !== ',') b--;
      if (toks[b].text === ',') s = b - 1;
    }
    const subj = s >= 0 ? idx.endingAt(s, person) : null;
    if (subj) { p.holderCand = subj; if (!p.explicitStatus) p.status = status; return; }
    break;
  }
  if (copulaAfter && lex.words.capitalizedNouns) {
    const sent = ctx.sentOf[p.tokStart];
    for (let j = p.tokStart - 1; j > 0 && ctx.sentOf[j] === sent && j > p.tokStart - 12; j--) {
      if (lex.relatives.has(low[j]) && toks[j - 1].text === ',') {
        for (let m = j - 2; m >= 0 && ctx.sentOf[m] === sent; m--) {
          const s = idx.endingAt(m, person);
          if (s) { p.holderCand = s; if (!p.explicitStatus) p.status = lex.pastCopula.has(next) ? 'former' : 'current'; return; }
        }
        return;
      }
    }
  }
  // English relative: "…, who was deputy prime minister"
  if (!lex.words.capitalizedNouns && copulaBefore && p.tokStart >= 3 && lex.relatives.has(low[p.tokStart - 2]) && toks[p.tokStart - 3].text === ',') {
    const sent = ctx.sentOf[p.tokStart];
    for (let m = p.tokStart - 4; m >= 0 && ctx.sentOf[m] === sent; m--) {
      const s = idx.endingAt(m, person);
      if (s) { p.holderCand = s; if (!p.explicitStatus) p.status = lex.pastCopula.has(prev) ? 'former' : 'current'; return; }
    }
  }
}

/**
 * A name after a short description in an apposition: "…, der frühere Etappensieger Henrik Aas," — a determiner,
 * then at most three words (no punctuation, no relative clause), then the name.
 */
function describedName(ctx: Ctx, idx: CandIndex, from: number, ok: (c: Cand) => boolean): Cand | null {
  const { toks, low, lex } = ctx;
  if (from >= toks.length || !lex.determiners.has(low[from]) || lex.relatives.has(low[from]) && !lex.words.capitalizedNouns) return null;
  for (let m = from + 1; m < toks.length && m <= from + 4; m++) {
    const c = idx.startingAt(m, ok);
    if (c) return m > from + 1 ? c : null;
    if (/^\p{P}$/u.test(toks[m].text) || idx.startingAt(m)) return null;
  }
  return null;
}

/** The entity a phrase's role is "of": possessor, then the of-phrase, then the demonym or country prefix. */
export function roleOf(p: RolePhrase): string | null {
  const c = p.possessor ?? p.ofCand ?? p.demonym;
  return c?.entity ?? p.ofFallback ?? null;
}
