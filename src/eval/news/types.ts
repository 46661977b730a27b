/**
 * backchannel.news-gold/1 — the gold annotations of the real-news articles in ../shared/corpus/news
 * (guideline: docs/annotation.md). Offsets are JavaScript string indices into the article's canonical
 * text (document.text of `backchannel analyze --format json`); `check` keeps at most the first and last
 * three words of the span, so a drift in the text is caught without copying the article.
 */
export const NEWS_GOLD_SCHEMA = 'backchannel.news-gold/1';

export const ACTOR_TYPES = ['person', 'organization', 'location', 'other'] as const;
export const QUOTE_KINDS = ['direct', 'indirect', 'mixed'] as const;
export const ROLE_STATUSES = ['current', 'former', 'late', 'designate'] as const;
export const TIE_TYPES = ['member_of', 'works_for', 'leads', 'represents', 'advises', 'close_to', 'family_of', 'owns'] as const;
export const MODALITIES = ['asserted', 'attempted', 'failed', 'planned', 'hypothetical', 'negated', 'former'] as const;
export const RESPONSE_KINDS = ['declined', 'no_response', 'denied'] as const;
export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;

export interface GoldSpan { start: number; end: number; check: string }

export interface GoldActor { id: string; name: string; type: (typeof ACTOR_TYPES)[number]; kind?: string | null; aliases?: string[] }
export interface GoldRole {
  holder: string; title: string; of: string | null; status: (typeof ROLE_STATUSES)[number] | null;
  tie: (typeof TIE_TYPES)[number] | null; at: GoldSpan;
}
export interface GoldSource {
  id: string; description: string; count: number | null; affiliation: string | null; parent: string | null;
  reason: GoldSpan | null; mentions: GoldSpan[];
}
export interface GoldQuote {
  id: string; kind: (typeof QUOTE_KINDS)[number]; at: GoldSpan; cue: GoldSpan | null;
  speaker: string | null; source: string | null; channel: string | null;
}
export interface GoldResponse { actor: string | null; source: string | null; kind: (typeof RESPONSE_KINDS)[number]; at: GoldSpan }
export interface GoldRelation {
  subject: string; object: string; type: string; modality: (typeof MODALITIES)[number]; at: GoldSpan;
}
export interface GoldTime { at: GoldSpan; type: (typeof TIMEX_TYPES)[number]; value: string; mod: string | null }

export interface NewsGold {
  schema: typeof NEWS_GOLD_SCHEMA;
  /** Path under ../shared/corpus/news, e.g. "de/003_….txt". */
  file: string;
  /** SHA-256 (first 16 hex digits) of the canonical text the offsets point into. */
  textHash: string;
  /** Who made it: "pass-a", "pass-b" or "adjudicated". */
  status: string;
  actors: GoldActor[];
  roles: GoldRole[];
  sources: GoldSource[];
  quotes: GoldQuote[];
  responses: GoldResponse[];
  relations: GoldRelation[];
  time: GoldTime[];
}
