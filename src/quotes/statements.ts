/**
 * Finding statements before their speakers are resolved:
 *  - direct quotes with their attribution after ("…", sagte Machida / "…," he said), before
 *    (sagte Trump: "…" / Smith said: "…"), or as a headline colon (Trump: "…"); interrupted quotes
 *    ("…", sagte er, "…") are joined;
 *  - indirect statements from reporting verbs and cue words (laut, zufolge, so, wie … sagte, according to);
 *  - quoted spans inside reported content become mixed quotes.
 */
import { readCue, trimContent, wordCount, type Subject } from './attribution.js';
import { isParticle, type VerbForm } from './lexicon.js';
import type { QuoteSpan } from './marks.js';
import { chunkNP, hasNameLike, postfieldSpeaker, skipConnectors } from './phrases.js';
import { matchPatternAt } from './token-pattern.js';
import { reportedMainVerb, trailingClause } from './reported-mood.js';
import type { SyntaxLayer } from '../syntax/types.js';
import { cueAt, isCap, isPunct, isQuoteMark, isWord, sentenceRange, tokenAt, verbAt, VERB_CUE, type DocView } from './view.js';

export interface Statement {
  kind: 'direct' | 'indirect' | 'mixed';
  /** Token range of the content (for direct quotes: inside the marks). */
  content: [number, number];
  /** Char range and text of the content. */
  start: number;
  end: number;
  text: string;
  spans: number[];
  cue: [number, number] | null;
  form: VerbForm | null;
  subject: Subject | { type: 'continuation' };
  /** The channel that relayed the words ("zitiert die Nachrichtenagentur AFP …"), set once the relay is read. */
  relayChannel?: string;
  /** Token range of the attribution (cue, speaker, channel) for the channel search. */
  attribution: [number, number] | null;
  anchor: number;
}

const SENTENCE_END = new Set(['.', '!', '?', ';']);
/** Longest noun phrase read before a postposed cue ("den Angaben der Regierung zufolge"): set by hand. */
const MAX_CUE_NP = 8;

/** Token range [content start, closing-mark token) and the mark tokens of a quote span. */
function spanTokens(v: DocView, q: QuoteSpan): { open: number; close: number; a: number; b: number } {
  const open = tokenAt(v.doc, q.open);
  const close = tokenAt(v.doc, q.close);
  return { open, close, a: tokenAt(v.doc, q.start), b: close };
}

function paragraphEndToken(v: DocView, tok: number): number {
  const k = v.sentOf[Math.min(tok, v.lower.length - 1)];
  const p = k >= 0 ? v.doc.sentences[k].paragraph : -1;
  const end = p >= 0 ? v.doc.paragraphs[p].end : v.doc.text.length;
  return tokenAt(v.doc, end);
}

function directStatement(v: DocView, spans: number[], kind: 'direct' | 'mixed'): Statement {
  const doc = v.doc;
  const qs = spans.map((i) => v.spans[i]);
  const first = qs[0], last = qs[qs.length - 1];
  const text = qs.map((q) => doc.text.slice(q.start, q.end).trim()).join(' ');
  return {
    kind, content: [tokenAt(doc, first.start), tokenAt(doc, last.close)], start: first.start, end: last.end, text,
    spans, cue: null, form: null, subject: { type: 'none' }, attribution: null, anchor: tokenAt(doc, first.open),
  };
}

/** Does [a, b) hold the cue of a statement found before (a consumed reporting verb: '"…," Benson told the group')? */
function heldCue(consumed: Set<number>, [a, b]: [number, number]): boolean {
  for (const t of consumed) if (t >= a && t < b) return true;
  return false;
}

/** Does the content go on in lowercase words after the closing mark at `close`, before `end`? */
function continuesAfterQuote(v: DocView, close: number, end: number): boolean {
  const t = close + 1;
  return t + 1 < end && isWord(v, t) && !isCap(v, t) && !v.quoteOf[t];
}

