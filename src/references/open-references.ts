/**
 * References the entities stage left open, resolved for argument finding only: possessive pronouns ("its
 * founder" → the company named before), and definite descriptions with a known head noun ("the bloc",
 * "dem Emirat", "die Gewerkschaft", "das Unternehmen"). Each becomes an extra mention of the most salient
 * actor of a fitting type: one the text introduced with that noun ("der Lokführergewerkschaft GDL" → "die
 * Gewerkschaft"), else the nearest one before it in the sentence (outside appositions), else the first of
 * the sentence before (its subject, most often). A bare type match reaches two sentences back, a matching noun four.
 * The vocabulary is data: lang/<code>/references/ (pronouns.json, descriptions.json).
 */
import type { EntityType } from '../contract/schema.js';
import { headOf } from './heads.js';
import { referenceLexicon, type ReferenceLexicon } from './lexicon.js';
import type { Head } from './types.js';
import { describedPerson, descriptionFits, type HeldRole } from './described-person.js';

/** A mention as a sentence view hands it in (the entities stage's EntityMention fits). */
export interface OpenMention {
  entity: string;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  kind: string;
  text?: string;
}

/**
 * One sentence with its mentions and shallow clauses, as the relations stage's SentenceView offers it:
 * structural, so this module does not import the stage above it.
 */
export interface ReferenceSentence {
  doc: { text: string; tokens: { start: number; end: number }[] };
  from: number;
  to: number;
  mentions: number[];
  mention(k: number): OpenMention;
  mentionIdx(t: number): number;
  clauses: { kind: string }[];
  clauseAt(t: number): number;
  w(t: number): string;
  isPunct(t: number): boolean;
  isCapitalized(t: number): boolean;
  isLowerWord(t: number): boolean;
  layer: { byId: Map<string, { type: string; kind?: string | null; roles?: { title: string }[] }>; roles: readonly HeldRole[] };
  lex: {
    lang: string;
    grammar: { capitalizedNouns: boolean };
    sets: { prepositions: Set<string>; determiners: Set<string>; verbLike: Set<string>; possessiveTokens: Set<string>;
      affiliationPreps: Set<string>; genitiveArticles: Set<string> };
  };
}

/** Sentences a bare type match reaches back; a matching introduction noun or class reaches further (set on the seed). */
const TYPE_LOOKBACK_SENTENCES = 2;
const NOUN_LOOKBACK_SENTENCES = 4;
/** Modifiers allowed between the article and the head ("die streikende Gewerkschaft"). */
const MAX_MODIFIERS = 2;

/** What earlier sentences leave behind: their actors in salience order, and the nouns names were introduced with. */
export class ReferenceMemory {
  /** Per earlier sentence (most recent last), entity ids: main-clause mentions first, then the rest, text order. */
  private readonly sentences: string[][] = [];
  /** Entity id → lower-case nouns it was introduced with ("lokführergewerkschaft"). */
  readonly descriptors = new Map<string, string[]>();

  recent(n: number): string[][] { return this.sentences.slice(-n).reverse(); }

  /** Record a finished sentence: its salient actors and the descriptor nouns standing before names. */
  record(v: ReferenceSentence): void {
    const main: string[] = [], aside: string[] = [];
    for (const k of v.mentions) {
      const m = v.mention(k);
      if (!isNameLike(m.kind)) continue;
      const kind = v.clauses[v.clauseAt(m.tokenStart)]?.kind;
      const list = kind === 'apposition' || kind === 'relative' ? aside : main;
      if (!list.includes(m.entity)) list.push(m.entity);
      const d = descriptorBefore(v, m);
      if (d) {
        const ds = this.descriptors.get(m.entity) ?? [];
        if (!ds.includes(d)) ds.push(d);
        this.descriptors.set(m.entity, ds);
      }
    }
    this.sentences.push([...main, ...aside.filter((e) => !main.includes(e))]);
    if (this.sentences.length > NOUN_LOOKBACK_SENTENCES) this.sentences.shift();
  }
}

