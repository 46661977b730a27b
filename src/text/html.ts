/** A saved news page → its article text and metadata, through Mozilla Readability over linkedom's DOM. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawArticle } from './types.js';

export function htmlToArticle(html: string, origin: string): RawArticle {
  const { document } = parseHTML(html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const published = meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const language = document.documentElement?.getAttribute('lang') || null;
  const url = meta('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const siteName = meta('meta[property="og:site_name"]');
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article || !article.content) throw new Error('no article text found in the HTML page');
  // Paragraph structure from the cleaned DOM: one block element → one paragraph.
  const { document: clean } = parseHTML(`<html><body>${article.content}</body></html>`);
  const blocks = [...clean.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const text = blocks.length ? blocks.join('\n\n') : (article.textContent ?? '').trim();
  if (!text) throw new Error('no article text found in the HTML page');
  return {
    text,
    origin,
    title: article.title?.trim() || null,
    source: siteName ?? article.siteName ?? null,
    url,
    published: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null,
    language: language ? language.slice(0, 2).toLowerCase() : null,
  };
}
