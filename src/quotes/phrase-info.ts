/**
 * What a speaker phrase says about its source: pronoun, relative pronoun, a named person or institution,
 * or an anonymous/collective group with its count, definiteness, partitive ("drei der sechs Beamten")
 * and the entity mentions that give its affiliation.
 */
import type { EntityMention } from '../entities/types.js';
import type { SourceNoun } from './lexicon.js';
import { hasNameLike, inNameMention } from './phrases.js';
import { isCap, mentionsIn, type DocView } from './view.js';
import { parseAt } from './parse-subject.js';
import { descriptionClass } from '../references/index.js';

export interface PhraseInfo {
  start: number;
  end: number;
  kind: 'pronoun' | 'relative' | 'named' | 'group' | 'description';
  /** Source noun of a group ("Beamte" → Beamter), or null. */
  noun: SourceNoun | null;
  count: number | null;
  /** "drei der (sechs) Beamten": the part's count is `count`, the whole's is `ofCount`. */
  partitive: boolean;
  ofCount: number | null;
  definite: boolean;
  plural: boolean;
  mentions: EntityMention[];
  /** Entity the phrase names (a person or institution), or null. */
  entity: string | null;
  /** Entity the group belongs to ("japanische" → Japan, "von Trump" → Trump), or null. */
  affiliation: string | null;
  /** "einer von ihnen", "one of them": the whole is a group named before by a pronoun. */
  pronounWhole: boolean;
  /** The source noun is in a singular form ("the memo", "the spokesman"): a new group of it counts one. */
  singularForm: boolean;
}

const TYPE_RANK: Record<string, number> = { organization: 0, location: 1, person: 2, other: 3 };

