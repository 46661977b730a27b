/**
 * One feed item → the store. New or edited items are turned into an article (the feed's body, or the
 * page when the feed carries a teaser), their language detected, and ingested through the corpus's own
 * path (content hash: an identical text is stored once; MinHash: a syndicated or lightly edited copy is
 * stored as a copy and adds nothing to the network). An item whose canonical URL another item already
 * brought is recorded as a duplicate without fetching anything.
 *
 * The item row is written after the article's transaction: a crash in between leaves the article stored
 * and the item unrecorded, and the next poll finds the text stored already (no second ingest).
 */
import { contentHash } from '../corpus/normalize.js';
import { ingestArticle } from '../corpus/ingest.js';
import { availableLanguages } from '../text/lang-data.js';
import { detectLanguage } from '../text/language.js';
import type { RawArticle } from '../text/types.js';
import type { WatchContext } from './context.js';
import { watchDb, type ItemStatus } from './db.js';
import { articleForUrl, findItem, itemOrigin, saveItem } from './feed-state.js';
import { canonicalUrl } from './canonical.js';
import { httpGet } from './http.js';
import { hostOf } from './host-gate.js';
import { bodyText, isTeaser, pageArticle } from './item-text.js';
import type { FeedItem } from './parse-feed.js';

export type ItemOutcome = 'new' | 'edited' | 'seen' | 'duplicate' | 'skipped';

export interface FeedRef {
  url: string;
  title: string | null;
}

export const itemKey = (item: FeedItem): string => item.id ?? item.link ?? 'hash:' + contentHash(`${item.title ?? ''}\n${item.body}`);

export async function processItem(ctx: WatchContext, feed: FeedRef, item: FeedItem): Promise<ItemOutcome> {
  const db = watchDb(ctx.store);
  const key = itemKey(item);
  const hash = contentHash(`${item.title ?? ''}\n${item.link ?? ''}\n${item.published ?? ''}\n${item.body}`);
  const known = await findItem(db, feed.url, key);
  if (known && known.content_hash === hash) return 'seen';
  const canonical = canonicalUrl(item.link, feed.url);
  const save = (status: ItemStatus, articleId: string | null, message: string | null) =>
    saveItem(db, { feed_url: feed.url, item_key: key, canonical_url: canonical, content_hash: hash, status, article_id: articleId, message }, ctx.now());
  if (!known && canonical) {
    const other = await articleForUrl(db, canonical, feed.url, key);
    if (other) {
      await save('duplicate', other, null);
      return 'duplicate';
    }
  }
  const raw = await articleOf(ctx, feed, item, canonical);
  if (typeof raw === 'string') {
    await save('skipped', null, raw);
    return 'skipped';
  }
  const out = await ingestArticle(ctx.store, raw, ctx.analyze);
  if (out.kind === 'error') {
    await save('skipped', null, out.message);
    return 'skipped';
  }
  await save('ingested', out.articleId, out.kind === 'copy' ? `copy of ${out.copyOf}` : null);
  ctx.stats.ingested += out.kind === 'added' ? 1 : 0;
  return known ? 'edited' : 'new';
}

/** The article to ingest, or a reason (string) why the item is skipped for good. */
async function articleOf(ctx: WatchContext, feed: FeedRef, item: FeedItem, canonical: string | null): Promise<RawArticle | string> {
  let text = bodyText(item.body);
  let title = item.title;
  let published = item.published;
  let source = feed.title ?? hostOf(feed.url);
  let url = canonical;
  let note: string | null = null;
  if (canonical && isTeaser(item, text)) {
    try {
      const page = await ctx.gate.run(canonical, () => httpGet(canonical, ctx.http, null, 'text/html,application/xhtml+xml'));
      if (page.status === 200) {
        const art = pageArticle(page.body, page.url);
        if (art.text.length > text.length) {
          text = art.text;
          title = title ?? art.title ?? null;
          published = published ?? art.published ?? null;
          source = art.source ?? source;
          url = canonicalUrl(art.url, page.url) ?? url;
        }
      }
    } catch (err) {
      // the teaser is what there is: analysed as it is, and the feed's error says why
      note = `page not read: ${(err as Error).message}`;
    }
  }
  if (note) ctx.log(`${feed.url}: ${item.link}: ${note}`);
  if (!text.trim()) return 'no text in the item or its page';
  if (text.length > ctx.maxItemChars) return `article text longer than ${ctx.maxItemChars} characters: refused`;
  const guess = detectLanguage(text);
  if (guess.confidence === 0) return `not in a language backchannel analyses (${availableLanguages().join(', ')})`;
  return { text, title, source, url, published, language: guess.language, origin: itemOrigin(feed.url, itemKey(item)) };
}
