/**
 * JSON schemas shared by the routes. They validate requests (every query parameter and body) and describe
 * responses for the OpenAPI document. Response objects allow extra properties so the serializer never drops
 * a field the schema forgot; the listed ones are the documented contract.
 */
export const ISO_DATE = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

export const dateParam = (description: string) => ({ type: 'string', pattern: ISO_DATE, description: `${description} (YYYY, YYYY-MM or YYYY-MM-DD)` }) as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Every error: the HTTP status, its reason and a message that says what to change.',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
  required: ['statusCode', 'error', 'message'],
} as const;

const nullable = (type: string) => ({ type: [type, 'null'] }) as const;
export const nstr = nullable('string');

export const actorNodeSchema = {
  $id: 'ActorNode',
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string', description: 'person, organization, location or other' },
    kind: nstr,
    mentions: { type: 'integer' },
    articles: { type: 'integer' },
    firstDate: nstr,
    lastDate: nstr,
    degree: { type: 'integer', description: 'distinct neighbours over stated relations' },
  },
  required: ['id', 'name', 'type'],
} as const;

export const articleItemSchema = {
  $id: 'ArticleItem',
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string', description: 'content hash of the text' },
    title: nstr,
    source: nstr,
    url: nstr,
    published: nstr,
    language: { type: 'string' },
    duplicateOf: { ...nstr, description: 'the original when this is a syndicated copy' },
  },
  required: ['id', 'language'],
} as const;

/** The analysis document is described by the contract (docs/contract.md, `backchannel schema`), not repeated here. */
export const analysisSchema = {
  $id: 'Analysis',
  type: 'object',
  additionalProperties: true,
  description: 'A backchannel.analysis/1 document: the text and every span (entities, quotes, relations, timeline). Its JSON Schema: `backchannel schema`.',
  properties: { schema: { type: 'string' } },
} as const;

export const articleInputSchema = {
  $id: 'ArticleInput',
  type: 'object',
  additionalProperties: false,
  description: 'An article as JSON: `text` (plain text, front matter allowed) or `html` (a saved page; the article is extracted), with optional metadata that overrides what the input says.',
  properties: {
    text: { type: 'string', minLength: 1 },
    html: { type: 'string', minLength: 1 },
    title: { type: 'string', maxLength: 1000 },
    published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    source: { type: 'string', maxLength: 1000 },
    url: { type: 'string', maxLength: 4000 },
    language: { type: 'string', pattern: '^[a-z]{2}$' },
  },
} as const;

export const sharedSchemas = [errorSchema, actorNodeSchema, articleItemSchema, analysisSchema, articleInputSchema];

export const errorResponses = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { $ref: 'Error#' }]));

/** Comma-separated lists in a query string ("tie,event"): a string whose parts are checked by the route. */
export const listParam = (description: string, item = '[a-z_]+') => ({ type: 'string', pattern: `^${item}(,${item})*$`, description }) as const;
