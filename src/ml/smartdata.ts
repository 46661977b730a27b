/**
 * DFKI SmartData v1 (German news, CC BY 4.0) as partially labelled training sentences.
 * SmartData marks persons, locations and organisations but has no OTH, -deriv or -part labels, so only the
 * tokens inside its capitalised PER/LOC/ORG mentions carry a known type (X, Xderiv or Xpart: "Münchner" is LOCderiv); lower-case words outside mentions may take
 * any label except PER/LOC/ORG ("japanische" is LOCderiv in GermEval), and the rest is free. The trainer updates
 * towards the best path that respects these constraints (latent-label perceptron).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from './data.js';

export interface PartialSentence {
  tokens: string[];
  /** Fixed BIO tag per token, or null where the label is unknown (constrained to non-PER/LOC/ORG, or free). */
  tags: (string | null)[];
  /** Per token: true when the token may take any label (capitalised words outside mentions, unmapped kinds, spans cut inside a token). */
  free: boolean[];
}

const TYPE_MAP: Record<string, string | null> = {
  person: 'PER',
  location: 'LOC',
  'location-city': 'LOC',
  organization: 'ORG',
  'organization-company': 'ORG',
  // streets, stops and routes: GermEval practice differs case by case, so their tokens stay free
  'location-street': null,
  'location-stop': null,
  'location-route': null,
};

const TOKEN_RE = /[\p{L}\p{N}]+(?:[-'’.&/][\p{L}\p{N}]+)*\.?|\S/gu;

export interface Mention { start: number; end: number; type: string | null }

const unwrap = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 ? Object.values(v)[0] : v);

/** Reads SmartData v1 documents (sources news and rss by default) into partially labelled sentences. */
export function loadSmartData(dataDir: string, opts: { split?: 'train' | 'test'; sources?: string[] } = {}): PartialSentence[] {
  const p = join(dataDir, 'smartdata-corpus-de', `smartdata-v1-${opts.split ?? 'train'}.json.gz`);
  if (!existsSync(p)) return [];
  const sources = new Set(opts.sources ?? ['news', 'rss']);
  const out: PartialSentence[] = [];
  for (const chunk of readText(p).split(/\n(?=\{)/)) {
    if (!chunk.trim()) continue;
    const d = JSON.parse(chunk) as { text: unknown; refids: unknown; conceptMentions: unknown };
    const ref = unwrap(d.refids) as Record<string, string> | null;
    if (!ref || !sources.has(ref.source)) continue;
    const text = unwrap(d.text) as string;
    const cms = (unwrap(d.conceptMentions) as { span: { start: number; end: number }; type: string }[] | null) ?? [];
    const ms: Mention[] = [];
    for (const c of cms) {
      if (!(c.type in TYPE_MAP)) continue;
      ms.push({ start: c.span.start, end: c.span.end, type: TYPE_MAP[c.type] });
    }
    // outermost mentions only
    ms.sort((a, b) => a.start - b.start || b.end - a.end);
    const outer: Mention[] = [];
    for (const m of ms) {
      const last = outer[outer.length - 1];
      if (last && m.start < last.end) continue;
      outer.push(m);
    }
    out.push(...labelDoc(text, outer));
  }
  return out;
}

/** Splits one document into sentences of tokens, labelled from its character-offset mentions. */
export function labelDoc(text: string, ms: Mention[]): PartialSentence[] {
  const res: PartialSentence[] = [];
  let cur: PartialSentence = { tokens: [], tags: [], free: [] };
  let mi = 0;
  let lastMention = -1;
  let lastEnd = 0;
  const flush = (): void => {
    if (cur.tokens.length >= 3 && cur.tokens.some((t) => /\p{Ll}/u.test(t))) res.push(cur);
    cur = { tokens: [], tags: [], free: [] };
    lastMention = -1;
  };
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let tok = m[0];
    const s = m.index;
    let e = s + tok.length;
    if (text.slice(lastEnd, s).includes('\n')) flush();
    lastEnd = e;
    // a trailing period belongs to the token only for short abbreviations ("Dr.", "St."); otherwise it ends a sentence
    let splitDot = false;
    if (tok.length > 1 && tok.endsWith('.') && !/^(?:\p{Lu}\p{Ll}{0,2}|\p{L}|\d+)\.$/u.test(tok)) { tok = tok.slice(0, -1); e--; splitDot = true; }
    const pieces: [string, number, number][] = [[tok, s, e]];
    if (splitDot) pieces.push(['.', e, e + 1]);
    for (const [t, ts, te] of pieces) {
      while (mi < ms.length && ms[mi].end <= ts) mi++;
      const mm = mi < ms.length && ms[mi].start < te ? ms[mi] : null;
      // SmartData is not exhaustive for every kind of name, so only lower-case words and punctuation outside mentions are known not to be PER/LOC/ORG
      if (!mm) { cur.tokens.push(t); cur.tags.push(null); cur.free.push(/^[\p{Lu}\p{N}]/u.test(t)); }
      else if (mm.type === null || mm.start > ts || mm.end < te || !/^[\p{Lu}\p{N}]/u.test(text.slice(mm.start, mm.start + 1))) {
        // unmapped kinds, spans cut inside a token, and lower-case mentions ("deutschen" is LOCderiv in GermEval) stay free
        cur.tokens.push(t); cur.tags.push(null); cur.free.push(true);
      }
      else {
        cur.tokens.push(t);
        cur.tags.push((lastMention === mi ? 'I-' : 'B-') + mm.type);
        cur.free.push(false);
        lastMention = mi;
      }
      if (!mm) lastMention = -1;
      if (t === '.' || t === '!' || t === '?') {
        const next = text.slice(te, te + 3);
        if (/^\s+[\p{Lu}„"]/u.test(next) && !(mm && mm.end > te)) flush();
      }
    }
  }
  flush();
  return res;
}
