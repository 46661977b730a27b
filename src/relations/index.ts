import type { Doc } from '../text/types.js';
import type { Relation, TimelineItem } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import type { QuoteLayer } from '../quotes/index.js';

/** Entry point of the relations stage: typed ties and events with modality, attribution, time and evidence. */
export function extractRelations(doc: Doc, entities: EntityLayer, quotes: QuoteLayer, timeline: TimelineItem[]): Relation[] {
  void doc; void entities; void quotes; void timeline;
  return [];
}
