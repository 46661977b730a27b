/**
 * Reading articles: text files with optional front matter, saved HTML pages (article text via Mozilla
 * Readability), JSON Lines batches, folders of these, and stdin. Bad input never throws out of the
 * iterator: each problem comes back as an InputProblem naming the file (and line), and the rest goes on.
 */
import { lstat, open, readdir, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { RawArticle } from './types.js';
import { FrontMatterError, parseFrontMatter } from './frontmatter.js';
import { htmlToArticle } from './html.js';
import { normalizeField } from './normalize.js';

export interface InputProblem {
  origin: string;
  message: string;
}

/** An article, with warnings about what was read but not used (a field of the wrong type). */
export type InputItem = { ok: true; article: RawArticle; warnings?: string[] } | { ok: false; problem: InputProblem };

export interface ReadOptions {
  /** Larger files (or stdin) are refused with a clear error, and no more than this is read (default 16 MiB). */
  maxBytes?: number;
  /** A larger article text is refused (default 2 MiB): the pipeline needs about 200 bytes of memory per byte. */
  maxArticleBytes?: number;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** 200 times the longest article of the news corpus in ../shared; a 15 MB text needed 2.8 GB to analyse. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.text', '.html', '.htm', '.jsonl', '.ndjson', '.json']);
const READ_CHUNK = 64 * 1024;

/**
 * Lists the article files under the given paths (folders recursively, sorted); '-' stands for stdin.
 * A folder that cannot be read, a pipe, a device or a socket inside a folder is a problem, and the walk goes on.
 */
export async function listInputs(paths: string[]): Promise<{ files: string[]; problems: InputProblem[]; skipped: string[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  /** A folder's own README/LICENSE/CHANGELOG files, left out of the walk (callers may say so). */
  const skipped: string[] = [];
  for (const p of paths) {
    if (p === '-') { files.push('-'); continue; }
    let st;
    try { st = await stat(p); } catch (e) { problems.push({ origin: p, message: errnoMessage(e) }); continue; }
    // A path named on the command line is read whatever it is: "<(cmd)" is a pipe, /dev/stdin a device.
    if (st.isDirectory()) await walk(p, files, problems, skipped);
    else files.push(p);
  }
  return { files, problems, skipped };
}

async function walk(dir: string, out: string[], problems: InputProblem[], skipped: string[] = []): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ origin: dir, message: `cannot read the folder (${errnoMessage(e)}); skipped` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    // Hidden files and a folder's own README/LICENSE are not articles.
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (/^(readme|license|licence|changelog)(\.|$)/i.test(e.name)) { if (!e.isDirectory()) skipped.push(full); continue; }
    if (e.isDirectory()) { await walk(full, out, problems, skipped); continue; }
    if (!ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase())) continue;
    // A link is followed to a file only: a linked folder could lead back up the tree.
    let kind: Stats | Dirent = e;
    if (e.isSymbolicLink()) {
      try { kind = await stat(full); } catch (err) { problems.push({ origin: full, message: `broken link (${errnoMessage(err)}); skipped` }); continue; }
      if (kind.isDirectory()) { problems.push({ origin: full, message: 'a link to a folder; skipped (name the folder itself to read it)' }); continue; }
    }
    // A named pipe would block the whole walk until something writes to it; devices never end.
    if (!kind.isFile()) { problems.push({ origin: full, message: `${specialKind(kind)}, not a regular file; skipped` }); continue; }
    out.push(full);
  }
}

function specialKind(s: Stats | Dirent): string {
  return s.isFIFO() ? 'a named pipe' : s.isSocket() ? 'a socket' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : 'a special file';
}

/** Reads one file (or '-') into zero or more articles or problems. Never reads more than the size limit. */
export async function readInputFile(path: string, opts: ReadOptions = {}): Promise<InputItem[]> {
  const origin = path === '-' ? '<stdin>' : path;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let read: { bytes: Buffer; over: boolean };
  try {
    if (path !== '-') {
      const st = await lstat(path).catch(() => null);
      if (st?.isFile() && st.size > max) return [fail(origin, overLimit(`file is ${mib(st.size)}`, max))];
    }
    read = path === '-' ? await readStdin(max) : await readFileUpTo(path, max);
  } catch (e) {
    return [fail(origin, errnoMessage(e))];
  }
  if (read.over) return [fail(origin, overLimit(`${path === '-' ? 'input' : 'file'} is more than ${mib(max)}`, max))];
  return decodeArticles(read.bytes, origin, extname(path).toLowerCase(), opts);
}

const overLimit = (what: string, max: number) => `${what}, over the limit of ${mib(max)} (raise it with --max-bytes)`;

/** At most max + 1 bytes of a file, pipe or device: /dev/zero is refused after max bytes, not after memory runs out. */
async function readFileUpTo(path: string, max: number): Promise<{ bytes: Buffer; over: boolean }> {
  const fh = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, max + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return { bytes: Buffer.alloc(0), over: true };
    }
    return { bytes: Buffer.concat(chunks, total), over: false };
  } finally {
    await fh.close();
  }
}

