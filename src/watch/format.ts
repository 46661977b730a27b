/** Text output of `feeds` and `watchlist list`. */
import { forTerminalLine } from '../util/terminal.js';
import type { FeedListing } from './feed-state.js';
import type { WatchedActor } from './watchlist.js';
import { PENDING_PREFIX } from './watchlist.js';

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export function formatFeeds(feeds: FeedListing[]): string {
  if (!feeds.length) return 'no feeds yet: `backchannel watch FEEDS` adds them\n';
  let out = '';
  for (const f of feeds) {
    out += `${forTerminalLine(f.url)}${f.title ? ` — ${forTerminalLine(f.title)}` : ''}${f.active ? '' : ' (no longer in the feed list)'}\n`;
    out += `  last success ${when(f.last_success)} · next poll ${when(f.next_poll)} · ${f.items} stored, ${f.counts.duplicate} duplicates, ${f.counts.skipped} skipped\n`;
    if (f.last_error) out += `  last error ${when(f.last_error_at)}: ${forTerminalLine(f.last_error)}${f.failures ? ` (${f.failures} failure${f.failures === 1 ? '' : 's'} in a row)` : ''}\n`;
  }
  return out;
}

export function formatWatchlist(list: WatchedActor[]): string {
  if (!list.length) return 'the watchlist is empty: `backchannel watchlist add NAME`\n';
  return list
    .map((w) => (w.id.startsWith(PENDING_PREFIX) ? `${forTerminalLine(w.name)} — not in the corpus yet\n` : `${forTerminalLine(w.name)} (${w.type ?? '?'}, ${w.mentions} mentions, ${w.id})\n`))
    .join('');
}