/** Longest apposition between commas after a subject (in tokens, comma to comma): set by hand on invented examples. */
const MAX_APPOSITION = 16;

/**
 * After the comma at `comma` that closes a subject: the token after the apposition's closing comma (", the director
 * of the planning office," / ", who also chairs the bank's board,"), or `comma` itself when no apposition closes there.
 */
function appositionEnd(v: DocView, comma: number, limit: number): number {
  for (let k = comma + 1; k < limit && k - comma <= MAX_APPOSITION; k++) {
    if (v.quoteOf[k] || isQuoteMark(v, k) || /^[.;:!?]$/.test(v.lower[k])) return comma;
    if (v.lower[k] === ',') return k > comma + 1 ? k + 1 : comma;
  }
  return comma;
}

/** Attribution after a closing mark: ", sagte er", ", said Smith", "he said", ", so Müller". */
function attributionAfter(v: DocView, from: number, limit: number):
  { verb: number | null; form: VerbForm | null; subject: [number, number] | null; end: number; skipped: number } | null {
  const lex = v.lex;
  let k = from;
  while (k < limit && (v.lower[k] === ',' || v.lower[k] === '–' || v.lower[k] === '-' || v.lower[k] === '—')) k++;
  if (k >= limit) return null;
  const form = cueAt(v, k);
  // ", saying her decision had …": a participle hanging on the clause before is no inverted attribution.
  if (form && form.finite && !form.participle) {
    let s = k + 1;
    while (s < limit && lex.adverbs.has(v.lower[s])) s++;
    const sp = postfieldSpeaker(v, s, limit);
    if (!sp) return null;
    let end = sp[1];
    if (form.particle) { if (!isParticle(form.particle, v.lower[end])) { const p = particleIn(v, form.particle, end, limit); if (p < 0) return null; end = p + 1; } else end++; }
    return { verb: k, form, subject: sp, end, skipped: 0 };
  }
  // "…", hieß es in einer Mitteilung des Verbandes / hieß es aus Regierungskreisen.
  for (const p of lex.sourcePhrases) {
    const m = matchPatternAt(p, v.lower, k, limit, (name, i, lim) => (name === 'NP' ? chunkNP(v, i, lim) : -1));
    if (m && m.slots.NP) return { verb: k, form: null, subject: m.slots.NP, end: m.end, skipped: 0 };
  }
  if (lex.cueSo.has(v.lower[k])) {
    const e = chunkNP(v, k + 1, limit);
    if (e > k + 1) return { verb: k, form: null, subject: [k + 1, e], end: e, skipped: 0 };
    return null;
  }
  const e = chunkNP(v, k, limit);
  if (e > k) {
    // "…," Tom Varga, the director of the planning office, told reporters: an apposition after a named subject (where
    // the subject precedes its verb; in a verb-second language the verb comes first: „…“, sagte X, der …).
    let t = !lex.verbSecond && v.lower[e] === ',' && hasNameLike(v, k, e) ? appositionEnd(v, e, limit) : e;
    while (t < limit && (lex.adverbs.has(v.lower[t]) || lex.auxiliaries.has(v.lower[t]))) t++;
    const f2 = cueAt(v, t);
    if (f2 && f2.finite) {
      let end = t + 1;
      if (f2.particle) { const p = particleIn(v, f2.particle, end, limit); if (p < 0) return null; end = p + 1; }
      return { verb: t, form: f2, subject: [k, e], end, skipped: 0 };
    }
  }
  return null;
}

