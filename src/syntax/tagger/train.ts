/**
 * Training the tagger: one averaged perceptron per task (UPOS, FEATS per UPOS, lemma rule per UPOS), all over the
 * same hashed atoms, trained together sentence by sentence in a seeded random order. Deterministic for a seed.
 */
import { mulberry32 } from '../../util/hash.js';
import type { Sentence } from '../conllu.js';
import type { FormLexicon } from '../lexicon/form-lexicon.js';
import { ruleOf } from '../lemma/edit-rule.js';
import { featsKey, lemmaKey, upos2Key } from './features.js';
import { ADP_REACH, TaggerModel, argmaxOf, type TaggerLabels, type TaggerMeta, type TaggerOptions } from './model.js';
import { TrainWeights } from './weights.js';
import type { WordClasses } from './word-classes.js';
import { TagDictionary } from './tag-dictionary.js';

export interface TrainTaggerOptions {
  lang: string;
  sentences: readonly Sentence[];
  lexicon: FormLexicon;
  classes: WordClasses;
  options: TaggerOptions;
  trainedOn: string[];
  epochs?: number;
  seed?: number;
  log?: (m: string) => void;
}

/** Default epochs: 10, set up front; 15 was not compared on dev (an English run takes ~8 min on the shared machine). */
export const DEFAULT_EPOCHS = 10;

/**
 * Agreement features whose unseen combinations are added as FEATS classes when a lexicon can select them: a
 * second-person verb form the treebank never shows ("kommst") still gets a class with Person=2 to be chosen.
 */
const COMBINED_FEATURES = ['Number', 'Person'];

function withUnseenCombinations(classes: Set<string>): Set<string> {
  const values = new Map<string, Set<string>>(COMBINED_FEATURES.map((n) => [n, new Set<string>()]));
  for (const c of classes) for (const p of c.split('|')) { const [n, v] = p.split('='); values.get(n)?.add(v); }
  const out = new Set(classes);
  for (const c of classes) {
    let variants = [c.split('|')];
    for (const name of COMBINED_FEATURES) {
      if (!variants[0].some((p) => p.startsWith(name + '='))) continue;
      variants = variants.flatMap((parts) => [...values.get(name)!].map((v) => parts.map((p) => (p.startsWith(name + '=') ? `${name}=${v}` : p))));
    }
    for (const v of variants) out.add(v.join('|'));
  }
  return out;
}

function collectLabels(sentences: readonly Sentence[], combine: boolean): TaggerLabels {
  const upos = new Set<string>();
  for (const s of sentences) for (const u of s.upos) upos.add(u);
  const uposList = [...upos].sort();
  const uIndex = new Map(uposList.map((u, i) => [u, i]));
  const feats = uposList.map(() => new Set<string>());
  const ruleIds = new Map<string, number>();
  const lemmaSets = uposList.map(() => new Set<number>());
  for (const s of sentences) {
    for (let i = 0; i < s.forms.length; i++) {
      const u = uIndex.get(s.upos[i])!;
      feats[u].add(s.feats[i]);
      const r = ruleOf(s.forms[i], s.lemmas[i]);
      let id = ruleIds.get(r);
      if (id === undefined) ruleIds.set(r, (id = ruleIds.size));
      lemmaSets[u].add(id);
    }
  }
  return {
    upos: uposList,
    feats: feats.map((f) => [...(combine ? withUnseenCombinations(f) : f)].sort()),
    rules: [...ruleIds.keys()],
    lemmaClasses: lemmaSets.map((l) => [...l].sort((a, b) => a - b)),
  };
}

