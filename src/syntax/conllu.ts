/**
 * CoNLL-U reader and writer (https://universaldependencies.org/format.html).
 *
 * A `Sentence` holds the syntactic words (integer IDs) as parallel arrays, index i = word ID i+1.
 * Multiword-token lines (`6-7 im`) and empty nodes (`8.1`) are kept beside the words so that
 * `writeConllu(readConllu(x)) === x` for well-formed input; taggers and parsers only look at the words.
 * Empty columns (`_`) are stored as '' (except LEMMA and FORM, which are kept verbatim because `_` is a
 * real word form); HEAD `_` is stored as -1.
 */

/** A surface token spanning words first..last (1-based word IDs, inclusive), e.g. German "im" = in + dem. */
export interface MultiwordToken {
  first: number;
  last: number;
  form: string;
  /** FEATS of the token line ('' when `_`; UD allows e.g. Typo=Yes here). */
  feats: string;
  misc: string;
}

/** An empty node of the enhanced graph (ID like `8.1`); kept only to round-trip. */
export interface EmptyNode {
  /** The integer word it follows (8 for `8.1`; 0 before the first word). */
  after: number;
  /** The full ID string, e.g. "8.1". */
  id: string;
  /** Columns 2..10 verbatim. */
  columns: string[];
}

export interface Sentence {
  /** Comment lines verbatim, including the leading '#'. */
  comments: string[];
  forms: string[];
  lemmas: string[];
  upos: string[];
  xpos: string[];
  /** FEATS as written, sorted `Name=Value|…`; '' when none. */
  feats: string[];
  /** Head word ID per word (0 = root, -1 = unknown `_`). */
  heads: Int32Array;
  deprels: string[];
  deps: string[];
  misc: string[];
  multiwords: MultiwordToken[];
  empty: EmptyNode[];
}

export class ConlluError extends Error {
  constructor(source: string, line: number, message: string) {
    super(`${source}:${line}: ${message}`);
    this.name = 'ConlluError';
  }
}

const EMPTY_COLUMN = '_';
const col = (s: string): string => (s === EMPTY_COLUMN ? '' : s);
const out = (s: string): string => (s === '' ? EMPTY_COLUMN : s);

/** A new sentence of n words with empty columns (heads unknown). */
export function emptySentence(n: number): Sentence {
  const blank = (): string[] => new Array<string>(n).fill('');
  return {
    comments: [], forms: blank(), lemmas: new Array<string>(n).fill(EMPTY_COLUMN), upos: blank(), xpos: blank(),
    feats: blank(), heads: new Int32Array(n).fill(-1), deprels: blank(), deps: blank(), misc: blank(),
    multiwords: [], empty: [],
  };
}

interface Draft {
  comments: string[];
  rows: string[][];
  multiwords: MultiwordToken[];
  empty: EmptyNode[];
  firstLine: number;
}

/** Parse CoNLL-U text. `source` names the file in error messages. */
export function readConllu(text: string, source = '<conllu>'): Sentence[] {
  const sentences: Sentence[] = [];
  let draft: Draft | null = null;
  const lines = text.split('\n');
  // A trailing newline leaves one empty string at the end; it is not a line.
  const count = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let li = 0; li < count; li++) {
    let line = lines[li];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const lineNo = li + 1;
    if (line === '') {
      if (draft) sentences.push(finish(draft, source));
      draft = null;
      continue;
    }
    if (!draft) draft = { comments: [], rows: [], multiwords: [], empty: [], firstLine: lineNo };
    if (line.startsWith('#')) {
      if (draft.rows.length > 0 || draft.multiwords.length > 0) throw new ConlluError(source, lineNo, 'comment line inside a sentence');
      draft.comments.push(line);
      continue;
    }
    readRow(draft, line, source, lineNo);
  }
  if (draft) sentences.push(finish(draft, source));
  return sentences;
}

function readRow(draft: Draft, line: string, source: string, lineNo: number): void {
  const c = line.split('\t');
  if (c.length !== 10) throw new ConlluError(source, lineNo, `expected 10 tab-separated columns, found ${c.length}`);
  const id = c[0];
  const expected = draft.rows.length + 1;
  const dash = id.indexOf('-');
  if (dash > 0) {
    const first = Number(id.slice(0, dash));
    const last = Number(id.slice(dash + 1));
    if (!Number.isInteger(first) || !Number.isInteger(last) || first !== expected || last < first) {
      throw new ConlluError(source, lineNo, `bad multiword token ID "${id}" (next word is ${expected})`);
    }
    draft.multiwords.push({ first, last, form: c[1], feats: col(c[5]), misc: col(c[9]) });
    return;
  }
  const dot = id.indexOf('.');
  if (dot > 0) {
    const after = Number(id.slice(0, dot));
    if (!Number.isInteger(after) || after !== expected - 1) throw new ConlluError(source, lineNo, `bad empty node ID "${id}"`);
    draft.empty.push({ after, id, columns: c.slice(1) });
    return;
  }
  if (Number(id) !== expected) throw new ConlluError(source, lineNo, `word ID "${id}" out of order (expected ${expected})`);
  if (c[6] !== EMPTY_COLUMN && !/^\d+$/.test(c[6])) throw new ConlluError(source, lineNo, `bad HEAD "${c[6]}"`);
  draft.rows.push(c);
}

