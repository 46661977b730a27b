/** Printing news-gold scores: precision, recall and F1 per layer and language. */
import type { ArticleScore } from './score.js';
import { sumScores } from './score.js';

const prf = (matched: number, predicted: number, gold: number, good = matched) => {
  const p = predicted ? good / predicted : 0, r = gold ? good / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const f3 = (x: number) => x.toFixed(3);
const line = (name: string, x: { p: number; r: number; f: number }, extra = '') => `  ${name.padEnd(26)} P ${f3(x.p)}  R ${f3(x.r)}  F1 ${f3(x.f)}${extra}\n`;

export type Summary = ReturnType<typeof sumScores>;

/** The figures the issues name, per layer: one row each. */
export function summaryRows(t: Summary): Record<string, { p: number; r: number; f: number }> {
  return {
    'quotes (found)': prf(t.quotes.matched, t.quotes.predicted, t.quotes.gold),
    'quotes (speaker right)': prf(t.quotes.matched, t.quotes.predicted, t.quotes.gold, t.quotes.attributed),
    'anonymous sources (found)': prf(t.sources.matched, t.sources.predicted, t.sources.gold),
    'anonymous sources (count)': prf(t.sources.matched, t.sources.predicted, t.sources.gold, t.sources.counted),
    'roles': prf(t.roles.matched, t.roles.predicted, t.roles.gold),
    'relations (typed)': prf(t.relations.matched, t.relations.predicted, t.relations.gold),
    'relations (actor pairs)': prf(t.relations.pairs, t.relations.predictedPairs, t.relations.goldPairs),
    'time (relaxed extent)': prf(t.time.matched, t.time.predicted, t.time.gold),
    'time (strict extent)': prf(t.time.matched, t.time.predicted, t.time.gold, t.time.strict),
    'time (value)': prf(t.time.matched, t.time.predicted, t.time.gold, t.time.value),
    'actors (recall only)': prf(t.actors.matched, t.actors.predicted, t.actors.gold),
  };
}

export function formatSummary(title: string, t: Summary, articles: number): string {
  let out = `${title}: ${articles} article(s); gold quotes ${t.quotes.gold}, sources ${t.sources.gold}, roles ${t.roles.gold}, relations ${t.relations.gold}, time ${t.time.gold}\n`;
  for (const [k, v] of Object.entries(summaryRows(t))) out += line(k, v);
  return out;
}

export function formatMisses(scores: ArticleScore[], layers?: string[]): string {
  let out = '';
  for (const s of scores) {
    const m = s.misses.filter((x) => !layers || layers.includes(x.layer));
    if (!m.length) continue;
    out += `${s.file}\n`;
    for (const x of m) out += `  @${x.at} ${x.layer}: ${x.what}\n`;
  }
  return out;
}
