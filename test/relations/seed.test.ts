/**
 * The done-criteria on the seed through the whole pipeline (NER → entities → time → quotes → relations).
 * Where an upstream stage misses an actor the check says so instead of passing silently.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { parseFrontMatter } from '../../src/text/frontmatter.js';
import { sharedDir } from '../../src/util/paths.js';
import { find, show } from './helpers.js';

const fm = parseFrontMatter(readFileSync(join(sharedDir, 'corpus', 'seed', 'japan-trump-outreach.de.txt'), 'utf8'));
const a = analyzeSync(fm.body, { language: 'de', published: fm.fields.published ?? null });
const layer = { byId: new Map(a.entities.map((e) => [e.id, e])) };
const rels = a.relations;
const listing = show(rels, layer).join('\n');
const mods = (s: RegExp, type: string, o: RegExp) => find(rels, layer, s, type, o).map((r) => r.modality);

describe('relations on the seed (whole pipeline)', () => {
  it('Japan → consult (attempted) → Trump', () => expect(mods(/^Japan$/, 'consult', /Trump/), listing).toContain('attempted'));
  it('Aso → consult (attempted, failed) → Trump, attributed to the officials', () => {
    expect(mods(/Aso/, 'consult', /Trump/), listing).toContain('failed');
    expect(find(rels, layer, /Aso/, 'consult', /Trump/)[0].attribution).not.toBeNull();
  });
  it('Yamada represents Japan', () => expect(mods(/Yamada/, 'represents', /^Japan$/), listing).toEqual(['asserted']));
  // Known misses since the one-sentence triggers were removed (issue 14); see seed-oracle.test.ts.
  it.fails('Yamada is to contact the Trump campaign (known miss)', () => expect(mods(/Yamada/, 'consult', /Trump/), listing).toContain('planned'));
  it('Hagerty met Japanese officials', () => expect(mods(/Hagerty/, 'consult', /^Japan$/), listing).toContain('asserted'));
  it.fails('Hagerty sat beside Aso and Yamada (known miss)', () => expect(mods(/Hagerty/, 'consult', /Aso|Yamada/), listing).toHaveLength(2));
  it('Kitamura belongs to O’Brien’s consultancy', () => expect(mods(/Kitamura/, 'member_of', /American Global/), listing).toHaveLength(1));
  it('Machida served in Trump’s transition team (former)', () => expect(mods(/Machida/, 'works_for', /Trump/), listing).toEqual(['former']));
  it('Abe close to Trump', () => expect(mods(/Abe/, 'close_to', /Trump/), listing).toHaveLength(1));
  it('Pence, Mattis, Pompeo no longer close to Trump', () => {
    for (const who of [/Pence/, /Mattis/, /Pompeo/]) expect(mods(who, 'close_to', /Trump/), listing).toEqual(['former']);
  });
  it('Trump would block (hypothetical) Nippon Steel’s planned takeover', () => {
    // The block is of the takeover, whose actor is its agent („durch … Nippon Steel“), not the owner of its theme
    // („von U.S. Steel“), also where the parse hangs the agent phrase on the verb.
    expect(mods(/Trump/, 'reject', /Nippon/), listing).toEqual(['hypothetical']);
    expect(mods(/Trump/, 'reject', /U\.S\. Steel/), listing).toEqual([]);
    // "U.S. Steel" is the takeover's target and a company, not the United States.
    const target = a.entities.find((e) => /U\.S\. Steel/.test(e.name));
    expect(target?.type, a.entities.map((e) => `${e.name} (${e.type})`).join(', ')).toBe('organization');
    expect(mods(/Nippon/, 'owns', /U\.S\. Steel/), listing).toEqual(['planned']);
    expect(mods(/Nippon/, 'owns', /Vereinigte Staaten|USA/), listing).toEqual([]);
  });
  it('Kishida’s planned state visit at Biden’s invitation', () => {
    expect(mods(/Kishida/, 'consult', /Vereinigte Staaten|USA/), listing).toEqual(['planned']);
    expect(find(rels, layer, /Biden/, 'consult', /Kishida/).map((r) => r.predicate), listing).toEqual(['consult/invite']);
  });
  it('relations in background recaps carry their own time', () => {
    const deal = find(rels, layer, /Trump/, 'agree', /China/).find((r) => r.evidence.text.includes('2019'));
    expect(deal?.time, listing).not.toBeNull();
    const item = a.timeline.find((t) => t.id === deal!.time);
    expect(item?.value).toMatch(/^2019/);
  });
});
