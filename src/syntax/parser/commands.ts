/** `backchannel train parser`: trains the dependency parser on the language's treebanks and writes models/parser-<lang>.bin. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { addArcBounds, trainParserCommand, type TagSource } from './pipeline.js';

function findOrCreate(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function registerParserCommands(program: Command): void {
  findOrCreate(program, 'train', 'train a model')
    .command('parser')
    .description('train the dependency parser (arc-hybrid, dynamic oracle, averaged perceptron) on UD treebanks: en = EWT train, de = GSD dev + PUD (never GSD test)')
    .requiredOption('--lang <lang>', 'de or en')
    .option('--epochs <n>', 'training epochs (the best on the held-out part is kept)')
    .option('--seed <n>', 'random seed (sentence order, exploration)', '1')
    .option('--tags <source>', 'tags the parser trains on: gold (treebank), tagger (models/tagger-<lang>.bin predictions) or jackknife (5 folds, each tagged by a tagger trained on the others)', 'gold')
    .option('--folds <n>', 'folds for --tags jackknife (default 5)')
    .option('--out <path>', 'model file (default models/parser-<lang>.bin)')
    .option('--feature-set <n>', 'template set: 1 (the 1.0 models), 2 (adds valency, children, third-order and label-set templates; default), 3 (+ word clusters), 4 (+ UPOS ambiguity), 5 (+ buffer pairs, linear neighbours, lexical distance) or 6 (5 + more of them)')
    .option('--explore <p>', 'probability of following the model\'s own move while training (dynamic oracle; default 0.9)')
    .option('--ensemble <k>', 'train k parsers (seeds seed … seed + k − 1) for --epochs epochs each and average their weights')
    .option('--move-bits <n>', 'log2 of the move table\'s rows (default 20)')
    .option('--arc-bits <n>', 'log2 of the rows of each label table (default 17)')
    .option('--jackknife-tagger <which>', 'options of the jackknife fold taggers: legacy (lexicon-restricted FEATS, one UPOS pass: what the 1.x parsers trained on; default) or committed (those of models/tagger-<lang>.bin)', 'legacy')
    .option('--silver <words>', 'also train on unlabeled sentences (from about this many words of ../shared/data/unlabeled-<lang>) that two parsers (template sets 1 and 2, trained on the same gold sentences) parse alike')
    .option('--fold-split <how>', 'with --tags jackknife: interleaved (sentence i in fold i mod k; default) or blocks (k contiguous blocks, so a document\'s sentences share a fold)', 'interleaved')
    .option('--tags-cache <path>', 'with --tags jackknife: read the jackknifed tags from this JSON file, or compute and write them there')
    .addHelpText('after', `
Held-out data for choosing the epoch: en uses EWT dev; de holds out every 10th training sentence, picks the
epoch, then retrains on everything for that many epochs. GSD test is never read.

Examples:
  $ nice -n 10 backchannel train parser --lang en
  $ nice -n 10 backchannel train parser --lang de --epochs 15 --out /tmp/parser-de.bin`)
    .action((o: { lang: string; epochs?: string; seed: string; tags: string; folds?: string; out?: string; featureSet?: string; explore?: string; tagsCache?: string; ensemble?: string; moveBits?: string; arcBits?: string; jackknifeTagger: string; silver?: string; foldSplit: string }) => {
      if (o.jackknifeTagger !== 'legacy' && o.jackknifeTagger !== 'committed') throw new Error(`--jackknife-tagger must be legacy or committed, not ${o.jackknifeTagger}`);
      if (o.lang !== 'de' && o.lang !== 'en') throw new Error(`--lang must be de or en, not ${o.lang}`);
      if (o.foldSplit !== 'interleaved' && o.foldSplit !== 'blocks') throw new Error(`--fold-split must be interleaved or blocks, not ${o.foldSplit}`);
      if (o.tags !== 'gold' && o.tags !== 'tagger' && o.tags !== 'jackknife') throw new Error(`--tags must be gold, tagger or jackknife, not ${o.tags}`);
      trainParserCommand({
        lang: o.lang, epochs: o.epochs ? Number(o.epochs) : undefined, seed: Number(o.seed), tags: o.tags as TagSource, folds: o.folds ? Number(o.folds) : undefined,
        out: o.out ? resolve(o.out) : undefined, log: (line) => process.stderr.write(line + '\n'),
        featureSet: o.featureSet ? `bc-parser-features/${o.featureSet}` : undefined, explore: o.explore ? Number(o.explore) : undefined,
        tagsCache: o.tagsCache ? resolve(o.tagsCache) : undefined, ensemble: o.ensemble ? Number(o.ensemble) : undefined,
        moveBits: o.moveBits ? Number(o.moveBits) : undefined,
        arcBits: o.arcBits ? Number(o.arcBits) : undefined,
        jackknifeTagger: o.jackknifeTagger,
        foldSplit: o.foldSplit,
        silver: o.silver ? Number(o.silver) : 0,
      });
    });
  findOrCreate(program, 'train', 'train a model')
    .command('parser-bounds')
    .description('add label-score bounds (which let the decoder skip label scoring that cannot change a move) to an existing parser model; `train parser` measures them itself')
    .requiredOption('--lang <lang>', 'de or en')
    .option('--model <path>', 'model file to update (default models/parser-<lang>.bin)')
    .action((o: { lang: string; model?: string }) => {
      if (o.lang !== 'de' && o.lang !== 'en') throw new Error(`--lang must be de or en, not ${o.lang}`);
      addArcBounds(o.lang, o.model ? resolve(o.model) : undefined, (line) => process.stderr.write(line + '\n'));
    });
}
