/**
 * Relation in words for the brief. The relations stage may provide a richer describer
 * (src/relations/describe.ts); this one covers the ontology's types and modalities.
 */
import type { Relation } from '../contract/schema.js';

const MODALITY: Record<string, string> = {
  asserted: '',
  attempted: 'tried to',
  failed: 'tried to — failed —',
  planned: 'plans to',
  hypothetical: 'would',
  negated: 'did not',
  former: 'formerly',
};

export function describeRelation(r: Relation): string {
  const verb = r.predicate.replace('/', ': ').replace(/_/g, ' ');
  const m = MODALITY[r.modality] ?? r.modality;
  return m ? `${m} ${verb}` : verb;
}
