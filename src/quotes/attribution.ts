/**
 * Reading one reporting verb in its sentence: who is its subject (before the verb, after it, a relative
 * pronoun, or the subject of a coordinated verb), and on which side its content lies —
 *   after:  "X sagte, dass …" / "X sagte, … seien …" / "X said (that) …" / "X sagte: …"
 *   before: "…, sagten drei der Beamten." / "…, wie X sagte." / "…, two officials said."
 */
import { isParticle, type VerbForm } from './lexicon.js';
import { channelPhraseAt } from './channels.js';
import { chunkNP, hasNameLike, postfieldSpeaker, prefieldSpeaker, subjectStart } from './phrases.js';
import { findPattern, matchPatternAt } from './token-pattern.js';
import { holdsParsedVerb } from './parsed-verb.js';
import { cueAt, isCap, isPunct, isQuoteMark, mentionsIn, verbAt, type DocView } from './view.js';

export type Subject =
  | { type: 'phrase'; range: [number, number] }
  | { type: 'relative'; at: number }
  | { type: 'coordinated'; at: number }
  | { type: 'none' };

export interface CueReading {
  verb: number;
  form: VerbForm;
  subject: Subject;
  side: 'before' | 'after';
  /** Token range of the reported content. */
  content: [number, number];
  /** Last token of the attribution (speaker, particle) — the cue region ends here. */
  attributionEnd: number;
  /** The object stands before the verb („Das Paket nannte er „…““): a quote may open the content. */
  frontedObject?: boolean;
}

/** The particle a separable verb needs ("fügte … hinzu"), searched in the verb's clause; -1 when absent. */
export function findParticle(v: DocView, verb: number, particle: string, limit: number): number {
  for (let k = verb + 1; k < limit && k < verb + 12; k++) {
    if (isParticle(particle, v.lower[k])) return k;
    if (v.lower[k] === '.' || v.lower[k] === ';') break;
  }
  return -1;
}

/** Skip adverbs, auxiliaries, time adverbials ("last week") and a verb particle after position i. */
function skipFillers(v: DocView, i: number, limit: number, particle: string | null): number {
  for (;;) {
    while (i < limit && (v.lex.adverbs.has(v.lower[i]) || v.lex.auxiliaries.has(v.lower[i]) || isParticle(particle, v.lower[i]))) i++;
    const t = timePhraseAt(v, i, limit);
    if (t <= i) return i;
    i = t;
  }
}

/** End of a time adverbial starting at i ("on Tuesday", "am Dienstag"), or i when none starts there. */
export function timePhraseAt(v: DocView, i: number, limit: number): number {
  let best = i;
  for (const p of v.lex.timePhrases) {
    const m = matchPatternAt(p, v.lower, i, limit);
    if (m && m.end > best) best = m.end;
  }
  return best;
}

/** Sentence-final punctuation and closing marks at the end of a range are not content. */
export function trimContent(v: DocView, a: number, b: number): [number, number] {
  while (b > a && isPunct(v, b - 1) && !isQuoteMark(v, b - 1)) b--;
  while (a < b && (v.lower[a] === ',' || v.lower[a] === ':')) a++;
  return [a, b];
}

const wordCount = (v: DocView, a: number, b: number) => {
  let n = 0;
  for (let k = a; k < b; k++) if (!isPunct(v, k)) n++;
  return n;
};

/** Where the content after a verb starts: after ", (dass)", ":" or (without a comma) right after the attribution. */
function complementStart(v: DocView, from: number, limit: number, skipRanges: [number, number][], contentPreposition: string | null = null): number {
  const lex = v.lex;
  for (let k = from; k < limit && k < from + 14; k++) {
    const inSkip = skipRanges.some(([a, b]) => k >= a && k < b);
    if (inSkip) continue;
    const w = v.lower[k];
    // "sprach von einer Krise", "warnte vor einem Austritt": the noun phrase after the verb's preposition is the content.
    if (w === contentPreposition && k === from) return k + 1;
    if (w === ':' ) return k + 1;
    if (w === ',') return lex.complementizers.has(v.lower[k + 1]) ? k + 2 : k + 1;
    if (lex.complementizers.has(w)) return k + 1;
    if (w === '.' || w === ';' || w === '?' || w === '!') return -1;
    if (isQuoteMark(v, k)) return k; // "sagte Trump "…"" without colon
    if (!lex.nounsCapitalised && k === from && !lex.prepositions.has(w) && !isPunct(v, k)) return k; // "said the plan …"
  }
  return -1;
}

