/**
 * The canonical form of an article URL, for deduplication across feeds: the same story linked with
 * tracking parameters, a fragment, another host case or a trailing slash is one URL.
 */

/** Query parameters that only track where a click came from (utm_* is matched by prefix). */
const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ref', 'ref_src', 'cmpid', 'wt_mc', 'at_medium', 'at_campaign']);

export function canonicalUrl(url: string | null | undefined, base?: string): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (k.toLowerCase().startsWith('utm_') || TRACKING_PARAMS.has(k.toLowerCase())) u.searchParams.delete(k);
  u.searchParams.sort();
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString();
}