function finish(d: Draft, source: string): Sentence {
  const n = d.rows.length;
  if (n === 0) throw new ConlluError(source, d.firstLine, 'sentence without words');
  const s = emptySentence(n);
  s.comments = d.comments;
  s.multiwords = d.multiwords;
  s.empty = d.empty;
  for (let i = 0; i < n; i++) {
    const c = d.rows[i];
    s.forms[i] = c[1];
    s.lemmas[i] = c[2];
    s.upos[i] = col(c[3]);
    s.xpos[i] = col(c[4]);
    s.feats[i] = col(c[5]);
    const head = c[6] === EMPTY_COLUMN ? -1 : Number(c[6]);
    if (head > n) throw new ConlluError(source, d.firstLine, `word ${i + 1} has HEAD ${head} beyond the sentence's ${n} words`);
    s.heads[i] = head;
    s.deprels[i] = col(c[7]);
    s.deps[i] = col(c[8]);
    s.misc[i] = col(c[9]);
  }
  for (const m of d.multiwords) {
    if (m.last > n) throw new ConlluError(source, d.firstLine, `multiword token ${m.first}-${m.last} runs past the last word`);
  }
  return s;
}

/** Serialise sentences as CoNLL-U (each sentence followed by a blank line). */
export function writeConllu(sentences: readonly Sentence[]): string {
  const parts: string[] = [];
  for (const s of sentences) {
    for (const c of s.comments) parts.push(c, '\n');
    let mw = 0;
    let en = 0;
    while (en < s.empty.length && s.empty[en].after === 0) parts.push(s.empty[en].id, '\t', s.empty[en++].columns.join('\t'), '\n');
    for (let i = 0; i < s.forms.length; i++) {
      const id = i + 1;
      while (mw < s.multiwords.length && s.multiwords[mw].first === id) {
        const m = s.multiwords[mw++];
        parts.push(`${m.first}-${m.last}\t${m.form}\t_\t_\t_\t${out(m.feats)}\t_\t_\t_\t${out(m.misc)}\n`);
      }
      const head = s.heads[i] < 0 ? EMPTY_COLUMN : String(s.heads[i]);
      parts.push(
        `${id}\t${s.forms[i]}\t${s.lemmas[i]}\t${out(s.upos[i])}\t${out(s.xpos[i])}\t${out(s.feats[i])}\t${head}\t${out(s.deprels[i])}\t${out(s.deps[i])}\t${out(s.misc[i])}\n`,
      );
      while (en < s.empty.length && s.empty[en].after === id) parts.push(s.empty[en].id, '\t', s.empty[en++].columns.join('\t'), '\n');
    }
    parts.push('\n');
  }
  return parts.join('');
}

/** Value of feature `name` in a FEATS string ('' when absent). No allocation beyond the result. */
export function featValue(feats: string, name: string): string {
  let from = 0;
  while (from < feats.length) {
    let bar = feats.indexOf('|', from);
    if (bar < 0) bar = feats.length;
    const eq = feats.indexOf('=', from);
    if (eq > from && eq < bar && eq - from === name.length && feats.startsWith(name, from)) return feats.slice(eq + 1, bar);
    from = bar + 1;
  }
  return '';
}

/** FEATS string as [name, value] pairs. */
export function parseFeats(feats: string): Array<[string, string]> {
  if (feats === '') return [];
  return feats.split('|').map((p) => {
    const eq = p.indexOf('=');
    return [p.slice(0, eq), p.slice(eq + 1)] as [string, string];
  });
}

/** Value of key `name` in a MISC string ('' when absent). */
export function miscValue(misc: string, name: string): string {
  return featValue(misc, name);
}

/** A surface token of a sentence: a multiword token or a word not inside one. */
export interface SurfaceToken {
  form: string;
  /** Word IDs (1-based, inclusive) the token covers. */
  first: number;
  last: number;
  /** False where MISC says SpaceAfter=No. */
  spaceAfter: boolean;
}

/** The sentence's surface tokens in order (what a tokenizer sees). */
export function surfaceTokens(s: Sentence): SurfaceToken[] {
  const tokens: SurfaceToken[] = [];
  let mw = 0;
  for (let id = 1; id <= s.forms.length; ) {
    if (mw < s.multiwords.length && s.multiwords[mw].first === id) {
      const m = s.multiwords[mw++];
      tokens.push({ form: m.form, first: m.first, last: m.last, spaceAfter: miscValue(m.misc, 'SpaceAfter') !== 'No' });
      id = m.last + 1;
    } else {
      tokens.push({ form: s.forms[id - 1], first: id, last: id, spaceAfter: miscValue(s.misc[id - 1], 'SpaceAfter') !== 'No' });
      id++;
    }
  }
  return tokens;
}

/** The sentence text rebuilt from its surface tokens and SpaceAfter. */
export function sentenceText(s: Sentence): string {
  const toks = surfaceTokens(s);
  let text = '';
  for (let i = 0; i < toks.length; i++) text += toks[i].form + (toks[i].spaceAfter && i < toks.length - 1 ? ' ' : '');
  return text;
}

/** Value of a `# key = value` comment ('' when absent). */
export function commentValue(s: Sentence, key: string): string {
  const prefix = `# ${key} =`;
  for (const c of s.comments) if (c.startsWith(prefix)) return c.slice(prefix.length).trim();
  return '';
}
