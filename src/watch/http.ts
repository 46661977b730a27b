/**
 * Polite HTTP for `watch`: a User-Agent that names the tool, conditional GET (If-None-Match /
 * If-Modified-Since), a time limit that covers the body too, a byte limit (a gigantic feed or page is
 * refused while it streams, never held whole), at most MAX_REDIRECTS redirects followed (a loop fails),
 * and 429/503 answers reported with their Retry-After.
 */
import { VERSION } from '../version.js';

export const USER_AGENT = `backchannel/${VERSION} (news monitoring; +https://www.npmjs.com/package/backchannel)`;

/** A feed or page larger than this is refused: real feeds are well under 1 MiB, article pages a few. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/** A request (headers and body) that takes longer fails: a slow server must not hold its host's turn. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Redirects followed per request: a moved feed takes one or two; more is a loop or a tracking chain. */
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface HttpOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: DEFAULT_TIMEOUT_MS, maxBytes: DEFAULT_MAX_BYTES, userAgent: USER_AGENT };

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | { status: 304 }
  | { status: 200; url: string; body: string; contentType: string; validators: Validators };

/** A failed request: the HTTP status when there was an answer, and how long the server asked us to wait. */
export class HttpError extends Error {
  constructor(message: string, readonly status: number | null, readonly retryAfterMs: number | null = null) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Retry-After: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export async function httpGet(url: string, opts: HttpOptions, validators: Validators | null = null, accept = '*/*', now = Date.now()): Promise<FetchResult> {
  const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  let current = url;
  for (let hops = 0; ; hops++) {
    try {
      res = await fetch(current, { headers, signal, redirect: 'manual' });
    } catch (err) {
      throw new HttpError(describeFetchError(err, opts.timeoutMs), null);
    }
    const location = REDIRECTS.has(res.status) ? res.headers.get('location') : null;
    if (!location) break;
    await res.body?.cancel().catch(() => {});
    if (hops >= MAX_REDIRECTS) throw new HttpError(`more than ${MAX_REDIRECTS} redirects (a loop?), last to ${location}`, res.status);
    current = new URL(location, current).toString();
  }
  if (res.status === 304) {
    await res.body?.cancel().catch(() => {});
    return { status: 304 };
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => {});
    const wait = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), now) : null;
    throw new HttpError(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, res.status, wait);
  }
  let body: string;
  try {
    body = await readLimited(res, opts.maxBytes);
  } catch (err) {
    throw err instanceof HttpError ? err : new HttpError(describeFetchError(err, opts.timeoutMs), null);
  }
  return {
    status: 200,
    url: current,
    body,
    contentType: res.headers.get('content-type') ?? '',
    validators: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') },
  };
}

/** The body as text, refused as soon as it passes maxBytes (declared or streamed). */
async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new HttpError(`response larger than ${maxBytes} bytes: refused`, 200);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder(charsetOf(res.headers.get('content-type'))).decode(Buffer.concat(chunks));
}

/** The charset a Content-Type names when TextDecoder knows it; UTF-8 otherwise. */
function charsetOf(contentType: string | null): string {
  const m = contentType ? /charset="?([\w-]+)/i.exec(contentType) : null;
  if (!m) return 'utf-8';
  try {
    new TextDecoder(m[1]);
    return m[1];
  } catch {
    return 'utf-8';
  }
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: Error & { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = e.cause?.message ?? e.cause?.code;
  return cause ? `${e.message}: ${cause}` : e.message;
}
