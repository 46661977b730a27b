/**
 * One sentence as the relations stage sees it: lower-cased tokens, the actor mention covering each token,
 * and a shallow clause segmentation (commas, dashes, brackets, clause conjunctions, relative pronouns,
 * subordinators, zu-/to-infinitives). No parser: the clause kinds are what argument finding needs.
 */
import type { Doc, Sentence } from '../text/types.js';
import type { EntityLayer, EntityMention } from '../entities/types.js';
import type { CompiledLexicon } from './lexicon.js';

export type ClauseKind = 'main' | 'relative' | 'subordinate' | 'infinitive' | 'continuation' | 'reporting' | 'apposition';

export interface Clause {
  /** Token range [start, end) in doc tokens. */
  start: number;
  end: number;
  kind: ClauseKind;
  /** The clause this one depends on (governing clause of an infinitive, host of a relative clause), or -1. */
  parent: number;
  /** Token index of the relative pronoun, or -1. */
  relPronoun: number;
  /** The relative pronoun is the clause subject ("der traf", "who met"), not an object ("dem", "whose"). */
  relSubject: boolean;
}

const PUNCT_BOUNDARY = new Set([',', ';', ':', '(', ')', '–', '—', '-', '--', '[', ']']);
const DASHES = new Set(['-', '–', '—', '--']);
const QUOTES = new Set(['"', '„', '“', '”', '»', '«', "'", '‚', '‘', '’']);

export class SentenceView {
  readonly from: number;
  readonly to: number;
  /** Lower-cased token texts, indexed by doc token index - from. */
  readonly low: string[];
  /** Mention index (into layer.mentions) covering each token, or -1. */
  readonly mentionAt: Int32Array;
  /** Indices of the mentions in this sentence, in text order. */
  readonly mentions: number[];
  readonly clauses: Clause[] = [];
  /** Clause index of each token. */
  readonly clauseOf: Int16Array;
  /**
   * Descriptions whose head word carries a compound prefix's mention ("der CDU-Politiker" → the person; "CDU" keeps the
   * token): doc token of the head → mention index. Read for the role the head names only, not as event arguments.
   */
  readonly describedHeads = new Map<number, number>();

  /**
   * `extra`: mentions the relations stage resolved itself (src/references/open-references.ts); they get the indexes
   * after the layer's own (layer.mentions.length + i) and fill only tokens no layer mention covers.
   */
  constructor(readonly doc: Doc, readonly s: Sentence, readonly index: number, readonly layer: EntityLayer, readonly lex: CompiledLexicon, mentionRange: [number, number], readonly extra: EntityMention[] = []) {
    // "ERFURT (Agentur) - Die CDU …": the dateline is no part of the first clause.
    let from = s.tokenStart;
    const dl = doc.dateline?.span;
    if (dl && s.start < dl.end) while (from < s.tokenEnd && doc.tokens[from].start < dl.end) from++;
    this.from = from;
    this.to = s.tokenEnd;
    const n = this.to - this.from;
    this.low = new Array<string>(n);
    for (let i = 0; i < n; i++) this.low[i] = doc.tokens[this.from + i].text.toLowerCase();
    this.mentionAt = new Int32Array(n).fill(-1);
    this.mentions = [];
    for (let k = mentionRange[0]; k < mentionRange[1]; k++) {
      const m = layer.mentions[k];
      if (m.tokenStart < this.from || m.tokenEnd > this.to) continue;
      this.mentions.push(k);
      for (let t = m.tokenStart; t < m.tokenEnd; t++) if (this.mentionAt[t - this.from] < 0) this.mentionAt[t - this.from] = k;
    }
    const base = layer.mentions.length;
    for (let i = 0; i < extra.length; i++) {
      const m = extra[i];
      let free = m.tokenStart >= this.from && m.tokenEnd <= this.to;
      for (let t = m.tokenStart; free && t < m.tokenEnd; t++) if (this.mentionAt[t - this.from] >= 0) free = false;
      const head = this.mentionAt[m.tokenEnd - 1 - this.from];
      if (!free && m.kind === 'description' && head >= 0 && isPartialMention(this, this.mention(head))) this.describedHeads.set(m.tokenEnd - 1, base + i);
      if (!free) continue;
      this.mentions.push(base + i);
      for (let t = m.tokenStart; t < m.tokenEnd; t++) this.mentionAt[t - this.from] = base + i;
    }
    if (extra.length) this.mentions.sort((x, y) => this.mention(x).start - this.mention(y).start);
    this.clauseOf = new Int16Array(n);
    this.segment();
  }

