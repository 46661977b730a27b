/**
 * A relation's predicate and modality in words, for the brief: "tried to meet — failed", "represents",
 * "no longer close to", "would block". English only for now; other languages fall back to it.
 */
import type { Modality, Relation } from '../contract/schema.js';
import { predicateType } from './ontology.js';

/** [base verb phrase, past/asserted phrase] per predicate or predicate type. */
const PHRASES: Record<string, [string, string]> = {
  member_of: ['be a member of', 'is a member of'],
  'member_of/join': ['join', 'joined'],
  works_for: ['work for', 'works for'],
  leads: ['lead', 'leads'],
  represents: ['represent', 'represents'],
  advises: ['advise', 'advises'],
  close_to: ['be close to', 'is close to'],
  'close_to/ally': ['be allied with', 'is allied with'],
  'close_to/ties': ['have ties to', 'has ties to'],
  family_of: ['be family of', 'is family of'],
  owns: ['own', 'owns'],
  'owns/acquire': ['take over', 'takes over'],
  consult: ['consult', 'consulted'],
  'consult/meet': ['meet', 'met'],
  'consult/talk': ['talk with', 'talked with'],
  'consult/call': ['call', 'called'],
  'consult/contact': ['contact', 'contacted'],
  'consult/visit': ['visit', 'visited'],
  'consult/invite': ['invite', 'invited'],
  agree: ['reach an agreement with', 'reached an agreement with'],
  support: ['support', 'supported'],
  'support/defend': ['defend', 'defended'],
  'support/encourage': ['encourage', 'encouraged'],
  cooperate: ['cooperate with', 'cooperated with'],
  aid: ['help', 'helped'],
  request: ['ask', 'asked'],
  demand: ['make demands of', 'made demands of'],
  disapprove: ['criticize', 'criticized'],
  accuse: ['accuse', 'accused'],
  reject: ['reject', 'rejected'],
  'reject/block': ['block', 'blocked'],
  threaten: ['threaten', 'threatened'],
  protest: ['protest against', 'protested against'],
  sanction: ['sanction', 'sanctioned'],
  coerce: ['pressure', 'pressured'],
  concede: ['yield to', 'yielded to'],
  retreat: ['back down from', 'backed down from'],
  investigate: ['investigate', 'investigated'],
  mobilize: ['mobilize against', 'mobilized against'],
  assault: ['attack', 'attacked'],
  fight: ['fight', 'fought'],
};

/** Former ties read best with a past tense or "no longer": "formerly represented", "no longer close to". */
const FORMER: Record<string, string> = {
  close_to: 'no longer close to',
  'close_to/ally': 'no longer allied with',
  member_of: 'former member of',
  works_for: 'formerly worked for',
  leads: 'formerly led',
  represents: 'formerly represented',
  advises: 'formerly advised',
  owns: 'formerly owned',
};

function phrase(predicate: string): [string, string] {
  return PHRASES[predicate] ?? PHRASES[predicateType(predicate)] ?? [predicate.replace(/[_/]/g, ' '), predicate.replace(/[_/]/g, ' ')];
}

/** The relation's predicate with its modality, e.g. "tried to meet — failed", "would block", "represents". */
export function describeRelation(r: Pick<Relation, 'predicate' | 'family' | 'modality'>, lang = 'en'): string {
  void lang;
  const [base, done] = phrase(r.predicate);
  const m: Modality = r.modality;
  switch (m) {
    case 'asserted': return done;
    case 'attempted': return `tried to ${base}`;
    case 'failed': return `tried to ${base} — failed`;
    case 'planned': return r.family === 'tie' ? `is to ${base}` : `plans to ${base}`;
    case 'hypothetical': return `would ${base}`;
    case 'negated': return r.family === 'tie' ? `does not ${base.replace(/^be /, 'be ')}`.replace('does not be ', 'is not ') : `did not ${base}`;
    case 'former': return FORMER[r.predicate] ?? FORMER[predicateType(r.predicate)] ?? `formerly ${done}`;
  }
}
