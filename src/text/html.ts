/** A saved news page → its article text and metadata, through Mozilla Readability over linkedom's DOM. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawArticle } from './types.js';

/**
 * The deepest element nesting accepted. linkedom and Readability walk the tree recursively: 2,000 levels
 * took a minute, 10,000 overflowed the stack. Real news pages nest 20–60 levels; 256 leaves them all room.
 */
export const MAX_HTML_DEPTH = 256;

export function htmlToArticle(html: string, origin: string): RawArticle {
  const depth = htmlNestingDepth(html, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    throw new Error(`HTML nested more than ${MAX_HTML_DEPTH} elements deep: no news page is; refused before parsing (a broken or hostile page)`);
  }
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
    // A page's date is a hint: an impossible one ("2024-02-30") is dropped, the article is still read.
    published: calendarDate(published),
    language: language ? language.slice(0, 2).toLowerCase() : null,
  };
}

/** "2025-01-13T10:00:00Z" → "2025-01-13"; null unless it starts with a real calendar date. */
function calendarDate(value: string | null): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[0] ? m[0] : null;
}

// Elements that never have content, and those whose end tag HTML lets a page leave out (the parser closes
// them at the next sibling): neither deepens the tree as a page is usually written.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);
// A tag ends at the next '>' and never runs past a '<', so an unclosed "<a" costs only up to the next tag.
const TAG = /<(?:(!--)|(\/?)([a-zA-Z][\w:-]*|!doctype)\b[^<>]*?(\/?)>)/gi;

/**
 * The element nesting depth of an HTML string, by one linear scan of its tags (no tree is built), stopping
 * as soon as it passes `stopAbove`. A close tag pops back to its open element; one that matches nothing is
 * ignored, as a parser would.
 */
export function htmlNestingDepth(html: string, stopAbove = Infinity): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let max = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[1]) {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = m[3].toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (m[2]) {
      if (!open.get(name)) continue;
      for (;;) {
        const top = stack.pop()!;
        open.set(top, open.get(top)! - 1);
        if (top === name) break;
      }
      continue;
    }
    if (m[4]) continue; // <div/>: closed at once (foreign elements such as svg's)
    if (RAW_TEXT.has(name)) {
      // Script and style bodies are text: skip to their end tag.
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      if (!close.exec(html)) break;
      TAG.lastIndex = close.lastIndex - name.length - 2;
      continue;
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > max && (max = stack.length) > stopAbove) return max;
  }
  return max;
}
