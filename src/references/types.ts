/**
 * The few shapes the reference resolver reads. They are structural, so the stages above hand in what they
 * have (the entities stage its candidates, relations its sentence view) without this module importing them.
 */
import type { EntityType } from '../contract/schema.js';
import type { Doc, Token } from '../text/types.js';

/** A pronoun's number, gender (m, f, n or null) and grammatical person (1, 2, 3). */
export interface PronounInfo {
  number: 'sg' | 'pl' | 'sg|pl';
  gender: string | null;
  person: 1 | 2 | 3;
}

/** What a description head refers to: an entity type, optionally with a class ("organization/company"). */
export interface RefType {
  type: 'person' | 'organization' | 'location';
  cls: string | null;
}

/** A description head found in a word: its lexicon stem and what it refers to. */
export interface Head extends RefType {
  stem: string;
  /** The inflection ending dropped to find it ('' for none). */
  ending: string;
}

/** A resolved reference: tokens [tokenStart, tokenEnd) stand for `entity`. */
export interface RefLink {
  tokenStart: number;
  tokenEnd: number;
  entity: string;
  type: EntityType;
  kind: 'pronoun' | 'description' | 'possessive';
}

/** Token-level facts about a document, as the entities stage keeps them. */
export interface TokenFacts {
  doc: Doc;
  text: string;
  toks: Token[];
  /** Lower-cased token texts. */
  low: string[];
  /** 1 where a token lies in the byline or dateline. */
  excluded: Uint8Array;
  /** 1 where a token lies inside quotation marks. */
  quoted: Uint8Array;
  sentOf: Int32Array;
}

/** A mention that may serve as an antecedent. */
export interface RefCandidate {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  type: EntityType;
  kind: string;
  entity?: string;
}

/** Token-indexed lookup of candidate mentions (the entities stage's CandIndex fits it). */
export interface CandidateLookup<C extends RefCandidate> {
  readonly byStart: (C[] | undefined)[];
  readonly covered: Uint8Array;
  startingAt(t: number, pred?: (c: C) => boolean): C | null;
  endingAt(t: number, pred?: (c: C) => boolean): C | null;
}

/** Known genders of entities; resolution records the gender of a pronoun's antecedent. */
export interface GenderBook {
  get(entity: string): 'm' | 'f' | undefined;
  set(entity: string, g: 'm' | 'f'): void;
}
