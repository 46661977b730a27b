/**
 * Hand-built analysis documents for corpus tests: a tiny DSL that writes an article's text from its
 * relations ("A met B.") so every span is real, then fills the contract around it.
 */
import { createHash } from 'node:crypto';
import { SCHEMA_ID, type Analysis, type Entity, type Modality } from '../../src/contract/schema.js';
import { validateAnalysis } from '../../src/contract/validate.js';
import type { RawArticle } from '../../src/text/types.js';

export interface FxActor {
  id: string;
  name: string;
  type?: Entity['type'];
  kind?: string | null;
  aliases?: string[];
  /** attributes.of: the actor this one belongs to (a campaign of a candidate). */
  of?: string;
}
export interface FxRelation {
  s: string;
  o: string;
  predicate?: string;
  modality?: Modality;
  /** named / anonymous source, or none (the reporter's voice) */
  support?: 'named' | 'anonymous' | 'reporter';
}
export interface FxArticle {
  published?: string | null;
  source?: string | null;
  title?: string;
  language?: string;
  actors: FxActor[];
  relations: FxRelation[];
  /** Extra filler so articles differ (near-duplicate detection looks at the text). */
  filler?: string;
}

export function fixtureAnalysis(a: FxArticle): Analysis {
  const byId = new Map(a.actors.map((x) => [x.id, x]));
  let text = '';
  const mentions = new Map<string, { start: number; end: number; text: string }[]>();
  const add = (s: string) => {
    const start = text.length;
    text += s;
    return { start, end: text.length, text: s };
  };
  const mention = (id: string) => {
    const m = add(byId.get(id)!.name);
    (mentions.get(id) ?? mentions.set(id, []).get(id)!).push(m);
    return m;
  };
  const relations: Analysis['relations'] = [];
  const sources: Analysis['sources'] = [];
  a.relations.forEach((r, i) => {
    const start = text.length;
    mention(r.s);
    add(` ${r.predicate ?? 'met'} `);
    mention(r.o);
    let attribution: string | null = null;
    if (r.support === 'named' || r.support === 'anonymous') {
      add(r.support === 'named' ? ', said spokesperson Pat Doe' : ', two officials said');
      attribution = `s${i + 1}`;
      sources.push({ id: attribution, description: r.support === 'named' ? 'Pat Doe' : 'two officials', named: r.support === 'named', entity: null, count: null, affiliation: null, mentions: [] });
    }
    const evidence = { start, end: text.length, text: text.slice(start, text.length) };
    add('. ');
    relations.push({ id: `r${i + 1}`, subject: r.s, object: r.o, predicate: r.predicate ?? 'consult', family: 'event', modality: r.modality ?? 'asserted', time: null, attribution, evidence, confidence: 0.9 });
  });
  add('\n\n' + (a.filler ?? ''));
  for (const x of a.actors) if (!mentions.has(x.id)) mention(x.id), add('. ');
  const entities: Entity[] = a.actors.map((x) => ({
    id: x.id,
    type: x.type ?? 'person',
    kind: x.kind ?? null,
    name: x.name,
    aliases: x.aliases ?? [],
    mentions: mentions.get(x.id) ?? [],
    roles: [],
    attributes: x.of ? { of: x.of } : {},
  }));
  return validateAnalysis({
    schema: SCHEMA_ID,
    document: {
      id: 'doc:' + createHash('sha1').update(text).digest('hex').slice(0, 12),
      language: a.language ?? 'en',
      title: a.title ?? null,
      published: a.published ?? '2025-01-01',
      source: a.source ?? null,
      url: null,
      text,
      byline: { reporters: [], editors: [] },
      dateline: null,
    },
    entities,
    sources,
    quotes: [],
    relations,
    timeline: [],
    flags: [],
    meta: { version: 'fixture', models: {}, timings: {} },
  });
}

/** Raw articles whose analysis is the fixture: ingest with `analyze: fixtureAnalyzer(list)`. */
export function fixtureInputs(list: FxArticle[]): { items: { ok: true; article: RawArticle }[]; analyze: (raw: RawArticle) => Analysis } {
  const analyses = list.map(fixtureAnalysis);
  const byOrigin = new Map(analyses.map((a, i) => [`fixture-${i}`, a]));
  return {
    items: analyses.map((a, i) => ({ ok: true as const, article: { text: a.document.text, origin: `fixture-${i}`, published: a.document.published, source: a.document.source, title: a.document.title } })),
    analyze: (raw) => byOrigin.get(raw.origin)!,
  };
}

/** Unique filler words so that fixture articles are not near-duplicates of each other. */
export function filler(seed: number, words = 60): string {
  let x = seed * 2654435761 >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push('w' + (x % 100000).toString(36));
  }
  return out.join(' ') + '.';
}
