/**
 * Entry point of the quotes stage: direct, indirect and mixed speech, their speakers and channels, and
 * the article's sources as records (named people and institutions, anonymous groups with counts,
 * affiliations, subsets, anonymity reasons, refusals), plus the article's sourcing profile.
 */
import type { Doc } from '../text/types.js';
import type { Quote, SpanOut } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import { channelName, findChannel } from './channels.js';
import { loadQuoteLexicon } from './lexicon.js';
import { findQuoteSpans } from './marks.js';
import { sourcingProfile } from './profile.js';
import { anonymityClause, findResponses, type ResponseHit } from './responses.js';
import { SourceRegistry, type SourceRec } from './sources.js';
import { collectStatements, type Statement } from './statements.js';
import { attachFollowingCues } from './following-cue.js';
import { findPattern, matchPatternAt } from './token-pattern.js';
import { chunkNP } from './phrases.js';
import type { QuoteDetail, QuoteLayer } from './types.js';
import { buildView, isPunct, sentenceRange, spanOf, spansOverlapping, tokenAt, type DocView } from './view.js';
import { wordCount } from './attribution.js';
import { embeddedSubject } from './embedded-subject.js';
import { relayOf, relayedSubject } from './relay.js';
import { colonClauseSubject, parsedSubject, phraseTokens, sharedSubject } from './parse-subject.js';
import { parseStatements } from './parse-statements.js';
import { predicativeStatements } from './predicative.js';
import { attitudeStatements } from './attitude.js';
import { chargeStatements } from './accusation.js';
import { analyzePhrase } from './phrase-info.js';
import { appositiveName } from './apposition.js';
import { pronounFits, salientSubject } from './salient-subject.js';
import { relativeAntecedent } from './relative-antecedent.js';
import { laterNamedPerson } from './forward-description.js';
import { resolveForwardSpeakers } from './forward-speaker.js';
import { previousSubjectSpeaker } from './continuation.js';
import { resolveColonSpeakers } from './colon-speaker.js';
import { widenNestedReports } from './nested-report.js';
import { wordsPhraseSpeaker } from './words-phrase.js';
import { addInstitutionAliases, addSpeakerEntities } from './speaker-entities.js';
import type { SyntaxLayer } from '../syntax/types.js';

export type { QuoteLayer, QuoteDetail, SourcingProfile } from './types.js';

/** A quoted span shorter than this (in words) is speech only when a reporting cue attaches to it. */
export const TERM_MAX_WORDS = 3;

/**
 * `syntaxOf` gives the parse on demand (the pipeline's lazy syntax stage); the stage asks for it only for reporting
 * verbs in embedded clauses, and works without it.
 */