async function readStdin(max: number): Promise<{ bytes: Buffer; over: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    total += (c as Buffer).length;
    if (total > max) {
      // Stop reading: whatever still comes is not wanted, and the writer gets EPIPE instead of filling memory.
      process.stdin.destroy();
      return { bytes: Buffer.alloc(0), over: true };
    }
  }
  return { bytes: Buffer.concat(chunks, total), over: false };
}

export function decodeArticles(bytes: Uint8Array, origin: string, ext: string, opts: ReadOptions = {}): InputItem[] {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) return [fail(origin, 'empty file')];
  if (bytes.length > max) return [fail(origin, overLimit(`file is ${mib(bytes.length)}`, max))];
  const decoded = decodeText(bytes, origin);
  if (!decoded.ok) return [decoded];
  const text = decoded.text;
  if (!text.trim()) return [fail(origin, 'file holds only whitespace')];
  const items = parseArticles(text, origin, ext);
  const maxArticle = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  return items.map((item) => {
    if (!item.ok) return item;
    const size = item.article.text.length <= maxArticle / 3 ? 0 : Buffer.byteLength(item.article.text);
    return size > maxArticle
      ? fail(item.article.origin, `article text is ${mib(size)}, over the limit of ${mib(maxArticle)} for one article (raise it with --max-article-bytes)`)
      : item;
  });
}

function parseArticles(text: string, origin: string, ext: string): InputItem[] {
  if (ext === '.jsonl' || ext === '.ndjson') return parseJsonLines(text, origin);
  if (ext === '.json') return parseJsonFile(text, origin);
  if (ext === '.html' || ext === '.htm' || (ext !== '.txt' && /^\s*(<!doctype html|<html)/i.test(text))) {
    try {
      return [{ ok: true, article: cleanMetadata(htmlToArticle(text, origin)) }];
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
    return { ok: true, article: { text: fm.body, origin, ...metadata(fm.fields).fields } };
  } catch (e) {
    if (e instanceof FrontMatterError) return fail(`${origin}:${e.message.replace(/^line /, '')}`, 'bad front matter');
    throw e;
  }
}

/** The metadata fields and where each may come from; the first present name wins. */
const FIELDS = { title: ['title'], source: ['source'], url: ['url'], published: ['published', 'date', 'publishedAt'], language: ['language', 'lang'] } as const;
type MetaFields = Omit<RawArticle, 'text' | 'origin'>;

/** Metadata as clean single lines; a field of another type than a string is named in a warning, not dropped silently. */
function metadata(f: Record<string, unknown>): { fields: MetaFields; warnings: string[] } {
  const fields: Record<string, string | null> = {};
  const warnings: string[] = [];
  for (const [key, names] of Object.entries(FIELDS)) {
    const name = names.find((n) => Object.prototype.hasOwnProperty.call(f, n) && f[n] !== null && f[n] !== undefined);
    const v = name ? f[name] : null;
    if (typeof v === 'string') fields[key] = normalizeField(v) || null;
    else {
      fields[key] = null;
      if (name) warnings.push(`"${name}" is ${typeName(v)}, expected a string: ignored`);
    }
  }
  return { fields: fields as MetaFields, warnings };
}

function cleanMetadata(a: RawArticle): RawArticle {
  return { ...a, ...metadata(a as unknown as Record<string, unknown>).fields };
}

const typeName = (v: unknown) => (Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

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
  if (Array.isArray(obj)) return obj.length ? obj.map((o, i) => articleFromObject(o, `${origin}[${i}]`)) : [fail(origin, 'an empty list')];
  return [articleFromObject(obj, origin)];
}

function articleFromObject(obj: unknown, where: string): InputItem {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return fail(where, 'expected an object with a "text" field');
  const o = obj as Record<string, unknown>;
  if (typeof o.text !== 'string') return fail(where, o.text === undefined ? 'missing "text" (a string)' : `"text" is ${typeName(o.text)}, expected a string`);
  if (!o.text.trim()) return fail(where, 'empty "text"');
  const { fields, warnings } = metadata(o);
  return { ok: true, article: { text: o.text, origin: where, ...fields }, ...(warnings.length ? { warnings } : {}) };
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
    if (looksBinary(bytes)) return fail(origin, 'binary file (not text); expected UTF-8 text, HTML or JSON Lines');
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

/**
 * Text that is not UTF-8 but binary all the same: control bytes (other than tab, line breaks, form feed and
 * escape) are rare in any text encoding and common in data (about one byte in ten of random bytes); a text in a
 * single-byte encoding has mostly ASCII letters. Both thresholds are far from either kind of input.
 */
const BINARY_CONTROL_SHARE = 0.01;
const BINARY_HIGH_SHARE = 0.3;
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, READ_CHUNK);
  let control = 0;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c >= 0x80) high++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) || c === 0x7f) control++;
  }
  return control > n * BINARY_CONTROL_SHARE || high > n * BINARY_HIGH_SHARE;
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

export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}
