/**
 * The parser's entry points: the committed model of a language (cached) and parsing of tagged sentences.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../../util/paths.js';
import type { ParserInput } from './features.js';
import { loadParser } from './io.js';
import { ParserWorkspace, type Parse, type ParserModel } from './model.js';

export { ParserModel, ParserWorkspace, type Parse } from './model.js';
export type { ParserInput } from './features.js';

export const defaultParserPath = (lang: string): string => join(modelsDir, `parser-${lang}.bin`);

const workspaces = new Map<string, ParserWorkspace | null>();

/** A parsing workspace over the committed model of a language (cached), or null when there is none. */
export function parserFor(lang: string): ParserWorkspace | null {
  if (!workspaces.has(lang)) {
    const path = defaultParserPath(lang);
    workspaces.set(lang, existsSync(path) ? new ParserWorkspace(loadParser(path)) : null);
  }
  return workspaces.get(lang)!;
}

/** Parses sentences with one model; returns heads (1-based, 0 = root) and relations per sentence. */
export function parseSentences(model: ParserModel, sentences: readonly ParserInput[]): Parse[] {
  const ws = new ParserWorkspace(model);
  return sentences.map((s) => ws.parse(s));
}