/**
 * Read the verb at `verb` within the sentence [S, E). Returns null when it has no reported content
 * (e.g. "Das sagte er gestern.") or lacks its particle ("teilte" without "mit").
 */
export function readCue(v: DocView, verb: number, S: number, E: number, channelRanges: [number, number][]): CueReading | null {
  const r = readCueReading(v, verb, S, E, channelRanges);
  // "called the plan "piracy …"": such a verb reports words only when its content holds a quoted phrase that
  // does not open it ("a group called "Friends of X"" names, it does not quote).
  if (r && r.form.quotedContent && !r.frontedObject) {
    // "nannte den Schritt „…“": its content is its object, which starts right after the verb (and the subject
    // standing there), not at the quote mark.
    if (r.side === 'after' && (isQuoteMark(v, r.content[0]) || v.quoteOf[r.content[0]])) {
      let o = skipFillers(v, Math.max(verb, r.attributionEnd) + 1, E, null);
      if (r.subject.type === 'phrase' && r.subject.range[0] > verb) o = skipFillers(v, r.subject.range[1], E, null);
      if (o < r.content[0] && !isPunct(v, o)) r.content = [o, r.content[1]];
    }
    // "nannte sich „…“", "called itself "…"": a self-chosen name, not words of the subject.
    if (v.lex.reflexives.has(v.lower[r.content[0]])) return null;
    const [a, b] = r.content;
    let quoted = false;
    for (let k = a + 1; k < b && !quoted; k++) if (v.quoteOf[k]) quoted = true;
    if (!quoted || v.quoteOf[a] || isQuoteMark(v, a)) return null;
  }
  // "sprach von einer Krise": a complement-only verb with a content preposition reports only through that preposition
  // ("sprach in Köln, wo …" states nothing).
  if (r && r.form.contentPreposition && r.form.complementOnly) return r.side === 'after' && v.lower[r.content[0] - 1] === r.form.contentPreposition ? r : null;
  // "posted the video": a verb that also takes a plain object reports only through "that", a colon or a quote.
  if (r && r.form.complementOnly && r.side === 'after' && !complementBefore(v, Math.max(verb, r.attributionEnd) + 1, r.content[0])) return null;
  // "the documents show …": a verb that reports only for certain subjects.
  if (r && r.form.subjects) {
    const sub = r.subject;
    let ok = false;
    if (sub.type === 'phrase') for (let k = sub.range[0]; k < sub.range[1] && !ok; k++) ok = r.form.subjects.has(v.lower[k]);
    if (!ok) return null;
  }
  return r;
}

/**
 * Is there a complementizer, a colon or a quote between token a and the content start c (inclusive)? In a
 * verb-second language a comma before the content does too ("postete auf X, das Urteil sei …").
 */
function complementBefore(v: DocView, a: number, c: number): boolean {
  if (v.lex.verbSecond && v.lower[c - 1] === ',') return true;
  for (let k = a; k <= c && k < v.lower.length; k++) {
    if (v.lex.complementizers.has(v.lower[k]) || v.lower[k] === ':' || isQuoteMark(v, k) || v.quoteOf[k]) return true;
  }
  return false;
}

