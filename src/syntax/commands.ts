/** `train tagger` and `eval syntax` (registered beside the other train/eval subcommands). */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeConllu, type Sentence } from './conllu.js';
import { formatSyntaxScores, scoreSyntax } from './eval.js';
import { evaluationSentences, isTreebankName, treebankLang, type Split, TREEBANKS, heldOutPart, partName } from './treebanks.js';
import { buildTagger, tagTreebank } from './tagger/build.js';
import { defaultTaggerPath } from './tagger/index.js';
import { TaggerModel } from './tagger/model.js';
import { crossValidateTagger } from './tagger/cross-validate.js';
import { parseTagged } from './parser/pipeline.js';

function findOrCreate(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function registerSyntaxCommands(program: Command): void {
  findOrCreate(program, 'train', 'train a model')
    .command('tagger')
    .description('train the part-of-speech, morphology and lemma tagger on Universal Dependencies (en: EWT train; de: GSD dev + PUD, never GSD test)')
    .requiredOption('--lang <lang>', 'de or en')
    .option('--epochs <n>', 'training epochs (default 10)')
    .option('--seed <n>', 'random seed for the sentence order', '1')
    .option('--out <path>', 'model file (default models/tagger-<lang>.bin)')
    .option('--holdout', 'de: leave every 4th GSD dev sentence out of training, to tune on them with `eval syntax --treebank de-gsd --split dev`')
    .option('--no-lexicon', 'without the full-form lexicon lang/<lang>/syntax/lexicon.tsv.gz')
    .option('--no-clusters', 'without the word classes of models/wordstats-<lang>.tsv.gz')
    .option('--lexicon-feats', 'restrict FEATS classes to the lexicon\'s analyses (Mood, Tense, VerbForm, Person, Number, Degree); off by default: it cost accuracy on the German dev holdout')
    .option('--no-lexicon-lemmas', 'do not prefer the lexicon\'s lemmas')
    .option('--self-train <words>', 'tag this many words of ../shared/data/unlabeled-<lang> with a first model and train again on gold + silver')
    .option('--no-two-pass', 'one UPOS pass (no second pass that sees the first pass\'s tags on the right)')
    .option('--lexicon-feats-verbs', 'restrict only verbs\' FEATS classes to the lexicon\'s analyses')
    .option('--lexicon-gender', 'when tagging, a noun keeps the one gender the lexicon gives its form (training unchanged)')
    .option('--clause-atoms', 'clause atoms for verbs\' FEATS (opener, finite verb before, position, lexicon analyses × subject)')
    .option('--cv', 'de: cross-validate on the four quarters of GSD dev instead of writing a model (prints summed scores)')
    .option('--cv-models <dir>', 'with --cv: keep the four fold taggers in this folder and reuse them when there (to compare tagging-time options)')
    .option('--finite-clause-end', 'when tagging, the last verb of a clause opened by a learnt opener ("wenn", "dass", a relative pronoun) stays finite')
    .option('--case-agreement', 'when tagging, determiner, adjectives and noun of a noun phrase take one Case, chosen jointly')
    .option('--subject-person', 'when tagging, a finite verb takes the Person and Number of an adjacent subject pronoun learnt from the training sentences ("halte ich")')
    .option('--lexicon-mood-tense', 'when tagging, verbs keep only FEATS classes whose Mood and Tense the lexicon allows for the form ("hätte": Sub, Past)')
    .option('--sentence-verb', 'when tagging, a sentence with no verb gets one, finite, from the word whose runner-up UPOS is a verb and whose form the lexicon lists as finite')
    .option('--cv-out <path>', 'with --cv: write the quarters\' predictions as CoNLL-U (gold UPOS|FEATS in MISC), for error analysis')
    .addHelpText('after', `
Examples:
  $ backchannel train tagger --lang en
  $ backchannel train tagger --lang de --holdout --out /tmp/tagger-de-dev.bin
  $ backchannel eval syntax --treebank de-gsd --split dev --tagger /tmp/tagger-de-dev.bin`)
    .action((o: { lang: string; epochs?: string; seed: string; out?: string; holdout?: boolean; lexicon: boolean; clusters: boolean; lexiconFeats?: boolean; lexiconLemmas: boolean; twoPass: boolean; selfTrain?: string; clauseAtoms?: boolean; cv?: boolean; cvOut?: string; cvModels?: string; finiteClauseEnd?: boolean; caseAgreement?: boolean; subjectPerson?: boolean; lexiconMoodTense?: boolean; sentenceVerb?: boolean; lexiconFeatsVerbs?: boolean; lexiconGender?: boolean }) => {
      if (o.lang !== 'de' && o.lang !== 'en') throw new Error(`--lang must be de or en, not ${o.lang}`);
      const t0 = Date.now();
      const build = {
        lang: o.lang, epochs: o.epochs ? Number(o.epochs) : undefined, seed: Number(o.seed), holdout: !!o.holdout,
        lexicon: o.lexicon, clusters: o.clusters, lexiconFeats: !!o.lexiconFeats, lexiconLemmas: o.lexiconLemmas, twoPass: o.twoPass, selfTrain: o.selfTrain ? Number(o.selfTrain) : 0,
        clauseAtoms: !!o.clauseAtoms, lexiconFeatsVerbs: !!o.lexiconFeatsVerbs, lexiconGender: !!o.lexiconGender, finiteClauseEnd: !!o.finiteClauseEnd, caseAgreement: !!o.caseAgreement, subjectPerson: !!o.subjectPerson, lexiconMoodTense: !!o.lexiconMoodTense, sentenceVerb: !!o.sentenceVerb,
      };
      if (o.cv) {
        const dumped: Sentence[] = [];
        const onFold = (gold: readonly Sentence[], pred: readonly Sentence[]): void => {
          pred.forEach((p, k) => dumped.push({ ...p, comments: gold[k].comments, misc: gold[k].upos.map((u, i) => `Gold=${u}|${gold[k].feats[i]}`) }));
        };
        process.stdout.write(formatSyntaxScores('de-gsd dev, 4-fold cross-validation (each quarter tagged by a model trained without it)', crossValidateTagger(build, o.cvOut ? onFold : undefined, o.cvModels ? resolve(o.cvModels) : undefined), null) + '\n');
        if (o.cvOut) writeFileSync(resolve(o.cvOut), writeConllu(dumped));
        return;
      }
      const model = buildTagger(build);
      const out = o.out ? resolve(o.out) : defaultTaggerPath(o.lang);
      const bytes = model.save(out);
      process.stderr.write(`wrote ${out} (${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(0)}s\n`);
    });

  findOrCreate(program, 'eval', 'evaluate a model')
    .command('syntax')
    .description('score the tagger (UPOS, features, Mood on finite verbs, lemmas) on a treebank with gold tokenization, CoNLL 2018 style')
    .requiredOption('--treebank <name>', TREEBANKS.join(', '))
    .option('--split <split>', 'dev or test (de-gsd dev = the held-out quarter; de-pud has test only)', 'test')
    .option('--tagger <path>', 'tagger model (default models/tagger-<lang>.bin)')
    .option('--parser <path>', 'parser model (default models/parser-<lang>.bin; UAS/LAS are scored when there is one)')
    .option('--no-parser', 'tags only, no UAS/LAS')
    .option('--json', 'print JSON instead of a table')
    .action((o: { treebank: string; split: string; tagger?: string; json?: boolean; parser?: string | false }) => {
      if (!isTreebankName(o.treebank)) throw new Error(`--treebank must be one of ${TREEBANKS.join(', ')}`);
      if (o.split !== 'dev' && o.split !== 'test' && o.split !== 'train') throw new Error('--split must be dev or test');
      const lang = treebankLang(o.treebank);
      const path = o.tagger ? resolve(o.tagger) : defaultTaggerPath(lang);
      const t0 = Date.now();
      const model = TaggerModel.load(path);
      const loadMs = Date.now() - t0;
      const gold = evaluationSentences(o.treebank, o.split as Split);
      const { pred, seconds: tagSeconds, results } = tagTreebank(model, gold);
      // The parser reads the tagger's predictions (as in the pipeline); heads and relations replace the gold ones.
      const parsed = o.parser === false ? null : parseTagged(lang, typeof o.parser === 'string' ? resolve(o.parser) : undefined, pred, results);
      const seconds = tagSeconds + (parsed?.seconds ?? 0);
      const r = scoreSyntax(gold, pred);
      const wps = r.words / seconds;
      const part = `${o.treebank}/${o.split}`;
      const trained = model.meta.trainedOn.some((p) => p === part);
      if (o.json) {
        process.stdout.write(JSON.stringify({ treebank: o.treebank, split: o.split, model: path, loadMs, wordsPerSecond: wps, trainedOnThisSplit: trained, parser: parsed ? { model: parsed.path, loadMs: parsed.loadMs, wordsPerSecond: r.words / parsed.seconds } : null, ...r }, null, 2) + '\n');
        return;
      }
      process.stdout.write(formatSyntaxScores(`${part} (gold tokenization), tagger ${path}`, r, wps) + '\n');
      process.stdout.write(`  model load  ${loadMs} ms (speed includes the cold start of the per-form cache)\n`);
      if (parsed) process.stdout.write(`  parser      ${parsed.path}: load ${Math.round(parsed.loadMs)} ms, ${Math.round(r.words / parsed.seconds).toLocaleString('en')} words/s alone (speed above: tagger + parser)\n`);
      if (trained) process.stderr.write(`warning: the model was trained on ${part}; these scores are not held out (held out for ${lang}: ${partName(heldOutPart(lang))})\n`);
    });
}
