/**
 * Feeds → items, with feedsmith (npm `feedsmith`). Chosen because it reads all four formats we meet (RSS 2.0,
 * Atom 1.0, RDF/RSS 1.0, JSON Feed 1.x) and OPML with one call each, detects the format itself, is typed,
 * is actively maintained (monthly releases in 2026) and depends only on fast-xml-parser (already ours) and
 * `entities` — where rss-parser (xml2js, no JSON Feed, no release since 2023) and feedparser (sax streams,
 * no JSON Feed) need more and do less. It also writes Atom, which /alerts.atom uses.
 */
import { parseFeed } from 'feedsmith';

export interface FeedItem {
  /** guid / id, else the link, else null (the caller derives a key from the content). */
  id: string | null;
  link: string | null;
  title: string | null;
  /** YYYY-MM-DD, or null when the item gives no readable date. */
  published: string | null;
  /** The item's body as HTML or text (content:encoded, Atom content, content_html/text), else its summary. */
  body: string;
  /** True when the body came from a summary or description field only. */
  summaryOnly: boolean;
}

export interface ParsedFeed {
  format: string;
  title: string | null;
  items: FeedItem[];
}

/** A text construct: a string, or feedsmith's { value } object. */
const textOf = (x: unknown): string | null => {
  if (typeof x === 'string') return x.trim() || null;
  if (x && typeof x === 'object' && 'value' in x && typeof (x as { value: unknown }).value === 'string') return ((x as { value: string }).value.trim() || null);
  return null;
};

export function isoDay(value: unknown): string | null {
  const s = textOf(value);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** Parses a feed document (XML text, or JSON Feed text); throws with a one-line message when it is no feed. */
export function parseFeedText(text: string): ParsedFeed {
  let input: unknown = text;
  if (/^\s*\{/.test(text)) {
    try {
      input = JSON.parse(text);
    } catch (err) {
      throw new Error(`malformed JSON Feed: ${(err as Error).message}`);
    }
  }
  let parsed: { format: string; feed: any };
  try {
    parsed = parseFeed(input as string) as { format: string; feed: any };
  } catch (err) {
    throw new Error(`not a readable feed: ${(err as Error).message}`);
  }
  const { format, feed } = parsed;
  if (format === 'atom') return { format, title: textOf(feed.title), items: (feed.entries ?? []).map(atomItem) };
  if (format === 'json') return { format, title: textOf(feed.title), items: (feed.items ?? []).map(jsonItem) };
  return { format, title: textOf(feed.title), items: (feed.items ?? []).map(rssItem) };
}

function rssItem(it: any): FeedItem {
  const full = textOf(it.content?.encoded);
  const summary = textOf(it.description);
  return {
    id: textOf(it.guid) ?? textOf(it.guid?.value) ?? null,
    link: textOf(it.link),
    title: textOf(it.title),
    published: isoDay(it.pubDate) ?? isoDay(it.dc?.date ?? it.dc?.dates?.[0]),
    body: full ?? summary ?? '',
    summaryOnly: !full,
  };
}

function atomItem(it: any): FeedItem {
  const links: { href?: string; rel?: string }[] = it.links ?? [];
  const link = links.find((l) => !l.rel || l.rel === 'alternate')?.href ?? links[0]?.href ?? null;
  const full = textOf(it.content);
  const summary = textOf(it.summary);
  return { id: textOf(it.id), link, title: textOf(it.title), published: isoDay(it.published) ?? isoDay(it.updated), body: full ?? summary ?? '', summaryOnly: !full };
}

function jsonItem(it: any): FeedItem {
  const full = textOf(it.content_html) ?? textOf(it.content_text);
  const summary = textOf(it.summary);
  return {
    id: it.id != null ? String(it.id) : null,
    link: textOf(it.url) ?? textOf(it.external_url),
    title: textOf(it.title),
    published: isoDay(it.date_published) ?? isoDay(it.date_modified),
    body: full ?? summary ?? '',
    summaryOnly: !full,
  };
}