export function extractQuotes(doc: Doc, entities: EntityLayer, syntaxOf?: () => SyntaxLayer | null): QuoteLayer {
  const lex = loadQuoteLexicon(doc.language);
  const spans = findQuoteSpans(doc.text, doc.paragraphs);
  const v = buildView(doc, lex, entities, spans);
  v.syntaxOf = syntaxOf;
  const registry = new SourceRegistry(v);
  const { statements, attributed } = collectStatements(v, syntaxOf);
  // Reporting verbs with a clausal complement the word-order rules missed, from the parse.
  const syn = syntaxOf ? syntaxOf() : null;
  const parsed = syn ? parseStatements(v, syn, statements, phraseTokens) : [];
  // Judging verbs' predicates ("hailed the deal as …", „bezeichnete X als …“): noun-phrase content.
  const predicates = syn ? predicativeStatements(v, syn, [...statements, ...parsed], phraseTokens) : [];
  // Voiced attitudes ("voiced concern about …"): the attitude phrase is noun-phrase content.
  const attitudes = syn ? attitudeStatements(v, syn, [...statements, ...parsed, ...predicates], phraseTokens) : [];
  // Charging verbs ("accused X of …"): the charge after the object is the content.
  const charges = syn ? chargeStatements(v, syn, [...statements, ...parsed, ...predicates, ...attitudes], phraseTokens) : [];
  for (const st of [...parsed, ...predicates, ...attitudes, ...charges]) {
    v.spans.forEach((q, i) => {
      if (!attributed.has(i) && q.open >= st.start - 1 && q.close <= st.end + 1) { st.kind = 'mixed'; st.spans.push(i); attributed.add(i); }
    });
    statements.push(st);
  }
  // „Er habe X darüber informiert, dass …“ after a report: the outer continuation, not a statement of its own.
  if (syn) widenNestedReports(v, syn, statements);
  const terms: SpanOut[] = [];

  // Quoted spans no cue attached to: a mere term, a quote continuing the last speaker, or an unattributed quote.
  for (let i = 0; i < spans.length; i++) {
    if (attributed.has(i)) continue;
    const q = spans[i];
    const open = tokenAt(doc, q.open), close = tokenAt(doc, q.close), a = tokenAt(doc, q.start);
    const startsSentence = open === 0 || isPunct(v, open - 1) && /[.!?:]/.test(v.lower[open - 1]) || v.sentOf[open] >= 0 && sentenceRange(v, v.sentOf[open])[0] === open
      || q.start > 0 && doc.paragraphs[q.paragraph]?.start === q.open;
    // A quoted whole sentence ("I notice.") is speech however short; a term sits inside someone else's sentence.
    const wholeSentence = startsSentence && /[.!?]$/.test(doc.text.slice(q.start, q.end).trimEnd());
    if (!wholeSentence && isQuotedTerm(v, open, a, close)) { terms.push({ start: q.start, end: q.end, text: doc.text.slice(q.start, q.end) }); continue; }
    const text = doc.text.slice(q.start, q.end).trim();
    statements.push({
      kind: 'direct', content: [a, close], start: q.start, end: q.end, text, spans: [i], cue: null, form: null,
      subject: startsSentence ? { type: 'continuation' } : { type: 'none' }, attribution: null, anchor: open,
    });
  }

  attachFollowingCues(v, statements);

  // Resolve speakers (and refusing subjects) in text order, so pronouns see the speakers before them.
  const responses = findResponses(v);
  type Item = { at: number; st?: Statement; resp?: ResponseHit };
  const items: Item[] = [
    ...statements.map((st) => ({ at: st.anchor, st })),
    ...responses.map((resp) => ({ at: resp.subject ? resp.subject[0] : resp.range[0], resp })),
  ].sort((x, y) => x.at - y.at);
  const recOf = new Map<Statement, SourceRec | null>();
  // Sentences holding a statement's cue or content: a continuation after one of them continues that statement.
  const reportedBy = new Map<number, Set<Statement>>();
  for (const st of statements) {
    for (const t of [st.content[0], st.content[1] - 1, ...(st.cue ? [st.cue[0]] : [])]) {
      if (t < 0 || t >= v.lower.length) continue;
      const k = v.sentOf[t];
      if (!reportedBy.has(k)) reportedBy.set(k, new Set());
      reportedBy.get(k)!.add(st);
    }
  }
  const reported = new Set(reportedBy.keys());
  /** Does sentence k hold a statement other than `st`? */
  const reportsBesides = (k: number, st: Statement) => [...(reportedBy.get(k) ?? [])].some((x) => x !== st);
  const how = new Map<Statement, QuoteDetail['resolution']>();
  const spoken: { last: { rec: SourceRec; at: number } | null } = { last: null };
  for (const it of items) {
    if (it.resp) {
      const r = it.resp;
      const rec = r.subject ? (r.relative ? registry.lastInSentence(r.subject[0]) : registry.resolvePhrase(r.subject[0], r.subject[1], 'any')) : null;
      if (rec) {
        rec.responses.push({ kind: r.kind, evidence: spanOf(v, r.range[0], r.range[1]) });
        registry.note(rec, it.at);
      }
      continue;
    }
    const st = it.st!;
    const number = st.form ? st.form.number : 'any';
    let rec: SourceRec | null = null;
    const emb = st.cue && st.form ? embeddedSubject(v, st.cue[0], st.subject.type === 'phrase' ? st.subject.range : null, syntaxOf) : null;
    if (emb) st.subject = { type: 'phrase', range: emb };
    // "zitiert die Nachrichtenagentur AFP den Minister": the one quoted speaks, the one quoting is the channel.
    const relay = relayOf(v, st);
    if (relay) {
      if (relay.channel) st.relayChannel = channelName(v, relay.channel[0], relay.channel[1]);
      st.subject = relayedSubject(relay);
    }
    // "„…“, ergänzte er": a pronoun that speaks right after a quote, in the paragraph of the statement before it,
    // goes on with that statement's speaker when the pronoun fits them.
    const prev = spoken.last;
    const goesOn = !!prev && st.subject.type === 'phrase' && st.subject.range[1] === st.subject.range[0] + 1 && st.kind !== 'indirect'
      && st.cue !== null && st.cue[0] > st.content[0] && v.doc.tokens[prev.at].start >= paragraphStart(v, st.anchor)
      && !!prev.rec.entity && pronounFits(v, st.subject.range[0], prev.rec.entity);
    if (goesOn && prev) rec = prev.rec;
    else if (st.subject.type === 'phrase') {
      const [a, b] = st.subject.range;
      const ap = appositiveName(v, a, b);
      // A speaking pronoun: the subject the text is about, by the parse (see salient-subject.ts).
      const sal = !ap && b === a + 1 ? salientSubject(v, a, syntaxOf) : null;
      if (ap || sal) st.subject = { type: 'phrase', range: (ap ?? sal)! };
    }
    const sub = st.subject;
    if (goesOn) { /* rec set above */ } else if (sub.type === 'phrase') rec = registry.resolvePhrase(sub.range[0], sub.range[1], number);
    else if (sub.type === 'relative') rec = relativeSpeaker(v, registry, sub.at, number, syntaxOf);
    else if (sub.type === 'coordinated') rec = coordinatedSpeaker(v, registry, sub.at, number, syntaxOf);
    else if (sub.type === 'continuation') rec = previousSubjectSpeaker(v, registry, st.anchor, reported, syntaxOf) ?? registry.continuationSpeaker(st.anchor);
    // A quote after a colon whose clause the rules did not read: the parse's subject of that clause speaks.
    const colonAt = tokenAt(doc, v.spans[st.spans[0]]?.open ?? 0) - 1;
    if (st.kind === 'direct' && (!rec || rec.named && !rec.entity || sub.type === 'continuation' && !reportsBesides(v.sentOf[Math.max(0, colonAt)], st))) {
      const cs = colonClauseSubject(v, tokenAt(doc, v.spans[st.spans[0]].open), syntaxOf);
      const info = cs ? analyzePhrase(v, cs[0], cs[1]) : null;
      if (cs && info && (info.kind === 'named' && info.entity || info.kind === 'group')) {
        rec = registry.resolvePhrase(cs[0], cs[1], 'any');
        st.subject = { type: 'phrase', range: cs };
      }
    }
    // „… beendete das Gespräch mit den Worten „…““: the clause's subject.
    if (st.kind === 'direct' && !st.cue && (!rec || !rec.entity)) {
      const open = tokenAt(doc, v.spans[st.spans[0]].open);
      const w = wordsPhraseSpeaker(v, registry, open, syntaxOf) ?? attributionGoesOn(v, statements, recOf, open);
      if (w) rec = w;
      // „Trump dagegen „hat …““ right after a sentence reporting someone's words: a quote inside a sentence with no
      // cue of its own goes on with them.
      else if (!rec && sub.type === 'none' && reported.has(v.sentOf[open] - 1) && !reportsBesides(v.sentOf[open], st)) rec = registry.lastSpeaker(open);
    }
    // "…, hieß es von X: „…“": a quote right after the colon that closes another statement's cue phrase is that
    // statement's speaker's.
    if (st.kind === 'direct' && sub.type === 'continuation' && v.lower[colonAt] === ':') {
      const before = statements.find((o) => o !== st && o.cue && o.cue[1] === colonAt && recOf.get(o));
      if (before) rec = recOf.get(before)!;
    }
    // The rules' subject names nobody the article knows ("Perhaps fearful of …", "Ursprünglich"): the parse's
    // subject of the verb, when it resolves to an actor or a group.
    if (st.cue && st.form && !relay && (!rec || rec.named && !rec.entity)) {
      const ps = parsedSubject(v, st, syntaxOf);
      const info = ps ? analyzePhrase(v, ps[0], ps[1]) : null;
      // "The presumptive Republican nominee declined …, but said …": a description qualified by a name counts too.
  const qualified = info?.kind === 'description' && info.definite && info.affiliation !== null;
  if (ps && info && (info.kind === 'pronoun' || info.kind === 'group' || info.kind === 'named' && info.entity || qualified)) {
        const alt = registry.resolvePhrase(ps[0], ps[1], number);
        if (alt && (alt.entity || alt.group)) { rec = alt; st.subject = { type: 'phrase', range: ps }; }
      }
    }
    // "the U.N. envoy said …" before the text names the envoy: the person introduced with that office next.
    if (st.subject.type === 'phrase') {
      const later = laterNamedPerson(v, st.subject.range[0], st.subject.range[1], rec);
      if (later) rec = registry.resolvePhrase(later[0], later[1], 'sg');
    }
    recOf.set(st, rec);
    how.set(st, sub.type === 'phrase'
      ? (sub.range[1] - sub.range[0] === 1 && lex.pronouns.has(v.lower[sub.range[0]]) ? 'pronoun' : 'phrase')
      : sub.type === 'none' ? 'none' : sub.type);
    if (rec) registry.note(rec, st.anchor);
    spoken.last = rec ? { rec, at: st.anchor } : null;
  }

  // "X's foreign minister said … . '…,' Maria Lopez told reporters.": the office named next.
  resolveForwardSpeakers(v, statements, recOf);
  // „X ändere nichts daran: „…“, sagte Y“: the clause before the colon is Y's too.
  resolveColonSpeakers(v, statements, recOf);
  registry.collectSilentGroups(syntaxOf);
  const speakers = new Set([...recOf.values()].filter((r): r is SourceRec => !!r));
  addSpeakerEntities(v, entities, speakers);
  addInstitutionAliases(v, speakers);

  // Sentences stating why a group stays anonymous ("Sie baten darum, nicht namentlich genannt zu werden, …").
  const inContent = contentCover(v.lower.length, statements);
  for (let k = 0; k < doc.sentences.length; k++) {
    const [S, E] = sentenceRange(v, k);
    if (!lex.anonymity.some((p) => { const m = findPattern(p, v.lower, S, E); return m && !v.quoteOf[m.start]; })) continue;
    let e = chunkNP(v, S, E);
    // "Die beiden wollten anonym bleiben": a headless quantifier (with its article) is no chunk of its own.
    if (e <= S) {
      const q = lex.determiners.has(v.lower[S]) && !lex.numbers.has(v.lower[S]) ? S + 1 : S;
      if (lex.numbers.has(v.lower[q]) && !isPunct(v, q + 1)) e = q + 1;
    }
    e = endAtSourceNoun(v, S, e);
    // "Both asked not to be named": a total with no source noun after it stands alone.
    if (lex.totals.has(v.lower[S]) && !v.lower.slice(S + 1, e).some((w) => lex.sourceNouns.has(w))) e = S + 1;
    if (e <= S || inContent[S] > 0) continue;
    const rec = registry.resolvePhrase(S, e, 'pl');
    if (rec && rec.group && !rec.anonymityReason) rec.anonymityReason = spanOf(v, S, E - (isPunct(v, E - 1) ? 1 : 0));
  }

  // Stated reasons for anonymity, attached to group mentions.
  for (const rec of registry.recs) {
    if (!rec.group || rec.anonymityReason) continue;
    for (const m of rec.mentions) {
      const r = anonymityClause(v, tokenAt(doc, m.end));
      if (r) { rec.anonymityReason = spanOf(v, r[0], r[1]); break; }
    }
  }

  const sources = registry.finalize();
  statements.sort((x, y) => x.start - y.start);
  const quotes: Quote[] = [];
  const details: QuoteDetail[] = [];
  for (const st of statements) {
    const rec = recOf.get(st) ?? null;
    const id = `q${quotes.length + 1}`;
    const source = rec && rec.promoted ? rec.id : null;
    quotes.push({
      id, kind: st.kind, text: st.text, start: st.start, end: st.end,
      speaker: rec && rec.named ? rec.entity : null,
      source,
      cue: st.cue ? spanOf(v, st.cue[0], st.cue[1]) : null,
      channel: channelOf(v, st),
    });
    const sub = st.subject;
    details.push({
      quote: id,
      sentences: sentencesOf(v, st.start, st.end),
      speakerSpan: sub.type === 'phrase' ? spanOf(v, sub.range[0], sub.range[1]) : sub.type === 'relative' ? spanOf(v, sub.at, sub.at + 1) : null,
      resolution: how.get(st) ?? 'none',
    });
  }
  return { quotes, sources, details, terms, profile: sourcingProfile(quotes, sources) };
}

