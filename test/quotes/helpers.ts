/** Hand-made entity layers for quote tests: entities found by their names in the text (no NER needed). */
import type { Entity } from '../../src/contract/schema.js';
import { makeEntityLayer } from '../../src/entities/layer.js';
import type { EntityLayer, EntityMention } from '../../src/entities/types.js';
import type { Doc } from '../../src/text/types.js';
import { docOf } from '../helpers.js';
import { extractQuotes, type QuoteLayer } from '../../src/quotes/index.js';

export interface EntitySpec {
  id: string;
  type: Entity['type'];
  name: string;
  /** Surface forms that name it (the name itself is added). */
  aliases?: string[];
  /** Adjective forms that point to it ("japanische"). */
  demonyms?: string[];
  gender?: 'm' | 'f';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function tokenIndex(doc: Doc, offset: number, end = false): number {
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!end && toks[i].start >= offset) return i;
    if (end && toks[i].end >= offset) return i + 1;
  }
  return toks.length;
}

export function layerOf(doc: Doc, specs: EntitySpec[]): EntityLayer {
  const entities: Entity[] = [];
  const mentions: EntityMention[] = [];
  const taken: [number, number][] = [];
  for (const sp of specs) {
    const forms: [string, EntityMention['kind']][] = [
      ...[sp.name, ...(sp.aliases ?? [])].map((f) => [f, 'name'] as [string, EntityMention['kind']]),
      ...(sp.demonyms ?? []).map((f) => [f, 'demonym'] as [string, EntityMention['kind']]),
    ];
    forms.sort((a, b) => b[0].length - a[0].length);
    const spans: { start: number; end: number; text: string }[] = [];
    for (const [form, kind] of forms) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of doc.text.matchAll(re)) {
        const start = m.index!, end = start + form.length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        taken.push([start, end]);
        mentions.push({ entity: sp.id, start, end, tokenStart: tokenIndex(doc, start), tokenEnd: tokenIndex(doc, end, true), kind, text: form });
        if (kind === 'name') spans.push({ start, end, text: form });
      }
    }
    entities.push({
      id: sp.id, type: sp.type, kind: null, name: sp.name, aliases: sp.aliases ?? [], mentions: spans, roles: [],
      attributes: sp.gender ? { gender: sp.gender } : {},
    });
  }
  return makeEntityLayer(entities, mentions);
}

/** Quotes of a text with a hand-made entity layer. */
export function quotesOf(text: string, language: string, specs: EntitySpec[] = []): { doc: Doc; layer: QuoteLayer } {
  const doc = docOf(text, language);
  return { doc, layer: extractQuotes(doc, layerOf(doc, specs)) };
}

/** The source record of a quote. */
export function sourceOf(layer: QuoteLayer, quoteText: string) {
  const q = layer.quotes.find((x) => x.text.includes(quoteText));
  if (!q) return undefined;
  return layer.sources.find((s) => s.id === q.source);
}
