/**
 * Noun-phrase chunking for speakers and sources, driven by the language's function-word lists:
 * [determiners, numbers, adjectives]* head+ ((genitive link | coordinator) NP)*, plus source qualifiers
 * ("people familiar with the matter"). No POS tagger: German heads are capitalised words; in a language
 * whose nouns are not capitalised (English) any content word can be a head.
 */
import { matchPatternAt } from './token-pattern.js';
import { isCap, isPunct, isQuoteMark, isWord, sentenceStartOf, type DocView } from './view.js';

/** Is token i a word that can never sit inside a speaker phrase? */
function isStopWord(v: DocView, i: number): boolean {
  const w = v.lower[i], lex = v.lex;
  return !!v.verbMask[i] || lex.auxiliaries.has(w) || lex.complementizers.has(w)
    || (lex.prepositions.has(w) && !lex.genitiveLinks.has(w)) || lex.subordinators.has(w)
    || lex.cueAfter.has(w);
}

/**
 * End (exclusive) of the noun phrase starting at token i, or i when none starts there.
 * Stops at punctuation, quote marks, reporting verbs, prepositions (other than genitive links) and at
 * a lowercase word in a language that capitalises nouns.
 */
export function chunkNP(v: DocView, i: number, limit: number): number {
  const lex = v.lex;
  if (i >= limit || isPunct(v, i)) return i;
  if (lex.pronouns.has(v.lower[i]) || lex.relativePronouns.has(v.lower[i]) && !lex.determiners.has(v.lower[i])) return i + 1;
  let j = i, headEnd = i, sawNumber = false;
  let pre = true; // before the head of the current (sub)phrase
  // "Sowohl X als auch Y", "weder X noch Y": the correlative opens the phrase, its second part links the halves.
  const correlative = lex.correlatives.has(v.lower[i]);
  if (correlative) j++;
  while (j < limit && j - i < 16) {
    const w = v.lower[j];
    // (the first half may be elliptic: "das dänische als auch das schwedische Ministerium")
    if (correlative && j > i + 1 && lex.correlativeLinks.has(w)) {
      let nxt = j + 1;
      while (nxt < limit && lex.adverbs.has(v.lower[nxt])) nxt++; // "als auch"
      if (nxt < limit && !isPunct(v, nxt) && !isStopWord(v, nxt)) { pre = true; j = nxt; continue; }
      break;
    }
    // "people familiar with the matter": the qualifier joins the phrase, and the words after it are read afresh.
    // ("those close to the president": after a lone demonstrative too)
    const q = headEnd > i || j === i + 1 && lex.definite.has(v.lower[i]) ? lex.sourceQualifiers.map((p) => matchPatternAt(p, v.lower, j, limit)).find((m) => m) : undefined;
    if (q) { j = headEnd = q.end; pre = false; continue; }
    if (j >= limit) break;
    if (isPunct(v, j) || isQuoteMark(v, j)) {
      // A plural possessive ("the vessels' owners"): an apostrophe glued to a word in -s links two nouns.
      if (!pre && isQuoteMark(v, j) && /^['’]$/.test(w) && /s$/.test(v.lower[j - 1]) && v.doc.tokens[j - 1].end === v.doc.tokens[j].start
        && j + 1 < limit && isWord(v, j + 1) && !v.quoteOf[j] && !isStopWord(v, j + 1)) { pre = true; j++; continue; }
      break;
    }
    // A phrase never opens with a coordinator ("but warned that …").
    if (j === i && lex.coordinators.has(w)) return i;
    // Nor with a preposition: "berichtete von Schreien" has its object there, not its speaker; a capital at the start
    // of a sentence ("In a wide-ranging interview", "Am Montag") changes nothing unless a name begins there ("Von der Leyen").
    if (j === i && (lex.prepositions.has(w) || lex.genitiveLinks.has(w) && !lex.determiners.has(w)) && (!isCap(v, j) || !inNameMention(v, j))) return i;
    if (!pre && (lex.genitiveLinks.has(w) || lex.coordinators.has(w))) {
      const nxt = j + 1;
      if (nxt < limit && !isPunct(v, nxt) && !isStopWord(v, nxt) && !lex.pronouns.has(v.lower[nxt])) { pre = true; j++; continue; }
      break;
    }
    if (pre && sawNumber && lex.partitiveLinks.has(w) && j + 1 < limit && !isPunct(v, j + 1)) {
      // "einem von ihnen", "one of them": the pronoun is the head and ends the phrase.
      if (lex.partitivePronouns.has(v.lower[j + 1])) return j + 2;
      j++; continue;
    }
    // "eine mit der Sache vertraute Person", "ein in Berlin lebender Diplomat": an attribute opening with a preposition
    // between the article and the noun.
    if (pre && j > i && lex.nounsCapitalised && lex.prepositions.has(w)) {
      const head = extendedAttributeHead(v, j, limit);
      if (head > j) { j = head; continue; }
    }
    // "Doctors Without Borders", "Bank of England": a name the entities stage found is one unit, stop words and all.
    const name = nameRunFrom(v, j, limit);
    if (name > j + 1) { pre = false; j = headEnd = name; continue; }
    if (isStopWord(v, j)) break;
    if (lex.numbers.has(w) || lex.pluralOnly.has(w) || /^\d+$/.test(w)) {
      if (!pre && lex.nounsCapitalised) break;
      sawNumber = true; j++; continue;
    }
    if (lex.determiners.has(w)) {
      if (!pre) break;
      j++; continue;
    }
    if (!isWord(v, j)) break;
    const cap = isCap(v, j);
    if (lex.nounsCapitalised) {
      // "eine der Regierung nahestehende Quelle": a dative noun with its participle between the article and the head.
      if (cap && pre && dativeAttribute(v, i, j, limit)) { j += 2; continue; }
      if (cap) { pre = false; j++; headEnd = j; continue; }
      if (pre && !lex.adverbs.has(w)) { j++; continue; } // adjective before its noun
      break;
    }
    if (lex.adverbs.has(w) && headEnd > i) break;
    // After a name, a lowercase word belongs to the phrase only when its run ends the phrase or leads to
    // another name ("Opposition leader Daniel Moss", "Germany's central bank chief,"), not a predicate
    // ("The European Central Bank kept interest rates …").
    if (!cap && headEnd > i && isCap(v, headEnd - 1) && !lex.sourceNouns.has(w) && !lowercaseRunEndsPhrase(v, j, limit)) break;
    pre = false; j++; headEnd = j;
  }
  return headEnd;
}

/** Longest attribute read between an article and its noun ("mit den Verhandlungen vertraute"): set by hand. */
const MAX_ATTRIBUTE_TOKENS = 6;

/**
 * The noun after an attribute that opens with the preposition at `p` and closes with an inflected adjective or
 * participle right after the preposition's own noun ("mit der Sache vertraute | Person"), or `p` when there is none.
 */
function extendedAttributeHead(v: DocView, p: number, limit: number): number {
  for (let k = p + 2; k + 1 < limit && k - p <= MAX_ATTRIBUTE_TOKENS; k++) {
    if (isPunct(v, k) || v.verbMask[k] || v.quoteOf[k]) return p;
    const w = v.lower[k];
    if (isCap(v, k) || !isCap(v, k - 1) || !v.lex.adjectiveEndings.some((x) => w.endsWith(x))) continue;
    return isCap(v, k + 1) && !isPunct(v, k + 1) ? k + 1 : p;
  }
  return p;
}

/** A participle or adjective that closes a dative attribute ("nahestehende", "verbundene", "zuständige"): lang data. */
function closesAttribute(v: DocView, w: string): boolean {
  const lex = v.lex;
  return lex.adjectiveEndings.some((e) => w.endsWith(e) && lex.attributeAdjectiveStems.some((s) => w.slice(0, w.length - e.length).endsWith(s)));
}

/**
 * Is the capitalised word at j the dative noun of an attribute ("eine der | Regierung | nahestehende | Quelle")? The
 * phrase opens with an article or a number and an article before it, a participle or adjective follows, then the head.
 */
function dativeAttribute(v: DocView, i: number, j: number, limit: number): boolean {
  const lex = v.lex;
  if (j !== i + 2 || !lex.determiners.has(v.lower[j - 1]) || !(lex.numbers.has(v.lower[i]) || lex.determiners.has(v.lower[i]))) return false;
  const adj = j + 1, head = j + 2;
  return head < limit && !isCap(v, adj) && !v.verbMask[adj] && closesAttribute(v, v.lower[adj]) && isCap(v, head) && !isPunct(v, head);
}

/** The end of an entity name mention of several tokens starting at token t with a stop word inside, within limit; else t. */
function nameRunFrom(v: DocView, t: number, limit: number): number {
  const m = v.entities.mentionAt(v.doc.tokens[t].start, v.doc.tokens[t].end);
  if (!m || m.tokenStart !== t || m.tokenEnd > limit || !(m.kind === 'name' || m.kind === 'alias')) return t;
  for (let k = t + 1; k < m.tokenEnd; k++) if (isStopWord(v, k)) return m.tokenEnd;
  return t;
}

/** Is token t inside an entity's name mention (not a pronoun or a description)? */
export function inNameMention(v: DocView, t: number): boolean {
  const m = v.entities.mentionAt(v.doc.tokens[t].start, v.doc.tokens[t].end);
  return !!m && (m.kind === 'name' || m.kind === 'alias' || m.kind === 'acronym') && m.tokenStart <= t && t < m.tokenEnd;
}

/**
 * Where the subject of a sentence starting at S can start: after connectors and, in a subject-first language, after
 * an introductory phrase closed by a comma ("In an interview with Reuters, Trump …", "Asked about it, Urban …",
 * "Earlier Thursday, the network …") — one opening with a preposition or with a word that is no noun here.
 */
export function subjectStart(v: DocView, S: number, limit: number): number {
  const s = skipConnectors(v, S, limit);
  if (v.lex.verbSecond || s >= limit) return s;
  const w = v.lower[s];
  // A lone word that is no noun opens an introduction only when no name follows it ("Asked about …", not "Optometrist David Chen").
  const intro = (v.lex.prepositions.has(w) || v.lex.subordinators.has(w) || v.lex.adverbs.has(w)
    || adverbialWord(v, s) && s + 1 < limit && !isCap(v, s + 1)) && !inNameMention(v, s);
  if (!intro) return s;
  for (let c = s + 1; c < limit && c - s <= MAX_INTRO_TOKENS; c++) {
    if (v.quoteOf[c] || v.verbMask[c] === 2 && !v.lex.verbs.get(v.lower[c])?.participle) return s;
    if (v.lower[c] === ',') return c + 1;
  }
  return s;
}

/** Longest introductory phrase skipped before a subject: set by hand. */
const MAX_INTRO_TOKENS = 14;

function lowercaseRunEndsPhrase(v: DocView, j: number, limit: number): boolean {
  for (let k = j; k < limit && k < j + 4; k++) {
    const w = v.lower[k];
    if (isPunct(v, k) || isCap(v, k) || !!v.verbMask[k] || v.lex.auxiliaries.has(w) || v.lex.sourceNouns.has(w)
      || v.lex.genitiveLinks.has(w) || v.lex.relativePronouns.has(w)) return k > j || isCap(v, k) || isPunct(v, k) ? true : false;
  }
  // "The Syrian opposition| said": the run reaches the end of the span searched (the verb), which ends the phrase.
  return limit > j && limit - j < 4;
}

/** Is the range a pronoun on its own? */
export function pronounAt(v: DocView, a: number, b: number): boolean {
  return b === a + 1 && v.lex.pronouns.has(v.lower[a]);
}

/**
 * The speaker phrase after an inverted verb ("sagte der Sprecher", ", said Smith"): an NP, extended
 * by an appositive name when the NP itself is a description ("der frühere Berater, John Doe, dass").
 */
export function postfieldSpeaker(v: DocView, i: number, limit: number): [number, number] | null {
  const end = chunkNP(v, i, limit);
  if (end <= i) return null;
  if (v.lower[end] === ',' && end + 1 < limit && isCap(v, end + 1) && !v.lex.determiners.has(v.lower[end + 1])) {
    const e2 = chunkNP(v, end + 1, limit);
    const after = v.lower[e2];
    const description = !hasNameLike(v, i, end) || !isCap(v, end - 1);
    if (e2 > end + 1 && e2 - end <= 4 && (after === ',' || after === '.' || e2 >= limit) && description) return [i, e2];
  }
  return [i, end];
}

/**
 * Does the range hold a person's name? A PER name mention decides; without one (no NER yet) a
 * capitalised word with no determiner or number before it in its sub-phrase counts as a likely name,
 * unless it is a source noun or covered by a non-person mention.
 */
export function hasNameLike(v: DocView, a: number, b: number): boolean {
  const covered = new Set<number>();
  const from = v.doc.tokens[a]?.start ?? 0, to = v.doc.tokens[b - 1]?.end ?? 0;
  for (const m of v.entities.mentionsIn(from, to)) {
    if (m.tokenStart < a || m.tokenEnd > b) continue;
    const e = v.entities.byId.get(m.entity);
    if (e && e.type === 'person' && (m.kind === 'name' || m.kind === 'alias')) return true;
    for (let k = m.tokenStart; k < m.tokenEnd; k++) covered.add(k);
  }
  let hasDet = false;
  for (let k = a; k < b; k++) {
    const w = v.lower[k];
    if (v.lex.genitiveLinks.has(w) || v.lex.coordinators.has(w)) { hasDet = false; if (!v.lex.determiners.has(w)) continue; }
    if (v.lex.determiners.has(w) || v.lex.numbers.has(w) || v.lex.pluralOnly.has(w)) { hasDet = true; continue; }
    if (!isCap(v, k) || covered.has(k) || v.lex.sourceNouns.has(w) || v.lex.pronouns.has(w)) continue;
    // "Revenue for the year will …": where only names are capitalised, a sentence-initial capital says nothing
    // unless the word is capitalised inside a sentence somewhere in the text.
    if (!v.lex.nounsCapitalised && k === sentenceStartOf(v, k) && !v.capitalisedInside.has(w)) continue;
    // "Westliche Geheimdienste", "Unbestätigten Berichten", "in Berliner Regierungskreisen": where nouns are capitalised,
    // an adjective opening a sentence before a capitalised word, or standing right before a source noun, is no name
    // (the word after it decides).
    if (v.lex.nounsCapitalised && k + 1 < b && v.lex.adjectiveEndings.some((x) => w.endsWith(x))
      && (k === sentenceStartOf(v, k) && isCap(v, k + 1) || v.lex.sourceNouns.has(v.lower[k + 1]))) continue;
    if (!hasDet) return true;
  }
  return false;
}

/** The first token at or after `a` (before `b`) that is no sentence connector ("Denn", "Und", "Now", "Still,"). */
export function skipConnectors(v: DocView, a: number, b: number): number {
  while (a < b && (v.lex.connectors.has(v.lower[a]) || (a > 0 && v.lower[a] === ',' && v.lex.connectors.has(v.lower[a - 1])))) a++;
  return a;
}

/**
 * The subject before a finite reporting verb at `verb`, looking back to `clauseStart`.
 * Returns the phrase range, or 'relative' with the relative pronoun's index, or null when the
 * prefield is adverbial (then the subject follows the verb).
 */
export function prefieldSpeaker(v: DocView, clauseStart: number, verb: number):
  { range: [number, number]; relative: boolean } | null {
  const lex = v.lex;
  if (verb <= clauseStart) return null;
  // ", der sagte" / ", who said": a relative clause whose subject is its antecedent.
  let k = verb - 1;
  while (k > clauseStart && (lex.adverbs.has(v.lower[k]) || lex.auxiliaries.has(v.lower[k]))) k--;
  if (lex.relativePronouns.has(v.lower[k]) && k > 0 && v.lower[k - 1] === ',') return { range: [k, k + 1], relative: true };
  // Subject-verb order: a personal pronoun right before the verb is its subject ("dismissing what she called …").
  if (!lex.verbSecond && k > clauseStart && lex.pronouns.has(v.lower[k])) return { range: [k, k + 1], relative: false };
  let s = clauseStart;
  while (s < verb && (isPunct(v, s) || isQuoteMark(v, s))) s++;
  s = skipConnectors(v, s, verb);
  if (lex.subordinators.has(v.lower[s]) && !lex.prepositions.has(v.lower[s])) s++;
  else if (lex.subordinators.has(v.lower[s]) && s + 1 < verb && !lex.determiners.has(v.lower[s + 1])) s++;
  if (s >= verb) return null;
  const w = v.lower[s];
  if (lex.prepositions.has(w) || lex.adverbs.has(w) && !lex.determiners.has(w)) {
    // English "On Monday, officials said …": skip an introductory phrase closed by a comma.
    if (!lex.nounsCapitalised) {
      for (let c = s; c < verb; c++) if (v.lower[c] === ',') return prefieldSpeaker(v, c + 1, verb);
    }
    return null;
  }
  // Verb-second: a clause opening with its finite auxiliary ("…, hat es die Vorteile … betont") had its prefield
  // before the comma; the subject stands right after the auxiliary.
  if (lex.verbSecond && (lex.auxiliaries.has(w) || v.verbMask[s])) {
    const e = chunkNP(v, s + 1, verb);
    return e > s + 1 ? { range: [s + 1, e], relative: false } : null;
  }
  // Verb-second: the whole prefield up to its first comma is the subject ("Zwei mit den Gesprächen vertraute Personen").
  if (lex.verbSecond) {
    // The prefield ends at the first finite auxiliary ("Premierminister Tusk hatte vergangene Woche erklärt").
    let e = s;
    while (e < verb && v.lower[e] !== ',' && !isQuoteMark(v, e) && !(e > s && lex.auxiliaries.has(v.lower[e]))) e++;
    while (e > s + 1 && (lex.adverbs.has(v.lower[e - 1]) || lex.auxiliaries.has(v.lower[e - 1]))) e--;
    if (e === s + 1 && adverbialWord(v, s) && subjectAfter(v, verb)) return null;
    if (e > s) return { range: [s, e], relative: false };
  }
  const end = chunkNP(v, s, verb);
  if (end <= s) return null;
  return { range: [s, end], relative: false };
}

/**
 * A lone sentence-initial word that is no noun here ("Derweil", "Klarer", "Schon"): no entity mention, no source
 * noun, no pronoun or determiner, and never written capitalised inside a sentence of the text.
 */
export function adverbialWord(v: DocView, s: number): boolean {
  const w = v.lower[s], lex = v.lex;
  if (v.capitalisedInside.has(w) || lex.sourceNouns.has(w) || lex.pronouns.has(w) || lex.determiners.has(w) || lex.numbers.has(w)) return false;
  const from = v.doc.tokens[s].start, to = v.doc.tokens[s].end;
  return v.entities.mentionsIn(from, to).length === 0;
}

/** Does a noun phrase (a name, a noun or a determiner phrase) follow the verb at `verb`, over reflexives and adverbs? */
function subjectAfter(v: DocView, verb: number): boolean {
  let t = verb + 1;
  while (t < v.lower.length && (v.lex.reflexives.has(v.lower[t]) || v.lex.adverbs.has(v.lower[t]))) t++;
  if (t >= v.lower.length || isPunct(v, t) || isQuoteMark(v, t)) return false;
  return (isCap(v, t) || v.lex.determiners.has(v.lower[t]) || v.lex.pronouns.has(v.lower[t])) && chunkNP(v, t, v.lower.length) > t;
}

/**
 * The noun phrase a speaker range really holds, or null: a source is named by a noun phrase, never by a
 * clause fragment. A range holding a verb, an auxiliary, a reflexive, an infinitive marker or a
 * complementizer ("sich zu Angelegenheiten … zu", "hat es die Vorteile …") is cut down to the noun phrase
 * after a leading auxiliary ("hat es" → "es") or rejected.
 */
export function nounPhraseIn(v: DocView, a: number, b: number): [number, number] | null {
  const lex = v.lex;
  a = skipConnectors(v, a, b); // "Denn die Regierung", "Now the government": the connector is no part of it
  let bad = -1;
  for (let k = a; k < b && bad < 0; k++) {
    const w = v.lower[k];
    if (v.quoteOf[k] || v.verbMask[k] || lex.auxiliaries.has(w) || lex.reflexives.has(w) || lex.complementizers.has(w)
      || (lex.infinitiveMarkers.has(w) && !lex.prepositions.has(w))) bad = k;
  }
  if (bad < 0) return a < b ? [a, b] : null;
  if (bad === a && lex.auxiliaries.has(v.lower[a])) {
    const e = chunkNP(v, a + 1, b);
    if (e > a + 1) return nounPhraseIn(v, a + 1, e);
  }
  return null;
}

