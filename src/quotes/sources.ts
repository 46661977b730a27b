/**
 * The sources of an article as first-class records: named people and institutions, and anonymous or
 * collective groups with their count, affiliation and subsets ("drei der Beamten" ⊂ "sechs japanische
 * Beamte"). Speaker phrases are resolved here in text order, so pronouns can look back at the
 * speakers before them.
 */
import type { Source, SpanOut } from '../contract/schema.js';
import type { SyntaxLayer } from '../syntax/types.js';
import type { PronounInfo } from './lexicon.js';
import { laterNamedPerson } from './forward-description.js';
import { descriptionClass, isBareHead, isPluralHead, withoutGenitive, describedPerson, descriptionFits, introducedPerson, isGenericPersonHead, type PersonAt } from '../references/index.js';
import { chunkNP, hasNameLike, inNameMention, nounPhraseIn, postfieldSpeaker, subjectStart } from './phrases.js';
import { analyzePhrase, type PhraseInfo } from './phrase-info.js';
import { groupPlaces } from './group-positions.js';
import { quantifiedGroup } from './quantified-group.js';
import { personNameAt, possessedGroup } from './possessed-group.js';
import { documentAuthor } from './document-author.js';
import { isCap, isPunct, mentionsIn, sentenceRange, sentenceStartOf, spanOf, textOf, type DocView } from './view.js';

export interface SourceRec {
  key: string;
  description: string;
  named: boolean;
  entity: string | null;
  group: boolean;
  lemma: string | null;
  generic: boolean;
  count: number | null;
  plural: boolean;
  affiliation: string | null;
  parent: SourceRec | null;
  /** Groups seen in passing ("in Interviews mit sechs Beamten") enter the output only once referred to. */
  promoted: boolean;
  mentions: SpanOut[];
  first: number;
  anonymityReason: SpanOut | null;
  /** Can this source be a "he"/"she"/"the minister"? A person entity, a group of people, or (without an
   *  entity) a name-like phrase that is no institution name ("Midwest Air Lines" stays open, "the government" is not). */
  personLike: boolean;
  responses: { kind: 'declined' | 'no_response' | 'denied'; evidence: SpanOut }[];
  id: string;
}

interface Event { token: number; paragraph: number; sentence: number; rec: SourceRec }

/** Shortest description head that may refer back ("Amt" no, "Chef" yes): set on the seed articles. */
const MIN_HEAD = 4;

/** Longest subject phrase read as a sentence's subject ("Die Innenministerin von Brandenburg, Karla Stein"): set by hand. */
const MAX_SUBJECT_WORDS = 8;

/** How far back (in paragraphs) a pronoun or an unattributed quote may look for its speaker. */
const PARAGRAPH_WINDOW = 2;

export class SourceRegistry {
  readonly recs: SourceRec[] = [];
  private readonly events: Event[] = [];
  private readonly byKey = new Map<string, SourceRec>();

  constructor(private readonly v: DocView) {
    this.collectPassingGroups();
  }

  /** Numbered groups anywhere in the text ("mit sechs japanischen Beamten"): candidates for later references. */
  private collectPassingGroups(): void {
    const v = this.v, lex = v.lex;
    for (let i = 0; i < v.lower.length; i++) {
      if (!lex.sourceNouns.has(v.lower[i]) || v.quoteOf[i]) continue;
      let s = i;
      while (s > 0 && i - s < 4 && !isPunct(v, s - 1) && !lex.prepositions.has(v.lower[s - 1])
        && !v.verbMask[s - 1] && !(lex.nounsCapitalised && isCap(v, s - 1) && !lex.determiners.has(v.lower[s - 1]) && !lex.numbers.has(v.lower[s - 1]))) s--;
      const end = Math.max(chunkNP(v, s, v.lower.length), i + 1);
      const info = analyzePhrase(v, s, end);
      if (info.kind !== 'group' || info.count === null || info.count < 2 || info.partitive || info.definite) continue;
      // The same group named again ("sechs Beamte" … "sechs Beamte") is one record, found from each place.
      const at = v.doc.tokens[info.start].start;
      const same = this.topByKey.get(groupKey(info.noun?.lemma ?? null, info.count, info.affiliation));
      if (same && !same.promoted) this.passingAt.set(at, same);
      else { const rec = this.newGroup(info); rec.promoted = false; this.passingAt.set(at, rec); }
      i = end - 1;
    }
  }

  /**
   * Groups that never speak but are named as holding a view or doing something ("Beobachter rechnen damit",
   * "Danish officials had no comment yet", "polls show …"): every phrase built on a source noun outside
   * quotes and credits enters the output, linked to the group it refers back to when there is one. Run after
   * the speakers are resolved, so a silent mention joins a speaking group instead of founding its own.
   */
  collectSilentGroups(syntaxOf: (() => SyntaxLayer | null) | undefined): void {
    const v = this.v;
    const syn = syntaxOf ? syntaxOf() : null;
    if (!syn) return;
    const covered = new Set<number>();
    // Mentions a silent phrase may lie inside ("Personen aus dem Umfeld der Ministerin" holds "dem Umfeld der
    // Ministerin"): one source. A coordination ("officials and experts") holds two and is left out.
    const holders: SpanOut[] = [];
    // Groups only seen in passing ("zwei Diplomaten") cover nothing yet: their silent mention is what brings them in.
    for (const r of this.recs) {
      if (!r.promoted) continue;
      for (const m of r.mentions) {
        covered.add(m.start);
        if (r.group && !m.text.toLowerCase().split(/\s+/).some((w) => v.lex.coordinators.has(w))) holders.push(m);
      }
    }
    let done = 0;
    for (const { range: [s, end] } of groupPlaces(v, syn)) {
      if (s < done || end <= s || end - s > MAX_SUBJECT_WORDS || inCredits(v, s)) continue;
      const base = analyzePhrase(v, s, end);
      const info = groupReading(v, base);
      // Only a phrase built on a source noun, or a quantified one: "die beiden", "three Iranian-Americans" are no groups here.
      if (info.kind !== 'group' || info === base && !hasSourceNoun(v, s, end) || totalOpened(v, info.start, info.end)) continue;
      if (namedByApposition(v, info)) continue;
      done = end;
      const at = v.doc.tokens[info.start].start;
      let seen = false;
      for (let t = info.start; t < info.end && !seen; t++) seen = covered.has(v.doc.tokens[t].start);
      const last = v.doc.tokens[info.end - 1].end;
      if (seen || holders.some((m) => m.start <= at && last <= m.end)) continue;
      const passing = this.passingAt.get(at);
      if (passing) { this.addMention(passing, info.start, info.end); continue; }
      const rec = this.resolveGroup(info);
      if (rec.group) this.addMention(rec, info.start, info.end);
    }
  }

