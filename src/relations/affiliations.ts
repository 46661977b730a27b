/**
 * A person named with their organisation after an affiliation preposition (grammar.json affiliationPreps): „sagt Lea
 * Ott von der Stiftung Nordlicht“, "said Tom Hale of the Harbour Institute" → works_for the organisation; a party →
 * member_of it ("Ana Ruiz of the Green Party"). Only organisations (a place after "from"/„aus“ is where someone is
 * from), and not in a passive clause, where „von“/"from" may name the agent („wurde Lea Ott von der Polizei …“).
 */
import type { EntityLayer } from '../entities/types.js';
import type { ArgumentFinder } from './arguments.js';
import type { Draft } from './draft.js';
import type { SentenceView } from './sentence-view.js';
import { isParty } from './role-offices.js';

/** Words allowed between the preposition and the organisation's name (article, adjectives): set by hand. */
const MAX_GAP = 3;
/** Confidence of such a tie (set by hand below a role apposition's 0.75: the preposition says less than a title). */
const AFFILIATION_CONFIDENCE = 0.6;

export function affiliationTies(v: SentenceView, f: ArgumentFinder, layer: EntityLayer): Draft[] {
  const out: Draft[] = [];
  for (const k of v.mentions) {
    const m = v.mention(k);
    if (layer.byId.get(m.entity)?.type !== 'person' || m.kind === 'pronoun' || m.kind === 'possessive' || m.kind === 'description') continue;
    const p = m.tokenEnd;
    if (!v.lex.sets.affiliationPreps.has(v.w(p))) continue;
    const org = orgAfter(v, p + 1, layer);
    if (org < 0 || passiveClause(v, v.clauseAt(p))) continue;
    const holder = f.resolve(k);
    if (!holder) continue;
    const entity = v.mention(org).entity;
    out.push({
      subject: holder, object: { entity, mention: org, via: 'mention' }, predicate: isParty(layer, entity) ? 'member_of' : 'works_for',
      family: 'tie', modality: 'asserted', sentence: v.index, clause: v.clauseAt(p), token: p, confidence: AFFILIATION_CONFIDENCE, fromRole: true,
    });
  }
  return out;
}

/** The organisation mention starting within MAX_GAP plain words after u, or -1. */
function orgAfter(v: SentenceView, u: number, layer: EntityLayer): number {
  for (let x = u; x < Math.min(v.to, u + 1 + MAX_GAP); x++) {
    const k = v.mentionIdx(x);
    if (k >= 0) {
      const m = v.mention(k);
      return m.tokenStart === x && layer.byId.get(m.entity)?.type === 'organization' && m.kind !== 'pronoun' && m.kind !== 'possessive' ? k : -1;
    }
    if (v.isPunct(x) || v.lex.sets.prepositions.has(v.w(x)) || v.lex.sets.verbLike.has(v.w(x))) return -1;
  }
  return -1;
}

function passiveClause(v: SentenceView, ci: number): boolean {
  const c = v.clauses[ci];
  for (let t = c.start; t < c.end; t++) if (v.lex.sets.passiveAuxiliaries.has(v.w(t))) return true;
  return false;
}
