/**
 * The done-criteria on the seed, with a hand-made EntityLayer (every listed actor found, pronouns
 * resolved naively, one fixed by hand): this pins the relation extraction itself, apart from NER and coreference.
 */
import { describe, expect, it } from 'vitest';
import { extractRelations } from '../../src/relations/index.js';
import { oracleLayer } from '../../src/eval/relations-gold.js';
import { makeEntityLayer } from '../../src/entities/layer.js';
import { RelationSchema } from '../../src/contract/schema.js';
import { SEED_ACTORS } from './fixtures/seed-actors.js';
import { emptyQuotes, find, seedDoc, show } from './helpers.js';

const doc = seedDoc();
const base = oracleLayer(doc, SEED_ACTORS);
// "… nicht mehr als ihm nahe stehend": the naive resolver picks the last name of the list; the text means Trump.
const ihm = doc.text.indexOf('ihm nahe stehend');
const layer = makeEntityLayer(base.entities, base.mentions.map((m) => (m.start === ihm ? { ...m, entity: 'Donald Trump' } : m)));
const rels = extractRelations(doc, layer, emptyQuotes(), []);
const listing = show(rels, layer).join('\n');

describe('relations on the seed (oracle entities)', () => {
  it('emits contract-valid relations with exact evidence', () => {
    expect(rels.length).toBeGreaterThan(10);
    for (const r of rels) {
      expect(RelationSchema.safeParse(r).success).toBe(true);
      expect(doc.text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
      expect(layer.byId.has(r.subject) && layer.byId.has(r.object)).toBe(true);
      expect(r.family).toBe(['member_of', 'works_for', 'leads', 'represents', 'advises', 'close_to', 'family_of', 'owns'].includes(r.predicate.split('/')[0]) ? 'tie' : 'event');
    }
  });

  it('Japan tried to reach Trump', () => {
    const hits = find(rels, layer, /^Japan$/, 'consult', /Trump/);
    expect(hits.map((r) => r.modality), listing).toContain('attempted');
  });

  it('Aso tried to meet Trump and failed', () => {
    const hits = find(rels, layer, /Aso/, 'consult', /Trump/);
    expect(hits.map((r) => r.modality), listing).toContain('failed');
    expect(hits.map((r) => r.modality)).not.toContain('asserted');
  });

  it('Yamada represents Japan', () => {
    expect(find(rels, layer, /Yamada/, 'represents', /^Japan$/), listing).toHaveLength(1);
  });
  // Known misses since the triggers and cues that served only these seed sentences were removed (issue 14:
  // "Botschaft zukommen", "mit der Anweisung", "saß neben"); general event coding on the parse is to bring them back.
  it.fails('Yamada is to contact the Trump campaign (known miss)', () => {
    expect(find(rels, layer, /Yamada/, 'consult', /Trump/).map((r) => r.modality), listing).toContain('planned');
  });

  it('Hagerty met Japanese officials and was Trump’s envoy', () => {
    expect(find(rels, layer, /Hagerty/, 'consult', /^Japan$/).map((r) => r.predicate), listing).toContain('consult/meet');
    expect(find(rels, layer, /Hagerty/, 'represents', /Trump/).map((r) => r.modality), listing).toEqual(['former']);
  });
  it.fails('Hagerty sat beside Aso and Yamada (known miss)', () => {
    expect(find(rels, layer, /Hagerty/, 'consult', /Aso/), listing).toHaveLength(1);
    expect(find(rels, layer, /Hagerty/, 'consult', /Yamada/), listing).toHaveLength(1);
  });

  it('Kitamura belongs to O’Brien’s consultancy; O’Brien advised Trump', () => {
    expect(find(rels, layer, /Kitamura/, 'member_of', /American Global/), listing).toHaveLength(1);
    expect(find(rels, layer, /O'Brien/, 'advises', /Trump/).map((r) => r.modality), listing).toEqual(['former']);
  });

  it('Machida served on Trump’s team (former)', () => {
    expect(find(rels, layer, /Machida/, 'works_for', /Trump/).map((r) => r.modality), listing).toEqual(['former']);
  });

  it('Abe met Trump and was close to him', () => {
    expect(find(rels, layer, /Abe/, 'consult', /Trump/), listing).toHaveLength(1);
    expect(find(rels, layer, /Abe/, 'close_to', /Trump/), listing).toHaveLength(1);
  });

  it('Pence, Mattis and Pompeo are no longer close to Trump', () => {
    for (const who of [/Pence/, /Mattis/, /Pompeo/]) {
      expect(find(rels, layer, who, 'close_to', /Trump/).map((r) => r.modality), listing).toEqual(['former']);
    }
    expect(find(rels, layer, /Pence|Mattis|Pompeo/, 'close_to', /Pence|Mattis|Pompeo/), listing).toHaveLength(0);
  });

  it('Trump would block Nippon Steel’s planned takeover of U.S. Steel', () => {
    expect(find(rels, layer, /Trump/, 'reject', /Nippon Steel/).map((r) => r.modality), listing).toEqual(['hypothetical']);
    expect(find(rels, layer, /Nippon Steel/, 'owns', /U\.S\. Steel/).map((r) => r.modality), listing).toEqual(['planned']);
  });

  it('Kishida prepares a state visit at Biden’s invitation', () => {
    expect(find(rels, layer, /Kishida/, 'consult', /USA/).map((r) => r.modality), listing).toEqual(['planned']);
    expect(find(rels, layer, /Biden/, 'consult', /Kishida/).map((r) => r.predicate), listing).toEqual(['consult/invite']);
  });

  it('states no relation between actors that are merely mentioned together', () => {
    // The photo-evidence clause and the credit line name many actors; none of them relate.
    expect(find(rels, layer, /Reuters|Fox News/, 'consult', /.*/), listing).toHaveLength(0);
    expect(rels.filter((r) => r.evidence.text.startsWith('(Berichte')), listing).toHaveLength(0);
    // The denial is a negated meeting, not a meeting.
    expect(find(rels, layer, /Trump|Japan/, 'consult', /Trump|Japan/).filter((r) => r.evidence.text.includes('keine Treffen')).map((r) => r.modality)).toEqual(['negated']);
  });
});
