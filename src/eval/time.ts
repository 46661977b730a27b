/**
 * `backchannel eval time --set tables|news-dev|news-test`: the time stage against TIMEX3 gold, scored as
 * TempEval-3 scores temporal taggers — extent precision/recall/F1, strict (same start and end) and relaxed
 * (overlap), and value accuracy on the relaxed matches (plus value F1: right values over system and gold),
 * per TIMEX3 type and language.
 *
 * Gold: the expression tables (test/time/table.<lang>.tsv, src/time/eval.ts reads them) and the real-news
 * gold test/gold/news/<lang>/<NNN>.json (backchannel.news-gold/1, src/eval/news/types.ts: "time": [{"at":
 * {start, end, check}, type, value, mod}]), read through the shared news-gold reader; every third article
 * number is test, the rest dev (../shared/corpus/news/README.md).
 */
import { buildDoc } from '../text/index.js';
import { extractTimeline } from '../time/index.js';
import { readTimeTable } from '../time/eval.js';
import type { TimelineItem } from '../contract/schema.js';
import { spanMatches } from './news/anchor.js';
import { newsGoldDir, readNewsGold, type NewsSet } from './news/run.js';
import { newsDir, readNewsText, textHash } from './news/text.js';
import { TIMEX_TYPES, type NewsGold } from './news/types.js';

export interface TimexSpan {
  start: number;
  end: number;
  type: string;
  value: string;
  mod: string | null;
}

export interface GoldTimex extends TimexSpan {
  /** "first … last words" of the span, to catch offsets that slipped. */
  check?: string;
}