  w(t: number): string { return t >= this.from && t < this.to ? this.low[t - this.from] : ''; }
  /** Original token text; '' outside the sentence (look-ahead past the last token of a document). */
  orig(t: number): string { return t >= this.from && t < this.to ? this.doc.tokens[t].text : ''; }
  mentionIdx(t: number): number { return t >= this.from && t < this.to ? this.mentionAt[t - this.from] : -1; }
  mention(k: number): EntityMention { return k < this.layer.mentions.length ? this.layer.mentions[k] : this.extra[k - this.layer.mentions.length]; }
  isPunct(t: number): boolean { const x = this.w(t); return x.length > 0 && !/[\p{L}\p{N}]/u.test(x); }
  isCapitalized(t: number): boolean { const x = this.orig(t); return x.length > 0 && x[0] !== x[0].toLowerCase(); }
  isLowerWord(t: number): boolean { const x = this.orig(t); return /^\p{Ll}/u.test(x); }
  isNumber(t: number): boolean { return /^\d/.test(this.w(t)); }
  clauseAt(t: number): number { return this.clauseOf[t - this.from]; }
  /** Does a word (lower case) occur in the token range? */
  has(word: string, a: number, b: number): boolean {
    for (let t = a; t < b; t++) if (this.low[t - this.from] === word) return true;
    return false;
  }
  /** A one- or two-word marker from a list ("wie", "such as") ending at token t. */
  markerAt(list: Set<string>, t: number): boolean {
    return list.has(this.w(t)) || list.has(this.bigram(t));
  }

  /** "w(t-1) w(t)", built once per token: markerAt runs inside per-token loops and must not allocate each time. */
  private bigrams: string[] | null = null;
  private bigram(t: number): string {
    if (t < this.from || t >= this.to) return this.w(t - 1) + ' ' + this.w(t);
    if (!this.bigrams) this.bigrams = new Array<string>(this.to - this.from);
    return (this.bigrams[t - this.from] ??= this.w(t - 1) + ' ' + this.w(t));
  }

  /**
   * A comma inside a list of actors ("Pence, Mattis und Pompeo"): actors on both sides and, further on,
   * only actors and commas up to a coordinator before the last one. "Washington, Koji Tanaka, met" is no list.
   */
  isListComma(t: number): boolean {
    const left = this.mentionIdx(t - 1);
    if (left < 0 || isPossessiveMention(this, this.mention(left))) return false;
    let u = t + 1;
    for (let n = 0; n < 8 && u < this.to; n++) {
      const x = this.w(u);
      if (this.lex.sets.coordinators.has(x)) return this.mentionIdx(u + 1) >= 0;
      const k = this.mentionIdx(u);
      if (k >= 0) { u = this.mention(k).tokenEnd; continue; }
      if (x === ',') { u++; continue; }
      return false;
    }
    return false;
  }

