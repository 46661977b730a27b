/**
 * Table shapes of the corpus store, as kysely sees them. Plain columns only (text, integer, real):
 * the same schema and queries run on SQLite and PostgreSQL. Booleans are 0/1 integers, dates ISO text.
 */
export interface ArticlesTable {
  /** Content hash of the normalised text: re-ingesting the same text is a no-op. */
  id: string;
  doc_id: string;
  origin: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string;
  /** Set when this article is a near-duplicate (syndicated copy) of an earlier one; copies add nothing to the network. */
  duplicate_of: string | null;
  similarity: number | null;
  /** MinHash signature (hex), kept to confirm near-duplicate candidates. */
  signature: string;
  /** The analysis document (backchannel.analysis/1) as JSON. */
  analysis: string;
  ingested_at: string;
  /** Ingest order, for stable listings. */
  seq: number;
  /** Set by the consolidation pass when this article is a translation of another (counted once with it). */
  translation_of: string | null;
}

/** LSH bands of the MinHash signature: articles sharing a band are near-duplicate candidates. */
export interface ArticleBandsTable {
  band: number;
  hash: string;
  article_id: string;
}

export interface IngestErrorsTable {
  origin: string;
  message: string;
  at: string;
}

export interface ActorsTable {
  id: string;
  type: string;
  kind: string | null;
  name: string;
  mention_count: number;
  article_count: number;
  first_date: string | null;
  last_date: string | null;
  /** Distinct neighbours over relation edges (maintained with `edges`). */
  degree: number;
}

export interface ActorAliasesTable {
  /** Normalised form used for lookup ("~name" keys hold a person's surname). */
  norm: string;
  actor_id: string;
  alias: string;
}

/** How each article-local entity was attached to a corpus actor, with the evidence: `actor NAME --why`. */
export interface ActorLinksTable {
  article_id: string;
  entity_id: string;
  actor_id: string;
  name: string;
  reason: string;
  evidence: string;
  mentions: number;
  /** The entity as the article's analysis gives it (read by the consolidation pass, not by queries). */
  type: string | null;
  kind: string | null;
  /** The entity's aliases, JSON array of strings. */
  aliases: string | null;
}

export interface RolesTable {
  id: string;
  article_id: string;
  actor_id: string;
  title: string;
  of_actor: string | null;
  status: string | null;
  evidence: string;
  published: string | null;
}

export interface QuotesTable {
  id: string;
  article_id: string;
  speaker: string | null;
  kind: string;
  text: string;
  /** Who is quoted when no entity is: the source group's description ("drei der Beamten"). */
  source_label: string | null;
  published: string | null;
}

export interface QuoteAboutTable {
  quote_id: string;
  actor_id: string;
}

export interface RelationsTable {
  id: string;
  article_id: string;
  subject: string;
  object: string;
  predicate: string;
  family: string;
  modality: string;
  /** The relation's own time (timeline value) or null. */
  time_value: string | null;
  /** named | anonymous | reporter (unattributed: the article's own voice). */
  support: string;
  source_label: string | null;
  evidence: string;
  sentence: string;
  confidence: number;
  /** Date used for recency: the relation's time when it is a day/month/year, else the article's date. */
  date: string | null;
}

/** Weak layer: two actors mentioned in the same paragraph. */
export interface ComentionsTable {
  article_id: string;
  a: string;
  b: string;
  weight: number;
}

/** The network, stored: one row per ordered actor pair with relations, kept up to date by ingest. */
export interface EdgesTable {
  subject: string;
  object: string;
  relations: number;
  /** Distinct articles stating the pair (syndicated copies add none). */
  articles: number;
  /** Distinct outlets (an article without a named outlet counts as its own), see `edge_outlets`. */
  sources: number;
  named: number;
  anonymous: number;
  reporter: number;
  first_date: string | null;
  last_date: string | null;
  m_asserted: number;
  m_attempted: number;
  m_failed: number;
  m_planned: number;
  m_hypothetical: number;
  m_negated: number;
  m_former: number;
}

export interface EdgePredicatesTable {
  subject: string;
  object: string;
  predicate: string;
  n: number;
}

export interface EdgeOutletsTable {
  subject: string;
  object: string;
  outlet: string;
}

/** Co-mention pairs (a < b), stored: articles, paragraphs, newest article date. */
export interface ComentionEdgesTable {
  a: string;
  b: string;
  articles: number;
  paragraphs: number;
  last_date: string | null;
}

/** A serialized channel graph (graph-cache.ts) and the corpus version (max article seq) it was built for. */
export interface GraphCacheTable {
  name: string;
  version: number;
  data: Uint8Array;
}

/** Corpus-wide settings (display_language) and counters (generation: consolidation passes so far). */
export interface CorpusSettingsTable {
  key: string;
  value: string;
}

export interface CorpusDatabase {
  articles: ArticlesTable;
  article_bands: ArticleBandsTable;
  ingest_errors: IngestErrorsTable;
  actors: ActorsTable;
  actor_aliases: ActorAliasesTable;
  actor_links: ActorLinksTable;
  roles: RolesTable;
  quotes: QuotesTable;
  quote_about: QuoteAboutTable;
  relations: RelationsTable;
  comentions: ComentionsTable;
  edges: EdgesTable;
  edge_predicates: EdgePredicatesTable;
  edge_outlets: EdgeOutletsTable;
  comention_edges: ComentionEdgesTable;
  graph_cache: GraphCacheTable;
  corpus_settings: CorpusSettingsTable;
}
