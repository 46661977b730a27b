/**
 * The article a request carries, read through the same text-layer readers as files: JSON
 * ({ text | html, title?, published?, … }), text/plain (front matter allowed) or text/html (Readability
 * extracts the article). Metadata given in JSON overrides what the input says.
 */
import type { FastifyRequest } from 'fastify';
import type { RawArticle } from '../text/types.js';
import { decodeArticles } from '../text/input.js';
import { detectLanguage } from '../text/language.js';
import { normalizeText } from '../text/normalize.js';
import { prepareLanguage } from '../pipeline/analyze.js';
import { HttpError, badRequest } from './errors.js';

export interface ArticleBody {
  text?: string;
  html?: string;
  title?: string;
  published?: string;
  source?: string;
  url?: string;
  language?: string;
}

/** The origin recorded for articles that arrive over HTTP (never a path: nothing is read from disk). */
export const REQUEST_ORIGIN = '<request>';

export function articleFromRequest(req: FastifyRequest): RawArticle {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  let body: ArticleBody;
  let ext: string;
  if (type === 'application/json') {
    body = req.body as ArticleBody;
    if (!!body.text === !!body.html) throw badRequest('body: give exactly one of text or html');
    ext = body.html ? '.html' : '.txt';
  } else if (type === 'text/plain' || type === 'text/html') {
    body = { [type === 'text/html' ? 'html' : 'text']: String(req.body ?? '') };
    ext = type === 'text/html' ? '.html' : '.txt';
  } else {
    throw new HttpError(415, `content type ${type || '(none)'} is not accepted: send application/json, text/plain or text/html`);
  }
  const content = body.text ?? body.html ?? '';
  const [item] = decodeArticles(Buffer.from(content, 'utf8'), REQUEST_ORIGIN, ext);
  if (!item || !item.ok) throw badRequest(`body: ${item ? item.problem.message : 'no article'}`);
  const raw = item.article;
  return {
    ...raw,
    origin: REQUEST_ORIGIN,
    title: body.title ?? raw.title ?? null,
    published: body.published ?? raw.published ?? null,
    source: body.source ?? raw.source ?? null,
    url: body.url ?? raw.url ?? null,
    language: body.language ?? raw.language ?? null,
  };
}

/** Loads the language resources the synchronous pipeline needs (spelling dictionary) before analysing. */
export async function prepareFor(raw: RawArticle): Promise<void> {
  await prepareLanguage(raw.language ?? detectLanguage(normalizeText(raw.text)).language);
}
