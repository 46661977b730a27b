/** Readers for the labelled NER sets under ../shared/data (GermEval 2014, CoNLL-2003). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { sharedDir } from '../util/paths.js';

export interface LabeledSentence {
  tokens: string[];
  /** BIO (IOB2) tags, e.g. B-PER, I-LOCderiv, O. */
  tags: string[];
  /** Document index (CoNLL -DOCSTART- blocks); every GermEval sentence is its own document. */
  doc: number;
  /** Hashed UPOS per token (./pos.ts), attached for models with POS features. */
  pos?: Uint32Array;
}

export type DatasetName = 'germeval2014' | 'conll2003';
export type Split = 'train' | 'dev' | 'test';

export const defaultDataDir = (): string => join(sharedDir, 'data');

export function readText(path: string): string {
  const buf = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** GermEval TSV (original 4-column dev/test or the 3-column outer-only train): token in column 2, outer tag in column 3. */
export function parseGermEval(text: string): LabeledSentence[] {
  const out: LabeledSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) out.push({ tokens, tags, doc: out.length });
    tokens = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    if (line.trim() === '') { flush(); continue; }
    const f = line.split('\t');
    if (f.length < 3) continue;
    tokens.push(f[1]);
    tags.push(f[2] === '' ? 'O' : f[2]);
  }
  flush();
  return out;
}

/** CoNLL-2003 (`token POS chunk NER`, IOB1) converted to IOB2. */
export function parseConll(text: string): LabeledSentence[] {
  const out: LabeledSentence[] = [];
  let doc = -1;
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) out.push({ tokens, tags: iob1ToIob2(tags), doc: Math.max(doc, 0) });
    tokens = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('-DOCSTART-')) { flush(); doc++; continue; }
    if (line.trim() === '') { flush(); continue; }
    const f = line.split(' ');
    tokens.push(f[0]);
    tags.push(f[f.length - 1]);
  }
  flush();
  return out;
}

export function iob1ToIob2(tags: string[]): string[] {
  const res = new Array<string>(tags.length);
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t.startsWith('I-')) {
      const type = t.slice(2);
      const prev = i > 0 ? res[i - 1] : 'O';
      res[i] = prev === 'O' || prev.slice(2) !== type ? 'B-' + type : t;
    } else res[i] = t;
  }
  return res;
}

export function datasetPath(name: DatasetName, split: Split, dataDir = defaultDataDir()): string {
  if (name === 'germeval2014') {
    const f = split === 'train' ? 'NER-de-train.outer-only.tsv.gz' : split === 'dev' ? 'NER-de-dev.tsv' : 'NER-de-test.tsv';
    return join(dataDir, 'germeval2014', f);
  }
  const f = split === 'train' ? 'eng.train' : split === 'dev' ? 'eng.testa' : 'eng.testb';
  return join(dataDir, 'conll2003-en', f);
}

export function loadDataset(name: DatasetName, split: Split, dataDir = defaultDataDir()): LabeledSentence[] {
  const text = readText(datasetPath(name, split, dataDir));
  return name === 'germeval2014' ? parseGermEval(text) : parseConll(text);
}

export const datasetForLang = (lang: string): DatasetName => (lang === 'de' ? 'germeval2014' : 'conll2003');