  private paragraphOf(token: number): number {
    const k = this.v.sentOf[token];
    return k >= 0 ? this.v.doc.sentences[k].paragraph : 0;
  }

  private newRec(info: PhraseInfo, fields: Partial<SourceRec>): SourceRec {
    const v = this.v;
    const rec: SourceRec = {
      key: '', description: stripDescription(v, info.start, info.end), named: false, entity: null, group: false,
      lemma: null, generic: false, count: null, plural: false, affiliation: info.affiliation, parent: null,
      promoted: true, mentions: [spanOf(v, info.start, info.end)], first: v.doc.tokens[info.start].start,
      anonymityReason: null, personLike: false, responses: [], id: '', ...fields,
    };
    rec.personLike = this.personLike(rec, info);
    this.recs.push(rec);
    this.indexMention(rec, rec.mentions[0]);
    return rec;
  }

  private personLike(rec: SourceRec, info: PhraseInfo): boolean {
    const v = this.v;
    if (rec.group) return true;
    const e = rec.entity ? v.entities.byId.get(rec.entity) : undefined;
    if (e) return e.type === 'person';
    if (!hasNameLike(v, info.start, info.end)) return false;
    return descriptionClass(v.lex.refs, v.lower[info.end - 1]) !== 'institution';
  }

  private newGroup(info: PhraseInfo, parent: SourceRec | null = null): SourceRec {
    const rec = this.newRec(info, {
      group: true, lemma: info.noun?.lemma ?? null, generic: !!info.noun?.generic,
      // "the memo", "the spokesman": a singular form with no number word is one — with an article or a possessor
      // before it; a bare form ("Kritiker bemängeln") is plural whatever the tagger says.
      count: info.count ?? (info.singularForm && !info.partitive && !this.bareNoun(info) ? 1 : null),
      plural: info.count === null && info.singularForm ? false : info.plural, key: `group:${this.recs.length}`, parent,
    });
    if (parent) {
      rec.affiliation = rec.affiliation ?? parent.affiliation;
      const kids = this.childrenOf.get(parent);
      if (kids) kids.push(rec); else this.childrenOf.set(parent, [rec]);
      return rec;
    }
    // Of top-level groups alike in noun, count and affiliation only the earliest can ever be picked as an
    // antecedent (the choice prefers the earliest), so only it enters the candidate lists.
    const key = groupKey(rec.lemma, rec.count, rec.affiliation);
    const prev = this.topByKey.get(key);
    if (!prev || prev.first > rec.first) {
      this.topByKey.set(key, rec);
      if (prev) this.topGroups[this.topGroups.indexOf(prev)] = rec;
      else this.topGroups.push(rec);
    }
    return rec;
  }

  /** Candidate antecedent groups: top-level, one per (noun, count, affiliation), in creation order. */
  private readonly topGroups: SourceRec[] = [];
  private readonly topByKey = new Map<string, SourceRec>();
  private readonly childrenOf = new Map<SourceRec, SourceRec[]>();
  /** Numbered groups seen in passing, by the char offset of each place they are named. */
  private readonly passingAt = new Map<number, SourceRec>();

  /** Per record: the start offsets of its mentions and the lowercased words in them (sets: no rescans). */
  private readonly mentionStarts = new Map<SourceRec, Set<number>>();
  private readonly mentionWords = new Map<SourceRec, Set<string>>();
  /** The group first recorded at each mention's start offset (with the mention's end): the same words resolved twice
   *  (as a speaker and again as a refusing or silent subject) are one source, not two. */
  private readonly groupAt = new Map<number, { rec: SourceRec; end: number }>();

  private indexMention(rec: SourceRec, sp: SpanOut): void {
    if (!this.groupAt.has(sp.start) && rec.group) this.groupAt.set(sp.start, { rec, end: sp.end });
    let starts = this.mentionStarts.get(rec);
    if (!starts) { starts = new Set(); this.mentionStarts.set(rec, starts); }
    starts.add(sp.start);
    let words = this.mentionWords.get(rec);
    if (!words) { words = new Set(); this.mentionWords.set(rec, words); }
    const ws = sp.text.toLowerCase().split(/[\s,]+/);
    // "Polizei und Staatsanwaltschaft": a later "die Staatsanwaltschaft" is one member, not the joint source.
    if (ws.some((w) => this.v.lex.coordinators.has(w))) return;
    for (const w of ws) if (w) words.add(w);
  }

  private addMention(rec: SourceRec, a: number, b: number): void {
    const sp = spanOf(this.v, a, b);
    if (!this.mentionStarts.get(rec)?.has(sp.start)) { rec.mentions.push(sp); this.indexMention(rec, sp); }
    this.promote(rec, sp.start);
  }

  /** Bring a record into the output (it was referred to at char offset `at`). */
  private promote(rec: SourceRec, at: number): void {
    rec.promoted = true;
    rec.first = Math.min(rec.first, at);
  }

  /** Record that `rec` spoke (or refused) at `token`, for later pronouns. */
  note(rec: SourceRec, token: number): void {
    this.events.push({ token, paragraph: this.paragraphOf(token), sentence: this.v.sentOf[token], rec });
  }

