/**
 * The relation vocabulary (docs/ontology.md): tie and event types, their family, and how the brief says them.
 * A predicate is "type" or "type/refinement" ("consult/visit"); the type is always the part before "/".
 */
import type { Modality } from '../contract/schema.js';

export type Family = 'tie' | 'event';

/** Ties after FollowTheMoney's interval schemas. */
export const TIE_TYPES = ['member_of', 'works_for', 'leads', 'represents', 'advises', 'close_to', 'family_of', 'owns'] as const;

/** Events after PLOVER's event types. */
export const EVENT_TYPES = [
  'consult', 'agree', 'support', 'cooperate', 'aid', 'request', 'demand', 'disapprove', 'accuse', 'reject',
  'threaten', 'protest', 'sanction', 'coerce', 'concede', 'retreat', 'investigate', 'mobilize', 'assault', 'fight',
  // Beyond PLOVER, from the annotation guideline (docs/annotation.md): negotiating, appointing, electing, pardoning.
  'negotiate', 'appoint', 'elect', 'pardon',
] as const;

export const MODALITIES: readonly Modality[] = ['asserted', 'attempted', 'failed', 'planned', 'hypothetical', 'negated', 'former'];

const TIES = new Set<string>(TIE_TYPES);
const EVENTS = new Set<string>(EVENT_TYPES);

export const predicateType = (predicate: string): string => predicate.split('/')[0];

/** The family of a predicate, or null when its type is not in the vocabulary (a lexicon error). */
export function familyOf(predicate: string): Family | null {
  const t = predicateType(predicate);
  if (TIES.has(t)) return 'tie';
  if (EVENTS.has(t)) return 'event';
  return null;
}
