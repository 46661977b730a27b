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
  const sorted = names.slice().sort((a, b) => b.text.length - a.text.length);
  const startTok = new Map<number, number>();
  const endTok = new Map<number, number>();
  doc.tokens.forEach((t, i) => { startTok.set(t.start, i); endTok.set(t.end, i); });
  const taken = new Uint8Array(doc.tokens.length);
  const out: NerMention[] = [];
  for (const n of sorted) {
    let from = 0;
    for (;;) {
      const at = doc.text.indexOf(n.text, from);
      if (at < 0) break;
      from = at + 1;
      const ts = startTok.get(at), te = endTok.get(at + n.text.length);
      if (ts === undefined || te === undefined) continue;
      let free = true;
      for (let t = ts; t <= te; t++) if (taken[t]) free = false;
      if (!free) continue;
      for (let t = ts; t <= te; t++) taken[t] = 1;
      out.push({ start: at, end: at + n.text.length, tokenStart: ts, tokenEnd: te + 1, label: n.type + (n.derived ?? ''), type: n.type, derived: n.derived ?? null, score: 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
