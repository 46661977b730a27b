/** The watch fixtures (test/fixtures/watch/*.txt, written for these tests) as feed items, feeds and article pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/util/paths.js';

export interface Story {
  name: string;
  title: string;
  published: string;
  text: string;
}

const DIR = join(repoRoot, 'test', 'fixtures', 'watch');

export function story(name: string): Story {
  const raw = readFileSync(join(DIR, name + '.txt'), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw)!;
  const meta = Object.fromEntries(m[1].split('\n').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  return { name, title: meta.title, published: meta.published, text: m[2].trim() };
}

export interface FeedEntryFx {
  id: string;
  link: string;
  title: string;
  published: string;
  /** Full text as HTML paragraphs, or a teaser (plain) when teaser is set. */
  html?: string;
  teaser?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const paragraphsHtml = (text: string) => text.split(/\n\s*\n/).map((p) => `<p>${esc(p.trim())}</p>`).join('');

/** An item carrying the whole story. */
export const fullItem = (s: Story, link: string, id = link): FeedEntryFx => ({ id, link, title: s.title, published: s.published, html: paragraphsHtml(s.text) });
/** An item carrying its first sentence only: the page must be fetched. */
export const teaserItem = (s: Story, link: string, id = link): FeedEntryFx => ({ id, link, title: s.title, published: s.published, teaser: s.text.split(/(?<=\.)\s/)[0] });

const rfc822 = (day: string) => new Date(day + 'T08:00:00Z').toUTCString();

export function rss(title: string, items: FeedEntryFx[]): string {
  const body = items
    .map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.id)}</guid><pubDate>${rfc822(i.published)}</pubDate>` +
      (i.html ? `<description>${esc(i.html.slice(0, 80))}</description><content:encoded><![CDATA[${i.html}]]></content:encoded>` : `<description>${esc(i.teaser ?? '')}</description>`) + '</item>')
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link><description>test</description>\n${body}\n</channel></rss>`;
}

export function atom(title: string, items: FeedEntryFx[]): string {
  const body = items
    .map((i) => `<entry><id>${esc(i.id)}</id><title>${esc(i.title)}</title><link rel="alternate" href="${esc(i.link)}"/><updated>${i.published}T08:00:00Z</updated>` +
      (i.html ? `<content type="html">${esc(i.html)}</content>` : `<summary>${esc(i.teaser ?? '')}</summary>`) + '</entry>')
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:test:${esc(title)}</id><title>${esc(title)}</title><updated>2026-12-07T00:00:00Z</updated>\n${body}\n</feed>`;
}

export function jsonFeed(title: string, items: FeedEntryFx[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({ id: i.id, url: i.link, title: i.title, date_published: `${i.published}T08:00:00Z`, ...(i.html ? { content_html: i.html } : { summary: i.teaser }) })),
  });
}

/** The article page of a story, as a news site would serve it. */
export function page(s: Story, outlet: string): string {
  return `<!doctype html><html lang="${/[äöüß]/.test(s.text) ? 'de' : 'en'}"><head><title>${esc(s.title)}</title><meta property="og:site_name" content="${esc(outlet)}"><meta property="article:published_time" content="${s.published}T08:00:00Z"></head>` +
    `<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${esc(s.title)}</h1>${paragraphsHtml(s.text)}</article><footer>© ${esc(outlet)}</footer></body></html>`;
}
