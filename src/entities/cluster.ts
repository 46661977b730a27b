/**
 * Mention clustering within one article: "Donald Trump" … "Trump" … "Trumps"; "Liberaldemokratische Partei
 * Japans (LDP)" … "LDP"; "U.S. Steel"/"US Steel". Persons join by name suffix (last name) to the nearest
 * full name; organisations and places by a lightly stemmed key; gazetteer hits by their known entity.
 * Persons and places never merge (type sanity). Sets `cand.entity` to a cluster key.
 */
import type { EntityType } from '../contract/schema.js';
import type { Ctx, Cand } from './context.js';
import { foldKey, isUpper } from './context.js';
import type { GazTarget } from './lexicon.js';

export interface Cluster {
  key: string;
  type: EntityType;
  target?: GazTarget;
  cands: Cand[];
}

class UnionFind {
  private parent = new Map<string, string>();
  find(k: string): string {
    let p = this.parent.get(k);
    if (p === undefined) { this.parent.set(k, k); return k; }
    if (p === k) return k;
    p = this.find(p);
    this.parent.set(k, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    // Keep person and target roots as representatives so their keys stay meaningful.
    if (ra !== rb) { if (rb.startsWith('T:') || (rb.startsWith('P:') && !ra.startsWith('T:'))) this.parent.set(ra, rb); else this.parent.set(rb, ra); }
  }
}

/** German inflection is stripped from organisation keys so "Liberaldemokratischen Partei" meets "Liberaldemokratische Partei". */
function stemKey(key: string, lang: string): string {
  if (lang !== 'de') return key;
  return key.split(' ').map((w) => (w.length >= 5 ? w.replace(/(en|er|es|em|e|s|n)$/, '') : w)).join(' ');
}

/** German genitive: "Trumps" → "Trump" when "Trump" is known as a name in the article. */
export function stripGenitives(ctx: Ctx, cands: Cand[]): void {
  const suffixes = ctx.lex.words.genitiveSuffixes;
  retypePersons(ctx, cands);
  // After a genitive article a single-word name carries the ending: "des Kongresses", "des Kremls".
  for (const c of cands) {
    if (c.target || c.type === 'person' || c.kind !== 'name' || c.surface.includes(' ') || c.tokenStart === 0) continue;
    if (!ctx.lex.genitiveArticles.has(ctx.low[c.tokenStart - 1])) continue;
    const m = /^(.{3,}?)(es|s)$/u.exec(c.surface);
    if (!m) continue;
    c.surface = m[1];
    c.key = foldKey(m[1]);
    c.genitive = true;
    c.kind = 'possessive';
  }
  const known = new Set<string>();
  for (const c of cands) if (!c.target && c.kind !== 'demonym') {
    known.add(c.surface);
    const ws = c.surface.split(' ');
    if (c.type === 'person' && ws.length > 1) known.add(ws[ws.length - 1]);
  }
  for (const c of cands) {
    if (c.target || c.genitive || c.kind === 'demonym') { if (c.genitive && c.kind === 'name') c.kind = 'possessive'; continue; }
    for (const g of suffixes) {
      if (!c.surface.endsWith(g) || c.surface.length <= g.length + 1) continue;
      const base = c.surface.slice(0, -g.length);
      if (!known.has(base)) continue;
      c.surface = base;
      c.key = c.key.slice(0, -g.length);
      c.genitive = true;
      if (c.kind === 'name') c.kind = 'possessive';
      break;
    }
    if (c.genitive && c.kind === 'name') c.kind = 'possessive';
  }
}

/**
 * Type sanity across a tagger's slips: "Ado Machida" tagged as an organisation while "Machida" is a person →
 * a person; "Asos Reise" (a person's genitive + a noun) → the person's possessive.
 */
function retypePersons(ctx: Ctx, cands: Cand[]): void {
  const personWords = new Set<string>();
  for (const c of cands) if (c.type === 'person' && !c.target) { const ws = c.key.split(' '); personWords.add(ws[ws.length - 1]); }
  const suffixes = ctx.lex.words.genitiveSuffixes;
  for (const c of cands) {
    if (c.type === 'person' || c.target || c.kind !== 'name' || c.source !== 'ner') continue;
    const ws = c.surface.split(' ');
    const keys = c.key.split(' ');
    if (ws.length < 2 || ws.length > 4) continue;
    if (personWords.has(keys[keys.length - 1]) && ws.every((w) => isUpper(w[0]))) { c.type = 'person'; continue; }
    const first = ws[0];
    const g = suffixes.find((x) => first.endsWith(x) && personWords.has(keys[0].slice(0, -x.length)));
    if (g) {
      c.type = 'person';
      c.surface = first.slice(0, -g.length);
      c.key = keys[0].slice(0, -g.length);
      c.end = c.start + first.length;
      c.tokenEnd = ctx.tokenAt(c.end - 1) + 1;
      c.genitive = true;
      c.kind = 'possessive';
    }
  }
}

export function clusterCands(ctx: Ctx, cands: Cand[], acronyms: { acronym: Cand; of: Cand }[]): Map<string, Cluster> {
  const uf = new UnionFind();
  const lang = ctx.lex.lang;
  const persons = cands.filter((c) => !c.target && c.type === 'person');
  // Full names (two words or more); a shorter full name that ends a longer one joins it ("Jong Un" → "Kim Jong Un").
  const full = new Map<string, string[]>();
  for (const c of persons) { const ws = c.key.split(' '); if (ws.length > 1) full.set(c.key, ws); }
  const fullKeys = [...full.keys()].sort((a, b) => full.get(b)!.length - full.get(a)!.length);
  // Proper word suffixes of each full name → the longest full name ending with them (first in that order).
  const longerBySuffix = new Map<string, string>();
  for (const o of fullKeys) {
    const ws = full.get(o)!;
    for (let s = 1; s < ws.length; s++) { const suf = ws.slice(s).join(' '); if (!longerBySuffix.has(suf)) longerBySuffix.set(suf, o); }
  }
  const fullRoot = new Map<string, string>();
  for (const k of fullKeys) {
    const longer = longerBySuffix.get(k);
    fullRoot.set(k, longer ? fullRoot.get(longer) ?? longer : k);
  }
  // Positions of full-name mentions per root (sorted), for the nearest-match rule on shared last names.
  const posByRoot = new Map<string, number[]>();
  for (const c of persons) { const r = fullRoot.get(c.key); if (r) (posByRoot.get(r) ?? posByRoot.set(r, []).get(r)!).push(c.start); }
  for (const ps of posByRoot.values()) ps.sort((a, b) => a - b);
  const lastNames = new Map<string, Set<string>>();
  for (const r of new Set(fullRoot.values())) {
    const ws = full.get(r)!;
    for (let s = 1; s < ws.length; s++) {
      const part = ws.slice(s).join(' ');
      (lastNames.get(part) ?? lastNames.set(part, new Set()).get(part)!).add(r);
    }
  }
  const paras = ctx.doc.paragraphs;
  const paragraphOf = (pos: number): number => {
    let lo = 0, hi = paras.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (paras[mid].end <= pos) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const personKey = (c: Cand): string | null => {
    const r = fullRoot.get(c.key);
    if (r) return 'P:' + r;
    const roots = lastNames.get(c.key);
    if (roots && roots.size === 1) return 'P:' + [...roots][0];
    if (roots && roots.size > 1) {
      // Shared last name ("Solberg" after Arne, Ingrid and Olav Solberg): the nearest earlier full name in the same
      // paragraph; else the one introduced first (the story's subject); else the nearest later one.
      const para = paragraphOf(c.start);
      let near: { pos: number; root: string } | null = null;
      let first: { pos: number; root: string } | null = null;
      let later: { pos: number; root: string } | null = null;
      for (const root of roots) {
        const ps = posByRoot.get(root);
        if (!ps) continue;
        const i = upperBound(ps, c.start); // ps[i - 1] <= c.start < ps[i]
        if (i > 0) {
          if (paragraphOf(ps[i - 1]) === para && (!near || ps[i - 1] > near.pos)) near = { pos: ps[i - 1], root };
          if (!first || ps[0] < first.pos) first = { pos: ps[0], root };
        } else if (!later || ps[0] < later.pos) later = { pos: ps[0], root };
      }
      const best = near ?? first ?? later;
      if (best) return 'P:' + best.root;
    }
    return null;
  };

  const keyOf = new Map<Cand, string>();
  const votes = new Map<string, Map<EntityType, number>>();
  for (const c of cands) {
    if (c.kind === 'demonym') continue;
    let k: string;
    if (c.target) k = 'T:' + c.target.id;
    else if (c.type === 'person') k = personKey(c) ?? 'P:' + c.key;
    else {
      // A non-person NER label on a known person's last name is a tagging slip: type sanity by the cluster.
      const asPerson = lastNames.has(c.key) ? personKey(c) : null;
      k = asPerson ?? 'O:' + stemKey(c.key, lang);
    }
    keyOf.set(c, k);
    uf.find(k);
    const v = votes.get(k) ?? votes.set(k, new Map()).get(k)!;
    v.set(c.type, (v.get(c.type) ?? 0) + (c.source === 'ner' ? 1 : 0.5));
  }
  // Acronyms join the name they abbreviate.
  for (const { acronym, of } of acronyms) {
    const ko = keyOf.get(of);
    if (!ko) continue;
    let ka = keyOf.get(acronym);
    if (!ka) { ka = 'O:' + stemKey(acronym.key, lang); keyOf.set(acronym, ka); cands.push(acronym); }
    if (!ko.startsWith('P:')) uf.union(ka, ko);
  }
  // A one-word organisation that is the first or last word of exactly one longer one: "Nordwind" → "Nordwind
  // Energy", "Kommission" → "EU-Kommission".
  const orgKeySet = new Set([...keyOf.values()].filter((k) => k.startsWith('O:')));
  const byEdgeWord = new Map<string, Set<string>>();
  for (const o of orgKeySet) {
    const ws = o.slice(2).split(' ');
    if (ws.length < 2) continue;
    for (const w of [ws[0], ws[ws.length - 1]]) (byEdgeWord.get(w) ?? byEdgeWord.set(w, new Set()).get(w)!).add(o);
  }
  for (const k of orgKeySet) {
    const w = k.slice(2);
    if (w.includes(' ') || w.length < 3) continue;
    const longer = byEdgeWord.get(w);
    if (longer && longer.size === 1) uf.union(k, [...longer][0]);
  }
  // "Liberaldemokratische Partei" joins "Liberaldemokratische Partei Japans": same words plus a trailing country.
  const countryByEnd = new Map<number, Cand[]>();
  for (const g of cands) if (g.target?.kind === 'country') (countryByEnd.get(g.end) ?? countryByEnd.set(g.end, []).get(g.end)!).push(g);
  for (const [c, k] of keyOf) {
    if (!k.startsWith('O:')) continue;
    const nested = countryByEnd.get(c.end)?.find((g) => g.start > c.start);
    if (!nested) continue;
    const prefix = ctx.text.slice(c.start, nested.start).trim();
    const shortKey = 'O:' + stemKey(foldKey(prefix), lang);
    if (shortKey !== k && orgKeySet.has(shortKey)) uf.union(shortKey, k);
  }

  const clusters = new Map<string, Cluster>();
  for (const [c, k] of keyOf) {
    const root = uf.find(k);
    let cl = clusters.get(root);
    if (!cl) clusters.set(root, (cl = { key: root, type: c.type, cands: [] }));
    cl.cands.push(c);
    if (c.target) cl.target = c.target;
    c.entity = root;
  }
  for (const cl of clusters.values()) {
    if (cl.target) { cl.type = cl.target.type; continue; }
    if (cl.key.startsWith('P:')) { cl.type = 'person'; continue; }
    const tally = new Map<EntityType, number>();
    for (const c of cl.cands) tally.set(c.type, (tally.get(c.type) ?? 0) + (c.source === 'ner' ? 1 : 0.5));
    cl.type = [...tally.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0][0];
  }
  return clusters;
}

const rank = (t: EntityType) => ['organization', 'location', 'person', 'other'].indexOf(t);

/** First index i with xs[i] > x (xs sorted ascending). */
function upperBound(xs: number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid] <= x) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Surfaces worth rescanning for: every name seen, and a person's last name(s). */
export function rescanSurfaces(clusters: Map<string, Cluster>): Map<string, Cand> {
  const out = new Map<string, Cand>();
  for (const cl of clusters.values()) {
    for (const c of cl.cands) {
      if (c.kind === 'demonym' || !isUpper(c.surface[0]) || c.surface.length < 2) continue;
      if (!out.has(c.surface)) out.set(c.surface, c);
      if (cl.type === 'person') {
        const ws = c.surface.split(' ');
        const last = ws[ws.length - 1];
        if (ws.length > 1 && last.length >= 3 && isUpper(last[0]) && !out.has(last)) out.set(last, { ...c, surface: last, kind: 'name' });
      }
    }
  }
  return out;
}
