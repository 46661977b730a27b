/**
 * Where the Universal Dependencies treebanks live (../shared/data/ud, gzip) and which of them train which model.
 * German has no GSD train split here (see the folder's README): models train on GSD dev + PUD, and GSD test is the
 * held-out test set that must never be trained on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sharedDir } from '../util/paths.js';
import { readConllu, type Sentence } from './conllu.js';

export type TreebankName = 'en-ewt' | 'de-gsd' | 'de-pud';
export type Split = 'train' | 'dev' | 'test';
export const TREEBANKS: readonly TreebankName[] = ['en-ewt', 'de-gsd', 'de-pud'];

interface TreebankInfo {
  folder: string;
  prefix: string;
  lang: 'en' | 'de';
  splits: readonly Split[];
}

const INFO: Record<TreebankName, TreebankInfo> = {
  'en-ewt': { folder: 'UD_English-EWT', prefix: 'en_ewt', lang: 'en', splits: ['train', 'dev', 'test'] },
  'de-gsd': { folder: 'UD_German-GSD', prefix: 'de_gsd', lang: 'de', splits: ['dev', 'test'] },
  'de-pud': { folder: 'UD_German-PUD', prefix: 'de_pud', lang: 'de', splits: ['test'] },
};

export interface TreebankPart {
  treebank: TreebankName;
  split: Split;
}

/** The treebank parts a model for `lang` trains on. Never contains de-gsd test. */
export function trainingParts(lang: string): TreebankPart[] {
  if (lang === 'en') return [{ treebank: 'en-ewt', split: 'train' }];
  if (lang === 'de') return [{ treebank: 'de-gsd', split: 'dev' }, { treebank: 'de-pud', split: 'test' }];
  throw new Error(`no treebank to train a ${lang} model on (known: en, de)`);
}

/** The part a model for `lang` is tested on (never trained on). */
export function heldOutPart(lang: string): TreebankPart {
  if (lang === 'en') return { treebank: 'en-ewt', split: 'test' };
  if (lang === 'de') return { treebank: 'de-gsd', split: 'test' };
  throw new Error(`no held-out treebank for ${lang}`);
}

export const partName = (p: TreebankPart): string => `${p.treebank}/${p.split}`;

export function treebankLang(name: TreebankName): 'en' | 'de' {
  return INFO[name].lang;
}

export function isTreebankName(s: string): s is TreebankName {
  return (TREEBANKS as readonly string[]).includes(s);
}

/** Path of a treebank split's .conllu.gz; throws naming what is missing. */
export function treebankFile(name: TreebankName, split: Split): string {
  const info = INFO[name];
  if (!info) throw new Error(`unknown treebank "${name}" (known: ${TREEBANKS.join(', ')})`);
  if (!info.splits.includes(split)) {
    throw new Error(`treebank ${name} has no ${split} split here (available: ${info.splits.join(', ')}; see ${join(sharedDir, 'data/ud/README.md')})`);
  }
  const file = join(sharedDir, 'data', 'ud', info.folder, `${info.prefix}-ud-${split}.conllu.gz`);
  if (!existsSync(file)) throw new Error(`treebank file not found: ${file} (set BACKCHANNEL_SHARED to the shared folder)`);
  return file;
}

export function treebankAvailable(name: TreebankName, split: Split): boolean {
  try {
    treebankFile(name, split);
    return true;
  } catch {
    return false;
  }
}

/** Read one treebank split (decompressing gzip). */
export function readTreebank(name: TreebankName, split: Split): Sentence[] {
  const file = treebankFile(name, split);
  return readConllu(gunzipSync(readFileSync(file)).toString('utf8'), file);
}

/** All sentences of the given parts, in order. */
export function readParts(parts: readonly TreebankPart[]): Sentence[] {
  const all: Sentence[] = [];
  for (const p of parts) for (const s of readTreebank(p.treebank, p.split)) all.push(s);
  return all;
}
