/** Train / evaluate / save / load NER models (used by the CLI commands and the NER stage). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { datasetForLang, defaultDataDir, loadDataset, type DatasetName, type LabeledSentence, type Split } from './data.js';
import { evaluate, foldDerived, type EvalResult } from './eval.js';
import { NerModel } from './model.js';
import { buildLexicon } from './resources.js';
import { trainPerceptron, type TrainOptions } from './train.js';
import { trainCrf } from './train-crf.js';
import { loadSmartData } from './smartdata.js';
import { modelsDir } from '../util/paths.js';
import { POS_ATOMS, posAtoms, posTagger, taggerId, usesPos } from './pos.js';
import type { TaggerModel } from '../syntax/tagger/index.js';

export const MODEL_VERSION = '1.1.0';

export const defaultModelPath = (lang: string): string => join(modelsDir, `ner-${lang}.bin`);

export interface TrainNerOptions {
  lang: 'de' | 'en';
  dataDir?: string;
  epochs?: number;
  seed?: number;
  out?: string | null;
  log?: (msg: string) => void;
  minCount?: number;
  stats?: string | null;
  gazetteers?: boolean;
  docPass?: boolean;
  /** Train this many runs with consecutive seeds and average their weights. */
  ensemble?: number;
  pa?: number;
  scheme?: 'bio' | 'bilou';
  /** Also train on SmartData v1 (German, news and rss) as partially labelled sentences. */
  smartdata?: boolean;
  /** Use the names marked in SmartData v1 (all sources) as gazetteer entries. */
  smartdataNames?: boolean;
  /** Spelling-dictionary word classes (npm dictionary-<lang>) as lexicon features. */
  dictionary?: boolean;
  /** Cost-augmented perceptron: score added to every wrong label before decoding in training (0 = off). */
  margin?: number;
  /** Feature dropout probability during training (0 = off). */
  dropout?: number;
  /** Word-identity dropout probability per training token (0 = off). */
  wordDropout?: number;
  /**
   * Compound-part features: a compound whose first or last part is a name of the training data or a gazetteer, and the
   * genitive of such a name (default: on for German, off for English).
   */
  namePrefix?: boolean;
  /** Train a linear-chain CRF (AdaGrad) instead of the averaged perceptron. */
  crf?: { rate?: number; prune?: number };
  /** Part-of-speech features from the committed syntax tagger (./pos.ts). */
  pos?: boolean;
}

/** Tags sentences (with the document pass when the model has one). */
export function tagSentences(model: NerModel, sents: { tokens: string[]; doc: number; pos?: Uint32Array }[]): string[][] {
  const first = sents.map((s) => model.tag(s.tokens, { pos: s.pos }));
  if (!model.second) return first;
  const extras = docExtras(sents, first);
  return sents.map((s, i) => model.second!.tag(s.tokens, { extra: extras[i], pos: s.pos }));
}

/**
 * Document-level classes: for each token, the entity type most often given (by the first pass) to the same
 * capitalised word elsewhere in the document, as a class id (type index * 2 + (in other positions B vs I)); -1 when none.
 */
export function docExtras(sents: { tokens: string[]; doc: number }[], tags: string[][]): Int32Array[] {
  const out: Int32Array[] = [];
  let i = 0;
  while (i < sents.length) {
    let j = i;
    while (j < sents.length && sents[j].doc === sents[i].doc) j++;
    const votes = new Map<string, Map<string, number>>();
    for (let s = i; s < j; s++) {
      const toks = sents[s].tokens;
      for (let t = 0; t < toks.length; t++) {
        const w = toks[t];
        if (!/^\p{Lu}/u.test(w)) continue;
        const tag = tags[s][t];
        const type = tag === 'O' ? 'O' : tag.slice(2);
        let m = votes.get(w);
        if (!m) { m = new Map(); votes.set(w, m); }
        m.set(type, (m.get(type) ?? 0) + 1);
      }
    }
    for (let s = i; s < j; s++) {
      const toks = sents[s].tokens;
      const ex = new Int32Array(toks.length).fill(-1);
      for (let t = 0; t < toks.length; t++) {
        const m = votes.get(toks[t]);
        if (!m) continue;
        // votes from the other occurrences only
        const own = tags[s][t] === 'O' ? 'O' : tags[s][t].slice(2);
        let best = '';
        let bc = 0;
        let total = 0;
        for (const [ty, c0] of m) {
          const c = ty === own ? c0 - 1 : c0;
          total += c;
          if (ty !== 'O' && c > bc) { bc = c; best = ty; }
        }
        if (!best || total === 0) continue;
        const share = bc / total;
        ex[t] = hashType(best) * 4 + (share > 0.99 ? 3 : share > 0.66 ? 2 : share > 0.33 ? 1 : 0);
      }
      out.push(ex);
    }
    i = j;
  }
  return out;
}

