/**
 * The article text of a feed item: its body when the feed carries the whole article, else the article page
 * fetched and extracted with Readability (src/text/html.ts) — a teaser alone is not worth analysing.
 */
import { parseHTML } from 'linkedom';
import { htmlToArticle } from '../text/html.js';
import type { RawArticle } from '../text/types.js';
import type { FeedItem } from './parse-feed.js';

/**
 * A body with fewer words is a teaser: news teasers run one to three sentences (about 15–45 words in the
 * feeds we looked at), while the shortest wire items run past 60. Set by hand from that gap.
 */
export const TEASER_MAX_WORDS = 50;

/** HTML (or plain text) of a feed body → text, one paragraph per block element. */
export function bodyText(body: string): string {
  if (!/<[a-z!\/]/i.test(body)) return body.replace(/\r\n?/g, '\n').trim();
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  for (const el of document.querySelectorAll('script, style')) el.remove();
  const blocks = [...document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.length ? blocks.join('\n\n') : (document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
}

export const wordCount = (text: string): number => text.match(/\S+/g)?.length ?? 0;

/** Does this item need its page fetched? */
export const isTeaser = (item: FeedItem, text: string): boolean => !!item.link && wordCount(text) < TEASER_MAX_WORDS;

/** The article of a fetched page; its text replaces the teaser only when it is longer. */
export function pageArticle(html: string, pageUrl: string): RawArticle {
  return htmlToArticle(html, pageUrl);
}