/**
 * The rule for quoted terms: a quoted span with no reporting cue is a mere term (not a quote) when a term
 * marker precedes it ("sogenannte", "so-called", "called"), when it has at most TERM_MAX_WORDS words, or —
 * in a language that does not capitalise nouns — when it reads as a title (mostly capitalised words).
 */
export function isQuotedTerm(v: DocView, open: number, a: number, close: number): boolean {
  for (const p of v.lex.termMarkers) {
    const L = p.steps.length;
    if (open - L < 0) continue;
    const m = matchPatternAt(p, v.lower, open - L, open);
    if (m && m.end === open) return true;
  }
  const words = wordCount(v, a, close);
  if (words <= TERM_MAX_WORDS) return true;
  if (!v.lex.nounsCapitalised && words <= 8) {
    let caps = 0, punct = false;
    for (let k = a; k < close; k++) {
      if (/^\p{Lu}/u.test(v.doc.tokens[k].text)) caps++;
      if (/[.!?]/.test(v.lower[k])) punct = true;
    }
    if (!punct && caps / words >= 0.6) return true;
  }
  return false;
}

/** Most words between a reporting verb and the comma before a quote that goes on with its words (set by hand). */
const MAX_ATTRIBUTION_TAIL = 4;

/**
 * „…, sagte X weiter, „…““: a quote right after the comma that closes another statement's verb and speaker in its
 * sentence goes on with that statement's words; its speaker, or null.
 */