export function collectStatements(v: DocView, syntaxOf?: () => SyntaxLayer | null): { statements: Statement[]; consumed: Set<number>; attributed: Set<number> } {
  const lex = v.lex;
  const statements: Statement[] = [];
  const consumed = new Set<number>();
  const attributed = new Set<number>();
  const openOf = new Map<number, number>();
  v.spans.forEach((q, i) => openOf.set(tokenAt(v.doc, q.open), i));

  // 1. Direct quotes with an adjacent attribution.
  for (let i = 0; i < v.spans.length; i++) {
    if (attributed.has(i)) continue;
    const q = v.spans[i];
    const t = spanTokens(v, q);
    const paraEnd = paragraphEndToken(v, t.close);
    let lim = t.close + 1;
    while (lim < paraEnd && !SENTENCE_END.has(v.lower[lim]) && !openOf.has(lim)) lim++;
    // A quote that ends with a period ended its sentence: what follows is no attribution ("…." She added …).
    // After "?" or "!" an attribution must go on in lowercase ("Why?" he asked / „Warum?“, fragte er).
    const lastInside = v.doc.text.slice(q.start, q.end).trimEnd().slice(-1);
    const nextTok = v.doc.tokens[t.close + 1];
    const closed = lastInside === '.' || ((lastInside === '?' || lastInside === '!') && !!nextTok && /^\p{Lu}/u.test(nextTok.text));
    const after = closed ? null : attributionAfter(v, t.close + 1, lim);
    if (after) {
      const spans = [i];
      // Interrupted quote: "…", sagte er, "…"
      if (v.lower[after.end] === ',' && openOf.has(after.end + 1)) spans.push(openOf.get(after.end + 1)!);
      const st = directStatement(v, spans, 'direct');
      st.cue = after.verb !== null ? [after.verb, after.verb + 1] : null;
      st.form = after.form;
      st.subject = after.subject ? { type: 'phrase', range: after.subject } : { type: 'none' };
      st.attribution = [t.close + 1, after.end];
      st.anchor = after.subject ? after.subject[0] : t.open;
      if (after.verb !== null) consumed.add(after.verb);
      spans.forEach((s) => attributed.add(s));
      statements.push(st);
      continue;
    }
    // Attribution before: "… sagte Trump: "…"" / "Smith said, "…"" / headline "Trump: "…"".
    const S = Math.max(sentenceRange(v, Math.max(0, v.sentOf[t.open])).at(0) ?? 0, prevCloseToken(v, i) + 1);
    const pm = t.open - 1;
    if (pm >= S && (v.lower[pm] === ':' || v.lower[pm] === ',' || verbAt(v, pm))) {
      let verb = -1;
      for (let k = pm; k >= S && pm - k <= 14; k--) {
        if (lex.complementizers.has(v.lower[k])) break;
        const f = verbAt(v, k);
        if (f && !v.quoteOf[k]) { verb = cueAt(v, k) ? k : -1; break; }
      }
      if (verb >= 0) {
        const E = Math.max(t.close + 1, sentenceRange(v, Math.max(0, v.sentOf[verb]))[1]);
        const r = readCue(v, verb, S, E, []);
        if (r && r.side === 'after' && r.content[0] >= pm - 1 && r.content[0] <= t.open + 1) {
          const st = directStatement(v, [i], 'direct');
          // "She said "a culture of neglect" exists in …": the sentence goes on after the quoted phrase, which opens
          // mixed content.
          if (!closed && continuesAfterQuote(v, t.close, r.content[1])) {
            const b = r.content[1];
            st.kind = 'mixed'; st.content = [t.open, b]; st.start = q.open; st.end = v.doc.tokens[b - 1].end;
            st.text = v.doc.text.slice(st.start, st.end);
          }
          st.cue = [verb, verb + 1]; st.form = r.form; st.subject = r.subject;
          st.attribution = [S, t.open]; st.anchor = r.subject.type === 'phrase' ? r.subject.range[0] : verb;
          consumed.add(verb); attributed.add(i); statements.push(st);
          continue;
        }
      } else if (v.lower[pm] === ':' && pm - S <= 6 && chunkNP(v, skipConnectors(v, S, pm), pm) === pm && skipConnectors(v, S, pm) < pm) {
        const st = directStatement(v, [i], 'direct');
        const s0 = skipConnectors(v, S, pm);
        st.subject = { type: 'phrase', range: [s0, pm] }; st.attribution = [S, pm]; st.anchor = s0;
        attributed.add(i); statements.push(st);
        continue;
      } else if (v.lower[pm] === ':' && pm - S <= 14) {
        // "Brandt hält das für Augenwischerei: »…«" — a clause introducing the quote; its named subject speaks.
        const s0 = skipConnectors(v, S, pm);
        const e = chunkNP(v, s0, pm);
        if (e > s0 && e < pm && hasNameLike(v, s0, e) && !v.quoteOf[s0]) {
          const st = directStatement(v, [i], 'direct');
          st.subject = { type: 'phrase', range: [s0, e] }; st.attribution = [S, pm]; st.anchor = s0;
          attributed.add(i); statements.push(st);
          continue;
        }
      }
    }
    // Quote first, reported content continues after it: "„…“ bei der Wahl, sagte Watanabe." (not after a quote
    // that closed its own sentence: „… am besten.“ Schiffe unter Billigflaggen, sagte sie, …)
    for (let k = t.close + 1; k < lim && !closed; k++) {
      if (v.lower[k] !== ',') continue;
      const a2 = attributionAfter(v, k, lim);
      if (a2 && a2.verb !== null && k > t.close + 1) {
        const st = directStatement(v, [i], 'mixed');
        st.content = [t.open, k];
        st.start = q.open;
        st.end = v.doc.tokens[k - 1].end;
        st.text = v.doc.text.slice(q.open, st.end);
        st.cue = [a2.verb, a2.verb + 1]; st.form = a2.form;
        st.subject = a2.subject ? { type: 'phrase', range: a2.subject } : { type: 'none' };
        st.attribution = [k, a2.end]; st.anchor = a2.subject ? a2.subject[0] : a2.verb;
        consumed.add(a2.verb); attributed.add(i); statements.push(st);
        break;
      }
      break;
    }
  }

  // 2. Indirect statements from reporting verbs and cue words.
  let lastStatementSentence = -1;
  const sentencesWithStatements = new Set(statements.map((st) => v.sentOf[Math.max(0, st.content[1] - 1)]));
  for (let s = 0; s < v.doc.sentences.length; s++) {
    const [S, E] = sentenceRange(v, s);
    for (let k = S; k < E; k++) {
      if (v.quoteOf[k] || consumed.has(k)) continue;
      const w = v.lower[k];
      let st: Statement | null = null;
      if (cueAt(v, k)) {
        const r = readCue(v, k, S, E, []);
        if (r) st = indirect(v, r.content, [k, k + 1], r.form, r.subject, r.side === 'after' ? [S, r.content[0]] : [r.content[1], E]);
      } else if (lex.cueSo.has(w) && k > S && v.lower[k - 1] === ',' && !lex.cueAs.has(v.lower[k + 1])) {
        // („…, so wie die meisten Bewohner“ compares; it reports nobody.)
        const e = chunkNP(v, k + 1, E);
        const tail = v.lower[e];
        if (e > k + 1 && (e >= E - 1 || tail === '.' || tail === ',' && lex.relativePronouns.has(v.lower[e + 1]))) {
          const [a, b] = trimContent(v, S, k - 1);
          if (wordCount(v, a, b) >= 3) st = indirect(v, [a, b], [k, k + 1], null, { type: 'phrase', range: [k + 1, e] }, [k, E]);
        }
      } else if (lex.cueAfter.has(w)) {
        // "X zufolge": the longest noun phrase ending right before the cue, within its clause (none when the cue opens the text).
        let a = k;
        for (let t = k - 1; t >= S && k - t <= MAX_CUE_NP && v.lower[t] !== ','; t--) if (chunkNP(v, t, k) === k && canOpenNP(v, t)) a = t;
        if (a < k) {
          const subject: Subject = { type: 'phrase', range: [a, k] };
          // Content after ("Dem Bericht zufolge …"), before (", … zufolge."), or around it ("X umfasst Y zufolge Z").
          const [c0, c1] = a === S ? trimContent(v, k + 1, E) : v.lower[a - 1] === ',' ? trimContent(v, S, a - 1) : trimContent(v, S, E);
          if (wordCount(v, c0, c1) >= 3) st = indirect(v, [c0, c1], [a, k + 1], null, subject, a === S ? [S, k + 1] : [a, E]);
        }
      } else if (lex.accountPrepositions.has(w) && !lex.cueBefore.some((p) => matchPatternAt(p, v.lower, k, E)) && (st = accountCue(v, k, S, E))) {
        // "nach eigenen Angaben", "nach Angaben der Armee", "nach Berichten": see accountCue.
      } else {
        // "aus Regierungskreisen verlautete, …": the source sits inside the cue phrase.
        for (const p of lex.sourcePhrases) {
          const m = matchPatternAt(p, v.lower, k, E, (name, i, limit) => (name === 'NP' ? chunkNP(v, i, limit) : -1));
          if (!m || !m.slots.NP) continue;
          // Content after the phrase (it opens the clause, or "Zunächst hatte es aus X geheißen, …"), before it
          // ("…, hieß es aus X." / "…, hieß es von X: „…“"), or around it.
          const opens = k === S || v.lower[k - 1] !== ',' && (v.lower[m.end] === ',' || v.lower[m.end] === ':');
          const content = opens ? trimContent(v, m.end, E) : v.lower[k - 1] === ',' ? trimContent(v, S, k - 1) : trimContent(v, S, E);
          if (wordCount(v, content[0], content[1]) >= 3) st = indirect(v, content, [k, m.end], null, { type: 'phrase', range: m.slots.NP }, [k, m.end]);
          break;
        }
        if (st) { consumed.add(k); statements.push(st); lastStatementSentence = s; k = st.content[1]; continue; }
        for (const p of lex.cueBefore) {
          const m = matchPatternAt(p, v.lower, k, E);
          if (!m) continue;
          const e = chunkNP(v, m.end, E);
          if (e <= m.end) break;
          const subject: Subject = { type: 'phrase', range: [m.end, e] };
          let content: [number, number];
          if (k === S) content = trimContent(v, e, E);
          else if (v.lower[k - 1] === ',') content = trimContent(v, S, k - 1);
          else if (reportingClauseBefore(v, S, k)) break;
          else content = trimContent(v, S, E);
          // '"…," Benson told the group, according to Varga', "the ministry said X had told Y that …, according to a
          // statement": a clause with its own reporting verb is relayed; its speaker stays.
          if (!lex.verbSecond && heldCue(consumed, content)) break;
          if (wordCount(v, content[0], content[1]) >= 3) st = indirect(v, content, [k, m.end], null, subject, [k, e]);
          break;
        }
      }
      if (!st) continue;
      consumed.add(k);
      statements.push(st);
      lastStatementSentence = s;
    }
    // German Konjunktiv I with a pronoun subject and no verb of saying continues the last speaker's words.
    const mood = lex.reportedMood;
    if (lastStatementSentence === s) sentencesWithStatements.add(s);
    const context = !sentencesWithStatements.has(s) && reportedBefore(v, s, sentencesWithStatements);
    if (context) {
      // "Auch ballistische Raketen wurden demnach abgefangen": an adverb meaning "according to it" continues the account.
      let t = S;
      while (t < E && (v.quoteOf[t] || !lex.continuationCues.has(v.lower[t]))) t++;
      const st = t < E ? indirect(v, trimContent(v, S, E), [t, t + 1], null, { type: 'none' }, [t, t + 1]) : null;
      if (st) {
        st.subject = { type: 'continuation' }; st.anchor = S; consumed.add(t);
        statements.push(st); lastStatementSentence = s; sentencesWithStatements.add(s);
      }
    }
    if (mood && context && !sentencesWithStatements.has(s)) {
      const cut = colonBeforeQuote(v, statements, s, S, E), C = cut >= 0 ? cut : E;
      let k = S;
      while (k < E && (isPunct(v, k) || lex.adverbs.has(v.lower[k]) || lex.connectors.has(v.lower[k]))) k++;
      const verb = v.lower[k + 1] ?? '';
      const konj = mood.forms.has(verb) || verb.endsWith(mood.suffix) && !mood.notSuffixes.some((x) => verb.endsWith(x))
        && !lex.determiners.has(verb) && !lex.verbs.has(verb);
      if (k < E && mood.subjects.has(v.lower[k]) && konj && !v.quoteOf[k]) {
        // The pronoun is the content's subject ("Diese habe …", "Man werde …"), not the speaker: the words go on.
        const st = indirect(v, trimContent(v, k, C), [k + 1, k + 2], null, { type: 'none' }, [k, k + 2]);
        if (st) { st.cue = null; st.subject = { type: 'continuation' }; st.anchor = k; statements.push(st); lastStatementSentence = s; sentencesWithStatements.add(s); }
      } else if (k > S && k < E && !v.quoteOf[k] && (mood.forms.has(v.lower[k]) || mood.continuationForms.has(v.lower[k])) && !v.quoteOf[S]) {
        // "Daher könne es …", "Zudem sei die Nachfrage groß": an adverb in the prefield, the verb in the reported mood.
        const st = indirect(v, trimContent(v, S, C), [k, k + 1], null, { type: 'none' }, [S, S]);
        if (st) {
          st.cue = null; st.subject = { type: 'continuation' }; st.anchor = S;
          statements.push(st); lastStatementSentence = s; sentencesWithStatements.add(s);
        }
      } else if (k < E && !v.quoteOf[k] && !isQuoteMark(v, k)) {
        // Any subject: a finite verb in the reported mood in second position ("Das Rentenniveau werde gesichert",
        // "Offen sei aber, wie …") continues the words of the last speaker.
        const t = reportedFiniteVerb(v, k, E);
        if (t > k) {
          const st = indirect(v, trimContent(v, k, C), [t, t + 1], null, { type: 'none' }, [k, k]);
          if (st) {
            st.cue = null; st.subject = { type: 'continuation' }; st.anchor = k;
            statements.push(st); lastStatementSentence = s; sentencesWithStatements.add(s);
          }
        }
      }
    }
    // A sentence whose statements all stand after a colon ("Das Ende des Programms schade dem Land: „…“") leaves
    // the clause before the colon to the mood rule.
    const colon = colonBeforeQuote(v, statements, s, S, E);
    const limit = colon >= 0 ? colon : sentencesWithStatements.has(s) ? -1 : E;
    if (mood && limit > S) {
      // The parse: the main clause's finite verb in reported mood wherever it stands ("Wenn …, sei es klar, …"),
      // with or without a report just before it (a Konjunktiv I main clause in news is someone's words).
      const syn = !v.quoteOf[S] && !isQuoteMark(v, S) && syntaxOf ? syntaxOf() : null;
      const t = syn ? reportedMainVerb(v, syn, S, limit) : -1;
      // A reporting clause after the content (", heißt es", ", sagte deren Chef Y"): the content stops at its comma,
      // and a reporting verb's subject speaks.
      const tail = t >= 0 ? trailingClause(syn!, t, limit) : null;
      const st = t >= 0 ? indirect(v, trimContent(v, S, tail ? tail.comma : limit), [t, t + 1], null, { type: 'none' }, [S, S]) : null;
      if (st && tail?.subject && v.verbMask[tail.verb] === VERB_CUE) {
        st.cue = [tail.verb, tail.verb + 1]; st.subject = { type: 'phrase', range: tail.subject }; st.anchor = tail.subject[0];
        st.attribution = [tail.comma, limit]; consumed.add(tail.verb);
        statements.push(st); lastStatementSentence = s; sentencesWithStatements.add(s);
      } else if (st) {
        st.cue = null; st.subject = { type: 'continuation' }; st.anchor = S;
        statements.push(st); lastStatementSentence = s; sentencesWithStatements.add(s);
      }
    }
  }

  // 3. Quoted spans inside reported content make the statement mixed (spans are sorted: binary search).
  for (const st of statements) {
    if (st.kind !== 'indirect') continue;
    for (let i = firstSpanOpenFrom(v, st.start - 1); i < v.spans.length && v.spans[i].open <= st.end + 1; i++) {
      if (attributed.has(i)) continue;
      const q = v.spans[i];
      if (q.open >= st.start - 1 && q.close <= st.end + 1) { st.kind = 'mixed'; st.spans.push(i); attributed.add(i); }
    }
  }
  return { statements, consumed, attributed };
}