function readCueReading(v: DocView, verb: number, S: number, E: number, channelRanges: [number, number][]): CueReading | null {
  const lex = v.lex;
  const form = verbAt(v, verb);
  if (!form) return null;
  // "(Writing by Ann Roe, Editing by …)": a credit line names the reporters; it reports nothing.
  if (isCap(v, verb) && lex.creditLinks.has(v.lower[verb + 1])) return null;
  // A passive participle ("über die nicht berichtet wurde") reports nobody's words.
  if (lex.passiveAuxiliaries.has(v.lower[verb + 1])) return null;
  if (!lex.nounsCapitalised && lex.passiveAuxiliaries.has(v.lower[verb - 1]) && verb + 1 < E && v.lower[verb + 1] !== 'that') return null;
  let particleAt = -1;
  if (form.particle) {
    particleAt = findParticle(v, verb, form.particle, E);
    if (particleAt < 0) return null;
  }
  const particle = form.particle;
  S = clauseStartBefore(v, S, verb);
  // The segment between the last comma of the sentence (outside quotes) and the verb.
  let lastComma = -1;
  for (let k = verb - 1; k >= S; k--) {
    if (v.quoteOf[k]) continue;
    if (v.lower[k] === ',') { lastComma = k; break; }
  }
  const segStart = lastComma >= 0 ? lastComma + 1 : S;
  let after = skipFillers(v, verb + 1, E, particle);
  // "told Reuters (on Monday) that …": the addressee is no subject and no content.
  if (form.object) { const e = chunkNP(v, after, E); if (e > after) after = skipFillers(v, e, E, particle); }
  // "sagte der Zeitung X, …" / "sagte gegenüber Reuters, …": a channel right after the verb is no speaker.
  const ch = channelPhraseAt(v, after, E);
  if (ch > after) after = skipFillers(v, ch, E, particle);
  let subject: Subject = { type: 'none' };
  let attributionEnd = Math.max(verb, particleAt);

  const contentBefore = (subj: Subject, attrEnd: number): CueReading | null => {
    if (lastComma < 0) return null;
    const [a, b] = trimContent(v, S, lastComma);
    if (wordCount(v, a, b) < 3) return null;
    return { verb, form, subject: subj, side: 'before', content: [a, b], attributionEnd: attrEnd };
  };
  const contentAfter = (subj: Subject, from: number, skips: [number, number][]): CueReading | null => {
    const c = complementStart(v, from, E, [...channelRanges, ...skips], form.contentPreposition);
    if (c < 0) return null;
    const [a, b] = trimContent(v, c, E);
    if (wordCount(v, a, b) < 2) return null;
    // "… werde sich äußern, sagte Seidel der Zeitung": what follows is another verb's attribution, not content.
    if (cueAt(v, a)?.finite) return null;
    // "äußerten sich unter der Bedingung, anonym zu bleiben": a sourcing condition, not a statement.
    if (wordCount(v, a, b) <= 6 && lex.anonymity.some((p) => findPattern(p, v.lower, a, b))) return null;
    return { verb, form, subject: subj, side: 'after', content: [a, b], attributionEnd };
  };

  // "…, wie drei der Beamten sagten." / "…, as officials said."
  if (segStart < verb && lex.cueAs.has(v.lower[segStart])) {
    let end = verb;
    while (end > segStart + 2 && (lex.adverbs.has(v.lower[end - 1]) || lex.auxiliaries.has(v.lower[end - 1]))) end--;
    if (end > segStart + 1) {
      subject = { type: 'phrase', range: [segStart + 1, end] };
      return contentBefore(subject, attributionEnd) ?? contentAfter(subject, after, []);
    }
  }
  // "sagte Watanabe und fügte hinzu, dass …": the subject of the first verb.
  if (verb > S && lex.coordinators.has(v.lower[verb - 1])) {
    return contentAfter({ type: 'coordinated', at: verb }, after, []);
  }
  if (segStart === verb) {
    // The verb opens its clause (V1 after a comma, or sentence-initial).
    if (v.lower[after] === ',' || v.lower[after] === ':') {
      const pf = prefieldSpeaker(v, S, lastComma >= 0 ? firstCommaOrVerb(v, S, verb) : verb);
      subject = pf ? (pf.relative ? { type: 'relative', at: pf.range[0] } : { type: 'phrase', range: pf.range }) : { type: 'none' };
      return contentAfter(subject, after, []);
    }
    // "…, adding that …" / "…, und fügte hinzu, dass": a participle or coordinated verb shares the subject before it.
    // "Subject, who …, said …" / "Subject, an economist, warned …": the subject opens the sentence.
    const pre = leadingSubject(v, S, lastComma);
    if (lex.complementizers.has(v.lower[after]) && lastComma >= 0) {
      return contentAfter(pre ? { type: 'phrase', range: pre } : { type: 'coordinated', at: verb }, after, []);
    }
    // "X cut its forecast, saying demand had cooled": what follows the participle is content, and its subject is
    // the main clause's (the sentence's opening noun phrase, unless that is a prepositional adverbial).
    if (form.participle && lastComma >= 0) {
      let opening = pre ?? (lex.prepositions.has(v.lower[S]) ? null : postfieldSpeaker(v, S, lastComma));
      // "Tom Varga praised Maria Lopez for …, saying …": a clause is no opening phrase; the parse's subject shares.
      if (opening && !lex.verbSecond && holdsParsedVerb(v, opening[0], opening[1])) opening = null;
      return contentAfter(opening ? { type: 'phrase', range: opening } : { type: 'coordinated', at: verb }, after, []);
    }
    // "…, a spokeswoman, Ashley Kim, told AP." — the subject and its apposition stand between commas before the
    // verb, the content before them.
    if (!lex.verbSecond && lastComma > S && (after >= E || v.lower[after] === '.')) {
      const ap = appositiveSubjectBefore(v, S, lastComma);
      if (ap) {
        const [a, b] = trimContent(v, S, ap[0] - 1);
        if (wordCount(v, a, b) >= 3) return { verb, form, subject: { type: 'phrase', range: ap }, side: 'before', content: [a, b], attributionEnd };
      }
    }
    // „Der Regionaldirektor für Asien, Jonas Weber, äußerte …“: in a verb-second language a name between the last two
    // commas, after a description opening the sentence, is the subject in apposition; nothing before it is content.
    const named = lex.verbSecond && lastComma > S ? nameBetweenCommas(v, S, lastComma) : null;
    if (named) return contentAfter({ type: 'phrase', range: named }, after, []);
    const pf = postfieldSpeaker(v, after, E);
    if (pre && (!pf || !lex.verbSecond && opensContentDirectly(v, pf[0], E))) {
      return contentAfter({ type: 'phrase', range: pre }, after, []);
    }
    // "X called for …, said he disapproved of …": a verb after a comma whose content starts right after it is one of
    // a row of verbs sharing the sentence's subject, not an inverted attribution (", said Smith.").
    if (!pre && pf && !lex.verbSecond && lastComma >= 0 && opensContentDirectly(v, pf[0], E)) {
      return contentAfter({ type: 'coordinated', at: verb }, after, []);
    }
    if (!pf) return null;
    subject = { type: 'phrase', range: pf };
    attributionEnd = Math.max(attributionEnd, pf[1] - 1);
    // A colon or ", dass" after the attribution opens the content; otherwise the content came before.
    if (opensContent(v, pf[1], E)) return contentAfter(subject, pf[1], []);
    return contentBefore(subject, attributionEnd) ?? contentAfter(subject, pf[1], []);
  }
  const pf = prefieldSpeaker(v, segStart === S ? S : segStart, verb);
  if (pf && pf.relative) return contentAfter({ type: 'relative', at: pf.range[0] }, after, []);
  if (pf && lastComma >= 0 && !lex.verbSecond && pf.range[1] === verb - countFillersBefore(v, verb, segStart)) {
    // ", two officials said." (English) — the NP fills the segment before the verb.
    subject = { type: 'phrase', range: pf.range };
    const nxt = v.lower[after];
    // "Ships flying flags of convenience, she said, were often registered …": the attribution interrupts the
    // content, which goes on after it.
    if (nxt === ',' && after + 1 < E && !lex.complementizers.has(v.lower[after + 1]) && !v.verbMask[after + 1]) {
      const before = contentBefore(subject, attributionEnd) ?? interruptedNounPhrase(v, S, lastComma, subject, verb, form, attributionEnd);
      const [, b] = trimContent(v, after + 1, E);
      if (before && wordCount(v, after + 1, b) >= 2) return { ...before, content: [before.content[0], b] };
    }
    if (after >= E || nxt === '.' || nxt === ',' && !lex.complementizers.has(v.lower[after + 1])) {
      // "But, Farage said, "…"": a connector alone before the attribution is no content; the quote after it is.
      return contentBefore(subject, attributionEnd) ?? (nxt === ',' && !lex.verbSecond && connectorsOnly(v, S, lastComma) ? contentAfter(subject, after, []) : null);
    }
    return contentAfter(subject, after, []);
  }
  // „Das Paket nannte er …“: a pronoun right after the verb that only a subject can be makes the prefield an object.
  if (pf && segStart === S && lex.nominativePronouns.has(v.lower[verb + 1]) && !v.quoteOf[verb + 1]) {
    const r = contentAfter({ type: 'phrase', range: [verb + 1, verb + 2] }, skipFillers(v, verb + 2, E, particle), []);
    return r && { ...r, attributionEnd: Math.max(r.attributionEnd, verb + 1), frontedObject: true };
  }
  if (pf && segStart === S) {
    // "Experts questioned how … and the ministry concedes it …": the phrase right before the verb after a coordinator.
    const own = !lex.verbSecond && holdsParsedVerb(v, pf.range[0], pf.range[1]) ? subjectAfterCoordinator(v, S, verb) : null;
    return contentAfter({ type: 'phrase', range: own ?? pf.range }, after, []);
  }
  if (pf && segStart !== S) {
    // The clause after a comma starts with an NP but not as a whole: use the sentence's own subject.
    const whole = prefieldSpeaker(v, S, firstCommaOrVerb(v, S, verb));
    if (whole) return contentAfter(whole.relative ? { type: 'relative', at: whole.range[0] } : { type: 'phrase', range: whole.range }, after, []);
  }
  // Adverbial prefield ("In einer Erklärung erklärte das Ministerium, …"): the subject follows the verb.
  const post = postfieldSpeaker(v, after, E);
  if (!post) return null;
  attributionEnd = Math.max(attributionEnd, post[1] - 1);
  return contentAfter({ type: 'phrase', range: post }, post[1], []);
}

