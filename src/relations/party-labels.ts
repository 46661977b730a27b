/**
 * Party labels in parentheses after a person ("Jana Petersen (Grüne)", "Sen. Ana Ruiz (D-Ohio)"): the wire
 * convention for party membership, in both languages. The label must be an organisation mention filling the
 * whole bracket (apart from a state after a hyphen); an organisation of a known non-party kind is skipped.
 */
import type { EntityLayer } from '../entities/types.js';
import type { Draft } from './draft.js';
import type { SentenceView } from './sentence-view.js';

/** Organisation kinds that are parties (the entities stage's kind). */
export const PARTY_KINDS = new Set(['party', 'political_party']);

export function partyLabelTies(v: SentenceView, layer: EntityLayer): Draft[] {
  const out: Draft[] = [];
  for (let k = 0; k < v.mentions.length; k++) {
    const m = v.mention(v.mentions[k]);
    if (layer.byId.get(m.entity)?.type !== 'person' || m.kind === 'pronoun' || m.kind === 'possessive') continue;
    const open = m.tokenEnd;
    if (open >= v.to || v.w(open) !== '(') continue;
    const j = v.mentionIdx(open + 1);
    if (j < 0) continue;
    const party = v.mention(j);
    const e = layer.byId.get(party.entity);
    if (!e || e.type !== 'organization' || (e.kind && !PARTY_KINDS.has(e.kind))) continue;
    let close = party.tokenEnd;
    // "(D-Ohio)", "(CDU/CSU)": a short tail before the bracket closes.
    while (close < v.to && close < party.tokenEnd + 3 && v.w(close) !== ')') close++;
    if (v.w(close) !== ')') continue;
    out.push({
      subject: { entity: m.entity, mention: v.mentions[k], via: 'mention' }, object: { entity: party.entity, mention: j, via: 'mention' },
      predicate: 'member_of', family: 'tie', modality: 'asserted', sentence: v.index, clause: v.clauseAt(m.tokenStart), token: open,
      confidence: 0.7, fromRole: true,
    });
  }
  return out;
}
