/** Library API of backchannel. */
export { analyze, analyzeSync, analyzeArticle, prepareLanguage, type AnalyzeOptions } from './pipeline/analyze.js';
export { validateAnalysis, analysisJsonSchema, ContractError } from './contract/validate.js';
export { SCHEMA_ID } from './contract/schema.js';
export type { Analysis, Entity, Role, Source, Quote, Relation, TimelineItem, Flag, Modality } from './contract/schema.js';
export { renderBrief, type BriefFormat } from './brief/render.js';
export { buildDoc, InputError } from './text/index.js';
export { readInputFile, listInputs, decodeArticles } from './text/input.js';
export type { Doc, RawArticle, Token, Sentence, Paragraph } from './text/types.js';
export { VERSION } from './version.js';
