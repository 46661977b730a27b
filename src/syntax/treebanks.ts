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

/**
 * German has no dev split of its own: GSD dev is training data. For tuning, every DEV_HOLDOUT_EVERY-th sentence of
 * GSD dev is held out (`train tagger --holdout`), and `eval syntax --treebank de-gsd --split dev` scores those.
 * `fold` (0 … DEV_HOLDOUT_EVERY−1) picks which quarter, for cross-validation over all of GSD dev (`eval syntax-cv`).
 */
export const DEV_HOLDOUT_EVERY = 4;

export function isHoldout(part: TreebankPart, index: number, fold = 0): boolean {
  return part.treebank === 'de-gsd' && part.split === 'dev' && index % DEV_HOLDOUT_EVERY === fold;
}

/**
 * Feature conventions differ between German PUD and GSD (PUD: no VerbForm=Fin on finite verbs, participles as
 * Tense=Past, bare infinitives without VerbForm, Degree on adverbs). PUD is brought to GSD's conventions so that
 * a model trained on both predicts GSD's. Only FEATS change.
 */
export function harmonize(s: Sentence, treebank: TreebankName): Sentence {
  if (treebank !== 'de-pud') return s;
  for (let i = 0; i < s.forms.length; i++) {
    const u = s.upos[i];
    const f = s.feats[i];
    if (u === 'ADV') s.feats[i] = f.split('|').filter((p) => p && !p.startsWith('Degree=')).join('|');
    else if ((u === 'VERB' || u === 'AUX') && !f.includes('VerbForm=')) {
      if (f.includes('Mood=')) s.feats[i] = addFeat(f, 'VerbForm=Fin');
      else if (s.xpos[i] === 'VBN') s.feats[i] = addFeat(f.split('|').filter((p) => p && !p.startsWith('Tense=')).join('|'), 'VerbForm=Part');
      else if (s.xpos[i] === 'VB' && f === '') s.feats[i] = 'VerbForm=Inf';
    }
  }
  return s;
}

function addFeat(feats: string, pair: string): string {
  const parts = feats ? feats.split('|') : [];
  parts.push(pair);
  return parts.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())).join('|');
}

/**
 * UD German-GSD (since 2.15) tags adjectives used as adverbs (STTS ADJD) as ADJ; PUD still tags many as ADV.
 * A PUD adverb becomes ADJ when GSD's training part uses the form as ADJ more often than as ADV, or, for forms GSD
 * does not have, when the lexicon lists it as an uninflected adjective.
 */
function harmonizeAdverbs(pud: Sentence[], gsd: readonly Sentence[], isAdjective: (lower: string) => boolean): void {
  const votes = new Map<string, number>();
  for (const s of gsd) {
    for (let i = 0; i < s.forms.length; i++) {
      const u = s.upos[i];
      if ((u === 'ADJ' && !s.feats[i].includes('Case=')) || u === 'ADV') {
        const w = s.forms[i].toLowerCase();
        votes.set(w, (votes.get(w) ?? 0) + (u === 'ADJ' ? 1 : -1));
      }
    }
  }
  for (const s of pud) {
    for (let i = 0; i < s.forms.length; i++) {
      if (s.upos[i] !== 'ADV') continue;
      const w = s.forms[i].toLowerCase();
      const v = votes.get(w);
      if (v !== undefined ? v > 0 : isAdjective(w)) {
        s.upos[i] = 'ADJ';
        if (!s.feats[i].includes('Degree=')) s.feats[i] = addFeat(s.feats[i], 'Degree=Pos');
      }
    }
  }
}

/**
 * The training sentences of a model for `lang` (harmonised; without the dev holdout when asked).
 * `isAdjective` (from the lexicon) lets PUD's adverbial adjectives follow GSD's ADJ.
 */
export function trainingSentences(lang: string, holdout: boolean, isAdjective: (lower: string) => boolean = () => false, fold = 0): Sentence[] {
  const out: Sentence[] = [];
  const byBank = new Map<TreebankName, Sentence[]>();
  for (const p of trainingParts(lang)) {
    const sents = readTreebank(p.treebank, p.split);
    const kept = sents.filter((_, i) => !(holdout && isHoldout(p, i, fold)));
    byBank.set(p.treebank, kept);
  }
  const pud = byBank.get('de-pud');
  if (pud) harmonizeAdverbs(pud, byBank.get('de-gsd') ?? [], isAdjective);
  for (const [bank, sents] of byBank) for (const s of sents) out.push(harmonize(s, bank));
  return out;
}

/** Gold sentences to evaluate on (PUD in GSD's feature conventions): for de-gsd dev only the held-out sentences. */
export function evaluationSentences(name: TreebankName, split: Split, fold = 0): Sentence[] {
  const sents = readTreebank(name, split).map((s) => harmonize(s, name));
  if (name === 'de-gsd' && split === 'dev') return sents.filter((_, i) => isHoldout({ treebank: name, split }, i, fold));
  return sents;
}