function attributionGoesOn(v: DocView, statements: Statement[], recOf: Map<Statement, SourceRec | null>, open: number): SourceRec | null {
  if (v.lower[open - 1] !== ',') return null;
  const comma = open - 1;
  for (const o of statements) {
    const rec = recOf.get(o);
    if (!o.cue || !rec || o.cue[0] >= comma || comma - o.cue[1] > MAX_ATTRIBUTION_TAIL || v.sentOf[o.cue[0]] !== v.sentOf[comma]) continue;
    if (o.content[1] > o.cue[0]) continue; // the content came before the verb: ", sagte X, „…“" goes on with it
    let clean = true;
    for (let t = o.cue[1]; t < comma && clean; t++) clean = !isPunct(v, t) && !v.quoteOf[t];
    if (clean) return rec;
  }
  return null;
}

/**
 * The speaker of a coordinated or participle reporting verb: the subject it shares by the parse when that names an
 * actor, a group or a pronoun ("May pivoted and said …"); else the latest speaker of its sentence, else the subject
 * opening the sentence.
 */
function coordinatedSpeaker(v: DocView, registry: SourceRegistry, verb: number, number: 'sg' | 'pl' | 'any',
  syntaxOf: (() => SyntaxLayer | null) | undefined): SourceRec | null {
  const ps = sharedSubject(syntaxOf, verb);
  const info = ps && !v.quoteOf[ps[0]] ? analyzePhrase(v, ps[0], ps[1]) : null;
  // "The presumptive Republican nominee declined …, but said …": a description qualified by a name counts too.
  const qualified = info?.kind === 'description' && info.definite && info.affiliation !== null;
  if (ps && info && (info.kind === 'pronoun' || info.kind === 'group' || info.kind === 'named' && info.entity || qualified)) {
    const rec = registry.resolvePhrase(ps[0], ps[1], number);
    if (rec) return rec;
  }
  // „… tauscht er sich aus. Und versichert, dass …“: a verb opening its sentence after a coordinator shares the
  // subject of the sentence before.
  const [S] = sentenceRange(v, v.sentOf[verb]);
  if (verb === S + 1 && v.lex.coordinators.has(v.lower[S])) {
    const prev = previousSubjectSpeaker(v, registry, S, new Set(), syntaxOf);
    if (prev) return prev;
  }
  return registry.lastInSentence(verb) ?? registry.openingSubject(verb, number);
}