  /** Verb-like lower-case word at the start of a clause: a finite verb continuing the sentence subject. */
  private looksFinite(t: number): boolean {
    const { sets } = this.lex;
    const x = this.w(t);
    if (!this.isLowerWord(t) || this.isNumber(t) || this.mentionIdx(t) >= 0) return false;
    if (sets.verbLike.has(x) || this.lex.byForm.get(x)?.some((e) => e.spec.pos === 'verb')) return true;
    // English: a past-tense form opening a clause ("…, but failed to …", "…, traveled to …").
    if (!this.lex.grammar.capitalizedNouns) return hasEnding(x, this.lex.grammar.pastEndings) && /^\p{Ll}+$/u.test(x) && !sets.determiners.has(x);
    // German: an inflected adjective before its noun ("und früheren US-Beamten") is no verb.
    if (hasEnding(x, this.lex.grammar.adjectiveEndings) && t + 1 < this.to && this.isCapitalized(t + 1) && (this.mentionIdx(t + 1) < 0 || isPartialMention(this, this.mention(this.mentionIdx(t + 1))))) return false;
    return !(sets.determiners.has(x) || sets.prepositions.has(x) || sets.subjectRelatives.has(x) || sets.objectRelatives.has(x)
      || sets.subordinators.has(x) || sets.coordinators.has(x) || sets.clauseConjunctions.has(x) || sets.infinitiveIntros.has(x)
      || sets.attributionCues.has(x) || sets.infinitiveMarkers.has(x) || sets.exemplarMarkers.has(x) || this.lex.refs.pronounLike.has(x));
  }

  private segment(): void {
    const { sets } = this.lex;
    const starts: number[] = [this.from];
    for (let t = this.from + 1; t < this.to; t++) {
      const prev = this.w(t - 1);
      const cur = this.w(t);
      if (PUNCT_BOUNDARY.has(prev)) {
        // "Pence, Mattis und Pompeo": a comma inside a list of actors is no clause boundary.
        if (prev === ',' && this.isListComma(t - 1)) continue;
        if (PUNCT_BOUNDARY.has(cur) || QUOTES.has(cur)) continue;
        starts.push(t);
        continue;
      }
      if (PUNCT_BOUNDARY.has(cur) || QUOTES.has(prev)) continue;
      if (sets.clauseConjunctions.has(cur)) { starts.push(t); continue; }
      if (sets.coordinators.has(cur)) {
        // "… und sagte …", "… and later called …": a coordinator before a verb (after adverbs) opens a clause.
        let u = t + 1;
        while (u < this.to && sets.adverbs.has(this.w(u))) u++;
        if ((this.looksFinite(u) || (sets.attributionCues.has(this.w(u)) && this.isLowerWord(u))) && !this.isSkippableAfterCoordinator(u)) { starts.push(t); continue; }
      }
      if (!this.lex.grammar.capitalizedNouns) {
        // Languages without comma-fenced clauses: relative pronouns and subordinators open a clause.
        if ((sets.subjectRelatives.has(cur) || sets.objectRelatives.has(cur)) && !sets.determiners.has(cur)) { starts.push(t); continue; }
        if (sets.subordinators.has(cur) && cur !== 'as' && !sets.prepositions.has(cur)) { starts.push(t); continue; }
      }
    }
    starts.push(this.to);
    let clauses: Clause[] = [];
    for (let i = 0; i + 1 < starts.length; i++) {
      if (starts[i] < starts[i + 1]) clauses.push({ start: starts[i], end: starts[i + 1], kind: 'main', parent: -1, relPronoun: -1, relSubject: false });
    }
    clauses = this.mergeParentheticals(clauses);
    clauses = this.mergeTails(clauses);
    for (let c = 0; c < clauses.length; c++) this.classify(clauses, c);
    for (let c = 0; c < clauses.length; c++) {
      clauses[c].parent = this.parentOf(clauses, c);
      for (let t = clauses[c].start; t < clauses[c].end; t++) this.clauseOf[t - this.from] = c;
    }
    this.clauses.push(...clauses);
  }

  private isSkippableAfterCoordinator(t: number): boolean {
    // "Handels- oder Sicherheitsabkommen", "and the": not a new clause.
    return this.lex.sets.determiners.has(this.w(t)) || this.isPunct(t);
  }

  /** First content token of a clause (after punctuation, quotes and clause conjunctions). */
  head(c: Clause): number {
    let t = c.start;
    while (t < c.end && (this.isPunct(t) || this.lex.sets.clauseConjunctions.has(this.w(t)) || this.lex.sets.coordinators.has(this.w(t)))) t++;
    return t;
  }

