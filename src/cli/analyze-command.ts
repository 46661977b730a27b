/** `backchannel analyze`: files, folders, JSON Lines, HTML or stdin → the contract (JSON) or a brief. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Analysis } from '../contract/schema.js';
import { validateAnalysis } from '../contract/validate.js';
import { analyzeArticle, prepareLanguage } from '../pipeline/analyze.js';
import { renderBrief } from '../brief/render.js';
import { renderTimeML } from '../brief/timeml.js';
import { analysisToConllu } from '../syntax/conllu-out.js';
import { listInputs, readInputFile, type InputProblem } from '../text/input.js';
import { detectLanguage } from '../text/language.js';
import { normalizeText } from '../text/normalize.js';
import type { RawArticle } from '../text/types.js';

export interface AnalyzeCliOptions {
  format: 'json' | 'text' | 'markdown' | 'timeml' | 'conllu';
  /** Optional contract layers to include in json output (today: syntax). */
  layers?: string[];
  out?: string;
  lang?: string;
  published?: string;
  title?: string;
  maxBytes?: number;
  progress?: boolean;
}

export interface AnalyzeRunResult {
  analysed: number;
  problems: InputProblem[];
}

export async function runAnalyze(paths: string[], opts: AnalyzeCliOptions): Promise<AnalyzeRunResult> {
  const { files, problems } = await listInputs(paths.length ? paths : ['-']);
  const many = files.length > 1 || paths.some((p) => !p.endsWith('.txt') && !p.endsWith('.html') && !p.endsWith('.htm') && p !== '-');
  const outIsDir = !!opts.out && (files.length > 1 || opts.out.endsWith('/'));
  if (outIsDir) mkdirSync(opts.out!, { recursive: true });
  const bar = opts.progress !== false && files.length > 1 && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'analyze [{bar}] {value}/{total} files · {eta_formatted} left · {file}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(files.length, 0, { file: '' });
  const chunks: string[] = [];
  let analysed = 0;
  for (const file of files) {
    bar?.update({ file: basename(file) });
    for (const item of await readInputFile(file, { maxBytes: opts.maxBytes })) {
      if (!item.ok) { problems.push(item.problem); continue; }
      const raw: RawArticle = {
        ...item.article,
        language: opts.lang ?? item.article.language ?? null,
        published: opts.published ?? item.article.published ?? null,
        title: opts.title ?? item.article.title ?? null,
      };
      let analysis: Analysis;
      try {
        await prepareLanguage(raw.language ?? detectLanguage(normalizeText(raw.text)).language);
        analysis = validateAnalysis(analyzeArticle(raw, { syntax: opts.format === 'conllu' || !!opts.layers?.includes('syntax') }));
      } catch (e) {
        problems.push({ origin: raw.origin, message: (e as Error).message.replace(`${raw.origin}: `, '') });
        continue;
      }
      analysed++;
      let rendered: string;
      try {
        rendered = opts.format === 'json' ? JSON.stringify(analysis, null, many && !outIsDir ? undefined : 2)
          : opts.format === 'conllu' ? analysisToConllu(analysis).trimEnd()
          : opts.format === 'timeml' ? renderTimeML(analysis)
          : renderBrief(analysis, opts.format);
      } catch (e) {
        problems.push({ origin: raw.origin, message: (e as Error).message });
        continue;
      }
      if (outIsDir) {
        const ext = opts.format === 'json' ? 'json' : opts.format === 'markdown' ? 'md' : opts.format === 'conllu' ? 'conllu' : opts.format === 'timeml' ? 'tml' : 'txt';
        writeFileSync(join(opts.out!, `${safeName(raw.origin)}.${ext}`), rendered + '\n');
      } else chunks.push(rendered);
    }
    bar?.increment();
  }
  bar?.stop();
  if (!outIsDir && chunks.length) {
    // TimeML documents (one XML document each) and CoNLL-U blocks follow one another separated by a blank line.
    const sep = opts.format === 'json' ? '\n' : opts.format === 'timeml' || opts.format === 'conllu' ? '\n\n' : '\n---\n\n';
    const body = chunks.join(sep) + '\n';
    if (opts.out) writeFileSync(opts.out, body);
    else process.stdout.write(body);
  }
  return { analysed, problems };
}

function safeName(origin: string): string {
  return basename(origin).replace(/\.[a-z]+(?=$|:)/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
}