/**
 * The first colon of sentence s (outside quotes) that opens a quotation, when every statement found in the sentence
 * starts after it, so the clause before it reports nothing yet; -1 otherwise.
 */
function colonBeforeQuote(v: DocView, statements: Statement[], s: number, S: number, E: number): number {
  let colon = S;
  while (colon < E && (v.quoteOf[colon] || v.lower[colon] !== ':')) colon++;
  if (colon + 1 >= E || !isQuoteMark(v, colon + 1) && !v.quoteOf[colon + 1]) return -1;
  const inSentence = statements.filter((st) => v.sentOf[st.content[0]] === s || v.sentOf[Math.max(0, st.content[1] - 1)] === s);
  return inSentence.every((st) => st.content[0] > colon && (!st.cue || st.cue[0] > colon)) ? colon : -1;
}

/**
 * Can a noun phrase start at token t? Where nouns are capitalised a lowercase word opens one only as a determiner,
 * a number or an inflected adjective ("israelischen Angaben"), never as a verb ("umfasst Regierungsangaben").
 */
function canOpenNP(v: DocView, t: number): boolean {
  const lex = v.lex, w = v.lower[t];
  if (!lex.nounsCapitalised || isCap(v, t) || lex.determiners.has(w) || lex.numbers.has(w)) return true;
  return lex.adjectiveEndings.some((x) => w.endsWith(x)) && !v.verbMask[t];
}