export interface Prf { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

export interface TypeScore { gold: number; system: number; found: number; rightValue: number; rightType: number }

export interface TimeScore {
  documents: number;
  gold: number;
  system: number;
  strict: Prf;
  relaxed: Prf;
  /** Right values among the relaxed matches. */
  valueAccuracy: number;
  /** TempEval-3 value F1: right values over system expressions (P) and gold expressions (R). */
  value: Prf;
  /** Right TIMEX3 mod among the relaxed matches. */
  modAccuracy: number;
  byType: Record<string, TypeScore>;
  errors: string[];
}

export type TimeSet = 'tables' | 'news-dev' | 'news-test';
export const TIME_SETS: TimeSet[] = ['tables', 'news-dev', 'news-test'];

export interface TimeSetResult {
  set: TimeSet;
  /** Where gold came from and how much of it there was ("0 gold files" is reported, not an error). */
  source: string;
  goldFiles: number;
  byLang: Record<string, TimeScore>;
  /** Gold spans skipped because their check words did not match the text (file and index named). */
  problems: string[];
}

const prf = (tp: number, fp: number, fn: number): Prf => {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/**
 * Equal TIMEX3 values written differently: P1DE = P10Y, P1CE = P100Y, P0.5Y = P6M, case. Anything else
 * must match exactly (P1W is not P7D: TimeML keeps the unit the text uses).
 */
export function canonicalValue(v: string): string {
  const s = v.trim().toUpperCase();
  const m = /^P(\d+(?:\.\d+)?)(DE|CE|Y)$/.exec(s);
  if (!m) return s;
  const years = parseFloat(m[1]) * (m[2] === 'DE' ? 10 : m[2] === 'CE' ? 100 : 1);
  return Number.isInteger(years) ? `P${years}Y` : Number.isInteger(years * 12) ? `P${years * 12}M` : s;
}

/** What the system says, as TIMEX3 spans: a range's two ends separately, as TimeML annotates them. */
export function systemTimexes(timeline: TimelineItem[], splitRanges = true): TimexSpan[] {
  const out: TimexSpan[] = [];
  for (const t of timeline) {
    const x = t.timex;
    if (!x) { out.push({ start: t.start, end: t.end, type: 'DATE', value: t.value ?? 'XXXX', mod: t.modifier ?? null }); continue; }
    if (splitRanges && x.parts?.length) for (const p of x.parts) out.push({ start: p.start, end: p.end, type: p.type, value: p.value, mod: p.mod });
    else out.push({ start: t.start, end: t.end, type: x.type, value: x.value, mod: x.mod });
  }
  return out;
}

/** Accumulates one language's counts over documents. */
export class TimeScorer {
  private docs = 0;
  private gold = 0;
  private system = 0;
  private strictTp = 0;
  private relaxedTp = 0;
  private rightValue = 0;
  private rightMod = 0;
  private byType: Record<string, TypeScore> = {};
  private errors: string[] = [];

  private type(t: string): TypeScore {
    return (this.byType[t] ??= { gold: 0, system: 0, found: 0, rightValue: 0, rightType: 0 });
  }

  /** Scores one document: each gold span pairs with at most one system span (exact extent first, then the largest overlap). */
  add(name: string, text: string, gold: GoldTimex[], sys: TimexSpan[]): void {
    this.docs++;
    this.gold += gold.length;
    this.system += sys.length;
    for (const s of sys) this.type(s.type).system++;
    const used = new Set<number>();
    const quote = (x: { start: number; end: number }) => `"${text.slice(x.start, x.end).replace(/\s+/g, ' ')}"@${x.start}`;
    for (const g of gold) {
      const ts = this.type(g.type);
      ts.gold++;
      let best = -1;
      let bestOverlap = 0;
      for (let i = 0; i < sys.length; i++) {
        if (used.has(i)) continue;
        const s = sys[i];
        if (s.start === g.start && s.end === g.end) { best = i; break; }
        const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
        if (overlap > bestOverlap) { best = i; bestOverlap = overlap; }
      }
      if (best < 0) { this.errors.push(`${name}: missed ${quote(g)} ${g.type} ${g.value}`); continue; }
      used.add(best);
      const s = sys[best];
      this.relaxedTp++;
      ts.found++;
      if (s.start === g.start && s.end === g.end) this.strictTp++;
      if (s.type === g.type) ts.rightType++;
      const valueOk = canonicalValue(s.value) === canonicalValue(g.value);
      if (valueOk) { this.rightValue++; ts.rightValue++; }
      else this.errors.push(`${name}: ${quote(g)} ${g.type} ${g.value} → got ${quote(s)} ${s.type} ${s.value}`);
      if ((s.mod ?? null) === (g.mod ?? null)) this.rightMod++;
    }
    sys.forEach((s, i) => { if (!used.has(i)) this.errors.push(`${name}: false alarm ${quote(s)} ${s.type} ${s.value}`); });
  }

  result(): TimeScore {
    return {
      documents: this.docs,
      gold: this.gold,
      system: this.system,
      strict: prf(this.strictTp, this.system - this.strictTp, this.gold - this.strictTp),
      relaxed: prf(this.relaxedTp, this.system - this.relaxedTp, this.gold - this.relaxedTp),
      valueAccuracy: this.relaxedTp ? this.rightValue / this.relaxedTp : 0,
      value: prf(this.rightValue, this.system - this.rightValue, this.gold - this.rightValue),
      modAccuracy: this.relaxedTp ? this.rightMod / this.relaxedTp : 0,
      byType: this.byType,
      errors: this.errors,
    };
  }
}

/**
 * The tables as TIMEX3 gold: each marked row is one gold expression. Rows with TIMEX3 columns are scored on
 * the TIMEX3 value; older rows (resolved value only) on the resolved value, under the type "RESOLVED". System
 * expressions count only where they overlap a row's mark (the rest of a sentence is not annotated); a
 * negative row's mark ("-") must stay empty.
 */
export function evaluateTables(langs: string[]): TimeSetResult {
  const byLang: Record<string, TimeScore> = {};
  for (const lang of langs) {
    const scorer = new TimeScorer();
    for (const table of ['table', 'heldout']) {
      for (const row of readTimeTable(lang, table)) {
        const doc = buildDoc({ text: row.text, origin: `${table}.${lang}:${row.line}`, published: row.published, language: lang });
        const items = extractTimeline(doc).filter((t) => t.start < row.span.end && row.span.start < t.end);
        const sys = row.timex ? systemTimexes(items, false) : items.map((t) => ({ start: t.start, end: t.end, type: 'RESOLVED', value: t.value ?? 'null', mod: t.modifier ?? null }));
        const gold: GoldTimex[] = row.value === '-' ? [] : [{
          start: row.span.start,
          end: row.span.end,
          type: row.timex?.type ?? 'RESOLVED',
          value: row.timex?.value ?? row.value ?? 'null',
          mod: row.timex ? row.timex.mod : row.modifier,
        }];
        scorer.add(`${table}.${lang}.tsv:${row.line}`, row.text, gold, sys);
      }
    }
    byLang[lang] = scorer.result();
  }
  return { set: 'tables', source: 'test/time/{table,heldout}.<lang>.tsv', goldFiles: langs.length * 2, byLang, problems: [] };
}

const langOf = (g: NewsGold): string => g.file.slice(0, 2);
const nameOf = (g: NewsGold): string => `${langOf(g)}/${/(\d{3})_/.exec(g.file)?.[1] ?? g.file}`;

/** The time items of one gold file as scorer input; an item of the wrong shape is an error naming the gold file. */
function goldTimexes(g: NewsGold): GoldTimex[] {
  if (g.time !== undefined && !Array.isArray(g.time)) throw new Error(`gold of ${g.file}: "time" must be an array`);
  return (g.time ?? []).map((t, i) => {
    const where = `gold of ${g.file}: time[${i}]`;
    const at = t.at as Partial<GoldTimex> | undefined;
    if (!at || !Number.isInteger(at.start) || !Number.isInteger(at.end)) throw new Error(`${where}: "at" must be {start, end, check} with integer offsets`);
    if (!(TIMEX_TYPES as readonly string[]).includes(t.type)) throw new Error(`${where}: type must be ${TIMEX_TYPES.join(', ')}, got ${JSON.stringify(t.type)}`);
    if (typeof t.value !== 'string' || !t.value) throw new Error(`${where}: value must be a TIMEX3 value string`);
    return { start: at.start!, end: at.end!, check: at.check, type: t.type, value: t.value, mod: t.mod ?? null };
  });
}

/**
 * The real-news gold of a split, read and checked by the shared news-gold mechanism (src/eval/news: the split,
 * the text hash, the check words), scored by the TIMEX3 scorer above. A gold span whose check words no longer
 * match the text is reported and skipped; an article whose text changed since it was annotated is an error.
 */
export async function evaluateNews(set: NewsSet, langs: string[], goldDir = newsGoldDir, corpusDir = newsDir): Promise<TimeSetResult> {
  const files = readNewsGold(set, goldDir).filter((g) => langs.includes(langOf(g)));
  const scorers = new Map<string, TimeScorer>();
  const problems: string[] = [];
  for (const g of files) {
    const gold = goldTimexes(g);
    const news = await readNewsText(g.file, corpusDir);
    if (textHash(news.text) !== g.textHash) throw new Error(`${g.file}: the article's text changed since it was annotated (run backchannel gold check)`);
    const doc = buildDoc({ text: news.text, origin: g.file, published: news.published, language: news.language ?? langOf(g), title: news.title });
    const checked = gold.filter((t, i) => {
      const ok = spanMatches(doc.text, { start: t.start, end: t.end, check: t.check ?? '' });
      if (!ok) problems.push(`${nameOf(g)}: time[${i}] ${t.start}-${t.end} reads "${doc.text.slice(t.start, t.end).slice(0, 60)}", not "${t.check}"; span skipped`);
      return ok;
    });
    const scorer = scorers.get(langOf(g)) ?? new TimeScorer();
    scorers.set(langOf(g), scorer);
    scorer.add(nameOf(g), doc.text, checked, systemTimexes(extractTimeline(doc)));
  }
  const byLang: Record<string, TimeScore> = {};
  for (const [lang, s] of scorers) byLang[lang] = s.result();
  return { set, source: goldDir, goldFiles: files.length, byLang, problems };
}

export async function evaluateTimeSet(set: TimeSet, langs: string[], goldDir?: string): Promise<TimeSetResult> {
  if (set === 'tables') return evaluateTables(langs);
  return evaluateNews(set, langs, goldDir ?? newsGoldDir);
}

const f3 = (x: number) => x.toFixed(3);
const line = (name: string, p: Prf) => `${name} P ${f3(p.precision)} R ${f3(p.recall)} F1 ${f3(p.f1)}`;

/** The report `eval time` prints. */
export function formatTimeSet(r: TimeSetResult, errors = false): string {
  const out: string[] = [];
  const langs = Object.keys(r.byLang);
  if (r.set !== 'tables') {
    const per = langs.map((l) => `${l} ${r.byLang[l].documents}`).join(', ');
    out.push(`time ${r.set}: ${r.goldFiles} gold file${r.goldFiles === 1 ? '' : 's'} found in ${r.source}${per ? ` (${per})` : ''}`);
    if (!r.goldFiles) out.push('  nothing to score yet (gold files are test/gold/news/<lang>/<NNN>.json with a "time" list)');
  }
  for (const lang of langs) {
    const s = r.byLang[lang];
    out.push(`time ${r.set} ${lang}: ${s.gold} gold, ${s.system} system expressions in ${s.documents} ${r.set === 'tables' ? 'rows' : 'documents'}`);
    out.push(`  extent  ${line('strict ', s.strict)}  |  ${line('relaxed', s.relaxed)}`);
    out.push(`  value   accuracy ${f3(s.valueAccuracy)} (${s.value.tp}/${s.relaxed.tp} matched)  |  ${line('value F1:', s.value)}  |  mod accuracy ${f3(s.modAccuracy)}`);
    for (const [type, t] of Object.entries(s.byType).sort()) {
      out.push(`  ${type.padEnd(9)} gold ${String(t.gold).padStart(4)}  found ${String(t.found).padStart(4)}  right value ${String(t.rightValue).padStart(4)}${t.gold ? ` (${(100 * t.rightValue / t.gold).toFixed(1)}%)` : ''}  right type ${t.rightType}  system ${t.system}`);
    }
    if (errors) for (const e of s.errors) out.push(`  ${e}`);
  }
  for (const p of r.problems) out.push(`  gold problem: ${p}`);
  return out.join('\n');
}
