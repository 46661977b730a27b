/**
 * References the entities stage left open, resolved for argument finding only: possessive pronouns ("its
 * founder" → the company named before), and definite descriptions with a known head noun ("the bloc",
 * "dem Emirat", "die Gewerkschaft", "das Unternehmen"). Each becomes an extra mention of the most salient
 * actor of a fitting type: one the text introduced with that noun ("der Lokführergewerkschaft GDL" → "die
 * Gewerkschaft"), else the nearest one before it in the sentence (outside appositions), else the first of
 * the sentence before (its subject, most often). A bare type match reaches two sentences back, a matching noun four.
 * The vocabulary is data: lang/<code>/relations/grammar.json, "references".
 */
import type { EntityType } from '../contract/schema.js';
import type { EntityMention } from '../entities/types.js';
import type { SentenceView } from './sentence-view.js';

export interface ReferenceLexicon {
  /** Possessive pronouns and what they point to ("its" → "nonperson", "his" → "person"). */
  possessive: Record<string, 'person' | 'nonperson'>;
  /** Definite articles that open a description ("the", "der", "dem"). */
  definite: string[];
  /**
   * Description head nouns (lower case, uninflected) and what they refer to: an entity type, optionally with
   * a class ("organization/company"). Names introduced with a noun of another class ("der Partei FDP") and
   * entities of another known kind are not what "der Konzern" means.
   */
  heads: Record<string, string>;
  /** Inflection endings stripped from a head word ("Konzerns" → "konzern"). */
  endings: string[];
  /** A head may end a compound ("Windkraftkonzern" → "konzern"). */
  compoundHeads?: boolean;
  /** Age nouns after a definite article that stand for a person named before ("dem 61-Jährigen", "the 61-year-old"): regular expressions. */
  ageNouns?: string[];
}

/** What earlier sentences leave behind: their actors in salience order, and the nouns names were introduced with. */
export class ReferenceMemory {
  /** Per earlier sentence (most recent last), entity ids: main-clause mentions first, then the rest, text order. */
  private readonly sentences: string[][] = [];
  /** Entity id → lower-case nouns it was introduced with ("lokführergewerkschaft"). */
  readonly descriptors = new Map<string, string[]>();

  recent(n: number): string[][] { return this.sentences.slice(-n).reverse(); }

  /** Record a finished sentence: its salient actors and the descriptor nouns standing before names. */
  record(v: SentenceView): void {
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
    if (this.sentences.length > 4) this.sentences.shift();
  }
}

const isNameLike = (kind: EntityMention['kind']) => kind !== 'pronoun' && kind !== 'description' && kind !== 'demonym';

/** "der Lokführergewerkschaft GDL" → "lokführergewerkschaft"; "shipping company Baltmar" → "company". */
function descriptorBefore(v: SentenceView, m: EntityMention): string | null {
  const t = m.tokenStart - 1;
  if (t < v.from || v.mentionIdx(t) >= 0 || v.isPunct(t)) return null;
  if (v.lex.grammar.capitalizedNouns ? v.isCapitalized(t) : v.isLowerWord(t)) return v.w(t);
  return null;
}

interface Head { stem: string; type: EntityType; cls: string | null }

const ageCache = new WeakMap<ReferenceLexicon, RegExp[]>();
function agePatterns(lex: ReferenceLexicon): RegExp[] {
  let p = ageCache.get(lex);
  if (!p) ageCache.set(lex, (p = (lex.ageNouns ?? []).map((x) => new RegExp(x, 'u'))));
  return p;
}

/** The head a word stands for ("Konzerns" → konzern, organization, company), or null. */
function headOf(lex: ReferenceLexicon, word: string): Head | null {
  const make = (stem: string): Head => { const [type, cls] = lex.heads[stem].split('/'); return { stem, type: type as EntityType, cls: cls ?? null }; };
  for (const e of ['', ...lex.endings]) {
    if (e && !word.endsWith(e)) continue;
    const stem = e ? word.slice(0, -e.length) : word;
    if (lex.heads[stem]) return make(stem);
    if (lex.compoundHeads) for (const h of Object.keys(lex.heads)) if (h.length >= 5 && stem.length > h.length + 2 && stem.endsWith(h)) return make(h);
  }
  return null;
}