/**
 * The speaker of a relative clause's reporting verb: its antecedent by the parse when that names an actor or a group
 * ("Borduria, which warned …"); else the registry's reading of the relative pronoun.
 */
function relativeSpeaker(v: DocView, registry: SourceRegistry, rel: number, number: 'sg' | 'pl' | 'any',
  syntaxOf: (() => SyntaxLayer | null) | undefined): SourceRec | null {
  const ant = relativeAntecedent(v, syntaxOf, rel);
  const info = ant && !v.quoteOf[ant[0]] ? analyzePhrase(v, ant[0], ant[1]) : null;
  if (ant && info && (info.kind === 'group' || info.kind === 'named' && info.entity)) {
    const rec = registry.resolvePhrase(ant[0], ant[1], number);
    if (rec) return rec;
  }
  return registry.resolvePhrase(rel, rel + 1, number);
}

function channelOf(v: DocView, st: Statement): string | null {
  const k = v.sentOf[Math.min(st.cue ? st.cue[0] : st.content[0], v.lower.length - 1)];
  const [S, E] = k >= 0 ? sentenceRange(v, k) : [0, v.lower.length];
  const a = Math.min(S, st.attribution ? st.attribution[0] : S);
  const b = Math.max(E, st.attribution ? st.attribution[1] : E);
  // Only the quoted spans inside the search window can hide a channel phrase (binary search: no scan of the document).
  const exclude: [number, number][] = [[st.content[0], st.content[1]]];
  for (const i of spansOverlapping(v, a, b)) exclude.push([v.spanOpen[i], v.spanClose[i] + 1]);
  if (st.relayChannel) return st.relayChannel;
  const hit = findChannel(v, a, b, exclude);
  if (hit) return hit.value;
  return st.form?.channel ?? null;
}