function hashType(t: string): number {
  let h = 0;
  for (let i = 0; i < t.length; i++) h = (h * 31 + t.charCodeAt(i)) % 1000003;
  return h;
}

export function scoreModel(model: NerModel, data: LabeledSentence[], dataset: DatasetName): { full: EvalResult; folded: EvalResult | null } {
  const pred = tagSentences(model, data);
  const gold = data.map((s) => s.tags);
  const full = evaluate(gold, pred);
  const folded = dataset === 'germeval2014' ? evaluate(gold, pred, foldDerived) : null;
  return { full, folded };
}

export function trainNer(o: TrainNerOptions): NerModel {
  const log = o.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const dataDir = o.dataDir ?? defaultDataDir();
  const dataset = datasetForLang(o.lang);
  const t0 = Date.now();
  const train = loadDataset(dataset, 'train', dataDir);
  const dev = loadDataset(dataset, 'dev', dataDir);
  const partial = o.smartdata && o.lang === 'de' ? loadSmartData(dataDir) : [];
  const nameLists = o.smartdataNames && o.lang === 'de' ? loadSmartData(dataDir, { sources: ['news', 'rss', 'tweet'] }) : undefined;
  const namePrefix = o.namePrefix ?? o.lang === 'de';
  const lex = buildLexicon({ dataDir, lang: o.lang, stats: o.stats, gazetteers: o.gazetteers, dictionary: o.dictionary, nameLists, trainTypes: namePrefix ? train : undefined });
  if (partial.length) log(`smartdata: ${partial.length} partially labelled sentences`);
  const tagger = o.pos ? posTagger(o.lang) : null;
  if (tagger) {
    const tp = Date.now();
    attachPos([train, dev], tagger, o.lang);
    log(`POS: ${taggerId(o.lang)} tagged train and dev in ${((Date.now() - tp) / 1000).toFixed(1)}s`);
  }
  log(`data: ${train.length} train / ${dev.length} dev sentences; lexicon ${lex.data.words.length} words, ${lex.data.phrases.length} phrases (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  const epochs = o.epochs ?? (o.lang === 'de' ? 10 : 15);
  const seed = o.seed ?? 1;
  const meta = {
    scheme: o.scheme ?? 'bio',
    ...(partial.length ? { smartdata: partial.length } : {}),
    ...(o.dictionary ? { dictionary: true } : {}),
    ...(nameLists ? { smartdataNames: true } : {}),
    ...(o.margin ? { margin: o.margin } : {}),
    ...(o.dropout ? { dropout: o.dropout } : {}),
    ...(namePrefix ? { namePrefix: true } : {}),
    ...(o.wordDropout ? { wordDropout: o.wordDropout } : {}),
    // CRF weights are small real numbers: the perceptron's pruning threshold (0.5) would remove most of them
    ...(o.crf ? { trainer: 'crf', rate: o.crf.rate ?? 0.05, prune: o.crf.prune ?? 0.01 } : {}),
    ...(o.minCount && o.minCount > 1 ? { minCount: o.minCount } : {}),
    ...(tagger ? { pos: POS_ATOMS, tagger: taggerId(o.lang) } : {}),
    name: `backchannel-ner-${o.lang}`, version: MODEL_VERSION, lang: o.lang, dataset, epochs, seed,
    trainedAt: new Date().toISOString().slice(0, 10),
  };
  // one trainer for every model this run fits (first pass, jackknife folds, document pass)
  const fit = (data: LabeledSentence[], f: { epochs: number; seed: number; extras?: Int32Array[]; onEpoch?: TrainOptions['onEpoch']; log?: (m: string) => void; withPartial?: boolean }): NerModel =>
    o.crf
      ? trainCrf(data, lex, { ...f, meta, minCount: o.minCount, dropout: o.dropout, rate: o.crf.rate })
      : trainPerceptron(data, lex, { ...f, meta, minCount: o.minCount, pa: o.pa, scheme: o.scheme, margin: o.margin, dropout: o.dropout, wordDropout: o.wordDropout, partial: f.withPartial ? partial : undefined });
  const runs = o.ensemble ?? 1;
  const members: NerModel[] = [];
  for (let k = 0; k < runs; k++) {
    members.push(fit(train, {
      epochs, seed: seed + k, log, withPartial: true,
      onEpoch: (epoch, model) => {
        const r = scoreModel(model, dev, dataset);
        log(`  run ${k + 1}/${runs} epoch ${epoch} dev F1 ${r.full.overall.f1.toFixed(4)}${r.folded ? ` (4 types ${r.folded.overall.f1.toFixed(4)})` : ''}`);
        return r.full.overall.f1;
      },
    }));
  }
  const first = averageModels(members);
  if (runs > 1) {
    const f = scoreModel(first, dev, dataset).full.overall.f1;
    log(`  averaged ${runs} runs: dev F1 ${f.toFixed(4)}`);
    first.meta = { ...first.meta, ensemble: runs, devScore: f };
  }
  let model = first;
  if (o.docPass) {
    // second pass: features from first-pass tags of the other mentions in the same document (jackknifed on train)
    log('document pass: jackknife first-pass tags on train');
    const folds = 4;
    const trainTags: string[][] = new Array(train.length);
    for (let k = 0; k < folds; k++) {
      const inFold = (s: LabeledSentence): boolean => s.doc % folds === k;
      const part = fit(train.filter((s) => !inFold(s)), { epochs: Math.max(1, (first.meta.bestEpoch as number) ?? epochs), seed });
      train.forEach((s, i) => { if (inFold(s)) trainTags[i] = part.tag(s.tokens, { pos: s.pos }); });
      log(`  fold ${k + 1}/${folds} done`);
    }
    const extras = docExtras(train, trainTags);
    const devFirst = dev.map((s) => first.tag(s.tokens, { pos: s.pos }));
    const devExtras = docExtras(dev, devFirst);
    const second = fit(train, {
      epochs, seed, log, extras,
      onEpoch: (epoch, m) => {
        const pred = dev.map((s, i) => m.tag(s.tokens, { extra: devExtras[i], pos: s.pos }));
        const f = evaluate(dev.map((s) => s.tags), pred).overall.f1;
        log(`  second pass epoch ${epoch} dev F1 ${f.toFixed(4)}`);
        return f;
      },
    });
    first.second = second;
    first.meta = { ...first.meta, docPass: true, secondBestEpoch: second.meta.bestEpoch, devScore: second.meta.devScore };
    model = first;
  }
  // balance precision and recall: a penalty on the O label, chosen on dev
  {
    const target = model.second ?? model;
    let best = -1;
    let bestPen = 0;
    for (const pen of o.crf ? [0, 0.1, 0.2, 0.4] : [0, 2.5, 5, 7.5]) {
      target.oPenalty = pen;
      const f = scoreModel(model, dev, dataset).full.overall.f1;
      log(`  O penalty ${pen}: dev F1 ${f.toFixed(4)}`);
      if (f > best + 1e-9) { best = f; bestPen = pen; }
    }
    target.oPenalty = bestPen;
    model.meta = { ...model.meta, oPenalty: bestPen, devScore: best };
  }
  log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)}s; best epoch ${model.meta.bestEpoch}, dev F1 ${model.meta.devScore}`);
  if (o.out !== null) saveModel(model, o.out ?? defaultModelPath(o.lang), log);
  return model;
}