/**
 * Does reported speech run up to sentence s: a statement in one of the two sentences before it, or a reporting verb
 * in the one right before ("Biden nannte das Vorgehen empörend. Man werde Israel …")?
 */
function reportedBefore(v: DocView, s: number, withStatements: Set<number>): boolean {
  if (withStatements.has(s - 1) || withStatements.has(s - 2)) return true;
  if (s < 1) return false;
  const [a, b] = sentenceRange(v, s - 1);
  for (let t = a; t < b; t++) if (v.verbMask[t] === VERB_CUE) return true;
  return false;
}

/**
 * A preposition before an account noun opens a statement on someone's authority: "nach eigenen Angaben" (the
 * clause's own subject speaks), "nach Angaben der Armee" (what follows the noun), "nach Berichten", "nach letzten
 * Umfragen" (the noun phrase itself is the source). The content is the clause, cue words included.
 */
function accountCue(v: DocView, k: number, S: number, E: number): Statement | null {
  const lex = v.lex;
  const e = chunkNP(v, k + 1, E);
  let noun = -1;
  for (let t = k + 1; t < e && noun < 0; t++) if (lex.accountNouns.has(v.lower[t])) noun = t;
  if (noun < 0) return null;
  let subject: Subject;
  if (noun + 1 < e) subject = { type: 'phrase', range: [noun + 1, e] };
  else if (noun > k + 1 && lex.selfMarkers.has(v.lower[noun - 1])) {
    const own = k > S ? chunkNP(v, skipConnectors(v, S, k), k) : -1;
    if (own <= S) return null;
    subject = { type: 'phrase', range: [skipConnectors(v, S, k), own] };
  } else if (lex.ownedAccountNouns.has(v.lower[noun]) && !ownedBefore(v, k + 1, noun)) return null;
  else subject = { type: 'phrase', range: [k + 1, e] };
  const [c0, c1] = k === S ? trimContent(v, e, E) : v.lower[k - 1] === ',' ? trimContent(v, S, k - 1) : trimContent(v, S, E);
  if (wordCount(v, c0, c1) < 3) return null;
  return indirect(v, [c0, c1], [k, noun + 1], null, subject, [k, e]);
}