export function analyzePhrase(v: DocView, a: number, b: number): PhraseInfo {
  const lex = v.lex;
  const info: PhraseInfo = {
    start: a, end: b, kind: 'description', noun: null, count: null, partitive: false, ofCount: null,
    definite: false, plural: false, mentions: mentionsIn(v, a, b), entity: null, affiliation: null,
    pronounWhole: false, singularForm: false,
  };
  const w0 = v.lower[a];
  if (b === a + 1 && lex.pronouns.has(w0)) { info.kind = 'pronoun'; return info; }
  if (b === a + 1 && lex.relativePronouns.has(w0)) { info.kind = 'relative'; return info; }
  info.definite = lex.definite.has(w0);
  // Count and partitive: NUM (der|of) [det] [NUM] … noun
  let k = a;
  if (info.definite) k++;
  if (lex.numbers.has(v.lower[k]) || /^\d+$/.test(v.lower[k])) {
    info.count = lex.numbers.get(v.lower[k]) ?? Number(v.lower[k]);
    k++;
    if (lex.partitiveLinks.has(v.lower[k]) && k + 1 < b) {
      info.partitive = true; k++;
      if (lex.definite.has(v.lower[k])) k++;
      if (lex.numbers.has(v.lower[k]) || /^\d+$/.test(v.lower[k])) { info.ofCount = lex.numbers.get(v.lower[k]) ?? Number(v.lower[k]); k++; }
    }
  } else if (lex.pluralOnly.has(v.lower[k])) { info.plural = true; }
  const closingPerson = info.mentions.some((m) => m.tokenEnd === b && m.kind === 'name' && v.entities.byId.get(m.entity)?.type === 'person');
  // Head of the first sub-phrase: stop at a genitive link or coordinator once a noun was seen.
  let headEnd = b, seenNoun = false;
  for (let j = k; j < b; j++) {
    const w = v.lower[j];
    // A source noun inside a name ("the United Nations", „die Vereinigten Staaten“, "Doctors Without Borders") is part of
    // the name, no group's head.
    const found = inNameMention(v, j) ? undefined : lex.sourceNouns.get(w);
    const sn = found?.qualifiedOnly && !qualifiedPerson(v, a, j) || found && modifiesName(v, j, b) ? undefined : found;
    if (sn && !info.noun) { info.noun = sn; seenNoun = true; info.singularForm = singularNounForm(v, w, sn, j); continue; }
    // "Ruritania's opposition leader Maria Lopez": a possessive clitic closes the possessor, the head comes after it.
    if (lex.genitiveLinks.has(w) && !/^\p{L}/u.test(w) && closingPerson) { seenNoun = false; continue; }
    if (seenNoun && (lex.genitiveLinks.has(w) || lex.coordinators.has(w))) {
      // "Beamte und Analysten": a coordinated source noun keeps the group collective.
      if (lex.coordinators.has(w) && lex.sourceNouns.has(v.lower[j + 1])) { info.plural = true; continue; }
      headEnd = j; break;
    }
    if (isCap(v, j) || !lex.nounsCapitalised) seenNoun = true;
  }
  // A group without a stated count ("Beamte", "officials", "Regierungskreise") is collective.
  if (info.noun) info.plural = info.count === null ? true : info.count > 1;
  // A person named inside the head (or in an apposition) makes the phrase named.
  // A name inside a compound ("SPD-Politikerin", "Trump-Berater") gives an affiliation, never the speaker.
  const persons = info.mentions.filter((m) => v.entities.byId.get(m.entity)?.type === 'person' && m.kind !== 'pronoun'
    && m.kind !== 'possessive' && m.kind !== 'compound' && (m.tokenStart < headEnd || appositive(v, a, m.tokenStart)));
  // "Assad adviser Bouthaina Shaaban", "Brantners Vorgängerin Lang": a name closing the phrase is its head; a name
  // before it only qualifies the description.
  // Two names side by side ("warf Trump Selenskyj vor") are two phrases: the first stands.
  const adjacent = (m: EntityMention) => info.mentions.some((x) => x.tokenEnd === m.tokenStart);
  const person = persons.find((m) => m.tokenEnd === b && !adjacent(m)) ?? persons[0];
  // "one of the signatories", "zwei der Diplomaten": a counted part of a group is a group whatever its noun;
  // "einer von ihnen" / "one of them" a part of whichever group was spoken of last.
  if (info.partitive && lex.partitivePronouns.has(v.lower[b - 1])) info.pronounWhole = true;
  if ((info.partitive || (info.count ?? 0) > 1) && !info.noun && !person && !hasNameLike(v, a, headEnd)) {
    info.noun = { lemma: v.lower[b - 1], generic: info.pronounWhole, spokesperson: false, collective: false, medium: false };
    info.plural = (info.count ?? 2) > 1;
  }
  if (info.noun && !person && !hasNameLike(v, a, headEnd)) {
    info.kind = 'group';
    const aff = info.mentions.filter((m) => m.kind !== 'pronoun')
      .sort((x, y) => rank(v, x) - rank(v, y) || x.start - y.start)[0];
    info.affiliation = aff ? aff.entity : null;
    return info;
  }
  if (person) { info.kind = 'named'; info.entity = person.entity; }
  else {
    // An institution or place named by the phrase itself ("das japanische Außenministerium", "Japan").
    // "the Republican nominee", "the New York billionaire": a name modifying a person noun that ends the phrase
    // describes that person (its affiliation), it is not the speaker.
    const modifier = modifiesPersonHead(v, a, headEnd);
    const insts = info.mentions.filter((m) => m.tokenStart < headEnd && m.kind !== 'pronoun' && m.kind !== 'possessive' && m.kind !== 'demonym' && m.kind !== 'compound' && !modifier(m))
      .sort((x, y) => rank(v, x) - rank(v, y) || x.start - y.start);
    // "NATO ally Turkey": the name closing a phrase of several words is its head.
    const inst = (b - a > 1 ? insts.find((m) => m.tokenEnd === b && m.tokenStart > a && !adjacent(m)) : undefined) ?? insts[0];
    // "nach israelischen Angaben": an account noun with only a demonym before it is that country's account.
    const demonym = !inst && lex.accountNouns.has(v.lower[b - 1]) ? info.mentions.find((m) => m.kind === 'demonym' && m.tokenEnd === b - 1) : undefined;
    if (inst) { info.kind = 'named'; info.entity = inst.entity; }
    else if (demonym) { info.kind = 'named'; info.entity = demonym.entity; }
    else if (info.mentions.some(modifier)) info.kind = 'description';
    else if (hasNameLike(v, a, headEnd)) info.kind = 'named';
    const aff = info.mentions.find((m) => m.entity !== info.entity && m.kind !== 'pronoun');
    info.affiliation = aff ? aff.entity : null;
  }
  return info;
}

