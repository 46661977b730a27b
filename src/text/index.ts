/**
 * The text layer's entry point: raw article → Doc (canonical text, paragraphs, sentences, tokens,
 * language, byline, dateline). Every later stage reads this Doc and never re-tokenises.
 */
import { createHash } from 'node:crypto';
import type { Doc, RawArticle } from './types.js';
import { normalizeText } from './normalize.js';
import { splitParagraphs } from './paragraphs.js';
import { tokenize } from './tokenize.js';
import { segment } from './segment.js';
import { detectLanguage } from './language.js';
import { availableLanguages, textLangData } from './lang-data.js';
import { findByline, findDateline } from './byline.js';

export class InputError extends Error {
  constructor(readonly origin: string, message: string) {
    super(`${origin}: ${message}`);
    this.name = 'InputError';
  }
}

export function buildDoc(raw: RawArticle): Doc {
  const text = normalizeText(raw.text);
  if (!text) throw new InputError(raw.origin, 'empty article (no text after the front matter)');
  const known = availableLanguages();
  let language: string;
  let languageConfidence: number;
  if (raw.language) {
    const code = raw.language.toLowerCase().slice(0, 2);
    if (!known.includes(code)) throw new InputError(raw.origin, `unsupported language "${raw.language}" (available: ${known.join(', ')})`);
    language = code;
    languageConfidence = 1;
  } else {
    const g = detectLanguage(text);
    language = g.language;
    languageConfidence = g.confidence;
  }
  const published = raw.published ? checkDate(raw.published, raw.origin) : null;
  const lang = textLangData(language);
  const paragraphs = splitParagraphs(text);
  const rawTokens = tokenize(text, 0, text.length, lang.clitics, lang.compoundLinks);
  const { tokens, sentences } = segment(text, paragraphs, rawTokens, lang);
  const byline = findByline(text, paragraphs, known.map((l) => textLangData(l).credits));
  const dateline = findDateline(text, paragraphs);
  return {
    id: documentId(text, raw),
    title: raw.title ?? null,
    source: raw.source ?? null,
    url: raw.url ?? null,
    published,
    text,
    language,
    languageConfidence,
    paragraphs,
    sentences,
    tokens,
    byline,
    dateline,
  };
}

/** A content hash: the same text and metadata always give the same id. */
export function documentId(text: string, raw: Pick<RawArticle, 'url' | 'published' | 'title'>): string {
  const h = createHash('sha256').update(text).update('\u0000' + (raw.published ?? '')).digest('hex');
  return 'doc:' + h.slice(0, 16);
}

function checkDate(value: string, origin: string): string {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) throw new InputError(origin, `published date "${value}" is not YYYY-MM-DD`);
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) {
    throw new InputError(origin, `published date "${value}" is not a real calendar date`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}
