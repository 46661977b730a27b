import type { Doc } from '../text/types.js';
import type { TimelineItem } from '../contract/schema.js';

/** Entry point of the time stage: time expressions normalised against doc.published. */
export function extractTimeline(doc: Doc): TimelineItem[] {
  void doc;
  return [];
}
