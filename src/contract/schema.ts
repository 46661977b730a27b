/**
 * backchannel.analysis/1 — the one place the analysis document's shape is defined.
 * Documented in docs/contract.md; exported as JSON Schema by `backchannel schema`.
 */
import { z } from 'zod';

export const SCHEMA_ID = 'backchannel.analysis/1';

export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const EntityTypeSchema = z.enum(['person', 'organization', 'location', 'other']);
export const RoleStatusSchema = z.enum(['current', 'former', 'late', 'designate']).nullable();

export const RoleSchema = z.object({
  title: z.string(),
  /** The entity this is a role of (Trump's adviser → Trump's id), or null. */
  of: z.string().nullable(),
  status: RoleStatusSchema,
  evidence: SpanSchema,
});

export const EntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  /** country, city, government, ministry, company, party, media, think_tank, university, … or null */
  kind: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()),
  mentions: z.array(SpanSchema),
  roles: z.array(RoleSchema),
  attributes: z.record(z.string(), z.unknown()),
});

export const SourceSchema = z.object({
  id: z.string(),
  description: z.string(),
  named: z.boolean(),
  entity: z.string().nullable(),
  count: z.number().int().positive().nullable(),
  affiliation: z.string().nullable(),
  mentions: z.array(SpanSchema),
  /** A subset of another source group ("drei der sechs Beamten" ⊂ "sechs Beamte"). */
  parent: z.string().nullable().optional(),
  /** Stated reason for anonymity, if any. */
  anonymityReason: SpanSchema.nullable().optional(),
  /** Refusals and non-answers: "declined to comment", "did not respond". */
  responses: z.array(z.object({ kind: z.enum(['declined', 'no_response', 'denied']), evidence: SpanSchema })).optional(),
});

export const QuoteSchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'indirect', 'mixed']),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  speaker: z.string().nullable(),
  source: z.string().nullable(),
  /** The reporting cue ("sagte", "according to") with its span, or null. */
  cue: SpanSchema.nullable(),
  /** "Reuters", "Fox News", "statement", "X", or null. */
  channel: z.string().nullable(),
});

export const ModalitySchema = z.enum(['asserted', 'attempted', 'failed', 'planned', 'hypothetical', 'negated', 'former']);

export const RelationSchema = z.object({
  id: z.string(),
  subject: z.string(),
  object: z.string(),
  /** "consult", "consult/visit", "represents", … (docs/ontology.md) */
  predicate: z.string(),
  family: z.enum(['tie', 'event']),
  modality: ModalitySchema,
  time: z.string().nullable(),
  attribution: z.string().nullable(),
  evidence: SpanSchema,
  confidence: z.number().min(0).max(1),
});

const TIMEX_MOD = z.enum(['BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'START', 'MID', 'END', 'APPROX']);

/** One TIMEX3 annotation (TimeML 1.2.1): type, value in TIMEX3 form, mod; start/end only on the parts of a range. */
export const TimexPartSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  value: z.string(),
  mod: TIMEX_MOD.nullable(),
});

/**
 * The TIMEX3 reading of a timeline item (optional within /1: added after the first release of the contract).
 * value: ISO dates and times (2024-04, 2024-03-04T14:00, 2024-W05, 2018-SU, 2024-H1, FY2024), durations
 * (P3Y, PXM, PT2H), underspecified and repeating values (XXXX-04, XXXX-WXX-1) or PRESENT_REF, PAST_REF,
 * FUTURE_REF. A range ("2017-2021") keeps one item; its two ends are in parts.
 */
export const TimexSchema = z.object({
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  value: z.string(),
  mod: TIMEX_MOD.nullable(),
  /** SET: EACH or EVERY. */
  quant: z.string().optional(),
  /** SET: how often per period (2X). */
  freq: z.string().optional(),
  /** DURATION anchored at the publication date by the text ("seit drei Jahren"); the item's value is the interval it implies. */
  anchorTime: z.literal('published').optional(),
  parts: z.array(TimexPartSchema).optional(),
});

