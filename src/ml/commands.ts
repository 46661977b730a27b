/** `train ner` and `eval ner` subcommands. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { formatEval } from './eval.js';
import { evalNer, trainNer } from './pipeline.js';
import { defaultDataDir, type DatasetName, type Split } from './data.js';
import { buildWordStats } from './clusters.js';
import { wordStatsPath } from './resources.js';

function findOrCreate(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((c) => c.name() === name);
  return existing ?? program.command(name).description(description);
}

export function registerNerCommands(program: Command): void {
  const train = findOrCreate(program, 'train', 'train a model');
  train
    .command('ner')
    .description('train the named-entity tagger (averaged perceptron) on GermEval 2014 (de) or CoNLL-2003 (en)')
    .requiredOption('--lang <lang>', 'de or en')
    .option('--data <path>', 'shared data folder (default ../shared/data beside the repository)')
    .option('--epochs <n>', 'training epochs (best epoch on dev is kept)')
    .option('--seed <n>', 'random seed for the sentence order', '1')
    .option('--out <path>', 'model file (default models/ner-<lang>.bin)')
    .option('--no-doc-pass', 'skip the document-level second pass')
    .option('--margin <x>', 'cost-augmented training: add x to every wrong label before decoding (default 0)')
    .option('--dropout <p>', 'feature dropout probability during training (default 0)')
    .option('--word-dropout <p>', 'per training token, ignore the features that name the word itself with this probability (default 0)')
    .option('--name-prefix', 'features for compounds and genitives built on a name of the training data or a gazetteer ("Sibirien|tagebuch", "Dänemark|s"); default for de')
    .option('--no-name-prefix', 'without those features (default for en)')
    .option('--min-count <n>', 'drop features seen fewer than n times in training')
    .option('--crf', 'train a linear-chain CRF (AdaGrad) instead of the averaged perceptron')
    .option('--rate <x>', 'CRF: AdaGrad learning rate (default 0.05)')
    .option('--prune <x>', 'CRF: drop weights of at most this magnitude when saving (default 0.01)')
    .option('--dictionary', 'use spelling-dictionary word classes (npm dictionary-<lang>) as features')
    .option('--smartdata-names', 'de: use the names marked in SmartData v1 as gazetteer entries')
    .option('--smartdata', 'de: also train on SmartData v1 news/rss as partially labelled sentences (PER/LOC/ORG only)')
    .option('--pos', 'part-of-speech features from the committed syntax tagger (models/tagger-<lang>.bin)')
    .option('--scheme <scheme>', 'tag encoding inside the model: bio or bilou (output is always BIO)')
    .action((o: { lang: string; data?: string; epochs?: string; seed: string; out?: string; docPass: boolean; scheme?: string; smartdata?: boolean; smartdataNames?: boolean; dictionary?: boolean; margin?: string; dropout?: string; wordDropout?: string; crf?: boolean; pos?: boolean; rate?: string; prune?: string; minCount?: string; namePrefix?: boolean }) => {
      if (o.scheme && o.scheme !== 'bio' && o.scheme !== 'bilou') throw new Error('--scheme must be bio or bilou');
      if (o.lang !== 'de' && o.lang !== 'en') throw new Error(`--lang must be de or en, not ${o.lang}`);
      trainNer({
        lang: o.lang, dataDir: o.data ? resolve(o.data) : undefined, epochs: o.epochs ? Number(o.epochs) : undefined,
        seed: Number(o.seed), out: o.out ? resolve(o.out) : undefined, docPass: o.docPass && o.lang === 'en',
        smartdata: !!o.smartdata, smartdataNames: !!o.smartdataNames, dictionary: !!o.dictionary, margin: o.margin ? Number(o.margin) : undefined, dropout: o.dropout ? Number(o.dropout) : undefined, wordDropout: o.wordDropout ? Number(o.wordDropout) : undefined,
        minCount: o.minCount ? Number(o.minCount) : undefined, namePrefix: o.namePrefix, pos: !!o.pos,
        crf: o.crf ? { rate: o.rate ? Number(o.rate) : undefined, prune: o.prune ? Number(o.prune) : undefined } : undefined,
        scheme: (o.scheme as 'bio' | 'bilou' | undefined) ?? 'bio',
      });
    });

  train
    .command('ner-wordstats')
    .description('learn word clusters, frequencies and capitalisation ratios from ../shared/data/unlabeled-<lang> (writes models/wordstats-<lang>.tsv.gz)')
    .requiredOption('--lang <lang>', 'de or en')
    .option('--data <path>', 'shared data folder')
    .option('--out <path>', 'output file')
    .option('--seed <n>', 'random seed', '1')
    .option('--svd', 'embed with a randomized SVD instead of a random projection')
    .option('--second', 'add a second, independent clustering (random projection)')
    .action(async (o: { lang: string; data?: string; out?: string; seed: string; svd?: boolean; second?: boolean }) => {
      await buildWordStats({
        lang: o.lang, dataDir: o.data ? resolve(o.data) : defaultDataDir(), out: o.out ? resolve(o.out) : wordStatsPath(o.lang), seed: Number(o.seed),
        svd: !!o.svd, second: !!o.second,
      });
    });

  const ev = findOrCreate(program, 'eval', 'evaluate a model');
  ev
    .command('ner')
    .description('exact-span precision/recall/F1 of the NER model on a gold set')
    .requiredOption('--dataset <name>', 'germeval2014 or conll2003')
    .option('--split <split>', 'dev or test', 'test')
    .option('--model <path>', 'model file (default models/ner-<lang>.bin)')
    .option('--data <path>', 'shared data folder (default ../shared/data beside the repository)')
    .option('--json', 'print JSON instead of a table')
    .action((o: { dataset: string; split: string; model?: string; data?: string; json?: boolean }) => {
      if (o.dataset !== 'germeval2014' && o.dataset !== 'conll2003') throw new Error('--dataset must be germeval2014 or conll2003');
      if (o.split !== 'dev' && o.split !== 'test') throw new Error('--split must be dev or test');
      const r = evalNer({ dataset: o.dataset as DatasetName, split: o.split as Split, model: o.model ? resolve(o.model) : undefined, dataDir: o.data ? resolve(o.data) : undefined });
      if (o.json) {
        process.stdout.write(JSON.stringify({ dataset: o.dataset, split: o.split, overall: r.full.overall, byType: r.full.byType, folded: r.folded, tokensPerSecond: r.tokens / r.seconds }, null, 2) + '\n');
        return;
      }
      const title = o.dataset === 'germeval2014' ? `${o.dataset} ${o.split}: outer chunks, all 12 labels (official metric)` : `${o.dataset} ${o.split}: exact span`;
      process.stdout.write(formatEval(title, r.full) + '\n');
      if (r.folded) process.stdout.write('\n' + formatEval(`${o.dataset} ${o.split}: 4 main types (deriv/part folded in)`, r.folded) + '\n');
      process.stdout.write(`\n${r.tokens} tokens tagged in ${r.seconds.toFixed(2)}s (cold start, with any document pass; see bench/ner.ts for throughput)\n`);
    });
}
