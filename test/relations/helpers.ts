import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Relation } from '../../src/contract/schema.js';
import type { QuoteLayer } from '../../src/quotes/index.js';
import type { EntityLayer } from '../../src/entities/types.js';
import { buildDoc } from '../../src/text/index.js';
import { parseFrontMatter } from '../../src/text/frontmatter.js';
import { sharedDir } from '../../src/util/paths.js';

export function emptyQuotes(): QuoteLayer {
  return {
    quotes: [], sources: [], details: [], terms: [],
    profile: { statements: 0, direct: 0, indirect: 0, mixed: 0, named: 0, anonymous: 0, documents: 0, unattributed: 0, anonymousShare: 0, responses: 0, bySource: [] },
  };
}

export function seedDoc() {
  const fm = parseFrontMatter(readFileSync(join(sharedDir, 'corpus', 'seed', 'japan-trump-outreach.de.txt'), 'utf8'));
  return buildDoc({ text: fm.body, origin: 'seed', language: fm.fields.language ?? 'de', published: fm.fields.published ?? null });
}

/** "subject -predicate(modality)-> object" with entity names, for readable assertions and failure output. */
export function show(rels: Relation[], layer: Pick<EntityLayer, 'byId'>): string[] {
  const name = (id: string) => layer.byId.get(id)?.name ?? id;
  return rels.map((r) => `${name(r.subject)} -${r.predicate}(${r.modality})-> ${name(r.object)}`);
}

/** Relations whose ends match the given entity-name tests and whose predicate type is `type`. */
export function find(rels: Relation[], layer: Pick<EntityLayer, 'byId'>, subject: RegExp, type: string, object: RegExp): Relation[] {
  const name = (id: string) => layer.byId.get(id)?.name ?? id;
  return rels.filter((r) => subject.test(name(r.subject)) && object.test(name(r.object)) && r.predicate.split('/')[0] === type);
}