  /** Last word token of a clause. */
  tail(c: Clause): number {
    let t = c.end - 1;
    while (t > c.start && this.isPunct(t)) t--;
    return t;
  }

  /** Is the whole clause one actor mention (an apposition like ", Shigeo Yamada,")? */
  isBareMention(c: Clause): boolean {
    const h = this.head(c);
    const k = this.mentionIdx(h);
    if (k < 0) return false;
    const m = this.mention(k);
    for (let t = m.tokenEnd; t < c.end; t++) if (!this.isPunct(t)) return false;
    return true;
  }

  /**
   * "…, die sich auf Japan konzentrierten - wie Pence, Mattis und Pompeo - nicht mehr …": a dash or bracket
   * pair is an aside inside one clause, so the clause before, the aside and the clause after are one.
   */
  private mergeParentheticals(cs: Clause[]): Clause[] {
    for (let t = this.from; t < this.to; t++) {
      const open = this.w(t);
      const close = open === '(' ? ')' : DASHES.has(open) ? open : null;
      if (!close) continue;
      let j = t + 1;
      while (j < this.to && this.w(j) !== close && !(close !== ')' && DASHES.has(this.w(j)))) j++;
      if (j >= this.to || j - t > 30) continue;
      const host = cs.findIndex((c) => c.start <= t && t < c.end);
      const post = cs.findIndex((c) => c.start <= j + 1 && j + 1 < c.end);
      if (host < 0) continue;
      const last = post < 0 ? cs.findIndex((c) => c.start <= j && j < c.end) : post;
      if (last <= host) { t = j; continue; }
      const merged: Clause = { ...cs[host], end: cs[last].end };
      cs = [...cs.slice(0, host), merged, ...cs.slice(last + 1)];
      t = j;
    }
    return cs;
  }

  /**
   * German relative and subordinate clauses end in their verb; an apposition inside them leaves a stub
   * (", Shigeru Kitamura, gehört,"). Re-join the stub and the apposition with the interrupted clause.
   */
  private mergeTails(cs: Clause[]): Clause[] {
    if (!this.lex.grammar.capitalizedNouns) return cs;
    const out: Clause[] = [];
    for (const c of cs) {
      const words: number[] = [];
      for (let t = c.start; t < c.end; t++) if (!this.isPunct(t)) words.push(t);
      const stub = words.length > 0 && words.length <= 2 && words.every((t) => this.isLowerWord(t) && this.mentionIdx(t) < 0)
        && !this.lex.sets.attributionCues.has(this.w(words[0])) && !this.lex.sets.subordinators.has(this.w(words[0]));
      if (stub && out.length >= 2 && this.isBareMention(out[out.length - 1])) {
        const app = out.pop()!;
        const host = out[out.length - 1];
        host.end = c.end;
        void app;
        continue;
      }
      out.push(c);
    }
    return out;
  }

