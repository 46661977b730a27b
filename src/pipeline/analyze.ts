/**
 * The pipeline: text → (syntax, on demand) → NER → entities → time → quotes → relations → flags → the analysis document.
 * Each stage reads the Doc (and earlier layers) and adds one layer; timings are recorded per stage.
 */
import { performance } from 'node:perf_hooks';
import { SCHEMA_ID, type Analysis, type TimelineItem } from '../contract/schema.js';
import { buildDoc } from '../text/index.js';
import type { Doc, RawArticle } from '../text/types.js';
import { runNer, nerModelInfo } from '../ml/ner-stage.js';
import { extractEntities } from '../entities/index.js';
import { extractTimeline } from '../time/index.js';
import { extractQuotes } from '../quotes/index.js';
import { extractRelations } from '../relations/index.js';
import { detectFlags, prepareFlags } from '../flags/index.js';
import { detectLanguage } from '../text/language.js';
import { normalizeText } from '../text/normalize.js';
import { linkTimeline } from './link-timeline.js';
import { runSyntax, syntaxContract, type SyntaxLayer } from '../syntax/stage.js';
import { VERSION } from '../version.js';

export interface AnalyzeOptions {
  /** Override the detected language ("de", "en"). */
  language?: string | null;
  /** Publication date YYYY-MM-DD; relative dates resolve against it. */
  published?: string | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  /** Where the text came from, used in error messages. */
  origin?: string;
}

/** Analyses one article. Loads the language's resources (spelling dictionary) on first use. */
export async function analyze(text: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const language = options.language ?? detectLanguage(normalizeText(text)).language;
  await prepareLanguage(language);
  return analyzeSync(text, { ...options, language: options.language ?? null });
}

/** Loads what the synchronous pipeline needs for a language and cannot load synchronously. */
export async function prepareLanguage(language: string): Promise<void> {
  await prepareFlags(language);
}

export function analyzeSync(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeArticle({
    text,
    origin: options.origin ?? '<text>',
    language: options.language ?? null,
    published: options.published ?? null,
    title: options.title ?? null,
    source: options.source ?? null,
    url: options.url ?? null,
  });
}

/** Optional layers of the contract, left out unless asked for. */
export interface AnalyzeLayers {
  /** Include the syntax layer (tags, lemmas, dependencies per sentence). */
  syntax?: boolean;
}

export function analyzeArticle(raw: RawArticle, layers: AnalyzeLayers = {}): Analysis {
  const timings: Record<string, number> = {};
  const timed = <T>(stage: string, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    timings[stage] = round(performance.now() - t0);
    return out;
  };
  const doc: Doc = timed('text', () => buildDoc(raw));
  // The parse costs about as much as the rest of the pipeline (docs/bench.md). Stages get `syntaxOf`, never a
  // precomputed parse, so a stage that stops reading it stops paying for it.
  let parsed: SyntaxLayer | null | undefined;
  const syntaxOf = (): SyntaxLayer | null => (parsed !== undefined ? parsed : (parsed = timed('syntax', () => runSyntax(doc))));
  const syntax = layers.syntax ? syntaxOf() : null;
  const ner = timed('ner', () => runNer(doc));
  const entities = timed('entities', () => extractEntities(doc, ner));
  const timeline: TimelineItem[] = timed('time', () => extractTimeline(doc));
  // Quotes and relations both read the parse: computed once here (timed as "syntax") so their timings are their own.
  syntaxOf();
  const quotes = timed('quotes', () => extractQuotes(doc, entities, syntaxOf));
  const relations = timed('relations', () => extractRelations(doc, entities, quotes, timeline, syntaxOf));
  timed('link', () => linkTimeline(doc, timeline, entities, relations));
  const flags = timed('flags', () => detectFlags(doc, ner));
  timings.total = round(Object.values(timings).reduce((a, b) => a + b, 0));

  const models: Record<string, string> = {};
  const ner_ = nerModelInfo(doc.language);
  if (ner_) models.ner = `${ner_.name}@${ner_.version}`;
  if (parsed) Object.assign(models, parsed.models);

  return {
    schema: SCHEMA_ID,
    document: {
      id: doc.id,
      language: doc.language,
      title: doc.title,
      published: doc.published,
      source: doc.source,
      url: doc.url,
      text: doc.text,
      byline: { reporters: doc.byline.reporters, editors: doc.byline.editors },
      dateline: doc.dateline ? doc.dateline.span.text : null,
    },
    entities: entities.entities,
    sources: quotes.sources,
    quotes: quotes.quotes,
    relations,
    timeline,
    flags: flags ?? [],
    sourcing: quotes.profile,
    ...(layers.syntax && syntax ? { syntax: syntaxContract(doc, syntax) } : {}),
    meta: {
      version: VERSION,
      models,
      timings,
      languageConfidence: round(doc.languageConfidence),
      notes: [
        ...(doc.published ? [] : ['no publication date: relative dates stay unresolved']),
        ...(flags ? [] : ['spelling flags skipped: call prepareLanguage() first or use analyze()']),
      ],
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