export const TimelineItemSchema = z.object({
  id: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** ISO-8601 prefix (2024, 2024-11, 2024-11-05, 2024-W05) or range 2017/2021; null only when unresolvable. */
  value: z.string().nullable(),
  granularity: z.enum(['year', 'quarter', 'month', 'week', 'day', 'range', 'decade', 'unknown']),
  anchor: z.enum(['published', 'text', 'none']),
  /** START, MID, END, APPROX for vague expressions. */
  modifier: z.enum(['START', 'MID', 'END', 'APPROX']).nullable().optional(),
  /** True when the expression belongs to a background recap rather than the news of the day. */
  background: z.boolean().optional(),
  /** TIMEX3 type, value and mod (see TimexSchema); optional within /1. */
  timex: TimexSchema.optional(),
  entities: z.array(z.string()),
  relations: z.array(z.string()),
});

export const FlagSchema = z.object({
  kind: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  note: z.string(),
});

export const DocumentSchema = z.object({
  id: z.string(),
  language: z.string(),
  title: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  text: z.string(),
  byline: z.object({ reporters: z.array(z.string()), editors: z.array(z.string()) }),
  dateline: z.string().nullable(),
});

/** What the article's statements rest on: named actors, anonymous groups, documents. */
export const SourcingSchema = z.object({
  statements: z.number().int().nonnegative(),
  direct: z.number().int().nonnegative(),
  indirect: z.number().int().nonnegative(),
  mixed: z.number().int().nonnegative(),
  named: z.number().int().nonnegative(),
  anonymous: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  unattributed: z.number().int().nonnegative(),
  anonymousShare: z.number().min(0).max(1),
  responses: z.number().int().nonnegative(),
  bySource: z.array(z.object({ source: z.string(), description: z.string(), named: z.boolean(), statements: z.number().int().nonnegative() })),
});

/**
 * The syntax layer (optional; only when asked for: `--layers syntax`, `--format conllu`): per sentence, its
 * syntactic words with UD tags, lemma and dependency. A contraction ("im" = in + dem) gives several words that
 * share their token's offsets. `head` is the 1-based index of the head word in the sentence, 0 for the root,
 * -1 when the language has no parser.
 */
export const SyntaxWordSchema = z.object({
  form: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  upos: z.string(),
  feats: z.string(),
  lemma: z.string(),
  head: z.number().int().min(-1),
  deprel: z.string(),
});

export const SyntaxSchema = z.object({
  models: z.record(z.string(), z.string()),
  sentences: z.array(z.object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    words: z.array(SyntaxWordSchema),
  })),
});

export const AnalysisSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  document: DocumentSchema,
  entities: z.array(EntitySchema),
  sources: z.array(SourceSchema),
  quotes: z.array(QuoteSchema),
  relations: z.array(RelationSchema),
  timeline: z.array(TimelineItemSchema),
  flags: z.array(FlagSchema),
  /** Sourcing profile (optional within /1: added after the first release of the contract). */
  sourcing: SourcingSchema.optional(),
  /** Syntax layer (optional within /1; only when asked for). */
  syntax: SyntaxSchema.optional(),
  meta: z.object({
    version: z.string(),
    models: z.record(z.string(), z.string()),
    timings: z.record(z.string(), z.number()),
    languageConfidence: z.number().min(0).max(1).optional(),
    notes: z.array(z.string()).optional(),
  }),
});

export type SpanOut = z.infer<typeof SpanSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type EntityType = z.infer<typeof EntityTypeSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type Modality = z.infer<typeof ModalitySchema>;
export type TimelineItem = z.infer<typeof TimelineItemSchema>;
export type TimexOut = z.infer<typeof TimexSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type Analysis = z.infer<typeof AnalysisSchema>;
export type Sourcing = z.infer<typeof SourcingSchema>;
export type SyntaxOut = z.infer<typeof SyntaxSchema>;
