import type { Doc } from '../text/types.js';
import type { Quote, Source } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';

export interface QuoteLayer {
  quotes: Quote[];
  sources: Source[];
}

/** Entry point of the quotes stage: direct/indirect/mixed speech, speakers, anonymous source groups. */
export function extractQuotes(doc: Doc, entities: EntityLayer): QuoteLayer {
  void doc; void entities;
  return { quotes: [], sources: [] };
}
