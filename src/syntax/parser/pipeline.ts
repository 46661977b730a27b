/**
 * Training and scoring the parser on the treebanks: which data, which tags, which epoch.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { hashStr } from '../../util/hash.js';
import type { Sentence } from '../conllu.js';
import { readTreebank, trainingParts, trainingSentences } from '../treebanks.js';
import { LEGACY_JACKKNIFE_OPTIONS, jackknifeTags, type FoldSplit } from './jackknife.js';
import { agreedSilver } from './silver.js';
import { loadTagger, type TagResult } from '../tagger/index.js';
import { FEATURE_SET, NEIGHBOUR_FEATURE_SET, featureLevel, hasClusters, type ParserInput } from './features.js';
import { wordClassesPath } from '../tagger/build.js';
import { WordClasses } from '../tagger/word-classes.js';
import { defaultParserPath } from './index.js';
import { loadParser, quantize, saveParser } from './io.js';
import { ParserWorkspace, type ParserModel } from './model.js';
import { ArcBoundsRecorder, type ArcBounds } from './arc-bounds.js';
import { attachmentScores, countAttachments, emptyCounts } from './score.js';
import { DEFAULT_TRAIN, averageParsers, trainParser, type TrainOptions, type TrainSentence } from './train.js';

/**
 * Tags the parser trains on: gold (treebank), tagger (the committed tagger's predictions) or jackknife (each
 * fold tagged by a tagger trained on the other folds; see jackknife.ts).
 */
export type TagSource = 'gold' | 'tagger' | 'jackknife';

/** Folds for jackknifed training tags. */
export const JACKKNIFE_FOLDS = 5;

export const PARSER_VERSION = '1.1.0';

/**
 * Default template set per language (features.ts). English trains set 5 (set 2 plus buffer pairs, linear
 * neighbours and lexical distance): EWT dev LAS 81.02 → 81.37 with the committed tagger, the parser ~10 % slower
 * (models/README.md, parser card; set 6 scored higher but broke parse-dependent quote tests). The word-cluster templates of set 3 gained about +0.3 LAS on EWT dev but cost a
 * little in the English quotes and relations on news-dev; German stays on set 2 (set 1 shipped; neither tried there).
 */
// Set 5 (NEIGHBOUR_FEATURE_SET) gains EWT dev LAS +0.35 but costs English news-dev quotes 1–2 items, so the shipped
// parser-en stays on set 2 (models/README.md, "Template sets 5 and 6").
const DEFAULT_FEATURE_SET: Record<string, string> = { en: FEATURE_SET, de: FEATURE_SET };

/** Default epochs per language (chosen on held-out data; see models/README.md). */
const EPOCHS: Record<string, number> = { en: 12, de: 15 };

/** The parser input of a treebank sentence: gold tags, or the committed tagger's predictions. */
export function inputOf(s: Sentence, tags: TagSource, lang: string): ParserInput {
  if (tags !== 'tagger') return { forms: s.forms, upos: s.upos, feats: s.feats, lemmas: s.lemmas };
  const tagger = loadTagger(lang);
  if (!tagger) throw new Error(`--tags tagger: no tagger model for ${lang} (train it first: backchannel train tagger --lang ${lang})`);
  const t = tagger.tag(s.forms);
  return { forms: s.forms, upos: t.upos, feats: t.feats, lemmas: t.lemmas, uposAlt: t.uposAlt, uposMargin: t.uposMargin };
}

const toTrain = (s: Sentence, input: ParserInput): TrainSentence => ({ input, heads: s.heads, deprels: s.deprels });

/** UAS/LAS of a model on sentences with the given inputs. */
export function scoreParser(model: ParserModel, gold: readonly Sentence[], inputs: readonly ParserInput[]): { uas: number; las: number; seconds: number } {
  const ws = new ParserWorkspace(model);
  const counts = emptyCounts();
  const t0 = performance.now();
  const parses = inputs.map((x) => ws.parse(x));
  const seconds = (performance.now() - t0) / 1000;
  parses.forEach((p, i) => countAttachments(counts, gold[i], p));
  return { ...attachmentScores(counts), seconds };
}

