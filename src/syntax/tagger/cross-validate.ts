/**
 * German tuning by cross-validation over all of GSD dev: the quarter held out by `--holdout` has only ~300 finite
 * verbs (±1.4 points of Mood is noise there), so `train tagger --lang de --cv` trains DEV_HOLDOUT_EVERY taggers, each
 * without one quarter of GSD dev (PUD always trains), and scores each on its quarter; the counts are summed.
 */
import { scoreSyntax, type SyntaxScores } from '../eval.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_HOLDOUT_EVERY, evaluationSentences, trainingSentences } from '../treebanks.js';
import { TaggerModel } from './model.js';
import type { Sentence } from '../conllu.js';
import { buildTagger, tagTreebank, withTaggingOptions, type BuildTaggerOptions } from './build.js';

function addCounts(into: SyntaxScores, r: SyntaxScores): void {
  into.words += r.words;
  into.sentences += r.sentences;
  for (const k of ['upos', 'ufeats', 'lemma', 'moodFinite'] as const) { into[k].correct += r[k].correct; into[k].total += r[k].total; }
  for (const [n, c] of Object.entries(r.features)) {
    const t = (into.features[n] ??= { correct: 0, total: 0 });
    t.correct += c.correct;
    t.total += c.total;
  }
}

/**
 * The tagger of one fold: trained, or loaded from `modelDir` when a previous run saved it there (tagging-time options
 * such as --lexicon-gender and --finite-clause-end can then be compared without training again).
 */
function foldTagger(o: BuildTaggerOptions, fold: number, modelDir?: string): TaggerModel {
  const path = modelDir ? join(modelDir, `tagger-de-fold${fold + 1}.bin`) : null;
  if (path && existsSync(path)) return withTaggingOptions(TaggerModel.load(path), o, trainingSentences(o.lang, true, undefined, fold));
  const model = buildTagger({ ...o, holdout: true, fold });
  if (path) model.save(path);
  return path ? withTaggingOptions(TaggerModel.load(path), o, trainingSentences(o.lang, true, undefined, fold)) : model;
}

/** `onFold` receives each quarter's gold and predicted sentences (for `--cv-out`). */
export function crossValidateTagger(o: BuildTaggerOptions, onFold?: (gold: readonly Sentence[], pred: readonly Sentence[]) => void, modelDir?: string): SyntaxScores {
  if (o.lang !== 'de') throw new Error('--cv is for German (GSD dev quarters); English tunes on EWT dev');
  const sum: SyntaxScores = { words: 0, sentences: 0, upos: { correct: 0, total: 0 }, ufeats: { correct: 0, total: 0 }, lemma: { correct: 0, total: 0 }, features: {}, moodFinite: { correct: 0, total: 0 }, uas: null, las: null };
  for (let fold = 0; fold < DEV_HOLDOUT_EVERY; fold++) {
    const model = foldTagger(o, fold, modelDir);
    const gold = evaluationSentences('de-gsd', 'dev', fold);
    const pred = tagTreebank(model, gold).pred;
    onFold?.(gold, pred);
    const r = scoreSyntax(gold, pred);
    (o.log ?? ((m: string) => process.stderr.write(m + '\n')))(`fold ${fold + 1}/${DEV_HOLDOUT_EVERY}: Mood ${r.moodFinite.correct}/${r.moodFinite.total}, UPOS ${r.upos.correct}/${r.upos.total}`);
    addCounts(sum, r);
  }
  return sum;
}