/** Does a possessive ("seinen", "ihren") stand in [a, b)? */
function ownedBefore(v: DocView, a: number, b: number): boolean {
  for (let t = a; t < b; t++) if (v.lex.refs.possessives.has(v.lower[t])) return true;
  return false;
}

/**
 * Does the reporting clause of a quote stand right before token k („„…“, sagte X laut einer Mitteilung“)? Then the
 * cue phrase at k names that verb's channel, not a statement of its own.
 */
function reportingClauseBefore(v: DocView, S: number, k: number): boolean {
  let t = k - 1;
  for (; t >= S && v.lower[t] !== ',' && !v.quoteOf[t] && !isQuoteMark(v, t); t--) if (v.verbMask[t] === VERB_CUE) break;
  if (t < S || v.verbMask[t] !== VERB_CUE) return false;
  for (let q = t - 1; q >= S; q--) if (v.quoteOf[q]) return true;
  return false;
}

function indirect(v: DocView, content: [number, number], cue: [number, number], form: VerbForm | null, subject: Subject,
  attribution: [number, number]): Statement | null {
  const [a, b] = content;
  if (b <= a) return null;
  const start = v.doc.tokens[a].start, end = v.doc.tokens[b - 1].end;
  const anchor = subject.type === 'phrase' ? subject.range[0] : subject.type === 'relative' ? subject.at : cue[0];
  return { kind: 'indirect', content, start, end, text: v.doc.text.slice(start, end), spans: [], cue, form, subject, attribution, anchor };
}

