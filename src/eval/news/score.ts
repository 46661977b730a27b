/**
 * Scoring one annotation of an article against another: the gold against the system's output, or annotation pass
 * A against pass B (their agreement). Both sides are NewsGold-shaped (src/eval/news/from-analysis.ts converts an
 * analysis). The criteria are the guideline's ("Scoring", docs/annotation.md).
 */
import type { GoldActor, GoldSpan, NewsGold } from './types.js';

/** A predicted quote counts as the gold quote when it covers at least this share of the gold quote's words (issue 13). */
export const QUOTE_OVERLAP = 0.6;

export interface Count { gold: number; predicted: number; matched: number }
export interface Miss { layer: string; what: string; at: number }
export interface ArticleScore {
  file: string;
  quotes: Count & { attributed: number };
  sources: Count & { counted: number };
  roles: Count;
  relations: Count & { pairs: number; goldPairs: number; predictedPairs: number };
  time: Count & { strict: number; value: number };
  actors: Count;
  misses: Miss[];
}

const words = (text: string, s: GoldSpan): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  const re = /[\p{L}\p{N}]+/gu;
  const slice = text.slice(s.start, s.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push([s.start + m.index, s.start + m.index + m[0].length]);
  return out;
};

/** Share of the gold span's words that lie inside the predicted span. */
export function wordOverlap(text: string, gold: GoldSpan, pred: GoldSpan): number {
  const w = words(text, gold);
  if (!w.length) return 0;
  let inside = 0;
  for (const [a, b] of w) if (a >= pred.start && b <= pred.end) inside++;
  return inside / w.length;
}