export function trainTagger(o: TrainTaggerOptions): TaggerModel {
  const log = o.log ?? (() => {});
  const epochs = o.epochs ?? DEFAULT_EPOCHS;
  const seed = o.seed ?? 1;
  const labels = collectLabels(o.sentences, o.lexicon.size > 0 && o.options.lexiconFeats);
  const tw = new TrainWeights();
  const meta: TaggerMeta = { lang: o.lang, trainedOn: o.trainedOn, seed, epochs };
  const model = new TaggerModel(labels, tw, o.lexicon, o.classes, TagDictionary.build(o.sentences, labels.upos), o.options, meta);
  const uIndex = new Map(labels.upos.map((u, i) => [u, i]));
  const fIndex = labels.feats.map((fs) => new Map(fs.map((f, i) => [f, i])));
  const rIndex = new Map(labels.rules.map((r, i) => [r, i]));
  const lIndex = labels.lemmaClasses.map((cs) => new Map(cs.map((r, i) => [r, i])));
  const adp = model.adpIndex();
  const rand = mulberry32(seed);
  const order = o.sentences.map((_, i) => i);
  const atoms: number[] = [];
  let now = 1;
  const nU = labels.upos.length;

  const update = (keys: readonly number[], keyOf: (a: number) => number, width: number, gold: number, pred: number): void => {
    for (const a of keys) {
      const off = tw.ensure(keyOf(a), width);
      tw.add(off + gold, 1, now);
      tw.add(off + pred, -1, now);
    }
  };
  const same = (a: number): number => a;

  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errU = 0, errF = 0, errL = 0, total = 0;
    for (const si of order) {
      const s = o.sentences[si];
      const n = s.forms.length;
      const ws = s.forms.map((f) => model.fx.info(f));
      const gold = Int32Array.from(s.upos, (u) => uIndex.get(u)!);
      const pred = new Int32Array(n);
      for (let i = 0; i < n; i++, now++) {
        const sc = model.uposScores(ws, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, atoms);
        pred[i] = argmaxOf(sc, null, nU);
        const rival = bestRival(sc, null, nU, gold[i]);
        if (sc[rival] >= sc[gold[i]]) { if (pred[i] !== gold[i] && !o.options.twoPass) errU++; update(atoms, same, nU, gold[i], rival); }
      }
      if (o.options.twoPass) {
        const first = pred.slice();
        for (let i = 0; i < n; i++, now++) {
          const sc = model.upos2Scores(ws, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, first, atoms);
          pred[i] = argmaxOf(sc, null, nU);
          const rival = bestRival(sc, null, nU, gold[i]);
          if (sc[rival] >= sc[gold[i]]) { if (pred[i] !== gold[i]) errU++; update(atoms, upos2Key, nU, gold[i], rival); }
        }
      }
      const fHash = new Int32Array(n);
      let lastAdp = 0;
      let lastAdpAt = -99;
      for (let i = 0; i < n; i++, now++) {
        const u = gold[i];
        const g = fIndex[u].get(s.feats[i])!;
        const width = labels.feats[u].length;
        const sc = model.featsScores(ws, gold, fHash, i - lastAdpAt <= ADP_REACH ? lastAdp : 0, i, atoms);
        let cand = model.featsCandidates(ws[i], u);
        if (cand && !cand.includes(g)) cand = null;
        const p = argmaxOf(sc, cand, width);
        const rival = bestRival(sc, cand, width, g);
        if (rival >= 0 && sc[rival] >= sc[g]) { if (p !== g) errF++; update(atoms, (a) => featsKey(a, u), width, g, rival); }
        fHash[i] = model.featsHash[u][p];
        if (u === adp) { lastAdp = ws[i].lowerHash; lastAdpAt = i; }
      }
      for (let i = 0; i < n; i++, now++) {
        const u = gold[i];
        const g = lIndex[u].get(rIndex.get(ruleOf(s.forms[i], s.lemmas[i]))!)!;
        const { applicable } = model.lemmaCandidates(ws[i], u);
        const sc = model.lemmaScores(ws[i], u, model.featsHash[u][fIndex[u].get(s.feats[i])!], atoms);
        const width = labels.lemmaClasses[u].length;
        const pool = applicable.length ? applicable : null;
        const p = argmaxOf(sc, pool, width);
        const rival = bestRival(sc, pool, width, g);
        if (rival >= 0 && sc[rival] >= sc[g]) { if (p !== g) errL++; update(atoms, (a) => lemmaKey(a, u), width, g, rival); }
      }
      total += n;
    }
    log(`epoch ${ep + 1}/${epochs}: train errors UPOS ${(100 * errU / total).toFixed(2)}%, FEATS ${(100 * errF / total).toFixed(2)}%, lemma ${(100 * errL / total).toFixed(2)}%`);
  }
  model.weights = tw.freeze(now);
  return model;
}

/**
 * The best-scoring class other than gold (-1 when gold is the only candidate). Training updates whenever it scores
 * at least as high as gold: a tie that argmax happens to break the right way is not a reason to learn nothing
 * (otherwise rare words "won" by index order at training lose to shared features after averaging).
 */
function bestRival(s: Float64Array, cand: Int32Array | null, width: number, gold: number): number {
  let best = -1;
  if (cand) {
    for (let j = 0; j < cand.length; j++) if (cand[j] !== gold && (best < 0 || s[cand[j]] > s[best])) best = cand[j];
  } else {
    for (let c = 0; c < width; c++) if (c !== gold && (best < 0 || s[c] > s[best])) best = c;
  }
  return best;
}
