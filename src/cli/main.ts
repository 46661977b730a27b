#!/usr/bin/env node
/** The backchannel command line. Every subcommand teaches itself with --help. */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import { runAnalyze } from './analyze-command.js';
import { analysisJsonSchema, validateAnalysis } from '../contract/validate.js';
import { parseDocuments } from '../contract/documents.js';
import { registerNerCommands } from '../ml/commands.js';
import { registerEvalCommands } from './eval-commands.js';
import { registerCorpusCommands } from '../corpus/commands.js';
import { registerGoldCommands, registerNewsEvalCommand } from './gold-commands.js';
import { registerServeCommand } from '../server/serve-command.js';
import { registerWatchCommands } from '../watch/commands.js';
import { registerParserCommands } from '../syntax/parser/commands.js';
import { registerSyntaxCommands } from '../syntax/commands.js';
import { forTerminalLine } from '../util/terminal.js';
import { DEFAULT_TIMEOUT_S } from '../pipeline/budget.js';

// `backchannel … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command();
program
  .name('backchannel')
  .description('Reads news articles (German, English) and rebuilds the system they describe: actors and roles, quotes and sources, relations, timeline — and a network across articles.')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)');

const bytes = (v: string) => {
  const m = /^(\d+(?:\.\d+)?)\s*(k|m|g)?i?b?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError('expects a size such as 500k, 16M');
  return Math.round(Number(m[1]) * ({ k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1));
};
const LAYERS = ['syntax'];
const layerList = (v: string) => {
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const unknown = list.filter((l) => !LAYERS.includes(l));
  if (unknown.length) throw new InvalidArgumentError(`unknown layer ${unknown.join(', ')} (known: ${LAYERS.join(', ')})`);
  return list;
};
const seconds = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expects a number of seconds, such as 30');
  return n;
};
const date = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new InvalidArgumentError('expects YYYY-MM-DD');
  return v;
};

program
  .command('analyze')
  .description('analyse articles: a text file (with optional front matter), a saved HTML page, a JSON Lines batch, a folder of these, or - for stdin')
  .argument('[paths...]', 'files or folders; - or nothing reads stdin')
  .addOption(new Option('-f, --format <format>', 'output: json (the backchannel.analysis/1 contract), markdown or text (a readable brief), timeml (the text with TIMEX3 tags), conllu (tags, lemmas and dependencies per sentence, offsets in MISC TokenRange)').choices(['json', 'markdown', 'text', 'timeml', 'conllu']).default('markdown'))
  .option('--layers <list>', 'optional contract layers to add to json output, comma-separated: syntax', layerList)
  .option('-o, --out <path>', 'write to this file (or, for several articles, this folder: one file each)')
  .option('--lang <code>', 'language of the text (de, en); default: detected')
  .option('--published <date>', 'publication date YYYY-MM-DD (relative dates resolve against it); overrides front matter', date)
  .option('--title <title>', 'title; overrides front matter')
  .option('--max-bytes <size>', 'refuse larger files (and stdin); reading stops there (default 16M)', bytes)
  .option('--max-article-bytes <size>', 'refuse a longer article text (default 2M)', bytes)
  .option('--timeout <seconds>', `time one article may take; a slower one fails and the rest go on (default ${DEFAULT_TIMEOUT_S})`, seconds)
  .option('--no-progress', 'no progress bar on stderr')
  .addHelpText('after', `
Examples:
  $ backchannel analyze examples/de-koalition-gespraeche.txt
  $ backchannel analyze article.txt --format json --out article.json
  $ backchannel analyze saved-page.html --published 2024-02-02
  $ backchannel analyze articles/ --format json --out analyses/
  $ cat article.txt | backchannel analyze - --lang de --published 2024-02-02
  $ backchannel analyze batch.jsonl --format json > analyses.jsonl
  $ backchannel analyze article.txt --format timeml --out article.tml
  $ backchannel analyze article.txt --format json --layers syntax
  $ backchannel analyze article.txt --format conllu > article.conllu

Input front matter (optional, between --- lines): title, source, url, published (YYYY-MM-DD), language.
With --out DIR/ each article gets its own file, named after its path below the folder given (a/x.txt →
DIR/a/x.json, a JSON Lines row x.jsonl:3 → DIR/x-3.json); a name already used gets a suffix (x~2.json) and a
note says so. Files are written whole or not at all. Without --out, results stream to stdout as each is done.
In a folder, pipes, devices and sockets are skipped with a message; unreadable subfolders too.
Exit status: 0 when every input was analysed, 1 when any input failed (the others are still analysed).`)
  .action(async (paths: string[], o) => {
    const r = await runAnalyze(paths, { format: o.format, layers: o.layers, out: o.out, lang: o.lang, published: o.published, title: o.title, maxBytes: o.maxBytes, maxArticleBytes: o.maxArticleBytes, timeout: o.timeout, progress: o.progress });
    for (const p of r.problems) process.stderr.write(`backchannel: ${forTerminalLine(p.origin)}: ${forTerminalLine(p.message)}\n`);
    if (r.problems.length && r.analysed + r.problems.length > 1) process.stderr.write(`backchannel: ${r.analysed} analysed, ${r.problems.length} failed\n`);
    if (r.problems.length) process.exitCode = 1;
  });

program
  .command('schema')
  .description('print the JSON Schema of the backchannel.analysis/1 contract')
  .action(() => { process.stdout.write(JSON.stringify(analysisJsonSchema(), null, 2) + '\n'); });

program
  .command('validate')
  .description('check that JSON files are valid backchannel.analysis/1 documents (shape, ids and offsets)')
  .argument('<files...>', 'each one JSON document, or JSON Lines: one document per line, as `export --format json` writes them (whatever the file is called)')
  .addHelpText('after', '\nExamples:\n  backchannel validate article.json\n  backchannel export --format json --out corpus.jsonl && backchannel validate corpus.jsonl')
  .action((files: string[]) => {
    for (const f of files) {
      try {
        const text = readFileSync(f, 'utf8');
        const docs = parseDocuments(text, f);
        docs.forEach((d, i) => {
          try {
            validateAnalysis(d);
          } catch (e) {
            throw new Error(docs.length > 1 ? `document ${i + 1}: ${(e as Error).message}` : (e as Error).message);
          }
        });
        process.stdout.write(`${f}: valid (${docs.length} document${docs.length === 1 ? '' : 's'})\n`);
      } catch (e) {
        process.stderr.write(`backchannel: ${f}: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    }
  });

registerEvalCommands(program);
registerNerCommands(program);
registerCorpusCommands(program);
registerGoldCommands(program);
registerNewsEvalCommand(program);
registerServeCommand(program);
registerWatchCommands(program);
registerParserCommands(program);
registerSyntaxCommands(program);

program.parseAsync(process.argv).catch((e: Error) => {
  process.stderr.write(`backchannel: ${forTerminalLine(e.message)}\n`);
  process.exit(1);
});