  /** The source of the latest event before `token` in the same sentence ("und fügte hinzu", ", der sagte"). */
  lastInSentence(token: number): SourceRec | null {
    const k = this.v.sentOf[token];
    for (let e = this.events.length - 1; e >= 0; e--) {
      const ev = this.events[e];
      if (ev.token >= token) continue;
      if (ev.sentence === k) return ev.rec;
      if (k >= 0 && ev.sentence >= 0 && ev.sentence < k) break; // events are in text order
    }
    return null;
  }

  /**
   * The subject opening the sentence of a coordinated verb when nobody spoke before it in that sentence ("Kerry
   * welcomed the plan and said …", "Selenskyj verschränkte die Arme … und monierte, dass …").
   */
  openingSubject(verb: number, number: 'sg' | 'pl' | 'any'): SourceRec | null {
    const v = this.v;
    const k = v.sentOf[verb];
    if (k < 0) return null;
    const S = subjectStart(v, sentenceRange(v, k)[0], verb);
    if (S >= verb || v.quoteOf[S]) return null;
    const np = postfieldSpeaker(v, S, verb);
    if (!np || np[1] - np[0] > MAX_SUBJECT_WORDS || np[1] >= verb) return null;
    return this.resolvePhrase(np[0], np[1], number);
  }

  /** The latest speaker within the paragraph window (for quotes that continue a speaker's words). */
  lastSpeaker(token: number): SourceRec | null {
    const p = this.paragraphOf(token);
    for (let e = this.events.length - 1; e >= 0; e--) {
      const ev = this.events[e];
      if (ev.token >= token) continue;
      if (p - ev.paragraph > PARAGRAPH_WINDOW) break; // events are in text order
      return ev.rec;
    }
    return null;
  }

  /**
   * The speaker of a quote that stands alone after its own sentence: the latest speaker, unless the sentence
   * right before it (same paragraph, after that speaker) is about a person ("Innenministerin X besuchte die
   * Grenze. Sie zeigte sich zufrieden. „…“"): then that person speaks.
   */
  continuationSpeaker(at: number): SourceRec | null {
    const v = this.v;
    const k = v.sentOf[at] - 1;
    const last = this.lastSpeaker(at);
    if (k < 0 || v.doc.sentences[k].paragraph !== this.paragraphOf(at)) return last;
    const [S, E] = sentenceRange(v, k);
    if (this.spokeBetween(S, at)) return last;
    return this.sentenceSubjectPerson(S, E) ?? last;
  }

  /** Did anyone speak (or refuse) at a token in [a, b)? Events are in text order. */
  private spokeBetween(a: number, b: number): boolean {
    for (let e = this.events.length - 1; e >= 0; e--) {
      const t = this.events[e].token;
      if (t < a) return false;
      if (t < b) return true;
    }
    return false;
  }

  /** The person (named, or a pronoun the entities stage resolved) opening the sentence [S, E), or null. */
  private sentenceSubjectPerson(S: number, E: number): SourceRec | null {
    const v = this.v;
    if (S >= E || v.quoteOf[S]) return null;
    const np = postfieldSpeaker(v, S, E);
    if (!np || np[1] - np[0] > MAX_SUBJECT_WORDS) return null;
    const info = analyzePhrase(v, np[0], np[1]);
    const entity = info.kind === 'pronoun' ? v.entities.resolvePronoun(np[0]) : info.kind === 'named' ? info.entity : null;
    if (!entity || v.entities.byId.get(entity)?.type !== 'person') return null;
    return this.resolveNamed({ ...info, kind: 'named', entity });
  }

  /** Resolve a speaker phrase to a source (creating or linking records). */
  resolvePhrase(a: number, b: number, verbNumber: 'sg' | 'pl' | 'any'): SourceRec | null {
    const v = this.v;
    // A phrase from the parse may open with the dateline ("TAIPEI The opposition leader …"): no part of it.
    const S = sentenceStartOf(v, a);
    if (a < S && S < b) a = S;
    // "a statement by the ministry": the document's author speaks.
    const author = documentAuthor(v, a, b);
    if (author) [a, b] = author;
    const np = nounPhraseIn(v, a, b);
    if (!np || inCredits(v, np[0])) return null;
    [a, b] = [np[0], nameEndAfter(v, np[0], np[1])];
    const info = groupReading(v, analyzePhrase(v, a, b));
    // "Some said …", „Einige sagten …“: a quantifier speaking on its own is an unnamed group of no stated number.
    if (b === a + 1 && (info.kind === 'named' || info.kind === 'description') && !info.entity && loneQuantifier(v, a)) {
      const noun = { lemma: v.lower[a], generic: false, spokesperson: false, collective: false, medium: false };
      return this.resolveGroup({ ...info, kind: 'group', noun, count: null, plural: true, singularForm: false });
    }
    // "Both spoke on condition of anonymity", "Beide baten …": a bare quantifier is the group last spoken of.
    if (info.count !== null && info.count > 1 && b - a <= 2 && !info.partitive && !v.lex.sourceNouns.has(v.lower[b - 1])
      && (b === a + 1 || !isCap(v, b - 1))) {
      const g = this.lastGroup(a, info.count);
      // "Die Ermittler sagten … Beide baten …": the quantifier gives the group its count.
      if (g) { if (g.count === null && !g.parent) g.count = info.count; this.addMention(g, a, a + 1); return g; }
    }
    if (info.kind === 'pronoun') {
      // "Ein Sprecher der AOK bestätigte … Weitere Angaben machte er nicht": an unnamed single source speaking in
      // this or the previous sentence is the antecedent the entities stage cannot know.
      const p0 = v.lex.pronouns.get(v.lower[a]) as PronounInfo;
      const last = this.events.length ? this.events[this.events.length - 1] : null;
      if (last && last.token < a && v.sentOf[a] - last.sentence <= 1 && last.rec.group && last.rec.count === 1
        && p0.number !== 'pl' && this.fits(last.rec, 'sg', p0.gender)) return last.rec;
      // "But Leadsom … said that …. "…," she said": a named person who spoke in this or the previous sentence, and
      // whose gender is the pronoun's or unknown, speaks again — before any nearer mention the entities stage may prefer (English only:
      // the German pronoun "sie" is also plural and formal).
      if (last && last.token < a && v.sentOf[a] - last.sentence <= 1 && !v.lex.verbSecond && last.rec.named && last.rec.entity
        && p0.number === 'sg' && (p0.gender === 'm' || p0.gender === 'f') && this.fits(last.rec, 'sg', p0.gender, true)) return last.rec;
      // The entities stage's own resolution, where it made one, comes first.
      const ent = v.entities.resolvePronoun(a);
      const e = ent ? v.entities.byId.get(ent) : undefined;
      if (e) return this.resolveNamed({ ...info, kind: 'named', entity: e.id });
      const p = v.lex.pronouns.get(v.lower[a]) as PronounInfo;
      return this.resolvePronoun(a, p, verbNumber);
    }
    if (info.kind === 'relative') return this.lastInSentence(a) ?? this.nearestPerson(a, true);
    if (info.kind === 'group' && totalOpened(v, a, b)) {
      // "Both leaders said …", „Die beiden Minister erklärten …“: a known pair — the group of two last spoken of, or
      // people already named, never a new anonymous source.
      const g = this.lastGroup(a, v.lex.totals.get(v.lower[a]) ?? v.lex.totals.get(v.lower[a + 1]) ?? null);
      if (g) { this.addMention(g, a, b); return g; }
      return null;
    }
    if (info.kind === 'group') {
      const rec = this.resolveGroup(info, verbNumber);
      // "The diplomats, both of whom …", "Die Beamten, beide aus …": a total right after the phrase counts it.
      const total = v.lower[b] === ',' ? v.lex.totals.get(v.lower[b + 1]) : undefined;
      if (total && rec.count === null && rec.plural && !rec.parent) rec.count = total;
      return rec;
    }
    return this.resolveNamed(info);
  }

