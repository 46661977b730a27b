/** `backchannel analyze`: files, folders, JSON Lines, HTML or stdin → the contract (JSON) or a brief. */
import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Analysis } from '../contract/schema.js';
import { TimedAnalyzer } from '../pipeline/budget.js';
import { renderBrief } from '../brief/render.js';
import { renderTimeML } from '../brief/timeml.js';
import { analysisToConllu } from '../syntax/conllu-out.js';
import { displayPath, listInputs, readInputFile, type InputProblem } from '../text/input.js';
import type { RawArticle } from '../text/types.js';
import { forTerminalLine } from '../util/terminal.js';
import { OutputNames } from './output-names.js';
import { writeAtomic } from './write-atomic.js';

export interface AnalyzeCliOptions {
  format: 'json' | 'text' | 'markdown' | 'timeml' | 'conllu';
  /** Optional contract layers to include in json output (today: syntax). */
  layers?: string[];
  out?: string;
  lang?: string;
  published?: string;
  title?: string;
  maxBytes?: number;
  maxArticleBytes?: number;
  /** Seconds one document may take (default: DEFAULT_TIMEOUT_S). */
  timeout?: number;
  progress?: boolean;
}

export interface AnalyzeRunResult {
  analysed: number;
  problems: InputProblem[];
}

const EXTENSIONS = { json: 'json', markdown: 'md', timeml: 'tml', conllu: 'conllu', text: 'txt' } as const;

/** One article rendered in the chosen format; several to stdout or one file follow one another with this between. */
function render(a: Analysis, format: AnalyzeCliOptions['format'], compact: boolean): string {
  return format === 'json' ? JSON.stringify(a, null, compact ? undefined : 2)
    : format === 'timeml' ? renderTimeML(a)
    : format === 'conllu' ? analysisToConllu(a).trimEnd()
    : renderBrief(a, format);
}
// JSON is JSON Lines; TimeML documents (one XML document each) and CoNLL-U blocks are separated by a blank line.
const SEPARATORS = { json: '\n', timeml: '\n\n', conllu: '\n\n', markdown: '\n---\n\n', text: '\n---\n\n' } as const;

export async function runAnalyze(paths: string[], opts: AnalyzeCliOptions): Promise<AnalyzeRunResult> {
  const inputs = paths.length ? paths : ['-'];
  const { files, problems } = await listInputs(inputs);
  const many = files.length > 1 || inputs.some((p) => !p.endsWith('.txt') && !p.endsWith('.html') && !p.endsWith('.htm') && p !== '-');
  const outIsDir = !!opts.out && (files.length > 1 || opts.out.endsWith('/') || isDir(opts.out));
  const names = new OutputNames(inputs.filter(isDir), EXTENSIONS[opts.format]);
  const bar = opts.progress !== false && files.length > 1 && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'analyze [{bar}] {value}/{total} files · {eta_formatted} left · {file}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  // Notes (renamed outputs, ignored fields) go to stderr at once, or after the progress bar, which owns the line.
  const deferred: string[] = [];
  const notice = (line: string) => { const l = `backchannel: ${forTerminalLine(line)}\n`; if (bar) deferred.push(l); else process.stderr.write(l); };
  const analyzer = new TimedAnalyzer(opts.timeout, { syntax: opts.format === 'conllu' || !!opts.layers?.includes('syntax') });
  // One output file for several articles: collected, then written at once (atomically) at the end.
  const collected: string[] = [];
  let analysed = 0;
  let written = 0;
  bar?.start(files.length, 0, { file: '' });
  try {
    if (outIsDir) mkdirSync(opts.out!, { recursive: true });
    for (const file of files) {
      bar?.update({ file: forTerminalLine(basename(file)) });
      for (const item of await readInputFile(file, { maxBytes: opts.maxBytes, maxArticleBytes: opts.maxArticleBytes })) {
        if (!item.ok) { problems.push(item.problem); continue; }
        for (const w of item.warnings ?? []) notice(`${item.article.origin}: warning: ${w}`);
        const raw: RawArticle = {
          ...item.article,
          language: opts.lang ?? item.article.language ?? null,
          published: opts.published ?? item.article.published ?? null,
          title: opts.title ?? item.article.title ?? null,
        };
        let analysis: Analysis;
        try {
          analysis = await analyzer.analyze(raw);
        } catch (e) {
          problems.push({ origin: raw.origin, message: (e as Error).message.replace(`${raw.origin}: `, '') });
          continue;
        }
        analysed++;
        const rendered = render(analysis, opts.format, many && !outIsDir);
        if (outIsDir) {
          const { name, takenBy } = names.allocate(file, raw.origin);
          if (takenBy) notice(`${raw.origin} written as ${name}: its own name is taken by ${takenBy}`);
          const target = join(opts.out!, name);
          try {
            mkdirSync(dirname(target), { recursive: true });
            writeAtomic(target, rendered + '\n');
          } catch (e) {
            problems.push({ origin: displayPath(target), message: `${(e as Error).message} (the analysis of ${raw.origin}; nothing written)` });
          }
        } else if (opts.out) collected.push(rendered);
        else {
          // Streamed as each article is done: a later input that fails or hangs loses nothing finished. JSON
          // Lines end each document with its newline; the other formats put their separator between documents.
          process.stdout.write(opts.format === 'json' ? rendered + '\n' : (written ? SEPARATORS[opts.format] : '') + rendered);
          written++;
        }
      }
      bar?.increment();
    }
  } finally {
    bar?.stop();
    for (const l of deferred) process.stderr.write(l);
    await analyzer.close();
  }
  if (written && opts.format !== 'json') process.stdout.write('\n');
  if (opts.out && !outIsDir && collected.length) {
    try {
      writeAtomic(opts.out, collected.join(SEPARATORS[opts.format]) + '\n');
    } catch (e) {
      problems.push({ origin: displayPath(opts.out), message: `${(e as Error).message} (nothing written)` });
    }
  }
  return { analysed, problems };
}

function isDir(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}
