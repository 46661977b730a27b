/** Exact-span (conlleval-style) evaluation, plus GermEval's outer metric with -deriv/-part folded in. */

export interface Span { start: number; end: number; type: string }

/** Chunks from BIO tags, conlleval-style: an I- that does not continue a chunk of its type starts a new chunk. */
export function spansFromTags(tags: ArrayLike<string>): Span[] {
  const spans: Span[] = [];
  let cur: Span | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 'O' || t.length < 3) {
      if (cur) { cur.end = i; spans.push(cur); cur = null; }
      continue;
    }
    const prefix = t[0];
    const type = t.slice(2);
    if (prefix === 'I' && cur && cur.type === type) continue;
    if (cur) { cur.end = i; spans.push(cur); }
    cur = { start: i, end: i + 1, type };
  }
  if (cur) { cur.end = tags.length; spans.push(cur); }
  return spans;
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Prf { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; gold: number; predicted: number }
export interface EvalResult { overall: Prf; byType: Record<string, Prf> }

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp: c.tp, fp: c.fp, fn: c.fn, gold: c.tp + c.fn, predicted: c.tp + c.fp };
}

/**
 * Exact-span P/R/F1 over sentence pairs of gold and predicted tag sequences.
 * `mapType` folds types (e.g. PERderiv -> PER) before comparing.
 */
export function evaluate(gold: ArrayLike<string>[], pred: ArrayLike<string>[], mapType: (t: string) => string = (t) => t): EvalResult {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const per = new Map<string, Counts>();
  const get = (t: string): Counts => {
    let c = per.get(t);
    if (!c) { c = { tp: 0, fp: 0, fn: 0 }; per.set(t, c); }
    return c;
  };
  for (let s = 0; s < gold.length; s++) {
    const g = spansFromTags(gold[s]).map((x) => ({ ...x, type: mapType(x.type) }));
    const p = spansFromTags(pred[s]).map((x) => ({ ...x, type: mapType(x.type) }));
    const gk = new Set(g.map((x) => `${x.start}:${x.end}:${x.type}`));
    const pk = new Set(p.map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of p) {
      const k = `${x.start}:${x.end}:${x.type}`;
      if (gk.has(k)) { total.tp++; get(x.type).tp++; } else { total.fp++; get(x.type).fp++; }
    }
    for (const x of g) {
      const k = `${x.start}:${x.end}:${x.type}`;
      if (!pk.has(k)) { total.fn++; get(x.type).fn++; }
    }
  }
  const byType: Record<string, Prf> = {};
  for (const t of [...per.keys()].sort()) byType[t] = prf(per.get(t)!);
  return { overall: prf(total), byType };
}

/** PERderiv -> PER, LOCpart -> LOC, MISC stays. */
export const foldDerived = (t: string): string => t.replace(/(deriv|part)$/, '');

export function formatEval(title: string, r: EvalResult): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const lines = [title, `${'type'.padEnd(10)} ${'prec'.padStart(6)} ${'rec'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(6)} ${'pred'.padStart(6)}`];
  for (const [t, m] of Object.entries(r.byType)) {
    lines.push(`${t.padEnd(10)} ${pct(m.precision)} ${pct(m.recall)} ${pct(m.f1)} ${String(m.gold).padStart(6)} ${String(m.predicted).padStart(6)}`);
  }
  const m = r.overall;
  lines.push(`${'overall'.padEnd(10)} ${pct(m.precision)} ${pct(m.recall)} ${pct(m.f1)} ${String(m.gold).padStart(6)} ${String(m.predicted).padStart(6)}`);
  return lines.join('\n');
}
