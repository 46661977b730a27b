/**
 * Evaluation of the time stage against a hand-written table per language (test/time/table.<lang>.tsv):
 * one sentence per row with the expected expression marked [[…]], a reference (publication) date, the
 * clause tense it is written in (documentation for the reader), and the expected value and modifier.
 * A row is right when an item with exactly the marked span has the expected value and modifier; rows
 * with value "-" are negatives (nothing may overlap the mark); "null" means recognised but unresolvable.
 * A row may carry three more columns before the sentence — TIMEX3 type, value and mod ("-" for none) —
 * and is then right only when the item's TIMEX3 reading matches too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDoc } from '../text/index.js';
import { repoRoot } from '../util/paths.js';
import { extractTimeline } from './index.js';

export interface TimeTableRow {
  line: number;
  published: string | null;
  tense: string;
  /** Expected value; null = unresolvable; '-' = not a time expression. */
  value: string | null;
  modifier: string | null;
  text: string;
  span: { start: number; end: number };
  /** The expected TIMEX3 reading, on rows that give one. */
  timex?: { type: string; value: string; mod: string | null };
}

export interface TimeTableFailure {
  line: number;
  sentence: string;
  expected: string;
  got: string;
}

export interface TimeTableScore {
  lang: string;
  rows: number;
  correct: number;
  accuracy: number;
  failures: TimeTableFailure[];
}

/** table: 'table' (the main table) or 'heldout' (written after the rules, not tuned against). */
export const timeTablePath = (lang: string, table = 'table'): string => join(repoRoot, 'test', 'time', `${table}.${lang}.tsv`);

export function readTimeTable(lang: string, table = 'table'): TimeTableRow[] {
  const rows: TimeTableRow[] = [];
  const path = timeTablePath(lang, table);
  readFileSync(path, 'utf8').split('\n').forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const cols = raw.split('\t');
    if (cols.length !== 5 && cols.length !== 8) throw new Error(`${path}:${i + 1}: expected 5 or 8 tab-separated columns, got ${cols.length}`);
    const [published, tense, value, modifier] = cols;
    const marked = cols[cols.length - 1];
    const timex = cols.length === 8 ? { type: cols[4], value: cols[5], mod: cols[6] === '-' ? null : cols[6] } : undefined;
    if (timex && !['DATE', 'TIME', 'DURATION', 'SET'].includes(timex.type)) throw new Error(`${path}:${i + 1}: unknown TIMEX3 type "${timex.type}"`);
    const a = marked.indexOf('[[');
    const b = marked.indexOf(']]');
    if (a < 0 || b < a) throw new Error(`${path}:${i + 1}: no [[…]] mark`);
    rows.push({
      line: i + 1,
      published: published === '-' ? null : published,
      tense,
      value: value === 'null' ? null : value,
      modifier: modifier === '-' ? null : modifier,
      text: marked.slice(0, a) + marked.slice(a + 2, b) + marked.slice(b + 2),
      span: { start: a, end: b - 2 },
      ...(timex ? { timex } : {}),
    });
  });
  return rows;
}

export function evaluateTimeTable(lang: string, table = 'table'): TimeTableScore {
  const rows = readTimeTable(lang, table);
  const failures: TimeTableFailure[] = [];
  for (const row of rows) {
    const doc = buildDoc({ text: row.text, origin: `${table}.${lang}:${row.line}`, published: row.published, language: lang });
    const items = extractTimeline(doc);
    const marked = row.text.slice(row.span.start, row.span.end);
    const timexOf = (t: { type: string; value: string; mod?: string | null } | undefined) => (t ? ` [${t.type} ${t.value}${t.mod ? ' ' + t.mod : ''}]` : '');
    const describe = (t: (typeof items)[number]) => `"${t.text}" ${t.value ?? 'null'}${t.modifier ? ' ' + t.modifier : ''}${row.timex ? timexOf(t.timex) : ''}`;
    let ok: boolean;
    if (row.value === '-') {
      ok = !items.some((t) => t.start < row.span.end && row.span.start < t.end);
    } else {
      const hit = items.find((t) => t.start === row.span.start && t.end === row.span.end);
      ok = !!hit && hit.value === row.value && (hit.modifier ?? null) === row.modifier;
      if (ok && row.timex) ok = !!hit?.timex && hit.timex.type === row.timex.type && hit.timex.value === row.timex.value && (hit.timex.mod ?? null) === row.timex.mod;
    }
    if (!ok) {
      failures.push({
        line: row.line,
        sentence: row.text,
        expected: row.value === '-' ? `no time expression at "${marked}"` : `"${marked}" ${row.value ?? 'null'}${row.modifier ? ' ' + row.modifier : ''}${timexOf(row.timex)}`,
        got: items.length ? items.map(describe).join('; ') : 'nothing',
      });
    }
  }
  const correct = rows.length - failures.length;
  return { lang, rows: rows.length, correct, accuracy: rows.length ? correct / rows.length : 0, failures };
}
