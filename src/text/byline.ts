/**
 * Credits and datelines. Wire reports end with "(Reporting by A and B in X; Editing by C)" or start with
 * "By A, B and C"; datelines open the first paragraph ("TOKYO (Reuters) -"). The people named there are
 * the article's authors, not its actors. Cue phrases come from lang/<code>/text/credits.json.
 */
import type { Byline, Dateline, Paragraph, Span } from './types.js';
import type { CreditCues } from './lang-data.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function findByline(text: string, paragraphs: Paragraph[], cues: CreditCues[]): Byline {
  const reporters: string[] = [];
  const editors: string[] = [];
  let span: Span | null = null;
  const allReporter = cues.flatMap((c) => c.reporters).filter((c) => c !== 'By' && c !== 'Von');
  const allEditor = cues.flatMap((c) => c.editors);
  const connectors = [...new Set(cues.flatMap((c) => c.connectors))];
  const places = [...new Set(cues.flatMap((c) => c.placePrepositions))];
  if (!allReporter.length && !allEditor.length) return { reporters, editors, span };
  const cueRe = new RegExp(`\\((\\s*(?:${[...allReporter, ...allEditor].map(escape).join('|')})\\b[^()]*)\\)\\s*$`, 'u');
  // Look in the last paragraphs: the credit line closes the article.
  for (let p = paragraphs.length - 1; p >= Math.max(0, paragraphs.length - 3) && !span; p--) {
    const para = paragraphs[p];
    const body = text.slice(para.start, para.end);
    const m = cueRe.exec(body);
    if (!m) continue;
    const start = para.start + m.index;
    span = { start, end: para.end, text: text.slice(start, para.end) };
    for (const part of m[1].split(';')) {
      const piece = part.trim();
      const ed = allEditor.find((c) => piece.toLowerCase().startsWith(c.toLowerCase()));
      const rep = allReporter.find((c) => piece.toLowerCase().startsWith(c.toLowerCase()));
      const cue = ed ?? rep;
      if (!cue) continue;
      const names = splitNames(piece.slice(cue.length), connectors, places);
      (ed ? editors : reporters).push(...names);
    }
  }
  if (!span) {
    // "By A, B and C" / "Von A und B" as a line of its own near the top.
    const byCues = cues.flatMap((c) => c.reporters).filter((c) => c === 'By' || c === 'Von');
    for (let p = 0; p < Math.min(3, paragraphs.length) && byCues.length; p++) {
      const para = paragraphs[p];
      const line = text.slice(para.start, para.end);
      const m = new RegExp(`^(?:${byCues.map(escape).join('|')})\\s+(\\p{Lu}[^\\n]{1,150})$`, 'u').exec(line);
      if (!m || /[.!?]$/.test(line)) continue;
      const names = splitNames(m[1], connectors, places);
      if (!names.length || names.some((n) => n.split(/\s+/).length > 4)) continue;
      reporters.push(...names);
      span = { start: para.start, end: para.end, text: line };
    }
  }
  return { reporters: dedupe(reporters), editors: dedupe(editors), span };
}

/** "A, B und C in Tokio; weitere …" → ["A", "B", "C"]: drop place phrases, split on commas and connectors. */
function splitNames(s: string, connectors: string[], places: string[]): string[] {
  const connectorRe = new RegExp(`\\s+(?:${connectors.map(escape).join('|')})\\s+`, 'gu');
  const placeRe = new RegExp(`\\s+(?:${places.map(escape).join('|')})\\s+\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)?`, 'gu');
  return s
    .replace(placeRe, ',')
    .replace(connectorRe, ',')
    .split(',')
    .map((x) => x.trim().replace(/[.;:]$/, ''))
    .filter((x) => /^\p{Lu}/u.test(x) && x.split(/\s+/).length <= 4);
}

const dedupe = (xs: string[]) => [...new Set(xs)];

const DATELINE = /^((?:\p{Lu}[\p{Lu}\p{L}.'’-]*)(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*[\p{L} .]+?)?)\s*\(([^()\n]{2,40})\)\s*[-–—]+\s*/u;

/** "WASHINGTON —", "KYIV, Ukraine —": a place in capitals and a dash, no agency (the AP house style). */
const DATELINE_DASH = /^(\p{Lu}{2,}[\p{Lu}.'’-]*(?:[ ,]+\p{Lu}{2,}[\p{Lu}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?)\s+[–—]\s+/u;

export function findDateline(text: string, paragraphs: Paragraph[]): Dateline | null {
  for (const para of paragraphs.slice(0, 3)) {
    if (para.heading) continue;
    const body = text.slice(para.start, para.end);
    const m = DATELINE.exec(body) ?? DATELINE_DASH.exec(body);
    if (!m) return null;
    const end = para.start + m[0].trimEnd().length;
    return { place: m[1].trim(), agency: (m[2] ?? '').trim(), span: { start: para.start, end, text: text.slice(para.start, end) } };
  }
  return null;
}