  /** The latest group spoken of (plural, of `count` members when given) within the window before `token`. */
  private lastGroup(token: number, count: number | null): SourceRec | null {
    const para = this.paragraphOf(token);
    for (let e = this.events.length - 1; e >= 0; e--) {
      const ev = this.events[e];
      if (ev.token >= token) continue;
      if (para - ev.paragraph > PARAGRAPH_WINDOW) break;
      if (ev.rec.group && ev.rec.plural && (count === null || ev.rec.count === null || ev.rec.count === count)) return ev.rec;
    }
    return null;
  }

  /**
   * "so der Republikaner", "sagte der Demokrat": a definite singular whose one word names a party or a movement the
   * entities stage knows as an organisation describes a member of it — a person referred back to, not the party.
   */
  private partyMemberDescription(info: PhraseInfo): boolean {
    const v = this.v;
    if (info.kind !== 'named' || !info.definite || info.end - info.start !== 2 || !info.entity) return false;
    if (v.entities.byId.get(info.entity)?.type === 'person') return false;
    const w = v.lower[info.end - 1];
    return isGenericPersonHead(v.lex.refs, w) && !isPluralHead(v.lex.refs, w) && v.lex.singularDefinite.has(v.lower[info.start]);
  }

  /** The collective group (top-level, plural) mentioned last before char offset `before`, speaking or not ("Drei
   *  Ermittler … schätzen … Einer von ihnen"): the whole a partitive pronoun refers to. */
  private latestGroupMentioned(before: number): SourceRec | null {
    let best: SourceRec | null = null, at = -1;
    for (const r of this.topGroups) {
      if (!r.plural) continue;
      for (const m of r.mentions) if (m.start < before && m.start > at) { at = m.start; best = r; }
    }
    for (const [start, r] of this.passingAt) if (start < before && start > at && r.plural && !r.parent) { at = start; best = r; }
    return best;
  }

  /**
   * "die Ministerin" after "Wirtschaftsministerin Petra Lindner": a definite description whose head noun ends a
   * word of a recent named speaker's phrase refers back to that speaker. Failing that, a description whose head
   * names a kind of institution or person ("die Behörde", "the carrier", "die SPD-Politikerin") refers back to
   * the latest institution or person named before it.
   */
  private describedSpeaker(info: PhraseInfo): SourceRec | null {
    const v = this.v;
    // "der Spitzenkandidat von Partei A und Partei B": the head stands before its complement.
    let end = info.end;
    for (let t = info.start + 2; t < info.end; t++) if (v.lex.genitiveLinks.has(v.lower[t]) || v.lex.prepositions.has(v.lower[t])) { end = t; break; }
    if (!info.definite || info.entity || end - info.start > 4) return null;
    const word = v.lower[end - 1];
    const head = withoutGenitive(v.lex.refs, word); // "des Verbandes"
    if (head.length < MIN_HEAD) return null;
    const para = this.paragraphOf(info.start);
    for (let e = this.events.length - 1; e >= 0; e--) {
      const ev = this.events[e];
      if (ev.token >= info.start) continue;
      if (para - ev.paragraph > PARAGRAPH_WINDOW) break;
      if (!ev.rec.named || ev.rec.group) continue;
      const words = this.mentionWords.get(ev.rec);
      if (words) for (const w of words) if (w.endsWith(head)) return ev.rec;
    }
    const cls = descriptionClass(v.lex.refs, head);
    // "die Baden-Württembergerin": a woman described by a noun no list has refers back to the latest woman who spoke.
    if (!cls && end - info.start === 2 && v.lex.refs.definite.has(v.lower[info.start])
      && v.lex.refs.femininePersonSuffixes.some((x) => word.endsWith(x))) return this.latestWomanSpeaking(info.start);
    // "die Managerinnen" are several: no single person to refer back to.
    if (cls === 'person' && !isPluralHead(v.lex.refs, word)) return this.describedPersonBefore(info, word);
    // Institution nouns refer back only as the bare noun ("die Behörde", "the company"): a compound or a
    // capitalised name ("das Finanzministerium", "die EU-Kommission", "the Finance Ministry") names its own.
    if (cls === 'institution' && isBareHead(v.lex.refs, head) && !capitalisedInside(v, info.start + 1, info.end)) {
      return this.institutionBefore(info.start);
    }
    return null;
  }

