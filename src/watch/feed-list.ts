/** The FEEDS argument of `watch`: an OPML file (the feed readers' export format) or a plain list of URLs. */
import { readFileSync } from 'node:fs';
import { parseOpml } from 'feedsmith';

export interface FeedEntry {
  url: string;
  title: string | null;
}

interface Outline {
  xmlUrl?: string;
  text?: string;
  title?: string;
  outlines?: Outline[];
}

export function readFeedList(path: string): FeedEntry[] {
  return parseFeedList(readFileSync(path, 'utf8'), path);
}

/** OPML when the text is XML, else one URL a line (blank lines and # comments ignored). */
export function parseFeedList(text: string, origin = 'feed list'): FeedEntry[] {
  const entries = /^\s*</.test(text) ? fromOpml(text, origin) : fromLines(text, origin);
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.url) && !!seen.add(e.url));
}

function fromOpml(text: string, origin: string): FeedEntry[] {
  let opml: { body?: { outlines?: Outline[] } };
  try {
    opml = parseOpml(text) as typeof opml;
  } catch (err) {
    throw new Error(`${origin}: not a readable OPML file (${(err as Error).message})`);
  }
  const out: FeedEntry[] = [];
  const walk = (list: Outline[] | undefined) => {
    for (const o of list ?? []) {
      if (o.xmlUrl) out.push({ url: checkUrl(o.xmlUrl.trim(), origin), title: o.title ?? o.text ?? null });
      walk(o.outlines);
    }
  };
  walk(opml.body?.outlines);
  return out;
}

function fromLines(text: string, origin: string): FeedEntry[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => [l.replace(/#.*$/, '').trim(), i + 1] as const)
    .filter(([l]) => l)
    .map(([l, n]) => ({ url: checkUrl(l.split(/\s+/)[0], `${origin}:${n}`), title: null }));
}

function checkUrl(url: string, where: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${where}: not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${where}: only http and https feeds, not ${url}`);
  return u.toString();
}
