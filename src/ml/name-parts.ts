/**
 * Document pass for name parts the model reads as common words ("Theresa May": "May" taken for the month).
 * 1. A one-token person whose token is a known first name (gazetteer) takes the capitalised untagged word right after it
 *    as its surname ("Theresa May", "Will Hurd") when no capitalised word follows that one.
 * 2. The surname of a person named in full anywhere in the document is a person where it stands untagged on its own
 *    ("May said …", "endorsed May"), unless it reads as a date there: a month name next to a number ("May 5", "5 May
 *    2016") or after a word that introduces dates (lang/<code>/text/date-preceders.txt: "in May", "since May"), or, for other
 *    words, where the model was sure it is no name and the word is frequent ("im Sommer" after "Hildegard Sommer").
 * Changes tags and conf in place; the added tokens get confidence 0.5 (as propagateNames does).
 */
import { GAZ, type Lexicon } from './lexicon.js';
import { spansFromTags } from './eval.js';

export interface NamePartWords {
  /** Capitalised month names (a surname equal to one is checked for a date reading). */
  months: ReadonlySet<string>;
  /** Lower-case words after which a month name is a date ("in", "since"). */
  datePreceders: ReadonlySet<string>;
  /** Lower-case function words that are never a surname ("The", "And" capitalised in a headline). */
  stopwords: ReadonlySet<string>;
  /** Endings of a day number written in digits ("5th", "5."). */
  ordinalSuffixes: readonly string[];
}

/** A word that can be a surname: capitalised, letters (with inner apostrophes or hyphens), at least two letters. */
const SURNAME_SHAPE = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}]*$/u;
/** A capitalised word. */
const CAPITALISED = /^\p{Lu}/u;
/** Confidence given to tokens this pass adds (as in propagateNames). */
const ADDED_CONFIDENCE = 0.5;
/** The model's confidence in O above which a frequent word stays a common word ("im Sommer" after "Hildegard Sommer"); as propagateNames. */
const SURE_NO_NAME = 0.99;

export function completeNameParts(lex: Lexicon, words: NamePartWords, sentences: string[][], tags: string[][], conf: Float32Array[]): void {
  const isFirstName = (w: string): boolean => {
    const e = lex.index.get(w);
    return e !== undefined && (lex.data.flags[e] & GAZ.FIRST) !== 0;
  };
  const surnameLike = (w: string | undefined): w is string => w !== undefined && SURNAME_SHAPE.test(w) && !words.stopwords.has(w.toLowerCase());
  const surnames = new Set<string>();
  sentences.forEach((toks, si) => {
    const t = tags[si];
    for (const sp of spansFromTags(t)) {
      if (sp.type !== 'PER') continue;
      let end = sp.end;
      // The word after the surname must not be capitalised too: "Lao Prime Minister …" is no "Lao Prime".
      if (end - sp.start === 1 && isFirstName(toks[sp.start]) && t[end] === 'O' && surnameLike(toks[end]) && !CAPITALISED.test(toks[end + 1] ?? '')) {
        t[end] = 'I-PER';
        conf[si][end] = ADDED_CONFIDENCE;
        end++;
      }
      if (end - sp.start >= 2 && surnameLike(toks[end - 1]) && toks[end - 1].length >= 3) surnames.add(toks[end - 1]);
    }
  });
  if (!surnames.size) return;
  sentences.forEach((toks, si) => {
    const t = tags[si];
    for (let i = 0; i < toks.length; i++) {
      if (t[i] !== 'O' || !surnames.has(toks[i])) continue;
      if (words.months.has(toks[i]) ? readsAsDate(toks, i, words) : conf[si][i] >= SURE_NO_NAME && isFrequent(lex, toks[i])) continue;
      t[i] = 'B-PER';
      conf[si][i] = ADDED_CONFIDENCE;
    }
  });
}

/** A word with a distributional cluster: frequent in the unlabeled text the model was built with. */
function isFrequent(lex: Lexicon, w: string): boolean {
  const e = lex.index.get(w);
  return e !== undefined && lex.data.cluster[e] >= 0;
}

/** Up to four digits: a day or a year next to a month name ("May 5", "May 2016"); "59-year-old May" is no date. */
const DIGITS = /^\d{1,4}$/;

/** A day or year in digits, with or without the language's ordinal ending ("5", "5th", "5."). */
function isDayNumber(tok: string | undefined, words: NamePartWords): boolean {
  if (tok === undefined) return false;
  if (DIGITS.test(tok)) return true;
  const suffix = words.ordinalSuffixes.find((s) => tok.endsWith(s));
  return suffix !== undefined && DIGITS.test(tok.slice(0, tok.length - suffix.length));
}

/** A month name at i is a date here: next to a number, or after a word that introduces dates. */
function readsAsDate(toks: string[], i: number, words: NamePartWords): boolean {
  if (isDayNumber(toks[i + 1], words) || isDayNumber(toks[i - 1], words)) return true;
  const prev = toks[i - 1];
  return prev !== undefined && words.datePreceders.has(prev.toLowerCase());
}