/** How many statements' content covers each token (a difference array: linear in tokens plus statements). */
function contentCover(n: number, statements: Statement[]): Int32Array {
  const d = new Int32Array(n + 1);
  for (const st of statements) {
    const [a, b] = st.content;
    if (b <= a) continue;
    d[Math.max(0, a)]++;
    d[Math.min(n, b)]--;
  }
  for (let t = 1; t <= n; t++) d[t] += d[t - 1];
  return d;
}

/** Indexes of the Doc sentences overlapping the char range [start, end) (binary search on sentence starts). */
function sentencesOf(v: DocView, start: number, end: number): number[] {
  const ss = v.doc.sentences;
  let lo = 0, hi = ss.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ss[mid].end <= start) lo = mid + 1; else hi = mid; }
  const out: number[] = [];
  for (let i = lo; i < ss.length && ss[i].start < end; i++) if (ss[i].end > start) out.push(i);
  return out;
}

/**
 * "The three officials spoke on condition …": where nouns are not capitalised the chunk runs on into the verb;
 * it ends after its last source noun, unless a qualifier or a link follows ("people familiar with …", "of").
 */
function endAtSourceNoun(v: DocView, S: number, e: number): number {
  const lex = v.lex;
  if (lex.nounsCapitalised) return e;
  let last = -1;
  for (let k = S; k < e; k++) if (lex.sourceNouns.has(v.lower[k])) last = k;
  const next = last + 1;
  if (last < 0 || next >= e || lex.genitiveLinks.has(v.lower[next]) || lex.prepositions.has(v.lower[next])) return e;
  if (lex.sourceQualifiers.some((q) => matchPatternAt(q, v.lower, next, e))) return e;
  return next;
}

/** Character offset where the paragraph holding token t starts. */
function paragraphStart(v: DocView, t: number): number {
  const at = v.doc.tokens[t].start;
  let start = 0;
  for (const p of v.doc.paragraphs) if (p.start <= at) start = p.start;
  return start;
}