const isNameLike = (kind: string) => kind !== 'pronoun' && kind !== 'description' && kind !== 'demonym';

/** "der Lokführergewerkschaft GDL" → "lokführergewerkschaft"; "shipping company Baltmar" → "company". */
function descriptorBefore(v: ReferenceSentence, m: OpenMention): string | null {
  const t = m.tokenStart - 1;
  if (t < v.from || v.mentionIdx(t) >= 0 || v.isPunct(t)) return null;
  if (v.lex.grammar.capitalizedNouns ? v.isCapitalized(t) : v.isLowerWord(t)) return v.w(t);
  return null;
}

/** A mention this module adds: a description or possessive standing for an actor. */
export type ResolvedMention = OpenMention & { kind: 'description' | 'possessive' };

type Want = 'person' | 'nonperson' | EntityType;
type Pick = (t: number, want: Want, head: Head | null) => string | null;

/**
 * The most salient actor of a fitting type for a reference at token t: one the text introduced with the
 * reference's noun, else one of its class, else the nearest in the sentence (outside appositions), else the
 * first of the sentences before. A noun or class match reaches further back than a bare type match.
 */
function salientActor(v: ReferenceSentence, lex: ReferenceLexicon, memory: ReferenceMemory): Pick {
  const typeOf = (e: string) => v.layer.byId.get(e)?.type;
  const fits = (e: string, want: Want) =>
    want === 'nonperson' ? typeOf(e) === 'organization' || typeOf(e) === 'location' : typeOf(e) === want;
  /** The classes an entity is known under: its kind and the classes of the nouns it was introduced with. */
  const classesOf = (e: string): string[] => {
    const out: string[] = [];
    const kind = v.layer.byId.get(e)?.kind;
    if (kind) out.push(kind);
    for (const d of memory.descriptors.get(e) ?? []) { const h = headOf(lex, d); if (h?.cls) out.push(h.cls); }
    return out;
  };
  return (t, want, head) => {
    const here = actorsBefore(v, t);
    const window = [here, ...memory.recent(TYPE_LOOKBACK_SENTENCES)];
    const wide = [here, ...memory.recent(NOUN_LOOKBACK_SENTENCES)];
    if (head) {
      for (const list of wide) for (const e of list) if (fits(e, want) && memory.descriptors.get(e)?.some((d) => d === head.stem || d.endsWith(head.stem))) return e;
      if (head.cls) for (const list of wide) for (const e of list) if (fits(e, want) && classesOf(e).includes(head.cls)) return e;
    }
    for (const list of window) for (const e of list) {
      if (!fits(e, want)) continue;
      const cls = head?.cls ? classesOf(e) : [];
      if (!cls.length || cls.includes(head!.cls!)) return e;
    }
    return null;
  };
}

/** Actors named before token t in the sentence, nearest first, outside appositions. */
function actorsBefore(v: ReferenceSentence, t: number): string[] {
  const here: string[] = [];
  for (const k of v.mentions) {
    const m = v.mention(k);
    if (m.tokenStart >= t) break;
    const kind = v.clauses[v.clauseAt(m.tokenStart)]?.kind;
    if (isNameLike(m.kind) && kind !== 'apposition' && !here.includes(m.entity)) here.unshift(m.entity);
  }
  return here;
}

/** The end of a description "article (modifier){0,2} head" opening at t, with its head, or null. */
function descriptionAt(v: ReferenceSentence, lex: ReferenceLexicon, t: number): { end: number; head: Head } | null {
  const sets = v.lex.sets;
  let h = t + 1;
  while (h < Math.min(v.to, t + 2 + MAX_MODIFIERS) && v.mentionIdx(h) < 0 && !headOf(lex, v.w(h)) && v.isLowerWord(h) && !sets.verbLike.has(v.w(h)) && !sets.determiners.has(v.w(h))) h++;
  if (h >= v.to || (v.mentionIdx(h) >= 0 && !isCompoundPrefix(v, v.mentionIdx(h), h))) return null;
  if (v.lex.grammar.capitalizedNouns && !v.isCapitalized(h)) return null;
  const head = headOf(lex, v.w(h));
  if (!head) return null;
  // "das Unternehmen Nippon Steel", "the company's", "the government of Japan": not standing alone.
  const next = v.w(h + 1);
  if (v.mentionIdx(h + 1) >= 0 || sets.possessiveTokens.has(next) || sets.affiliationPreps.has(next) || sets.genitiveArticles.has(next)) return null;
  return { end: h + 1, head };
}