/** Does [a, b) hold only connectors and punctuation ("But", "And yet")? */
function connectorsOnly(v: DocView, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isPunct(v, k) && !v.lex.connectors.has(v.lower[k]) && !v.lex.coordinators.has(v.lower[k])) return false;
  return true;
}

/**
 * "Lawmakers, he said, were "…"": a noun phrase alone before an interrupting attribution opens the content (the
 * words after the attribution complete it); the reading of the part before, or null.
 */
function interruptedNounPhrase(v: DocView, S: number, lastComma: number, subject: Subject, verb: number, form: VerbForm, attributionEnd: number): CueReading | null {
  if (v.lex.verbSecond || lastComma <= S || chunkNP(v, S, lastComma) !== lastComma || v.quoteOf[S]) return null;
  return { verb, form, subject, side: 'before', content: [S, lastComma], attributionEnd };
}

/** The noun phrase between the last coordinator before `verb` and the verb (adverbs aside), or null. */
function subjectAfterCoordinator(v: DocView, S: number, verb: number): [number, number] | null {
  const end = verb - countFillersBefore(v, verb, S);
  for (let k = end - 1; k > S; k--) {
    if (v.quoteOf[k]) return null;
    if (!v.lex.coordinators.has(v.lower[k])) continue;
    return k + 1 < end && chunkNP(v, k + 1, end) === end ? [k + 1, end] : null;
  }
  return null;
}

