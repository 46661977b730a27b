/** The canonical text of a news article in ../shared/corpus/news, exactly as the pipeline reads it. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readInputFile } from '../../text/input.js';
import { normalizeText } from '../../text/normalize.js';
import { sharedDir } from '../../util/paths.js';

export const newsDir = join(sharedDir, 'corpus', 'news');

export interface NewsText { file: string; text: string; published: string | null; language: string | null; title: string | null }

/** dir: the corpus folder (tests pass their own small corpus). */
export async function readNewsText(file: string, dir = newsDir): Promise<NewsText> {
  const items = await readInputFile(join(dir, file));
  const item = items[0];
  if (!item || !item.ok) throw new Error(`${file}: ${item && !item.ok ? item.problem.message : 'no article'}`);
  const a = item.article;
  return { file, text: normalizeText(a.text), published: a.published ?? null, language: a.language ?? null, title: a.title ?? null };
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** At most the first and the last three words of a span: enough to check it, never the sentence. */
export function spanCheck(span: string): string {
  const w = span.split(/\s+/).filter(Boolean);
  return w.length <= 6 ? w.join(' ') : `${w.slice(0, 3).join(' ')} … ${w.slice(-3).join(' ')}`;
}