/** Averages the weights of models trained on the same data and lexicon (identical feature indices). */
export function averageModels(models: NerModel[]): NerModel {
  if (models.length === 1) return models[0];
  const base = models[0];
  const W = new Float32Array(base.weights.length);
  const T = new Float32Array(base.trans.length);
  for (const m of models) {
    if (m.weights.length !== W.length) throw new Error('averageModels: feature layouts differ');
    for (let i = 0; i < W.length; i++) W[i] += m.weights[i] / models.length;
    for (let i = 0; i < T.length; i++) T[i] += m.trans[i] / models.length;
  }
  return new NerModel(base.labels, base.featMap, W, T, base.lex, { ...base.meta, bestEpochs: models.map((m) => m.meta.bestEpoch) });
}

export function saveModel(model: NerModel, path: string, log: (m: string) => void = () => {}): void {
  const t = Date.now();
  const buf = model.serialize({ prune: typeof model.meta.prune === 'number' ? model.meta.prune : 0.5 });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buf);
  log(`saved ${path}: ${(buf.byteLength / 1e6).toFixed(2)} MB in ${((Date.now() - t) / 1000).toFixed(1)}s`);
}

export function loadModel(path: string): NerModel {
  return NerModel.deserialize(readFileSync(path));
}

export function modelExists(lang: string): boolean {
  return existsSync(defaultModelPath(lang));
}

export function evalNer(o: { dataset: DatasetName; split: Split; model?: string; dataDir?: string }): { full: EvalResult; folded: EvalResult | null; seconds: number; tokens: number } {
  const lang = o.dataset === 'germeval2014' ? 'de' : 'en';
  const model = loadModel(o.model ?? defaultModelPath(lang));
  const data = loadDataset(o.dataset, o.split, o.dataDir ?? defaultDataDir());
  const t = Date.now();
  if (usesPos(model.meta)) attachPos([data], posTagger(lang), lang);
  const r = scoreModel(model, data, o.dataset);
  return { ...r, seconds: (Date.now() - t) / 1000, tokens: data.reduce((s, x) => s + x.tokens.length, 0) };
}

/** Tags every sentence of the sets with the syntax tagger and attaches the hashed UPOS (models with POS features). */
export function attachPos(sets: LabeledSentence[][], tagger: TaggerModel, lang: string): void {
  for (const set of sets) for (const s of set) s.pos = posAtoms(tagger, lang, s.tokens);
}