  private classify(cs: Clause[], i: number): void {
    const c = cs[i];
    const { sets } = this.lex;
    const h = this.head(c);
    const first = this.w(h);
    const afterComma = i > 0;
    // Relative clauses end in a finite verb; "…, dem Kandidaten eine Botschaft zukommen zu lassen" is an infinitive.
    if (this.isInfinitive(c)) { c.kind = 'infinitive'; return; }
    if (afterComma && (sets.subjectRelatives.has(first) || sets.objectRelatives.has(first)) && !this.lex.byForm.has(first)) {
      c.kind = 'relative';
      c.relPronoun = h;
      c.relSubject = sets.subjectRelatives.has(first) && !sets.objectRelatives.has(first) || (sets.subjectRelatives.has(first) && this.lex.grammar.capitalizedNouns && first !== 'den' && first !== 'dem');
      // "…, which Nakau chairs": an English relative pronoun followed by a name is the object.
      if (!this.lex.grammar.capitalizedNouns && this.mentionIdx(h + 1) >= 0 && !isPossessiveMention(this, this.mention(this.mentionIdx(h + 1)))) c.relSubject = false;
      return;
    }
    // "zu dem sich …", "zu dessen Firma …" — but "mit der Trump-Kampagne" is an article before a noun.
    const articleBeforeNoun = this.isCapitalized(h + 2) && this.mentionIdx(h + 2) < 0 && !this.lex.refs.possessiveRelatives.has(this.w(h + 1));
    if (afterComma && sets.prepositions.has(first) && !articleBeforeNoun && (sets.objectRelatives.has(this.w(h + 1)) || sets.subjectRelatives.has(this.w(h + 1)))) {
      c.kind = 'relative';
      c.relPronoun = h + 1;
      c.relSubject = false;
      return;
    }
    if (sets.attributionCues.has(first) || sets.attributionCues.has(this.w(this.tail(c)))) { c.kind = 'reporting'; return; }
    if (sets.infinitiveIntros.has(first)) { c.kind = 'infinitive'; return; }
    if (this.isInfinitive(c)) { c.kind = 'infinitive'; return; }
    if (sets.subordinators.has(first) && i > 0) { c.kind = 'subordinate'; return; }
    if (sets.subordinators.has(first) && i === 0 && !sets.prepositions.has(first)) { c.kind = 'subordinate'; return; }
    let v = h;
    while (v < c.end && sets.adverbs.has(this.w(v))) v++;
    if (i > 0 && this.looksFinite(v)) { c.kind = 'continuation'; return; }
    // ", such as Mike Pence and Jim Mattis,": examples are an aside to the noun before.
    if (i > 0 && (sets.exemplarMarkers.has(first) || sets.exemplarMarkers.has(first + ' ' + this.w(h + 1)))) { c.kind = 'apposition'; return; }
    // "…, accusing her of …": an English participle clause continues the sentence subject.
    if (i > 0 && !this.lex.grammar.capitalizedNouns && /^\p{Ll}{3,}ing$/u.test(this.w(v)) && this.isLowerWord(v) && !sets.prepositions.has(this.w(v)) && !sets.determiners.has(this.w(v))) { c.kind = 'continuation'; return; }
    if (i > 0 && (this.isBareMention(c) || sets.determiners.has(first) || this.isPossessiveStart(h)) && !this.hasVerbLike(c)) { c.kind = 'apposition'; return; }
    c.kind = 'main';
  }

  private isPossessiveStart(t: number): boolean {
    const k = this.mentionIdx(t);
    return k >= 0 && isPossessiveMention(this, this.mention(k));
  }

  private hasVerbLike(c: Clause): boolean {
    for (let t = c.start; t < c.end; t++) {
      const x = this.w(t);
      if (this.lex.sets.verbLike.has(x)) return true;
      if (this.isLowerWord(t) && this.lex.byForm.get(x)?.some((e) => e.spec.pos === 'verb') && !this.afterArticle(t)) return true;
    }
    return false;
  }

  /** "the former head", "a close ally": a word after an article (and at most one modifier) is a noun. */
  private afterArticle(t: number): boolean {
    const d = this.lex.sets.determiners;
    return d.has(this.w(t - 1)) || (this.isLowerWord(t - 1) && d.has(this.w(t - 2)));
  }

  /** A zu-/to-infinitive clause: "…, Trump zu treffen", "…, in Kontakt zu treten", "…, to meet Trump". */
  private isInfinitive(c: Clause): boolean {
    const { sets } = this.lex;
    const h = this.head(c);
    if (this.lex.grammar.capitalizedNouns) {
      const last = this.tail(c);
      for (let t = c.start; t < c.end - 1; t++) {
        // "…, Trump zu treffen", "…, zu verhandeln versuchte" — but "zu getrennten Gesprächen" is a prepositional phrase.
        if (sets.infinitiveMarkers.has(this.w(t)) && this.isLowerWord(t + 1) && !this.isPunct(t + 1) && t + 1 >= last - 1 && this.isLowerWord(last)) return true;
      }
      return /^\p{Ll}+zu\p{Ll}+en$/u.test(this.orig(last)) && !this.w(last).startsWith('zu');
    }
    return sets.infinitiveMarkers.has(this.w(h)) && this.isLowerWord(h + 1);
  }