/** Extra mentions for the open references of one sentence. */
export function unresolvedReferences(v: SentenceView, memory: ReferenceMemory): EntityMention[] {
  const lex = v.lex.grammar.references;
  if (!lex) return [];
  const definite = new Set(lex.definite);
  const out: EntityMention[] = [];
  const typeOf = (e: string) => v.layer.byId.get(e)?.type;
  const fits = (e: string, want: 'person' | 'nonperson' | EntityType) =>
    want === 'nonperson' ? typeOf(e) === 'organization' || typeOf(e) === 'location' : typeOf(e) === want;
  /** The classes an entity is known under: its kind and the classes of the nouns it was introduced with. */
  const classesOf = (e: string): string[] => {
    const out: string[] = [];
    const kind = v.layer.byId.get(e)?.kind;
    if (kind) out.push(kind);
    for (const d of memory.descriptors.get(e) ?? []) { const h = headOf(lex, d); if (h?.cls) out.push(h.cls); }
    return out;
  };
  const pick = (t: number, want: 'person' | 'nonperson' | EntityType, head: Head | null): string | null => {
    const here: string[] = [];
    for (const k of v.mentions) {
      const m = v.mention(k);
      if (m.tokenStart >= t) break;
      const kind = v.clauses[v.clauseAt(m.tokenStart)]?.kind;
      if (isNameLike(m.kind) && kind !== 'apposition' && !here.includes(m.entity)) here.unshift(m.entity);
    }
    const window = [here, ...memory.recent(2)];
    // A matching introduction noun or class reaches further back than a bare type match.
    const wide = [here, ...memory.recent(4)];
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
  const ages = agePatterns(lex);
  const tokens = v.doc.tokens;
  const add = (entity: string, a: number, b: number, kind: EntityMention['kind']) =>
    out.push({ entity, start: tokens[a].start, end: tokens[b - 1].end, tokenStart: a, tokenEnd: b, kind, text: v.doc.text.slice(tokens[a].start, tokens[b - 1].end) });
  for (let t = v.from; t < v.to; t++) {
    if (v.mentionIdx(t) >= 0 || v.isPunct(t)) continue;
    const w = v.w(t);
    const poss = lex.possessive[w];
    // "its founder", "her move" — a possessive only before its noun phrase (not "accusing her of").
    if (poss && !v.isPunct(t + 1) && !v.lex.sets.prepositions.has(v.w(t + 1)) && !v.lex.sets.determiners.has(v.w(t + 1)) && v.w(t + 1) !== '') {
      const e = pick(t, poss, null);
      if (e) add(e, t, t + 1, 'possessive');
      continue;
    }
    if (!definite.has(w)) continue;
    // "dem 61-Jährigen", "the 61-year-old": a person named before.
    if (ages.length && t + 1 < v.to && v.mentionIdx(t + 1) < 0 && ages.some((re) => re.test(v.w(t + 1)))) {
      const e = pick(t, 'person', null);
      if (e) add(e, t, t + 2, 'description');
      t++;
      continue;
    }
    // "die Gewerkschaft", "the bloc", "dem Emirat": article, up to two modifiers, a head noun.
    let h = t + 1;
    while (h < Math.min(v.to, t + 4) && v.mentionIdx(h) < 0 && !headOf(lex, v.w(h)) && v.isLowerWord(h) && !v.lex.sets.verbLike.has(v.w(h)) && !v.lex.sets.determiners.has(v.w(h))) h++;
    if (h >= v.to || v.mentionIdx(h) >= 0) continue;
    if (v.lex.grammar.capitalizedNouns && !v.isCapitalized(h)) continue;
    const head = headOf(lex, v.w(h));
    if (!head) continue;
    // "das Unternehmen Nippon Steel", "the company's", "the government of Japan": not standing alone.
    const next = v.w(h + 1);
    if (v.mentionIdx(h + 1) >= 0 || v.lex.sets.possessiveTokens.has(next) || v.lex.sets.affiliationPreps.has(next) || v.lex.sets.genitiveArticles.has(next)) continue;
    const e = pick(t, head.type, head);
    if (e) add(e, t, h + 1, 'description');
    t = h;
  }
  return out;
}