/**
 * The finite verb of a main clause starting at k when it is in the reported mood (Konjunktiv I, or II where I
 * would look indicative), standing in second position after one constituent without commas or other verbs;
 * -1 otherwise.
 */
function reportedFiniteVerb(v: DocView, k: number, E: number): number {
  const mood = v.lex.reportedMood!;
  for (let t = k + 1; t < E && t - k <= 10; t++) {
    const w = v.lower[t];
    if (mood.forms.has(w) || mood.continuationForms.has(w)) return t;
    if (isPunct(v, t) || isQuoteMark(v, t) || v.quoteOf[t] || v.verbMask[t] || v.lex.auxiliaries.has(w)
      || v.lex.complementizers.has(w) || v.lex.relativePronouns.has(w) && !v.lex.determiners.has(w)) return -1;
  }
  return -1;
}

/** Index of the first quote span whose opening mark is at or after char offset `offset`. */
function firstSpanOpenFrom(v: DocView, offset: number): number {
  let lo = 0, hi = v.spans.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (v.spans[mid].open < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The particle `p` in [from, limit), or -1 (a bounded search: never a scan of the rest of the document). */
function particleIn(v: DocView, p: string, from: number, limit: number): number {
  for (let k = from; k < limit; k++) if (isParticle(p, v.lower[k])) return k;
  return -1;
}

/** The closing-mark token of the previous quote in the same paragraph (or -1). */
function prevCloseToken(v: DocView, i: number): number {
  if (i === 0 || v.spans[i - 1].paragraph !== v.spans[i].paragraph) return -1;
  return tokenAt(v.doc, v.spans[i - 1].close);
}

export { isPunct, isQuoteMark };