export interface TrainParserCommand {
  lang: 'de' | 'en';
  epochs?: number;
  seed: number;
  tags: TagSource;
  /** Jackknife folds (default JACKKNIFE_FOLDS). */
  folds?: number;
  out?: string;
  log: (line: string) => void;
  /** Template set (features.ts FEATURE_SETS; default the newest). */
  featureSet?: string;
  /** Jackknifed tags are read from this JSON file when it exists, else computed and written there (experiments). */
  tagsCache?: string;
  /** Probability of following the model's own move once exploration starts (default DEFAULT_TRAIN.explore). */
  explore?: number;
  /** Train this many parsers (seeds seed, seed + 1, …) for a fixed number of epochs and average their weights. */
  ensemble?: number;
  /** log2 of the move table's rows (default DEFAULT_TRAIN.moveBits). */
  moveBits?: number;
  /** log2 of the rows of each label table (default DEFAULT_TRAIN.arcBits). */
  arcBits?: number;
  /**
   * Options of the jackknife's fold taggers: 'committed' (those of models/tagger-<lang>.bin, the tagger that tags at
   * run time) or 'legacy' (LEGACY_JACKKNIFE_OPTIONS, what parser-de 1.0.0 and parser-en 1.1.0 were trained on; default).
   */
  jackknifeTagger?: 'committed' | 'legacy';
  /** How the jackknife splits the sentences into folds (jackknife.ts FoldSplit; default interleaved). */
  foldSplit?: FoldSplit;
  /** Words of unlabeled text to parse for silver training sentences (0 = none; ./silver.ts). */
  silver?: number;
}

/** The template sets of the two parsers that must agree on a silver sentence (different sets disagree more usefully). */
const SILVER_PARSER_SETS = ['bc-parser-features/1', 'bc-parser-features/2'];
/** Epochs of those two parsers (the German held-out tenth peaks at 8–13 epochs). */
const SILVER_PARSER_EPOCHS = 10;

export function trainParserCommand(o: TrainParserCommand): ParserModel {
  // The tagger's training sentences (PUD harmonised to GSD's conventions), so gold and predicted tags agree.
  const all = trainingSentences(o.lang, false);
  const epochs = o.epochs ?? EPOCHS[o.lang];
  const dev = o.lang === 'en' ? readTreebank('en-ewt', 'dev') : [];
  const jk = o.tags === 'jackknife' ? cachedJackknife(o, all, dev) : null;
  const inputs = jk ? jk.train : all.map((s) => inputOf(s, o.tags, o.lang));
  const meta = { name: `parser-${o.lang}`, version: PARSER_VERSION, lang: o.lang, tags: o.tags, trainedOn: trainingParts(o.lang).map((p) => `${p.treebank}/${p.split}`).join(' + ') };
  const featureSet = o.featureSet ?? DEFAULT_FEATURE_SET[o.lang];
  const classes = hasClusters(featureLevel(featureSet)) ? parserWordClasses(wordClassesPath(o.lang)) : null;
  if (classes === null && hasClusters(featureLevel(featureSet))) throw new Error(`template set ${featureSet} needs word classes: ${wordClassesPath(o.lang)} is missing (backchannel train ner-wordstats)`);
  const base = { ...DEFAULT_TRAIN, moveBits: o.moveBits ?? DEFAULT_TRAIN.moveBits, arcBits: o.arcBits ?? DEFAULT_TRAIN.arcBits, seed: o.seed, meta, featureSet, classes, explore: o.explore ?? DEFAULT_TRAIN.explore };
  // Silver sentences parsed alike by two parsers trained on the same gold sentences as the one that learns from them.
  const silverFor = (gold: readonly TrainSentence[]): TrainSentence[] => (o.silver ? agreedSilver(o.lang, o.silver,
    SILVER_PARSER_SETS.map((featureSet) => trainParser(gold, { ...base, featureSet, epochs: SILVER_PARSER_EPOCHS, onEpoch: (e) => e })), o.log) : []);
  const withSilver = (gold: TrainSentence[]): TrainSentence[] => [...gold, ...silverFor(gold)];
  if (o.silver) meta.trainedOn += ` + silver sentences of unlabeled-${o.lang} (two parsers agreeing)`;
  let model: ParserModel;
  if ((o.ensemble ?? 1) > 1) {
    model = trainEnsemble(o, all, inputs, dev, jk ? jk.extra : dev.map((s) => inputOf(s, o.tags, o.lang)), { ...base, epochs });
  } else if (o.lang === 'en') {
    // With predicted training tags, dev is tagged by a tagger that never saw it (a jackknife fold's, or the committed one).
    const devInputs = jk ? jk.extra : dev.map((s) => inputOf(s, o.tags, o.lang));
    model = trainParser(withSilver(all.map((s, i) => toTrain(s, inputs[i]))), {
      ...base, epochs, onEpoch: (e, m, st) => report(o, e, st, scoreParser(m, dev, devInputs), 'en-ewt dev'),
    });
  } else {
    // No German dev split to spare: pick the epoch on every 10th sentence, then retrain on all of them.
    const held = (i: number) => i % 10 === 0;
    const dev = all.filter((_, i) => held(i));
    const devInputs = inputs.filter((_, i) => held(i));
    let bestEpoch = epochs;
    let bestLas = -1;
    // GSD dev comes first in `all`: its part of the held-out tenth is scored apart too (GSD test's genre).
    const gsdCount = treebankSize('de-gsd');
    const gsdHeld = dev.length - all.filter((_, i) => held(i) && i >= gsdCount).length;
    trainParser(withSilver(all.flatMap((s, i) => (held(i) ? [] : [toTrain(s, inputs[i])]))), {
      ...base, epochs, onEpoch: (e, m, st) => {
        const r = report(o, e, st, scoreParser(m, dev, devInputs), 'held-out tenth');
        const g = scoreParser(m, dev.slice(0, gsdHeld), devInputs.slice(0, gsdHeld));
        o.log(`  its GSD part (${gsdHeld} sentences): UAS ${g.uas.toFixed(2)} LAS ${g.las.toFixed(2)}`);
        if (r > bestLas) { bestLas = r; bestEpoch = e + 1; }
        return r;
      },
    });
    o.log(`retraining on all ${all.length} sentences for ${bestEpoch} epochs`);
    model = trainParser(withSilver(all.map((s, i) => toTrain(s, inputs[i]))), { ...base, epochs: bestEpoch, onEpoch: (e, m, st) => { o.log(`  epoch ${e + 1}: ${st.mistakes} mistakes, ${st.seconds.toFixed(1)}s`); return e; } });
    model.meta = { ...model.meta, heldOutLas: bestLas, epochs: bestEpoch };
  }
  quantize(model);
  model.arcBounds = measureArcBounds(model, inputs);
  const out = o.out ?? defaultParserPath(o.lang);
  saveParser(model, out);
  o.log(`wrote ${out} (${(statSync(out).size / 1e6).toFixed(1)} MB, ${model.L} labels)`);
  return model;
}

