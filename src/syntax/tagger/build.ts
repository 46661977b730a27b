/** Training a language's tagger from the treebanks, its lexicon file and the NER word classes; tagging treebanks. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { langDir, modelsDir } from '../../util/paths.js';
import { emptySentence, type Sentence } from '../conllu.js';
import { FormLexicon } from '../lexicon/form-lexicon.js';
import { readLexiconFile } from '../lexicon/lexicon-file.js';
import { partName, trainingParts, trainingSentences } from '../treebanks.js';
import type { TagResult, TaggerModel } from './model.js';
import { trainTagger } from './train.js';
import { WordClasses } from './word-classes.js';
import { silverSentences } from './self-training.js';
import { learnFiniteOpeners } from './finite-clause.js';
import { learnSubjectPersons } from './subject-person.js';

export const lexiconPath = (lang: string): string => join(langDir(lang), 'syntax', 'lexicon.tsv.gz');
export const wordClassesPath = (lang: string): string => join(modelsDir, `wordstats-${lang}.tsv.gz`);

export interface BuildTaggerOptions {
  lang: string;
  epochs?: number;
  seed?: number;
  /** Leave out the German dev holdout (for tuning). */
  holdout?: boolean;
  /** Which quarter of GSD dev the holdout is (default 0). */
  fold?: number;
  /** Restrict verbs' FEATS classes to the lexicon's analyses. */
  lexiconFeatsVerbs?: boolean;
  /** Clause atoms for verbs' FEATS (./clause-atoms.ts). */
  clauseAtoms?: boolean;
  /** Nouns keep the one gender the lexicon gives them (tagging only; training is unchanged). */
  lexiconGender?: boolean;
  /** When tagging, a clause-final verb after a learnt opener stays finite (./finite-clause.ts). */
  finiteClauseEnd?: boolean;
  /** When tagging, a noun phrase's words take one Case, chosen jointly (./case-agreement.ts). */
  caseAgreement?: boolean;
  /** When tagging, a finite verb takes the Person and Number of an adjacent learnt subject pronoun (./subject-person.ts). */
  subjectPerson?: boolean;
  /** When tagging, verbs keep only FEATS classes with a Mood and Tense the lexicon allows for the form. */
  lexiconMoodTense?: boolean;
  /** When tagging, a sentence with no verb gets one from a word whose runner-up UPOS is a verb. */
  sentenceVerb?: boolean;
  lexicon?: boolean;
  clusters?: boolean;
  /** Restrict FEATS classes to the lexicon's analyses (default off; see models/README.md). */
  lexiconFeats?: boolean;
  lexiconLemmas?: boolean;
  twoPass?: boolean;
  /** Words of self-training text to add (0 = none). */
  selfTrain?: number;
  log?: (m: string) => void;
}

export function buildTagger(o: BuildTaggerOptions): TaggerModel {
  const log = o.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const t0 = Date.now();
  const lexFile = lexiconPath(o.lang);
  const entries = existsSync(lexFile) ? readLexiconFile(lexFile) : [];
  const lexicon = o.lexicon !== false ? FormLexicon.build(entries) : FormLexicon.empty();
  const adjectives = new Set(entries.filter((e) => e.upos === 'ADJ' && e.form === e.lemma).map((e) => e.form));
  const sentences = trainingSentences(o.lang, !!o.holdout, (w) => adjectives.has(w), o.fold ?? 0);
  const words = sentences.reduce((n, s) => n + s.forms.length, 0);
  const classes = o.clusters !== false ? WordClasses.read(wordClassesPath(o.lang)) : WordClasses.empty();
  log(`tagger ${o.lang}: ${sentences.length} sentences, ${words} words; lexicon ${lexicon.size} forms; word classes ${classes.hashes.length} words (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  const trainedOn = trainingParts(o.lang).map(partName).map((p) => (o.holdout && p === 'de-gsd/dev' ? `${p} (without every 4th sentence${o.fold ? `, from the ${o.fold + 1}th` : ''})` : p));
  const options = { lexiconFeats: o.lexiconFeats === true, lexiconLemmas: o.lexiconLemmas !== false, twoPass: o.twoPass !== false, clauseAtoms: o.clauseAtoms === true, lexiconFeatsVerbs: o.lexiconFeatsVerbs === true, lexiconGender: o.lexiconGender === true };
  const first = trainTagger({ lang: o.lang, sentences, lexicon, classes, trainedOn, epochs: o.epochs, seed: o.seed, log, options });
  if (!o.selfTrain) return withTaggingOptions(first, o, sentences);
  const silver = silverSentences(first, o.lang, o.selfTrain);
  log(`self-training: ${silver.length} silver sentences (${silver.reduce((n, s) => n + s.forms.length, 0)} words) tagged by the first model`);
  return withTaggingOptions(trainTagger({
    lang: o.lang, sentences: [...sentences, ...silver], lexicon, classes, epochs: o.epochs, seed: o.seed, log, options,
    trainedOn: [...trainedOn, `unlabeled-${o.lang} (${o.selfTrain} words, self-training)`],
  }), o, sentences);
}

/** Sets the options that act only when tagging (weights unchanged) on a trained or loaded model; `gold` = its training sentences. */
export function withTaggingOptions(model: TaggerModel, o: BuildTaggerOptions, gold: readonly Sentence[]): TaggerModel {
  model.options.lexiconGender = o.lexiconGender === true;
  if (o.finiteClauseEnd) model.options.finiteClauseOpeners = learnFiniteOpeners(gold);
  else delete model.options.finiteClauseOpeners;
  model.options.caseAgreement = o.caseAgreement === true;
  if (o.subjectPerson) model.options.subjectPersons = learnSubjectPersons(gold);
  else delete model.options.subjectPersons;
  model.options.lexiconMoodTense = o.lexiconMoodTense === true;
  model.options.sentenceVerb = o.sentenceVerb === true;
  return model;
}

/** Tag gold sentences word for word; returns the predictions (heads unknown) and the tagging time. */
export function tagTreebank(model: TaggerModel, gold: readonly Sentence[]): { pred: Sentence[]; seconds: number; results: TagResult[] } {
  const t0 = process.hrtime.bigint();
  const results = gold.map((g) => model.tag(g.forms));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const pred = gold.map((g, k) => {
    const p = emptySentence(g.forms.length);
    p.forms = g.forms.slice();
    p.upos = results[k].upos;
    p.feats = results[k].feats;
    p.lemmas = results[k].lemmas;
    return p;
  });
  return { pred, seconds, results };
}
