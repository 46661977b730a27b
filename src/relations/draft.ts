import type { Modality } from '../contract/schema.js';
import type { Arg } from './types.js';
import type { Family } from './ontology.js';

/** A relation before anchoring (time, attribution, evidence) and merging. */
export interface Draft {
  subject: Arg;
  object: Arg;
  predicate: string;
  family: Family;
  modality: Modality;
  /** Sentence index in doc.sentences. */
  sentence: number;
  /** Clause index in the sentence view, or -1 (ties from entity roles). */
  clause: number;
  /** Trigger token index, or -1. */
  token: number;
  confidence: number;
  /** A tie read off a role noun (apposition or the entities stage), not off a verb. */
  fromRole?: boolean;
  /** The tie's object is inferred (a bare title's country is the article's), not stated. */
  inferred?: boolean;
  /** Character position the draft rests on when it has no trigger token. */
  charPos?: number;
}