/** Dashes that set off a clause or a parenthesis. */
const DASHES = new Set(['–', '—', '-']);

/**
 * Where the verb's sentence really starts: after the last sentence end before it (a period outside quotes,
 * or a closing mark right after one: „… erpressen.“ Sie kündigte an …), which a sentence splitter that keeps
 * quotes whole may not split at.
 */
export function clauseStartBefore(v: DocView, S: number, verb: number): number {
  for (let k = verb - 1; k > S; k--) {
    const w = v.lower[k];
    if (v.quoteOf[k]) continue;
    if ((w === '.' || w === '!' || w === '?') && k + 1 < verb) return k + 1;
    // "Das hat Gründe: Der Rat warnt, …": a colon before a capitalised clause.
    if (w === ':' && k + 1 < verb && isCap(v, k + 1) && !isQuoteMark(v, k + 1)) return k + 1;
    // "Das Militär fing fast alle ab – der Armeesprecher Y gab ihre Zahl an": a dash before a noun phrase that fills
    // the prefield up to the verb opens a clause of its own (a parenthesis between dashes is no such phrase).
    if (DASHES.has(w) && k + 1 < verb && chunkNP(v, k + 1, verb) === verb) return k + 1;
    if (isQuoteMark(v, k) && k > S && /^[.!?]$/.test(v.lower[k - 1]) && v.quoteOf[k - 1]) return k + 1;
  }
  return S;
}

/** Does a colon or ", dass/that" follow within the attribution (after channel phrases and adverbs)? */
function opensContent(v: DocView, from: number, E: number): boolean {
  for (let k = from; k < E && k < from + 12; k++) {
    const w = v.lower[k];
    if (w === ':') return true;
    if (w === ',') return v.lex.complementizers.has(v.lower[k + 1]);
    if (v.lex.complementizers.has(w)) return true;
    if (w === '.' || isQuoteMark(v, k)) return false;
  }
  return false;
}

/**
 * The sentence's opening noun phrase when a parenthesis follows it (", who …," / ", an economist," /
 * ", Markus Albrecht,"), i.e. when it is the subject of a verb after that parenthesis.
 */