  /** The latest speaker within the window known to be a woman (gender kept by the entities stage), or null. */
  private latestWomanSpeaking(at: number): SourceRec | null {
    const para = this.paragraphOf(at);
    for (let e = this.events.length - 1; e >= 0; e--) {
      const ev = this.events[e];
      if (ev.token >= at) continue;
      if (para - ev.paragraph > PARAGRAPH_WINDOW) break;
      if (ev.rec.entity && this.v.entities.byId.get(ev.rec.entity)?.attributes?.gender === 'f') return ev.rec;
    }
    return null;
  }

  /**
   * "sagte der US-Präsident": the latest person the text gave a role with that head (through the shared
   * resolver), else the latest person speaker, unless the text gave that one only other roles ("die Kanzlerin"
   * is not "der Präsident"). `sourceNoun`: the description is also an anonymous-source noun ("der Sprecher").
   */
  private describedPersonBefore(info: PhraseInfo, word: string, sourceNoun = false): SourceRec | null {
    const v = this.v, refs = v.lex.refs;
    const holder = describedPerson(refs, v.entities.roles, info.start, word)
      ?? introducedPerson(refs, v.lower, this.personMentions(), 0, info.start, word);
    if (holder && v.entities.byId.get(holder)) return this.resolveNamed({ ...info, kind: 'named', entity: holder });
    // "der Sprecher", "the official": a source noun names a new anonymous source unless a holder was named
    // before; only a generic one ("die Managerin", "the analyst") refers back to the last person speaking.
    if (sourceNoun && !isGenericPersonHead(refs, word)) return null;
    const rec = this.resolvePronoun(info.start, { number: 'sg', gender: null, person: 3 }, 'sg', true);
    const titles = (rec?.entity ? v.entities.byId.get(rec.entity)?.roles ?? [] : []).map((r) => r.title);
    // "the U.N. envoy said …" before "U.N. envoy Tom Varga": an office the next sentences give a person by name is
    // theirs, not that of an earlier speaker of no known office.
    if (!titles.length && !isGenericPersonHead(refs, word) && laterNamedPerson(v, info.start, info.end, null)) return null;
    return descriptionFits(refs, titles, word) ? rec : null;
  }

  private persons: PersonAt[] | null = null;

  /** The person mentions of the entity layer (outside quotes), in text order. */
  private personMentions(): PersonAt[] {
    if (this.persons) return this.persons;
    const v = this.v;
    this.persons = v.entities.mentions
      .filter((m) => v.entities.byId.get(m.entity)?.type === 'person' && !v.quoteOf[m.tokenStart])
      .map((m) => ({ tokenStart: m.tokenStart, entity: m.entity }));
    return this.persons;
  }

  /**
   * The institution a description like "die Behörde" / "the company" refers back to: the subject opening this or
   * the previous sentence when it names an institution (a non-person entity, a name, or a phrase built on an
   * institution noun). Further back the reference is too loose to resolve safely.
   */
  private institutionBefore(at: number): SourceRec | null {
    const v = this.v;
    const para = this.paragraphOf(at);
    const k0 = v.sentOf[at];
    for (let k = k0; k >= 0 && k0 - k <= 1; k--) {
      const [S, E] = sentenceRange(v, k);
      if (S >= at || para - v.doc.sentences[k].paragraph > PARAGRAPH_WINDOW) { if (S >= at) continue; break; }
      const np = postfieldSpeaker(v, S, Math.min(E, at));
      if (!np || np[1] - np[0] > 8) continue;
      // A name, or a phrase built on an institution noun ("Der Pflegeverband", "Die Staatsanwaltschaft Hannover").
      const info = analyzePhrase(v, np[0], np[1]);
      if (info.kind === 'pronoun' || info.kind === 'relative' || info.kind === 'group') continue;
      const ent = info.entity ? v.entities.byId.get(info.entity) : undefined;
      let institution = !!ent && ent.type !== 'person';
      for (let t = np[0]; t < np[1] && !institution; t++) institution = descriptionClass(v.lex.refs, v.lower[t]) === 'institution';
      // "Der Autozulieferer Brenkmann" tagged as a person: the institution noun before the name outweighs the tag.
      if (ent && ent.type === 'person' && !institution) continue;
      // Where all nouns are capitalised, a capital makes no name („Grund dafür war …“): an entity must stand there.
      if (!institution && (v.lex.nounsCapitalised ? !ent : !hasNameLike(v, np[0], np[1]))) continue;
      return this.resolveNamed(info);
    }
    // Failing that, the latest named institution that spoke (or refused) within the window: "the company said"
    // two sentences after the company's own statement.
    for (let e = this.events.length - 1; e >= 0; e--) {
      const ev = this.events[e];
      if (ev.token >= at) continue;
      if (para - ev.paragraph > PARAGRAPH_WINDOW) break;
      if (!ev.rec.named || ev.rec.group || ev.rec.personLike) continue;
      // Only an organisation (by the entities stage, or by an institution word in its phrase): never a document.
      const type = ev.rec.entity ? v.entities.byId.get(ev.rec.entity)?.type : undefined;
      const words = this.mentionWords.get(ev.rec);
      if (type === 'organization' || !type && words && [...words].some((w) => descriptionClass(v.lex.refs, w) === 'institution')) return ev.rec;
    }
    return null;
  }


  private resolveNamed(info: PhraseInfo): SourceRec {
    const v = this.v;
    const described = info.kind === 'description' || this.partyMemberDescription(info) ? this.describedSpeaker({ ...info, entity: null }) : null;
    if (described) { this.addMention(described, info.start, info.end); return described; }
    const key = info.entity ? `entity:${info.entity}` : `name:${nameKey(v, info)}`;
    const hit = this.byKey.get(key);
    if (hit) { this.addMention(hit, info.start, info.end); return hit; }
    const rec = this.newRec(info, { key, named: info.kind === 'named' || !info.noun, entity: info.entity });
    if (info.entity) {
      const e = v.entities.byId.get(info.entity);
      if (e) rec.description = e.name;
    }
    this.byKey.set(key, rec);
    return rec;
  }

