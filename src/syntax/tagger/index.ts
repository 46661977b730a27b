/**
 * The tagger's entry points: load the model of a language, tag a sentence of forms, and split our tokenizer's
 * tokens into the syntactic words the treebanks use (German "im" -> "in dem", from lang/<code>/syntax/contractions.tsv).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir, modelsDir } from '../../util/paths.js';
import { TaggerModel, type TagResult } from './model.js';

export { TaggerModel, type TagResult } from './model.js';

export const defaultTaggerPath = (lang: string): string => join(modelsDir, `tagger-${lang}.bin`);

const loaded = new Map<string, TaggerModel | null>();

/** The committed tagger of a language (cached), or null when there is none. */
export function loadTagger(lang: string): TaggerModel | null {
  if (!loaded.has(lang)) {
    const path = defaultTaggerPath(lang);
    loaded.set(lang, existsSync(path) ? TaggerModel.load(path) : null);
  }
  return loaded.get(lang)!;
}

/** UPOS, FEATS and lemma for each form of one sentence (syntactic words; see expandContractions). */
export function tagSentence(model: TaggerModel, forms: readonly string[]): TagResult {
  return model.tag(forms);
}

export interface ExpandedWords {
  /** Syntactic words. */
  words: string[];
  /** Index of the input token each word comes from. */
  tokenOf: Int32Array;
}

const contractionTables = new Map<string, Map<string, string[]>>();

/** Contractions of a language: lower-case surface form -> words (empty when the language has no file). */
export function contractions(lang: string): Map<string, string[]> {
  let table = contractionTables.get(lang);
  if (!table) {
    table = new Map();
    const file = join(langDir(lang), 'syntax', 'contractions.tsv');
    if (existsSync(file)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((l, i) => {
        if (!l.trim() || l.startsWith('#')) return;
        const [form, words] = l.split('\t');
        if (!words) throw new Error(`${file}:${i + 1}: expected "form<TAB>words"`);
        table!.set(form, words.trim().split(/\s+/));
      });
    }
    contractionTables.set(lang, table);
  }
  return table;
}

/**
 * Split contracted tokens into words. The first word keeps the token's capital ("Im" -> "In dem"), so a
 * sentence-initial contraction looks like any sentence-initial word to the tagger.
 */
export function expandContractions(tokens: readonly string[], lang: string): ExpandedWords {
  const table = contractions(lang);
  const words: string[] = [];
  const tokenOf: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    const parts = table.size ? table.get(tok.toLowerCase()) : undefined;
    if (!parts) { words.push(tok); tokenOf.push(t); continue; }
    for (let k = 0; k < parts.length; k++) {
      const w = k === 0 && tok[0] !== tok[0].toLowerCase() ? parts[0][0].toUpperCase() + parts[0].slice(1) : parts[k];
      words.push(w);
      tokenOf.push(t);
    }
  }
  return { words, tokenOf: Int32Array.from(tokenOf) };
}
