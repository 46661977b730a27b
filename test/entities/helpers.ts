import { oracleNer } from '../../src/eval/entities.js';
/** Test helpers: read an article in the corpus format into a Doc, and simulate a tagger from a name list. */
import { readFileSync } from 'node:fs';
import { buildDoc } from '../../src/text/index.js';
import { parseFrontMatter } from '../../src/text/frontmatter.js';
import type { Doc } from '../../src/text/types.js';
import type { NerMention } from '../../src/ml/ner-stage.js';

export function readArticle(path: string): Doc {
  const fm = parseFrontMatter(readFileSync(path, 'utf8'));
  return buildDoc({
    text: fm.body, origin: path, language: fm.fields.language ?? null, published: fm.fields.published ?? null,
    title: fm.fields.title ?? null, source: fm.fields.source ?? null, url: fm.fields.url ?? null,
  });
}

export function docFrom(text: string, language: string): Doc {
  return buildDoc({ text, origin: 'test', language });
}

export interface NameSpec { text: string; type: NerMention['type']; derived?: NerMention['derived'] }

/**
 * A perfect tagger for the given names: every occurrence on token boundaries, longest first, no overlaps.
 * Lets the stage be tested on its own, before and independently of the trained NER.
 */
export function nerFromList(doc: Doc, names: NameSpec[]): NerMention[] {
  return oracleNer(doc, names);
}
