import type { Entity, Role } from '../contract/schema.js';

/**
 * What a mention is:
 * - name        a name of the entity as written ("Donald Trump", "Trump", "Japan")
 * - alias       another name the article gives it (spelling variant, full form of an acronym)
 * - acronym     an acronym introduced in the article or known ("LDP", "G7")
 * - possessive  a name in the genitive/possessive ("Trumps", "Trump's", "Japans") — still name-like
 * - compound    a name inside a hyphenated compound ("Trump" in "Trump-Kampagne", "China" in "China-Politik")
 * - capital     a capital standing for its country ("Tokio hat versucht", "Beijing said"; see `locative`)
 * - demonym     an adjective/noun/prefix of affiliation ("japanische", "Japanese", "US-" in "US-Botschafter") → the country
 * - pronoun     "er", "sie", "he", "she" — only where the antecedent is safe
 * - description a definite description or age apposition resolved to the entity ("der 77-Jährige", "der Botschafter")
 *
 * The contract Entity's `mentions` hold the name-like kinds (name, alias, acronym, possessive, compound,
 * capital) and demonyms (they name their country); pronouns and descriptions live only here, in EntityLayer.mentions.
 */
export type EntityMentionKind =
  | 'name' | 'alias' | 'acronym' | 'pronoun' | 'description' | 'demonym' | 'capital' | 'possessive' | 'compound';

/** One place in the text that refers to an entity. */
export interface EntityMention {
  entity: string;
  /** Char offsets into doc.text; doc.text.slice(start, end) === text. */
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd) of the tokens the mention touches (a compound part lies inside one token). */
  tokenStart: number;
  tokenEnd: number;
  kind: EntityMentionKind;
  /** The surface text (always set by extractEntities). */
  text?: string;
  /** Genitive/possessive form ("Trumps", "Trump's", "Tokios") — the entity is an owner, not an actor, here. */
  genitive?: boolean;
  /** A place use rather than an actor use ("in Tokio", "to Beijing", "Tokyo-based"). */
  locative?: boolean;
}

/**
 * A role phrase found in the text, whether or not it is attached to a named holder.
 * "Trumps ehemaliger nationaler Sicherheitsberater" → title "nationaler Sicherheitsberater", of Trump, former.
 * `holder` is null for unnamed role phrases ("ein Berater von Trump") — useful to the quotes stage for
 * anonymous sources and their affiliation.
 */
export interface RoleMention {
  title: string;
  /** Entity the role is of (Trump for "Trumps Berater", country:JP for "japanischer Botschafter"), or null. */
  of: string | null;
  status: Role['status'];
  /** Entity holding the role, or null when the phrase names nobody. */
  holder: string | null;
  /** Span of the whole role phrase (title, modifiers, of-phrase). */
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  /** Span of the title head itself. */
  titleStart: number;
  titleEnd: number;
}

/**
 * What the entities stage hands to the quotes and relations stages.
 * Build one with `makeEntityLayer` (src/entities/layer.ts) — also handy for hand-made layers in tests.
 */
export interface EntityLayer {
  entities: Entity[];
  /** Every mention, sorted by start offset (longer first on ties); never overlapping another of the same entity. */
  mentions: EntityMention[];
  byId: Map<string, Entity>;
  /** Every role phrase, sorted by start offset. */
  roles: RoleMention[];
  /** The mention best matching [start, end): exact span first, else the longest one overlapping it; null if none. */
  mentionAt(start: number, end: number): EntityMention | null;
  /** All mentions lying inside [start, end), in text order. */
  mentionsIn(start: number, end: number): EntityMention[];
  /** The mention covering token i, or null. */
  mentionAtToken(tokenIndex: number): EntityMention | null;
  /** Entity id a pronoun token refers to, when the stage resolved it safely; null otherwise. */
  resolvePronoun(tokenIndex: number): string | null;
}
