/**
 * The corpus reads its input through the text layer's readers (files, folders, JSON Lines, HTML, stdin),
 * and only article files (docs/corpus-input.md):
 *  - HTML, JSON and JSON Lines files are articles (the readers check their shape);
 *  - a .txt/.md file named like a folder's own document (README, INDEX, CHANGELOG …, the list in
 *    lang/_shared/input/non-article-names.txt) is skipped with a note;
 *  - any other text file with front matter is an article; a Markdown file without front matter must read
 *    like one: most of its text in prose lines, not headings, list items, table rows or link lines.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { listInputs, readInputFile, type InputItem } from '../text/input.js';
import { readList } from '../text/lang-data.js';
import { langDir } from '../util/paths.js';

export type { InputItem };

/** A file left out, and why: reported as a note, not as an error. */
export interface SkippedInput {
  origin: string;
  reason: string;
}

/**
 * Least share of a Markdown file's characters in prose lines for it to count as an article. Set by hand:
 * the READMEs of ../shared/corpus and ../shared/data measure 30–50 % (an index of links less), the news
 * and gold articles 100 %. Prose-heavy documentation (60–85 %) passes: the name rule is for those.
 */
export const MIN_PROSE_SHARE = 0.6;
/** Bytes of a file read to decide (front matter and the first paragraphs say enough). */
const HEAD_BYTES = 64 * 1024;

let names: Set<string> | null = null;
const nonArticleNames = () => (names ??= new Set(readList(join(langDir('_shared'), 'input', 'non-article-names.txt')).map((n) => n.toLowerCase())));

const STRUCTURE_LINE = /^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|\||```|~~~|>\s|\[[^\]]*\]\([^)]*\)\s*$|!\[)/;

/** Why a file is not an article, or null when it is one (or when the readers should decide). */
export function nonArticleReason(path: string, head: string): string | null {
  const ext = extname(path).toLowerCase();
  if (!['.txt', '.md', '.markdown', '.text'].includes(ext)) return null;
  const stem = basename(path, extname(path)).toLowerCase();
  if (nonArticleNames().has(stem)) return `named like a folder's own document (${basename(path)}), not an article`;
  if (/^\uFEFF?---\r?\n/.test(head)) return null;
  if (ext !== '.md' && ext !== '.markdown') return null;
  const lines = head.split(/\r?\n/).filter((l) => l.trim());
  const total = lines.reduce((s, l) => s + l.length, 0);
  const prose = lines.filter((l) => !STRUCTURE_LINE.test(l)).reduce((s, l) => s + l.length, 0);
  if (total && prose / total < MIN_PROSE_SHARE) return `Markdown without front matter that is mostly headings, lists, tables or links (${Math.round((100 * prose) / total)} % prose), not an article`;
  return null;
}

function headOf(path: string): string {
  try {
    return readFileSync(path).subarray(0, HEAD_BYTES).toString('utf8');
  } catch {
    return ''; // unreadable: the reader reports it
  }
}

/** Every article and every input problem under the given paths, file by file, in a stable order. */
export async function* readArticles(paths: string[], onSkip?: (s: SkippedInput) => void): AsyncIterable<InputItem> {
  const { files, problems, skipped } = await listInputs(paths);
  for (const f of skipped) onSkip?.({ origin: f, reason: `a folder's own document (${basename(f)}), not an article` });
  for (const problem of problems) yield { ok: false, problem };
  for (const f of files) {
    const why = f === '-' ? null : nonArticleReason(f, headOf(f));
    if (why) onSkip?.({ origin: f, reason: why });
    else yield* await readInputFile(f);
  }
}

/** All of it at once: the progress bar wants the total before the first article is analysed. */
export async function collectArticles(paths: string[], onSkip?: (s: SkippedInput) => void): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readArticles(paths, onSkip)) out.push(item);
  return out;
}