  private compatibleAffiliation(rec: SourceRec, info: PhraseInfo): boolean {
    return !info.affiliation || !rec.affiliation || rec.affiliation === info.affiliation
      || (rec.parent !== null && this.compatibleAffiliation(rec.parent, info));
  }

  private resolveGroup(info: PhraseInfo, verbNumber: 'sg' | 'pl' | 'any' = 'any'): SourceRec {
    const before = this.v.doc.tokens[info.start].start;
    const same = this.groupAt.get(before);
    // The same words again, or a phrase cut at another place around the same head ("A diplomat who asked not to be
    // named" as the speaker, "A diplomat" as the one asking): one source.
    if (same && (same.end === this.v.doc.tokens[info.end - 1].end || same.rec.lemma === (info.noun?.lemma ?? null) && !info.partitive)) {
      this.addMention(same.rec, info.start, info.end);
      return same.rec;
    }
    const earlier = this.topGroups.filter((r) => r.first < before);
    if (info.partitive) {
      const n = info.count ?? 0;
      const parents = earlier.filter((r) => r.parent === null && (r.count === null || r.count > n)
        && (info.ofCount === null || r.count === info.ofCount || r.count === null && info.ofCount > n)
        && (info.noun?.generic || r.lemma === info.noun?.lemma) && this.compatibleAffiliation(r, info));
      // Prefer the same noun, then the largest group, then the earliest.
      parents.sort((x, y) => Number(y.lemma === info.noun?.lemma) - Number(x.lemma === info.noun?.lemma)
        || (y.count ?? 0) - (x.count ?? 0) || x.first - y.first);
      const last = info.pronounWhole ? this.latestGroupMentioned(before) ?? this.lastGroup(info.start, null) : null;
      const parent = (last && last.parent === null && (last.count === null || last.count > n) ? last : null) ?? parents[0] ?? null;
      if (parent) {
        // "Die Ermittler … Einer der drei Ermittler": the part tells the whole's count.
        if (parent.count === null && info.ofCount !== null && info.ofCount > n) parent.count = info.ofCount;
        this.promote(parent, this.v.doc.tokens[info.start].start); // promoted, but the part's words are no mention of the whole
        const same = this.childrenOf.get(parent)?.find((r) => r.count === info.count);
        if (same) { this.addMention(same, info.start, info.end); return same; }
        return this.newGroup(info, parent);
      }
      return this.newGroup(info);
    }
    if (info.definite || (info.count !== null && info.count > 1)) {
      // "die (sechs) (japanischen) Beamten": an earlier group of that noun; "sechs Beamte" again: the same six.
      // "Die Beamten … Die drei Beamten": a definite mention with a count counts the uncounted group it refers to.
      const countable = (r: SourceRec) => info.count === null || r.count === info.count || (info.definite && r.count === null && r.plural);
      const match = earlier.filter((r) => r.parent === null && (r.lemma === info.noun?.lemma || (info.noun?.generic && info.definite))
        && countable(r) && this.compatibleAffiliation(r, info)
        && (info.definite || r.affiliation === info.affiliation));
      match.sort((x, y) => (y.count ?? 0) - (x.count ?? 0) || x.first - y.first);
      if (match[0]) {
        if (match[0].count === null && info.count !== null) match[0].count = info.count;
        this.addMention(match[0], info.start, info.end);
        return match[0];
      }
    }
    // "mehrere Diplomaten … nach Angaben von Diplomaten", "Rousseff’s opponents … opponents say": a bare plural of the
    // noun of an earlier uncounted group is that group again (the latest one of that noun).
    if (this.barePlural(info)) {
      const prev = earlier.filter((r) => r.parent === null && r.lemma === info.noun?.lemma && r.count === null && r.plural
        && this.compatibleAffiliation(r, info)).sort((x, y) => y.first - x.first)[0];
      if (prev) { this.addMention(prev, info.start, info.end); return prev; }
    }
    // "fügte die Managerin hinzu", "the analyst said": a short definite singular whose noun also names a kind of
    // person (matched on the word's end, so no plural "analysts"), with no earlier group of that noun and no plural
    // verb, refers back to the person last spoken of.
    // An affiliation does not stop a generic description ("die SPD-Politikerin") from referring back.
    const last = this.v.lower[info.end - 1];
    if (info.definite && info.count === null && verbNumber !== 'pl' && info.end - info.start <= 3
      && (!info.affiliation || isGenericPersonHead(this.v.lex.refs, last)) && descriptionClass(this.v.lex.refs, last) === 'person') {
      const person = this.describedPersonBefore(info, this.v.lower[info.end - 1], true);
      if (person) { this.addMention(person, info.start, info.end); return person; }
    }
    const hereNow = this.passingAt.get(before);
    if (hereNow && !hereNow.promoted) { this.addMention(hereNow, info.start, info.end); return hereNow; }
    return this.newGroup(info);
  }

  /** Does the group phrase open with its source noun or an adjective before it, with no article, number or possessor? */
  private bareNoun(info: PhraseInfo): boolean {
    const v = this.v, lex = v.lex;
    for (let t = info.start; t < info.end; t++) {
      const w = v.lower[t];
      if (lex.determiners.has(w) || lex.numbers.has(w) || lex.genitiveLinks.has(w) || lex.pronouns.has(w)) return false;
      if (info.mentions.some((m) => m.kind === 'possessive' && m.tokenStart <= t && t < m.tokenEnd)) return false;
      if (lex.sourceNouns.has(w)) return true;
    }
    return false;
  }