/**
 * "der CDU-Politiker", "dem AKP-Chef": a party's mention that names only the prefix of a hyphenated head
 * word leaves the word a description of a person (the prefix says whose role it is, for the relations stage).
 */
function isCompoundPrefix(v: ReferenceSentence, k: number, h: number): boolean {
  const m = v.mention(k), token = v.doc.tokens[h];
  // Only a party's ("SPD-Chef"; the entities stage leaves many parties without a kind): a country's ("der
  // US-Präsident") is left to describedPerson's office match, a body's ("ein Treffen der EU-Außenminister") is plural.
  const e = v.layer.byId.get(m.entity);
  const party = e?.type === 'organization' && (e.kind === 'party' || (!e.kind && !/\s/.test(m.text ?? ' ')));
  return party && m.tokenStart === h && m.tokenEnd === h + 1 && m.start === token.start && v.doc.text.charAt(m.end) === '-' && m.end < token.end;
}

/** Extra mentions for the open references of one sentence. */
export function unresolvedReferences(v: ReferenceSentence, memory: ReferenceMemory): ResolvedMention[] {
  const lex = referenceLexicon(v.lex.lang);
  const pick = salientActor(v, lex, memory);
  const out: ResolvedMention[] = [];
  const tokens = v.doc.tokens;
  const add = (entity: string | null, a: number, b: number, kind: 'description' | 'possessive') => {
    if (entity) out.push({ entity, start: tokens[a].start, end: tokens[b - 1].end, tokenStart: a, tokenEnd: b, kind, text: v.doc.text.slice(tokens[a].start, tokens[b - 1].end) });
  };
  for (let t = v.from; t < v.to; t++) {
    if (v.mentionIdx(t) >= 0 || v.isPunct(t)) continue;
    const w = v.w(t), next = v.w(t + 1);
    const poss = lex.possessiveAntecedents.get(w);
    // "its founder", "her move" — a possessive only before its noun phrase (not "accusing her of").
    if (poss && next !== '' && !v.isPunct(t + 1) && !v.lex.sets.prepositions.has(next) && !v.lex.sets.determiners.has(next)) {
      add(pick(t, poss, null), t, t + 1, 'possessive');
      continue;
    }
    if (!lex.definite.has(w)) continue;
    // "dem 61-Jährigen", "the 61-year-old": a person named before.
    if (t + 1 < v.to && v.mentionIdx(t + 1) < 0 && lex.ageNouns.some((re) => re.test(next))) {
      add(pick(t, 'person', null), t, t + 2, 'description');
      t++;
      continue;
    }
    // "die Gewerkschaft", "the bloc", "dem Emirat", "der US-Präsident".
    const d = descriptionAt(v, lex, t);
    if (!d) continue;
    const word = v.w(d.end - 1);
    add(d.head.type === 'person' ? personFor(v, lex, t, word, pick) : pick(t, d.head.type, d.head), t, d.end, 'description');
    t = d.end - 1;
  }
  return out;
}

/**
 * "der US-Präsident", "the spokesman": the latest earlier holder of a role with that head; else the salient
 * person, if the text gave that one no other office ("die Kanzlerin" is not "der Präsident").
 */
function personFor(v: ReferenceSentence, lex: ReferenceLexicon, t: number, word: string, pick: Pick): string | null {
  const holder = describedPerson(lex, v.layer.roles, t, word);
  if (holder) return holder;
  const e = pick(t, 'person', null);
  const titles = e ? (v.layer.byId.get(e)?.roles ?? []).map((r) => r.title) : [];
  return e && descriptionFits(lex, titles, word) ? e : null;
}