/**
 * o.ensemble parsers averaged (averageParsers), each trained for the given epochs. English is scored on EWT dev;
 * German first on the held-out tenth (members trained on the other nine tenths), then retrained on everything.
 */
function trainEnsemble(o: TrainParserCommand, all: readonly Sentence[], inputs: readonly ParserInput[], dev: readonly Sentence[],
  devInputs: readonly ParserInput[], base: Omit<TrainOptions, 'seed'> & { seed: number }): ParserModel {
  const k = o.ensemble ?? 1;
  const fit = (idx: number[]): ParserModel => averageParsers(Array.from({ length: k }, (_, j) => {
    const member = trainParser(idx.map((i) => toTrain(all[i], inputs[i])), { ...base, seed: base.seed + j, onEpoch: (e) => e });
    o.log(`  member ${j + 1}/${k} trained (${base.epochs} epochs, seed ${base.seed + j})`);
    return member;
  }));
  const every = all.map((_, i) => i);
  if (o.lang === 'en') {
    const model = fit(every);
    const r = scoreParser(model, dev, devInputs);
    o.log(`ensemble of ${k}: en-ewt dev UAS ${r.uas.toFixed(2)} LAS ${r.las.toFixed(2)}`);
    return model;
  }
  const held = every.filter((i) => i % 10 === 0);
  const r = scoreParser(fit(every.filter((i) => i % 10 !== 0)), held.map((i) => all[i]), held.map((i) => inputs[i]));
  o.log(`ensemble of ${k}: held-out tenth UAS ${r.uas.toFixed(2)} LAS ${r.las.toFixed(2)}; retraining on all ${all.length} sentences`);
  const model = fit(every);
  model.meta = { ...model.meta, heldOutLas: r.las, epochs: base.epochs };
  return model;
}

/**
 * The word classes a set-3 parser stores: the words of the wordstats file that have a cluster, and those without one
 * whose lower case has one (they stop the lookup from falling back to the lower case: SentenceAtoms.loadClusters).
 * Lookups give the same clusters as with the whole table, at half its size.
 */
function parserWordClasses(path: string): WordClasses | null {
  if (!existsSync(path)) return null;
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const head = lines[0].split('\t');
  const branching = head[0] === '#branching' ? Number(head[1]) : 16;
  const rows = lines.slice(head[0] === '#branching' ? 1 : 0).map((l) => l.split('\t')).filter((f) => f.length >= 2).map((f) => [f[0], Number(f[1])] as const);
  const leafOf = new Map(rows);
  const keep = rows.filter(([w, leaf]) => leaf >= 0 || (w.toLowerCase() !== w && (leafOf.get(w.toLowerCase()) ?? -1) >= 0));
  const hashed = keep.map(([w, leaf]) => [hashStr(w), leaf] as const).sort((a, b) => a[0] - b[0]).filter((r, i, all) => i === 0 || r[0] !== all[i - 1][0]);
  return new WordClasses(Uint32Array.from(hashed, (r) => r[0]), Int16Array.from(hashed, (r) => r[1]), new Uint8Array(0), new Uint8Array(0), branching);
}