  /** A plural group phrase with no article, quantifier or number of its own ("Diplomaten", "opponents"). */
  private barePlural(info: PhraseInfo): boolean {
    const lex = this.v.lex;
    if (info.definite || info.count !== null || info.partitive || !info.plural || !info.noun) return false;
    for (let t = info.start; t < info.end; t++) {
      const w = this.v.lower[t];
      if (lex.determiners.has(w) || lex.pluralOnly.has(w) || lex.numbers.has(w) || lex.totals.has(w)) return false;
    }
    return true;
  }

  /**
   * A pronoun's source: the latest speaker (or refusing source) before it within the window whose number
   * fits. Unnamed single sources fit plural pronouns too (singular "they", its German translation "sie").
   */
  resolvePronoun(at: number, p: PronounInfo, verbNumber: 'sg' | 'pl' | 'any', person = false): SourceRec | null {
    const number = p.number === 'sg|pl' ? (verbNumber === 'any' ? 'any' : verbNumber) : p.number;
    const para = this.paragraphOf(at);
    let best: Event | null = null;
    for (let e = this.events.length - 1; e >= 0; e--) {
      const ev = this.events[e];
      if (ev.token >= at) continue;
      if (para - ev.paragraph > PARAGRAPH_WINDOW) break;
      if (this.fits(ev.rec, number, p.gender, person)) { best = ev; break; }
    }
    if (number === 'pl') return best ? best.rec : null;
    // A named person who is the subject of a later sentence than the last speaker is the nearer antecedent
    // ("Bundeskanzler X äußerte sich vorsichtig. Er sagte, …").
    const subject = this.latestNamedSubject(at, best ? best.token : -1, p.gender);
    if (subject) return subject;
    return best ? best.rec : this.nearestPerson(at, false);
  }

  /** The named subject opening a sentence between `after` and `at` (nearest first), within the window. */
  private latestNamedSubject(at: number, after: number, gender: string | null): SourceRec | null {
    const v = this.v;
    const k0 = v.sentOf[at];
    const para = this.paragraphOf(at);
    for (let k = k0 - 1; k >= 0 && k0 - k <= 3; k--) {
      const s = v.doc.sentences[k];
      if (para - s.paragraph > PARAGRAPH_WINDOW || s.tokenEnd <= after) break;
      const a = sentenceRange(v, k)[0]; // without the dateline
      if (a <= after || isPunct(v, a) || v.quoteOf[a]) continue;
      const np = postfieldSpeaker(v, a, s.tokenEnd);
      if (!np || np[1] - np[0] > 8) continue;
      const info = analyzePhrase(v, np[0], np[1]);
      // "Ein Anwohner, der … beobachtet hatte, berichtete … „…“, sagte der 67-Jährige": one unnamed person opening a
      // later sentence than the last speaker is the nearer antecedent too.
      if ((info.kind === 'group' || info.kind === 'description' && descriptionClass(v.lex.refs, v.lower[info.end - 1]) !== 'institution')
        && info.count === 1 && !info.partitive && !info.definite && info.end - info.start <= 4) {
        const rec = info.kind === 'group' ? this.resolveGroup(info) : this.resolveNamed(info);
        if (this.fits(rec, 'sg', gender)) return rec;
        continue;
      }
      if (info.kind !== 'named') continue;
      const ent = info.entity ? v.entities.byId.get(info.entity) : undefined;
      if (ent && ent.type !== 'person') continue;
      if (!ent && !hasNameLike(v, np[0], np[1])) continue;
      const rec = this.resolveNamed(info);
      if (this.fits(rec, 'sg', gender)) return rec;
    }
    return null;
  }

  private fits(rec: SourceRec, number: string, gender: string | null, person = false): boolean {
    const plural = rec.group ? rec.plural : false;
    if (number === 'sg' && plural) return false;
    // "he", "she", "the minister": never an institution or a description like "the federal government".
    if ((person || gender === 'm' || gender === 'f') && !rec.personLike) return false;
    if (number === 'pl' && !plural && !(rec.group && rec.count === 1)) return false;
    if (gender && rec.entity) {
      const g = this.v.entities.byId.get(rec.entity)?.attributes?.gender;
      if (typeof g === 'string' && g[0] !== gender) return false;
      const t = this.v.entities.byId.get(rec.entity)?.type;
      if ((gender === 'm' || gender === 'f') && t && t !== 'person') return false;
    }
    return true;
  }

  /** Fallback antecedent: the nearest person mention before `at` (outside quotes) in the window. */
  private nearestPerson(at: number, sameSentence: boolean): SourceRec | null {
    const v = this.v;
    const para = this.paragraphOf(at);
    const ms = v.entities.mentions;
    // Mentions are sorted by offset: start at the last one before `at` instead of the document's end.
    const from = v.doc.tokens[at]?.start ?? v.doc.text.length;
    let lo = 0, hi = ms.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ms[mid].start < from) lo = mid + 1; else hi = mid; }
    for (let k = lo - 1; k >= 0; k--) {
      const m = ms[k];
      if (m.tokenStart >= at || v.quoteOf[m.tokenStart]) continue;
      if (sameSentence && v.sentOf[m.tokenStart] !== v.sentOf[at]) return null;
      if (para - this.paragraphOf(m.tokenStart) > PARAGRAPH_WINDOW) return null;
      const e = v.entities.byId.get(m.entity);
      if (!e || e.type !== 'person' || m.kind === 'pronoun') continue;
      return this.resolveNamed({ ...analyzePhrase(v, m.tokenStart, m.tokenEnd), entity: e.id, kind: 'named' });
    }
    // No person mention (no NER): the named subject opening one of the previous sentences.
    if (sameSentence) return null;
    const k0 = v.sentOf[at];
    for (let k = k0 - 1; k >= 0 && k0 - k <= 3; k--) {
      const s = v.doc.sentences[k];
      if (para - s.paragraph > PARAGRAPH_WINDOW) break;
      const [S, E] = sentenceRange(v, k); // without the dateline ("VITTE (Agentur) -" is nobody's name here)
      const np = postfieldSpeaker(v, S, E);
      if (!np || np[1] - np[0] > 6) continue;
      const info = analyzePhrase(v, np[0], np[1]);
      if (info.kind === 'named' && hasNameLike(v, np[0], np[1])) return this.resolveNamed(info);
    }
    return null;
  }

  /** The promoted records as contract sources, numbered s1… in order of first mention. */
  finalize(): Source[] {
    const out = this.recs.filter((r) => r.promoted).sort((a, b) => a.first - b.first);
    out.forEach((r, i) => { r.id = `s${i + 1}`; });
    return out.map((r) => {
      const s: Source = {
        id: r.id, description: r.description, named: r.named, entity: r.entity, count: r.count,
        affiliation: r.affiliation, mentions: r.mentions.slice().sort((a, b) => a.start - b.start),
        parent: r.parent && r.parent.promoted ? r.parent.id : null,
        anonymityReason: r.anonymityReason,
      };
      if (r.responses.length) s.responses = r.responses;
      return s;
    });
  }
}

