import type { Doc } from '../text/types.js';
import type { NerMention } from '../ml/ner-stage.js';
import type { EntityLayer } from './types.js';
import { makeEntityLayer } from './layer.js';

/** Entry point of the entities stage: NER mentions → actors (clustered, typed, with roles). */
export function extractEntities(doc: Doc, ner: NerMention[]): EntityLayer {
  void doc; void ner;
  return makeEntityLayer([], []);
}
