/**
 * Reading articles: text files with optional front matter, saved HTML pages (article text via Mozilla
 * Readability), JSON Lines batches, folders of these, and stdin. Bad input never throws out of the
 * iterator: each problem comes back as an InputProblem naming the file (and line), and the rest goes on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { RawArticle } from './types.js';
import { FrontMatterError, parseFrontMatter } from './frontmatter.js';
import { htmlToArticle } from './html.js';

export interface InputProblem {
  origin: string;
  message: string;
}

export type InputItem = { ok: true; article: RawArticle } | { ok: false; problem: InputProblem };

export interface ReadOptions {
  /** Larger files are refused with a clear error (default 16 MiB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.text', '.html', '.htm', '.jsonl', '.ndjson', '.json']);

/** Lists the article files under the given paths (folders recursively, sorted); '-' stands for stdin. */
export async function listInputs(paths: string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const p of paths) {
    if (p === '-') { files.push('-'); continue; }
    let st;
    try { st = await stat(p); } catch (e) { problems.push({ origin: p, message: errnoMessage(e) }); continue; }
    if (st.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  return { files, problems };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    // Hidden files and a folder's own README/LICENSE are not articles.
    if (e.name.startsWith('.') || /^(readme|license|licence|changelog)(\.|$)/i.test(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** Reads one file (or '-') into zero or more articles or problems. */
export async function readInputFile(path: string, opts: ReadOptions = {}): Promise<InputItem[]> {
  const origin = path === '-' ? '<stdin>' : path;
  let bytes: Buffer;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (e) {
    return [fail(origin, errnoMessage(e))];
  }
  return decodeArticles(bytes, origin, extname(path).toLowerCase(), opts);
}

export function decodeArticles(bytes: Uint8Array, origin: string, ext: string, opts: ReadOptions = {}): InputItem[] {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) return [fail(origin, 'empty file')];
  if (bytes.length > max) return [fail(origin, `file is ${mib(bytes.length)}, over the limit of ${mib(max)} (raise it with --max-bytes)`)];
  const decoded = decodeText(bytes, origin);
  if (!decoded.ok) return [decoded];
  const text = decoded.text;
  if (!text.trim()) return [fail(origin, 'file holds only whitespace')];
  if (ext === '.jsonl' || ext === '.ndjson') return parseJsonLines(text, origin);
  if (ext === '.json') return parseJsonFile(text, origin);
  if (ext === '.html' || ext === '.htm' || (ext !== '.txt' && /^\s*(<!doctype html|<html)/i.test(text))) {
    try {
      return [{ ok: true, article: htmlToArticle(text, origin) }];
    } catch (e) {
      return [fail(origin, (e as Error).message)];
    }
  }
  return [fromFrontMatterText(text, origin)];
}

export function fromFrontMatterText(text: string, origin: string): InputItem {
  try {
    const fm = parseFrontMatter(text);
    if (!fm.body.trim()) return fail(origin, 'empty article (front matter but no text)');
    return { ok: true, article: { text: fm.body, origin, ...metadata(fm.fields) } };
  } catch (e) {
    if (e instanceof FrontMatterError) return fail(`${origin}:${e.message.replace(/^line /, '')}`, 'bad front matter');
    throw e;
  }
}

function metadata(f: Record<string, unknown>): Omit<RawArticle, 'text' | 'origin'> {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : null);
  return {
    title: str(f.title),
    source: str(f.source),
    url: str(f.url),
    published: str(f.published ?? f.date ?? f.publishedAt),
    language: str(f.language ?? f.lang),
  };
}

function parseJsonLines(text: string, origin: string): InputItem[] {
  const out: InputItem[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${origin}:${i + 1}`;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      out.push(fail(where, `invalid JSON (${(e as Error).message.replace(/^.*?: /, '')})${i === lines.length - 1 || (i === lines.length - 2 && !lines[i + 1]) ? ' — the file may be truncated' : ''}`));
      return;
    }
    out.push(articleFromObject(obj, where));
  });
  if (!out.length) out.push(fail(origin, 'no JSON lines'));
  return out;
}

function parseJsonFile(text: string, origin: string): InputItem[] {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return [fail(origin, `invalid JSON (${(e as Error).message}) — the file may be truncated`)];
  }
  if (Array.isArray(obj)) return obj.map((o, i) => articleFromObject(o, `${origin}[${i}]`));
  return [articleFromObject(obj, origin)];
}

function articleFromObject(obj: unknown, where: string): InputItem {
  if (!obj || typeof obj !== 'object') return fail(where, 'expected an object with a "text" field');
  const o = obj as Record<string, unknown>;
  if (typeof o.text !== 'string') return fail(where, 'missing "text" (a string)');
  if (!o.text.trim()) return fail(where, 'empty "text"');
  return { ok: true, article: { text: o.text, origin: where, ...metadata(o) } };
}

type Decoded = { ok: true; text: string } | { ok: false; problem: InputProblem };

/** UTF-8 (or UTF-16 with a byte-order mark); anything else is refused with a hint, never guessed silently. */
function decodeText(bytes: Uint8Array, origin: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(origin, `binary file (a NUL byte at offset ${nul}); expected UTF-8 text, HTML or JSON Lines`);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    const latin = looksLikeLatin1(bytes) ? ' It looks like Latin-1/Windows-1252: convert it with `iconv -f WINDOWS-1252 -t UTF-8`.' : '';
    return fail(`${origin}:${line}`, `invalid UTF-8 at byte ${at}.${latin}`);
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

function countLines(b: Uint8Array, upTo: number): number {
  let n = 1;
  for (let i = 0; i < upTo && i < b.length; i++) if (b[i] === 10) n++;
  return n;
}

function looksLikeLatin1(b: Uint8Array): boolean {
  let high = 0;
  for (const c of b) if (c >= 0xc0) high++;
  return high > 0;
}

const fail = (origin: string, message: string): { ok: false; problem: InputProblem } => ({ ok: false, problem: { origin, message } });
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function errnoMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or folder';
  if (err.code === 'EACCES') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a folder';
  return err.message ?? String(e);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}