/** The group a phrase names though it reads as a name: a possessor's people ("Rousseff’s backers"), a quantified
 *  people or party ("many Democrats"). */
const groupReading = (v: DocView, info: PhraseInfo): PhraseInfo => {
  const p = possessedGroup(v, info);
  return p !== info ? p : quantifiedGroup(v, info);
};

/**
 * Does [a, b) open with a word of totality over the rest ("both leaders", "both the finance and defence ministers",
 * „beide Parteien“, „die beiden Minister“)? Such a phrase refers to a set the reader already knows.
 */
function totalOpened(v: DocView, a: number, b: number): boolean {
  const lex = v.lex;
  const k = lex.totals.has(v.lower[a]) ? a : lex.definite.has(v.lower[a]) && lex.totals.has(v.lower[a + 1]) ? a + 1 : -1;
  // "both of them" is a partitive handled elsewhere; a total alone ("Both said") is the bare quantifier case.
  return k >= 0 && b - k >= 2 && !lex.genitiveLinks.has(v.lower[k + 1]) && !lex.prepositions.has(v.lower[k + 1]);
}

/** Is a single-member group phrase followed by a person's name in apposition („Die frühere Sprecherin des Landtags,
 *  Anna Weber, …“)? The named person is meant, no anonymous source. */
function namedByApposition(v: DocView, info: PhraseInfo): boolean {
  const one = info.count === 1 || info.count === null && info.singularForm && !info.partitive;
  return one && v.lower[info.end] === ',' && personNameAt(v, info.end + 1);
}

/** Is token t a quantifier or an indefinite determiner that can stand alone for people ("some", "einige", „andere“, "all")? */
function loneQuantifier(v: DocView, t: number): boolean {
  const w = v.lower[t], lex = v.lex;
  return lex.pluralOnly.has(w) || lex.determiners.has(w) && !lex.definite.has(w) && !lex.numbers.has(w) && !lex.genitiveLinks.has(w);
}

/** Does [a, b) hold a source noun outside any entity's name ("Doctors Without Borders", "the United Nations" hold none)? */
function hasSourceNoun(v: DocView, a: number, b: number): boolean {
  for (let t = a; t < b; t++) if (v.lex.sourceNouns.has(v.lower[t]) && !inNameMention(v, t)) return true;
  return false;
}

/** Longest stretch a speaker phrase is extended by to take in the rest of a name it cuts ("Badr al-Bussaidi"). */
const MAX_NAME_TAIL = 4;

/**
 * The end of a speaker phrase [a, b), moved past the end of a name that starts inside it and runs on ("der
 * Außenminister Badr | al-Bussaidi", "Linken-Chef Jan | van Aken"): the chunker stops at a lowercase name part.
 */
function nameEndAfter(v: DocView, a: number, b: number): number {
  let end = b;
  for (const m of mentionsIn(v, a, Math.min(v.lower.length, b + MAX_NAME_TAIL))) {
    if (m.tokenStart < b && m.tokenEnd > end && m.tokenEnd - b <= MAX_NAME_TAIL && m.kind !== 'pronoun') end = m.tokenEnd;
  }
  return end;
}

/** Does token t lie in the dateline or the byline ("WASHINGTON (Reuters) -", "Von Anna Schmidt")? Those never speak. */
function inCredits(v: DocView, t: number): boolean {
  const at = v.doc.tokens[t]?.start ?? -1;
  const spans = [v.dateline, v.doc.byline?.span];
  return spans.some((sp) => !!sp && at >= sp.start && at < sp.end);
}

/** Is a word in [a, b) capitalised where the language does not capitalise nouns (a name inside the phrase)? */
function capitalisedInside(v: DocView, a: number, b: number): boolean {
  if (v.lex.nounsCapitalised) return false;
  for (let k = a; k < b; k++) if (isCap(v, k)) return true;
  return false;
}

const groupKey = (lemma: string | null, count: number | null, affiliation: string | null) => `${lemma}|${count}|${affiliation}`;

/** Description of a phrase: its text without a leading determiner of an indefinite reference. */
function stripDescription(v: DocView, a: number, b: number): string {
  return textOf(v, a, b);
}

/**
 * A key that makes "Tsuneo Watanabe" and a later "Watanabe" one source when no NER links them: the last
 * word of the phrase's name (of its appositive name after a description). A description without a
 * name ("das Büro von Aso") keys on its whole text.
 */
function nameKey(v: DocView, info: PhraseInfo): string {
  const lex = v.lex;
  let k = info.start;
  if (lex.determiners.has(v.lower[k]) || lex.numbers.has(v.lower[k])) {
    while (k < info.end && v.lower[k] !== ',') k++;
    if (k >= info.end) return 'd:' + textOf(v, info.start, info.end).toLowerCase();
    k++;
  }
  while (k < info.end && !isCap(v, k)) k++;
  let last = k;
  while (last + 1 < info.end && isCap(v, last + 1)) last++;
  return k < info.end ? v.lower[last] : 'd:' + textOf(v, info.start, info.end).toLowerCase();
}
