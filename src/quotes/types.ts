import type { Quote, Source, SpanOut } from '../contract/schema.js';

/** What the quotes stage hands on (to the relations stage and the analysis document). */
export interface QuoteLayer {
  quotes: Quote[];
  sources: Source[];
  /** Per quote (same order as `quotes`): where it sits, for the relations stage. */
  details: QuoteDetail[];
  /** Quoted spans judged mere terms (scare quotes, titles), not speech. */
  terms: SpanOut[];
  profile: SourcingProfile;
}

export interface QuoteDetail {
  quote: string;
  /** Indexes of the Doc sentences the quote's content touches. */
  sentences: number[];
  /** The speaker phrase as written ("sagte er" → "er"), or null. */
  speakerSpan: SpanOut | null;
  /** How the speaker was found. */
  resolution: 'phrase' | 'pronoun' | 'relative' | 'coordinated' | 'continuation' | 'none';
}

/** On whose authority the article's statements rest. */
export interface SourcingProfile {
  statements: number;
  direct: number;
  indirect: number;
  mixed: number;
  /** Statements by named people or institutions. */
  named: number;
  /** Statements by anonymous or collective sources. */
  anonymous: number;
  /** Named statements made in writing or in a statement (documents). */
  documents: number;
  unattributed: number;
  /** anonymous / statements (0 when there are none). */
  anonymousShare: number;
  /** Refusals and non-answers recorded on sources. */
  responses: number;
  bySource: { source: string; description: string; named: boolean; statements: number }[];
}