/** Jackknifed tags, from o.tagsCache when that file exists (written there after computing them otherwise). */
function cachedJackknife(o: TrainParserCommand, all: readonly Sentence[], dev: readonly Sentence[]): { train: ParserInput[]; extra: ParserInput[] } {
  if (o.tagsCache && existsSync(o.tagsCache)) {
    const jk = JSON.parse(readFileSync(o.tagsCache, 'utf8')) as { train: ParserInput[]; extra: ParserInput[] };
    if (jk.train.length !== all.length || jk.extra.length !== dev.length) throw new Error(`${o.tagsCache}: made for other sentences`);
    o.log(`jackknifed tags read from ${o.tagsCache}`);
    return jk;
  }
  const committed = o.jackknifeTagger === 'committed' ? loadTagger(o.lang) : null;
  if (o.jackknifeTagger === 'committed' && !committed) throw new Error(`--jackknife-tagger committed: no models/tagger-${o.lang}.bin`);
  const jk = jackknifeTags(o.lang, all, o.folds ?? JACKKNIFE_FOLDS, o.seed, o.log, dev, committed ? committed.options : LEGACY_JACKKNIFE_OPTIONS, o.foldSplit);
  if (o.tagsCache) writeFileSync(o.tagsCache, JSON.stringify(jk));
  return jk;
}

/**
 * Label-score bounds of a finished model (./arc-bounds.ts), measured by parsing `inputs` (the training sentences
 * with the tags the parser trained on) without skipping any label scoring.
 */
export function measureArcBounds(model: ParserModel, inputs: readonly ParserInput[]): ArcBounds {
  const ws = new ParserWorkspace(model);
  ws.pruneArcs = false;
  const recorder = new ArcBoundsRecorder();
  ws.recorder = recorder;
  for (const x of inputs) ws.parse(x);
  return recorder.bounds();
}

/**
 * `train parser-bounds`: adds label-score bounds to an existing model file (written before bounds existed), measured
 * on the training sentences tagged by the committed tagger (which has seen them: near-gold tags). Weights unchanged.
 */
export function addArcBounds(lang: string, path: string | undefined, log: (line: string) => void): void {
  const file = path ?? defaultParserPath(lang);
  const model = loadParser(file);
  const inputs = trainingSentences(lang, false).map((s) => inputOf(s, 'tagger', lang));
  model.arcBounds = measureArcBounds(model, inputs);
  saveParser(model, file);
  log(`wrote ${file}: label-score bounds for ${model.arcBounds.json.pairs[0].length} + ${model.arcBounds.json.pairs[1].length} tag pairs, measured on ${inputs.length} training sentences`);
}

const treebankSize = (name: 'de-gsd'): number => readTreebank(name, 'dev').length;

function report(o: TrainParserCommand, epoch: number, st: { mistakes: number; steps: number; seconds: number }, r: { uas: number; las: number; seconds: number }, name: string): number {
  o.log(`epoch ${epoch + 1}: ${st.mistakes}/${st.steps} wrong moves, ${st.seconds.toFixed(1)}s; ${name} UAS ${r.uas.toFixed(2)} LAS ${r.las.toFixed(2)}`);
  return r.las;
}

/**
 * Parses tagged sentences in place (their heads and relations are replaced), with the model at `path` or the
 * committed one of the language; `tags` (the tagger's results of the same sentences) add its runner-up UPOS.
 * Returns null when there is no model; otherwise the time spent parsing.
 */
export function parseTagged(lang: string, path: string | undefined, sentences: Sentence[], tags?: readonly TagResult[]): { path: string; loadMs: number; seconds: number } | null {
  const file = path ?? defaultParserPath(lang);
  if (!path && !existsSync(file)) return null;
  const t0 = performance.now();
  const ws = new ParserWorkspace(loadParser(file));
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  for (const [k, s] of sentences.entries()) {
    const p = ws.parse({ forms: s.forms, upos: s.upos, feats: s.feats, lemmas: s.lemmas, uposAlt: tags?.[k].uposAlt, uposMargin: tags?.[k].uposMargin });
    s.heads = p.heads;
    s.deprels = p.deprels;
  }
  return { path: file, loadMs, seconds: (performance.now() - t1) / 1000 };
}