const overlaps = (a: GoldSpan, b: GoldSpan) => a.start < b.end && b.start < a.end;
const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/[’']s$/u, '').replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
const namesOf = (a: GoldActor) => [a.name, ...(a.aliases ?? [])].map(norm).filter(Boolean);

/** Two actors are the same when a name of one equals a name of the other, or (persons) their surnames agree. */
export function sameActor(a: GoldActor | undefined, b: GoldActor | undefined): boolean {
  if (!a || !b) return false;
  const na = namesOf(a);
  const nb = new Set(namesOf(b));
  if (na.some((n) => nb.has(n))) return true;
  // "Staatsanwaltschaft in Manhattan" is "die Staatsanwaltschaft in Manhattan": a name of two words or more inside the other.
  const within = (x: string, y: string) => x.includes(' ') && ` ${y} `.includes(` ${x} `);
  if (na.some((x) => [...nb].some((y) => within(x, y) || within(y, x)))) return true;
  if (a.type === 'person' && b.type === 'person') {
    const last = (n: string) => n.split(' ').pop()!;
    const lb = new Set([...nb].map(last));
    return na.some((n) => n.length > 2 && lb.has(last(n)));
  }
  return false;
}

/** One-to-one greedy matching by a score (higher is better; <= 0 never matches). */
export function matchPairs<G, P>(gold: G[], pred: P[], score: (g: G, p: P) => number): Map<number, number> {
  const cands: Array<[number, number, number]> = [];
  gold.forEach((g, i) => pred.forEach((p, j) => { const s = score(g, p); if (s > 0) cands.push([s, i, j]); }));
  cands.sort((x, y) => y[0] - x[0]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [, i, j] of cands) if (!out.has(i) && !used.has(j)) { out.set(i, j); used.add(j); }
  return out;
}

export function scoreArticle(text: string, gold: NewsGold, pred: NewsGold): ArticleScore {
  const misses: Miss[] = [];
  const gActor = new Map(gold.actors.map((a) => [a.id, a]));
  const pActor = new Map(pred.actors.map((a) => [a.id, a]));
  const same = (g: string | null, p: string | null) => g !== null && p !== null && sameActor(gActor.get(g), pActor.get(p));

  // Quotes: span overlap, then the speaker (named actor) or the source (anonymous group, by its mentions).
  const qm = matchPairs(gold.quotes, pred.quotes, (g, p) => { const o = wordOverlap(text, g.at, p.at); return o >= QUOTE_OVERLAP ? o : 0; });
  const pSource = new Map(pred.sources.map((s) => [s.id, s]));
  const gSource = new Map(gold.sources.map((s) => [s.id, s]));
  const sourceAgrees = (g: string | null, p: string | null) => {
    const gs = g ? gSource.get(g) : undefined, ps = p ? pSource.get(p) : undefined;
    return !!gs && !!ps && gs.mentions.some((m) => ps.mentions.some((n) => overlaps(m, n)));
  };
  let attributed = 0;
  gold.quotes.forEach((g, i) => {
    const j = qm.get(i);
    if (j === undefined) { misses.push({ layer: 'quote', what: `not found (${g.kind}) "${g.at.check}"`, at: g.at.start }); return; }
    const p = pred.quotes[j]!;
    const ok = g.speaker ? same(g.speaker, p.speaker) : g.source ? sourceAgrees(g.source, p.source) : !p.speaker && !p.source;
    if (ok) attributed++;
    else misses.push({ layer: 'quote', what: `speaker: gold ${label(gActor, gSource, g.speaker, g.source)}, got ${label(pActor, pSource, p.speaker, p.source)} "${g.at.check}"`, at: g.at.start });
  });
  extras(pred.quotes, qm, (p) => ({ layer: 'quote', what: `extra "${p.at.check}"`, at: p.at.start }), misses);

  // Anonymous sources: a mention overlapping, then the count.
  const sm = matchPairs(gold.sources, pred.sources, (g, p) => (g.mentions.some((m) => p.mentions.some((n) => overlaps(m, n))) ? 1 : 0));
  let counted = 0;
  gold.sources.forEach((g, i) => {
    const j = sm.get(i);
    if (j === undefined) { misses.push({ layer: 'source', what: `not found "${g.description}"`, at: g.mentions[0]?.start ?? 0 }); return; }
    if (pred.sources[j]!.count === g.count) counted++;
    else misses.push({ layer: 'source', what: `count: gold ${g.count}, got ${pred.sources[j]!.count} "${g.description}"`, at: g.mentions[0]?.start ?? 0 });
  });
  extras(pred.sources, sm, (p) => ({ layer: 'source', what: `extra "${p.description}"`, at: p.mentions[0]?.start ?? 0 }), misses);

  // Roles: the holder and the title (one contains the other, case-insensitive).
  const titleAgrees = (a: string, b: string) => { const x = norm(a), y = norm(b); return !!x && !!y && (x.includes(y) || y.includes(x)); };
  const rm = matchPairs(gold.roles, pred.roles, (g, p) => (same(g.holder, p.holder) && titleAgrees(g.title, p.title) ? 1 : 0));
  gold.roles.forEach((g, i) => { if (!rm.has(i)) misses.push({ layer: 'role', what: `not found ${gActor.get(g.holder)?.name}: ${g.title}`, at: g.at.start }); });
  extras(pred.roles, rm, (p) => ({ layer: 'role', what: `extra ${pActor.get(p.holder)?.name}: ${p.title}`, at: p.at.start }), misses);

  // Relations: typed (both ends and the type; symmetric types in either direction) and by actor pair.
  const base = (t: string) => t.split('/')[0]!;
  const ends = (g: { subject: string; object: string }, p: { subject: string; object: string }) =>
    (same(g.subject, p.subject) && same(g.object, p.object)) || (same(g.subject, p.object) && same(g.object, p.subject));
  const gRel = [...gold.relations, ...tiesOfRoles(gold)];
  const pRel = [...pred.relations, ...tiesOfRoles(pred)];
  const tm = matchPairs(gRel, pRel, (g, p) => (base(g.type) === base(p.type) && ends(g, p) ? 1 : 0));
  gRel.forEach((g, i) => { if (!tm.has(i)) misses.push({ layer: 'relation', what: `not found ${gActor.get(g.subject)?.name} ${g.type} ${gActor.get(g.object)?.name}`, at: g.at.start }); });
  extras(pRel, tm, (p) => ({ layer: 'relation', what: `extra ${pActor.get(p.subject)?.name} ${p.type} ${pActor.get(p.object)?.name}`, at: p.at.start }), misses);
  const pairsOf = (rels: Array<{ subject: string; object: string }>) => dedupePairs(rels);
  const gPairs = pairsOf(gRel), pPairs = pairsOf(pRel);
  const pm = matchPairs(gPairs, pPairs, (g, p) => (ends(g, p) ? 1 : 0));

  // Time: relaxed (overlap) extent, strict extent, value on the relaxed matches.
  const tmm = matchPairs(gold.time, pred.time, (g, p) => (overlaps(g.at, p.at) ? 1 + (g.at.start === p.at.start && g.at.end === p.at.end ? 1 : 0) : 0));
  let strict = 0, value = 0;
  gold.time.forEach((g, i) => {
    const j = tmm.get(i);
    if (j === undefined) { misses.push({ layer: 'time', what: `not found "${g.at.check}" ${g.value}`, at: g.at.start }); return; }
    const p = pred.time[j]!;
    if (p.at.start === g.at.start && p.at.end === g.at.end) strict++;
    if (p.value === g.value) value++;
    else misses.push({ layer: 'time', what: `value: gold ${g.value}, got ${p.value} "${g.at.check}"`, at: g.at.start });
  });

  extras(pred.time, tmm, (p) => ({ layer: 'time', what: `extra "${p.at.check}" ${p.value}`, at: p.at.start }), misses);

  const am = matchPairs(gold.actors, pred.actors, (g, p) => (sameActor(g, p) ? 1 : 0));
  misses.sort((a, b) => a.at - b.at);
  return {
    file: gold.file,
    quotes: { gold: gold.quotes.length, predicted: pred.quotes.length, matched: qm.size, attributed },
    sources: { gold: gold.sources.length, predicted: pred.sources.length, matched: sm.size, counted },
    roles: { gold: gold.roles.length, predicted: pred.roles.length, matched: rm.size },
    relations: { gold: gRel.length, predicted: pRel.length, matched: tm.size, pairs: pm.size, goldPairs: gPairs.length, predictedPairs: pPairs.length },
    time: { gold: gold.time.length, predicted: pred.time.length, matched: tmm.size, strict, value },
    actors: { gold: gold.actors.length, predicted: pred.actors.length, matched: am.size },
    misses,
  };
}

/** The predicted items no gold item matched (false alarms). */
function extras<P>(pred: P[], matched: Map<number, number>, miss: (p: P) => Miss, into: Miss[]): void {
  const used = new Set(matched.values());
  pred.forEach((p, j) => { if (!used.has(j)) into.push(miss(p)); });
}

function label(actors: Map<string, GoldActor>, sources: Map<string, { description: string }>, speaker: string | null, source: string | null): string {
  if (speaker) return actors.get(speaker)?.name ?? speaker;
  if (source) return `[${sources.get(source)?.description ?? source}]`;
  return 'none';
}

/** Ties implied by role titles (the guideline keeps them in roles[].tie, not in relations[]). */
export function tiesOfRoles(g: NewsGold): Array<{ subject: string; object: string; type: string; at: GoldSpan }> {
  return g.roles.filter((r) => r.tie && r.of).map((r) => ({ subject: r.holder, object: r.of!, type: r.tie!, at: r.at }));
}

function dedupePairs<T extends { subject: string; object: string }>(rels: T[]): T[] {
  const seen = new Set<string>();
  return rels.filter((r) => { const k = [r.subject, r.object].sort().join('|'); if (seen.has(k)) return false; seen.add(k); return true; });
}

/** Sum of article scores (counts add up; rates are computed by the printer). */
export function sumScores(scores: ArticleScore[]): Omit<ArticleScore, 'file' | 'misses'> {
  const z = () => ({ gold: 0, predicted: 0, matched: 0 });
  const t = {
    quotes: { ...z(), attributed: 0 }, sources: { ...z(), counted: 0 }, roles: z(),
    relations: { ...z(), pairs: 0, goldPairs: 0, predictedPairs: 0 }, time: { ...z(), strict: 0, value: 0 }, actors: z(),
  };
  for (const s of scores) for (const layer of Object.keys(t) as Array<keyof typeof t>) {
    const into = t[layer] as unknown as Record<string, number>;
    const from = s[layer] as unknown as Record<string, number>;
    for (const k of Object.keys(into)) into[k]! += from[k]!;
  }
  return t;
}