/**
 * Where only names are capitalised: is the source-noun form at j an attribute of a name right after it in the phrase
 * ("the official Daily Courier newspaper", "official Xinhua news agency")? Then the name's medium or body is meant.
 */
function modifiesName(v: DocView, j: number, b: number): boolean {
  const lex = v.lex;
  return !lex.nounsCapitalised && j + 1 < b && isCap(v, j + 1) && (inNameMention(v, j + 1) || !lex.sourceNouns.has(v.lower[j + 1])) && !lex.genitiveLinks.has(v.lower[j + 1]);
}

/**
 * Is the noun at j, in a phrase opening at a, read as a person („ein ranghoher Militär“, „ein Militär“)? Only after an indefinite article or a lowercase adjective, and with no definite article before it
 * („das Militär“, „des US-Militärs“ stay the institution).
 */
function qualifiedPerson(v: DocView, a: number, j: number): boolean {
  const lex = v.lex;
  if (j <= a) return false;
  for (let k = a; k < j; k++) if (lex.definite.has(v.lower[k])) return false;
  const prev = v.lower[j - 1];
  const indefinite = lex.determiners.has(prev) || lex.numbers.has(prev);
  const adjective = /^\p{Ll}/u.test(v.doc.tokens[j - 1].text) && !lex.prepositions.has(prev);
  return indefinite || adjective;
}

/**
 * Does a mention stand between the article and a person noun closing the phrase ("the [Republican] nominee", "the
 * [New York] billionaire")? Such a name qualifies the person described; the description is the speaker.
 */
function modifiesPersonHead(v: DocView, a: number, b: number): (m: EntityMention) => boolean {
  const head = v.lower[b - 1];
  // A capitalised head is a name of its own ("the Labour Party"); German nouns are all capitalised, so this is English.
  const personHead = b - a >= 3 && v.lex.refs.definite.has(v.lower[a]) && !isCap(v, b - 1) && descriptionClass(v.lex.refs, head) === 'person';
  return (m) => personHead && m.tokenStart > a && m.tokenEnd < b && v.entities.byId.get(m.entity)?.type !== 'person';
}

/** Is token t inside an apposition of the phrase ("der frühere Berater, John Doe")? */
function appositive(v: DocView, a: number, t: number): boolean {
  for (let k = a; k < t; k++) if (v.lower[k] === ',') return true;
  return false;
}

function rank(v: DocView, m: EntityMention): number {
  const t = v.entities.byId.get(m.entity)?.type ?? 'other';
  return TYPE_RANK[t] ?? 3;
}

/**
 * Is the source-noun form singular? Known only where plurals are marked by a suffix (English "-s"): a form without
 * one, of a noun that is no collective ("police", "media"), is singular. Elsewhere (German) unknown: false.
 */
function singularNounForm(v: DocView, form: string, noun: SourceNoun, t: number): boolean {
  const suffixes = v.lex.pluralSuffixes;
  if (noun.collective || v.lex.irregularPlurals.has(form)) return false;
  // Without plural endings to go by ("der Sprecher" / "die Sprecher"), the tagger's Number says it.
  if (!suffixes.length) return parsedNumber(v, t) === 'Sing';
  return !suffixes.some((x) => form.endsWith(x));
}

/** The tagger's Number of token t ('Sing', 'Plur' or '' when unknown or without a parse). */
function parsedNumber(v: DocView, t: number): string {
  const syn = v.syntaxOf ? v.syntaxOf() : null;
  const at = syn ? parseAt(syn, t) : null;
  return at ? /(?:^|\|)Number=(\w+)/.exec(at.words[at.word].feats)?.[1] ?? '' : '';
}
