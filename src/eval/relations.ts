/**
 * Evaluation of the relations stage against test/gold/relations: precision and recall over unique
 * (subject, predicate type, object, modality) tuples per article, strict (modality must match) and loose.
 * Mode "oracle" feeds the gold actor list as a perfect EntityLayer (the stage alone); mode "pipeline"
 * runs the whole analysis (NER, entities, quotes, time) and maps its entities to gold actors by name.
 */
import type { Relation } from '../contract/schema.js';
import type { TimelineItem } from '../contract/schema.js';
import { buildDoc } from '../text/index.js';
import { analyzeSync } from '../pipeline/analyze.js';
import { extractQuotes } from '../quotes/index.js';
import { extractRelations } from '../relations/index.js';
import { runSyntax } from '../syntax/stage.js';
import { oracleLayer, readGold, type GoldActor, type GoldArticle } from './relations-gold.js';
import { predicateType } from '../relations/ontology.js';

export interface Score { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface RelationEval {
  mode: 'oracle' | 'pipeline';
  articles: number;
  strict: Score;
  loose: Score;
  perArticle: { name: string; language: string; strict: Score; falsePositives: string[]; misses: string[] }[];
}

interface Tuple { s: string; type: string; pred: string; o: string; m: string }

const SYMMETRIC = new Set(['agree', 'cooperate', 'fight', 'close_to', 'negotiate']);
const SYMMETRIC_CONSULT = /^consult\/(meet|talk|call)$/;

function same(a: Tuple, b: Tuple, strict: boolean): boolean {
  if (a.type !== b.type || (strict && a.m !== b.m)) return false;
  if (a.s === b.s && a.o === b.o) return true;
  const sym = SYMMETRIC.has(a.type) || (a.type === 'consult' && (SYMMETRIC_CONSULT.test(a.pred) || SYMMETRIC_CONSULT.test(b.pred)));
  return sym && a.s === b.o && a.o === b.s;
}

function score(tp: number, fp: number, fn: number): Score {
  // Nothing predicted is precision 0, not a free 1: a stage that returns nothing must fail the floors.
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision: r3(precision), recall: r3(recall), f1: r3(f1) };
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function match(pred: Tuple[], gold: Tuple[], strict: boolean) {
  const used = new Set<number>();
  let tp = 0;
  const fps: Tuple[] = [];
  for (const p of pred) {
    const i = gold.findIndex((g, k) => !used.has(k) && same(p, g, strict));
    if (i >= 0) { used.add(i); tp++; } else fps.push(p);
  }
  return { tp, fps, misses: gold.filter((_, k) => !used.has(k)) };
}

function uniq(ts: Tuple[]): Tuple[] {
  const seen = new Set<string>();
  return ts.filter((t) => { const k = `${t.s}|${t.type}|${t.o}|${t.m}`; return seen.has(k) ? false : (seen.add(k), true); });
}

/** Gold actor name an analysis entity stands for, by name or alias (case-insensitive), else the entity's own name. */
function actorNamer(actors: GoldActor[]) {
  const index = new Map<string, string>();
  for (const a of actors) for (const n of [a.name, ...(a.aliases ?? [])]) index.set(n.toLowerCase(), a.name);
  return (name: string, aliases: string[]): string => {
    for (const n of [name, ...aliases]) { const hit = index.get(n.toLowerCase()); if (hit) return hit; }
    return name;
  };
}

function predicted(article: GoldArticle, mode: 'oracle' | 'pipeline'): Tuple[] {
  let rels: Relation[];
  let nameOf: (id: string) => string;
  if (mode === 'oracle') {
    const doc = buildDoc({ text: article.text, origin: article.name, language: article.language, published: article.published });
    const layer = oracleLayer(doc, article.actors);
    const timeline: TimelineItem[] = [];
    const syntax = runSyntax(doc);
    rels = extractRelations(doc, layer, extractQuotes(doc, layer, () => syntax), timeline, () => syntax);
    nameOf = (id) => id;
  } else {
    const a = analyzeSync(article.text, { language: article.language, published: article.published, title: article.title, origin: article.name });
    const namer = actorNamer(article.actors);
    const byId = new Map(a.entities.map((e) => [e.id, namer(e.name, e.aliases)]));
    rels = a.relations;
    nameOf = (id) => byId.get(id) ?? id;
  }
  return uniq(rels.map((r) => ({ s: nameOf(r.subject), type: predicateType(r.predicate), pred: r.predicate, o: nameOf(r.object), m: r.modality })));
}

const show = (t: Tuple) => `${t.s} -${t.pred}(${t.m})-> ${t.o}`;

export function evaluateRelations(goldDir: string, mode: 'oracle' | 'pipeline' = 'oracle'): RelationEval {
  const articles = readGold(goldDir);
  const tot = { strict: [0, 0, 0], loose: [0, 0, 0] };
  const perArticle: RelationEval['perArticle'] = [];
  for (const art of articles) {
    const pred = predicted(art, mode);
    const gold = uniq(art.relations.map((g) => ({ s: g.subject, type: predicateType(g.predicate), pred: g.predicate, o: g.object, m: g.modality })));
    const st = match(pred, gold, true);
    const lo = match(pred, gold, false);
    tot.strict[0] += st.tp; tot.strict[1] += st.fps.length; tot.strict[2] += st.misses.length;
    tot.loose[0] += lo.tp; tot.loose[1] += lo.fps.length; tot.loose[2] += lo.misses.length;
    perArticle.push({ name: art.name, language: art.language, strict: score(st.tp, st.fps.length, st.misses.length), falsePositives: st.fps.map(show), misses: st.misses.map(show) });
  }
  return {
    mode, articles: articles.length,
    strict: score(tot.strict[0], tot.strict[1], tot.strict[2]),
    loose: score(tot.loose[0], tot.loose[1], tot.loose[2]),
    perArticle,
  };
}