function leadingSubject(v: DocView, S: number, lastComma: number): [number, number] | null {
  S = subjectStart(v, S, lastComma);
  // "Earlier Thursday, the network said …": a time adverbial opening the sentence is no subject.
  if (v.lower[timePhraseAt(v, S, lastComma)] === ',') return null;
  const np = postfieldSpeaker(v, S, lastComma + 1);
  if (!np || v.lower[np[1]] !== ',' || np[1] >= lastComma) {
    if (np && np[1] === lastComma && v.lower[S] !== undefined && !v.lex.prepositions.has(v.lower[S])) return np;
    if (!np || v.lower[np[1]] !== ',') return null;
  }
  const nx = v.lower[np[1] + 1];
  if (nx === undefined) return null;
  if (v.lex.relativePronouns.has(nx) || v.lex.determiners.has(nx) || v.lex.numbers.has(nx) || isCap(v, np[1] + 1)) return np;
  // "David Chen, 28, said …", "Carter, speaking in Washington, said …", "Ellison, founder of X, said …": where the
  // subject precedes its verb, a named opening phrase is the subject whatever parenthesis follows it.
  if (!v.lex.verbSecond && !v.lex.prepositions.has(v.lower[np[0]]) && hasNameLike(v, np[0], np[1])) return np;
  return null;
}

/**
 * The person's or organisation's name filling the segment between the comma before `lastComma` and it, when the
 * sentence opens with a noun phrase before that comma („Der Regionaldirektor für Asien, Jonas Weber,“); else null.
 */
function nameBetweenCommas(v: DocView, S: number, lastComma: number): [number, number] | null {
  let c = lastComma - 1;
  while (c > S && v.lower[c] !== ',' && !v.quoteOf[c]) c--;
  if (c <= S || v.lower[c] !== ',' || !v.lex.determiners.has(v.lower[S])) return null;
  for (let k = S; k < c; k++) if (v.verbMask[k] || v.quoteOf[k]) return null;
  const m = mentionsIn(v, c + 1, lastComma).find((x) => x.tokenStart === c + 1 && x.tokenEnd === lastComma);
  const type = m && m.kind !== 'pronoun' && m.kind !== 'possessive' ? v.entities.byId.get(m.entity)?.type : undefined;
  return type === 'person' || type === 'organization' ? [c + 1, lastComma] : null;
}

/**
 * Two noun phrases between commas right before `lastComma` (", a spokeswoman, Ashley Kim,"): the range of both,
 * when each fills its segment and one of them holds a name.
 */
function appositiveSubjectBefore(v: DocView, S: number, lastComma: number): [number, number] | null {
  const commaBefore = (k: number) => { for (let j = k - 1; j > S; j--) { if (v.quoteOf[j]) return -1; if (v.lower[j] === ',') return j; } return -1; };
  const c1 = commaBefore(lastComma);
  const c0 = c1 > 0 ? commaBefore(c1) : -1;
  if (c0 < 0) return null;
  const fills = (a: number, b: number) => b - a >= 1 && b - a <= 6 && chunkNP(v, a, b) === b;
  if (!fills(c0 + 1, c1) || !fills(c1 + 1, lastComma)) return null;
  if (!hasNameLike(v, c0 + 1, c1) && !hasNameLike(v, c1 + 1, lastComma)) return null;
  return [c0 + 1, lastComma];
}

/** English "said the plan …": content begins right at the would-be postfield subject (a determiner or a clause). */
function opensContentDirectly(v: DocView, i: number, E: number): boolean {
  const e = chunkNP(v, i, E);
  const nx = v.lower[e];
  return e < E && nx !== ',' && nx !== '.' && !v.lex.relativePronouns.has(nx);
}

function countFillersBefore(v: DocView, verb: number, floor: number): number {
  let n = 0;
  for (let k = verb - 1; k > floor && (v.lex.adverbs.has(v.lower[k]) || v.lex.auxiliaries.has(v.lower[k])); k--) n++;
  return n;
}

/** The first comma of the sentence before `verb` (or the verb): the end of the sentence's first constituent. */
function firstCommaOrVerb(v: DocView, S: number, verb: number): number {
  for (let k = S; k < verb; k++) if (v.lower[k] === ',' && !v.quoteOf[k]) return verb; // the prefield may hold appositions
  return verb;
}

export { wordCount };
