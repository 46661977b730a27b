/**
 * NER benchmark: tokens/s of tagging alone (feature extraction + scoring + Viterbi, document pass included
 * where the model has one) on one thread, plus model load time. Runnable alone: node dist/bench/ner.js
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NerModel } from '../src/ml/model.js';
import { defaultModelPath } from '../src/ml/pipeline.js';
import { sentencePos, tagDocument } from '../src/ml/ner-stage.js';
import { posAtoms, posTagger, usesPos } from '../src/ml/pos.js';
import { loadDataset, type DatasetName } from '../src/ml/data.js';

export interface BenchResult { name: string; value: number; unit: string }

function sentencesFor(lang: string): string[][] {
  const ds: DatasetName = lang === 'de' ? 'germeval2014' : 'conll2003';
  try {
    return loadDataset(ds, 'dev').map((s) => s.tokens);
  } catch {
    // no shared data: a synthetic but realistic-looking stream
    const base = lang === 'de'
      ? 'Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten Emmanuel Macron , teilte ein Sprecher der Bundesregierung mit .'
      : 'Prime Minister Tony Blair met U.S. President Bill Clinton in Washington on Monday , a spokesman for Downing Street said .';
    return Array.from({ length: 3000 }, () => base.split(' '));
  }
}

export async function benchNer(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const lang of ['de', 'en']) {
    const path = defaultModelPath(lang);
    if (!existsSync(path)) continue;
    const t0 = performance.now();
    const model = NerModel.deserialize(readFileSync(path));
    const loadMs = performance.now() - t0;
    out.push({ name: `ner.${lang}.load`, value: Math.round(loadMs), unit: 'ms' });
    const sents = sentencesFor(lang);
    const nTok = sents.reduce((s, x) => s + x.length, 0);
    // documents of ~20 sentences, as in news articles
    const docs: string[][][] = [];
    for (let i = 0; i < sents.length; i += 20) docs.push(sents.slice(i, i + 20));
    const buf = new Int32Array(1024);
    // A model with POS features reads the syntax tagger's UPOS: the timing includes tagging them.
    const withPos = usesPos(model.meta);
    const tagger = withPos ? posTagger(lang) : null;
    const tagOne = (s: string[]): void => { model.tagIndices(s, buf, tagger ? { pos: posAtoms(tagger, lang, s) } : undefined); };
    // warm-up
    for (const s of sents.slice(0, 500)) tagOne(s);
    let best = 0;
    for (let rep = 0; rep < 6; rep++) {
      const t = performance.now();
      for (const s of sents) tagOne(s);
      best = Math.max(best, nTok / ((performance.now() - t) / 1000));
    }
    out.push({ name: `ner.${lang}.tag${withPos ? '+pos' : ''}`, value: Math.round(best), unit: 'tokens/s' });
    if (model.second) {
      let bestDoc = 0;
      for (let rep = 0; rep < 2; rep++) {
        const t = performance.now();
        for (const d of docs) tagDocument(model, d, sentencePos(model, lang, d));
        bestDoc = Math.max(bestDoc, nTok / ((performance.now() - t) / 1000));
      }
      out.push({ name: `ner.${lang}.tag+docpass+confidence`, value: Math.round(bestDoc), unit: 'tokens/s' });
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await benchNer()) process.stdout.write(`${r.name.padEnd(34)} ${String(r.value).padStart(10)} ${r.unit}\n`);
}
