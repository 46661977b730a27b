/**
 * Builds analysis documents from hand annotations (test/gold/corpus/annotations.json) on the real article
 * text, so the corpus layer can be tested on its own while the single-article stages are still growing.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { SCHEMA_ID, type Analysis, type Entity, type SpanOut } from '../../src/contract/schema.js';
import { validateAnalysis } from '../../src/contract/validate.js';
import type { RawArticle } from '../../src/text/types.js';

export const goldDir = join(import.meta.dirname, '..', 'gold', 'corpus');
export const goldArticles = join(goldDir, 'articles');

interface EntityAnn {
  id: string;
  type: Entity['type'];
  kind: string | null;
  name: string;
  aliases: string[];
  mentions?: string[];
  roles?: { title: string; of: string | null; status: 'current' | 'former' | 'late' | 'designate' | null; evidence: string }[];
}
interface ArticleAnn {
  sameAs?: string;
  entities: EntityAnn[];
  sources: { id: string; description: string; named: boolean; entity?: string; mention: string }[];
  relations: { subject: string; predicate: string; family?: 'tie' | 'event'; object: string; modality: Analysis['relations'][number]['modality']; attribution: string | null; evidence: string }[];
  quotes: { text: string; speaker: string | null; kind?: 'direct' | 'indirect' | 'mixed' }[];
}

export const annotations: Record<string, ArticleAnn> = JSON.parse(readFileSync(join(goldDir, 'annotations.json'), 'utf8')).articles;

const isLetter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Every whole-word occurrence of s in text. */
export function occurrences(text: string, s: string): SpanOut[] {
  const out: SpanOut[] = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
    if (isLetter(text[i - 1]) || isLetter(text[i + s.length])) continue;
    out.push({ start: i, end: i + s.length, text: s });
  }
  return out;
}

function span(text: string, s: string, where: string): SpanOut {
  const i = text.indexOf(s);
  if (i < 0) throw new Error(`annotation ${where}: "${s}" is not in the text`);
  return { start: i, end: i + s.length, text: s };
}

export function analysisFromAnnotation(raw: RawArticle, ann: ArticleAnn, file: string): Analysis {
  const text = raw.text;
  const taken: SpanOut[] = [];
  // longest names first so "Helena Duarte" is one mention, not also "Duarte"
  const entities: Entity[] = ann.entities.map((e) => ({ id: e.id, type: e.type, kind: e.kind, name: e.name, aliases: e.aliases, mentions: [], roles: [], attributes: {} }));
  const forms = ann.entities.flatMap((e, i) => [e.name, ...e.aliases, ...(e.mentions ?? [])].map((f) => ({ f, i }))).sort((a, b) => b.f.length - a.f.length);
  for (const { f, i } of forms) {
    for (const s of occurrences(text, f)) {
      if (taken.some((t) => s.start < t.end && t.start < s.end)) continue;
      taken.push(s);
      entities[i].mentions.push(s);
    }
  }
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  ann.entities.forEach((e, i) => {
    entities[i].roles = (e.roles ?? []).map((r) => ({ title: r.title, of: r.of, status: r.status, evidence: span(text, r.evidence, `${file} role ${r.title}`) }));
  });
  const a: Analysis = {
    schema: SCHEMA_ID,
    document: {
      id: 'doc:' + createHash('sha1').update(text).digest('hex').slice(0, 12),
      language: raw.language ?? 'de',
      title: raw.title ?? null,
      published: raw.published ?? null,
      source: raw.source ?? null,
      url: raw.url ?? null,
      text,
      byline: { reporters: [], editors: [] },
      // as the text layer reads it: 'PLACE (Agency) -' opening the first paragraph
      dateline: /^\p{Lu}[\p{Lu} .'’-]*\([^()\n]{2,40}\)\s*[-–—]+/u.exec(text)?.[0] ?? null,
    },
    entities,
    sources: ann.sources.map((s) => ({ id: s.id, description: s.description, named: s.named, entity: s.entity ?? null, count: null, affiliation: null, mentions: [span(text, s.mention, `${file} source ${s.id}`)] })),
    quotes: ann.quotes.map((q, i) => {
      const sp = span(text, q.text, `${file} quote ${i}`);
      return { id: `q${i + 1}`, kind: q.kind ?? 'direct', text: q.text, start: sp.start, end: sp.end, speaker: q.speaker, source: null, cue: null, channel: null };
    }),
    relations: ann.relations.map((r, i) => ({
      id: `r${i + 1}`,
      subject: r.subject,
      object: r.object,
      predicate: r.predicate,
      family: r.family ?? 'event',
      modality: r.modality,
      time: null,
      attribution: r.attribution,
      evidence: span(text, r.evidence, `${file} relation ${i + 1}`),
      confidence: 0.9,
    })),
    timeline: [],
    flags: [],
    meta: { version: 'gold', models: {}, timings: {} },
  };
  return validateAnalysis(a);
}

/** An analyzer for ingest: looks the article up by file name in the annotations. */
export function annotatedAnalyzer(raw: RawArticle): Analysis {
  const file = basename(raw.origin);
  let ann = annotations[file];
  if (!ann) throw new Error(`no annotation for ${file}`);
  if (ann.sameAs) ann = annotations[ann.sameAs];
  return analysisFromAnnotation(raw, ann, file);
}