  private parentOf(cs: Clause[], i: number): number {
    const kind = cs[i].kind;
    if (i === 0) return -1;
    for (let p = i - 1; p >= 0; p--) {
      const k = cs[p].kind;
      if (kind === 'relative') {
        if (k === 'apposition' || (k === 'relative' && p !== i - 1)) continue;
        return p;
      }
      if (k === 'relative' || k === 'apposition') continue;
      if (kind === 'subordinate' || kind === 'reporting' || kind === 'continuation') {
        if (k === 'infinitive' || k === 'subordinate' || k === 'reporting') continue;
      }
      return p;
    }
    return -1;
  }
}

/** Shortest stem before a listed ending ("ask|ed" yes, "r|ed" no): set by hand. */
const MIN_STEM = 3;
const hasEnding = (x: string, endings: string[] | undefined) => !!endings?.some((e) => x.length >= e.length + MIN_STEM && x.endsWith(e));

/** "Trumps", "Trump's", "Japans" (genitive), or a possessive pronoun mention ("seinem", "his"). */
export function isPossessiveMention(v: SentenceView, m: EntityMention): boolean {
  if (m.kind === 'possessive' || m.genitive) return true;
  const text = v.doc.text;
  const after = text.slice(m.end, m.end + 2);
  if (/^['’]s?\b/.test(after) || /^['’]s?$/.test(after)) return true;
  const nextTok = m.tokenEnd < v.to ? v.w(m.tokenEnd) : '';
  if (v.lex.sets.possessiveTokens.has(nextTok)) return true;
  const surface = text.slice(m.start, m.end);
  const ent = v.layer.byId.get(m.entity);
  for (const end of v.lex.grammar.possessiveEndings) {
    if (!end) continue;
    // The mention stops before a genitive ending inside its token ("Trump|s").
    if (text.slice(m.end, m.end + end.length) === end && !/[\p{L}\p{N}]/u.test(text[m.end + end.length] ?? ' ') && m.end < v.doc.tokens[m.tokenEnd - 1].end + end.length && v.doc.tokens[m.tokenEnd - 1].end > m.end) return true;
    // The mention includes it ("Japans") while the name does not.
    if (surface.endsWith(end) && ent && surface.length > end.length) {
      const bare = surface.slice(0, -end.length);
      if ((ent.name === bare || ent.aliases.includes(bare) || ent.name.endsWith(' ' + bare) || ent.name.endsWith(bare)) && !ent.name.endsWith(surface) && !ent.aliases.includes(surface)) return true;
    }
  }
  if (m.kind === 'pronoun' && v.lex.refs.possessives.has(surface.toLowerCase())) return true;
  return false;
}

/** The mention covers only part of its token ("US" in "US-Beamter", "Trump" in "Trump-Kampagne"). */
export function isPartialMention(v: SentenceView, m: EntityMention): boolean {
  if (m.kind === 'compound') return true;
  const first = v.doc.tokens[m.tokenStart];
  const last = v.doc.tokens[m.tokenEnd - 1];
  if (m.start > first.start) return true;
  if (m.end >= last.end) return false;
  // A genitive or possessive ending is not a compound.
  const rest = v.doc.text.slice(m.end, last.end);
  return !v.lex.grammar.possessiveEndings.includes(rest) && !/^['’]s?$/.test(rest);
}

/** The head word of the compound a partial mention sits in ("Kampagne" for "Trump-Kampagne"). */
export function compoundHead(v: SentenceView, m: EntityMention): string {
  const last = v.doc.tokens[m.tokenEnd - 1];
  return v.doc.text.slice(m.end, last.end).replace(/^[-–]/, '').toLowerCase();
}
