/**
 * `eval relations --set news-dev|news-test|ours --mode pipeline|oracle`: typed and actor-pair precision and
 * recall of relations, per family (tie, event) and language, on the real-news gold (test/gold/news, ties implied
 * by role titles count as relations) or on our own relations gold (test/gold/relations, in-sample).
 *
 * One criterion for every set (the news guideline's): a typed match is the same type (refinement ignored) between
 * the same two actors in either direction; a pair match is any relation between the two actors. Mode "oracle"
 * hands the gold actor list to the relations stage as a perfect entity layer; "pipeline" runs the whole analysis.
 */
import { join } from 'node:path';
import type { Relation } from '../contract/schema.js';
import { analyzeArticle, analyzeSync, prepareLanguage } from '../pipeline/analyze.js';
import { readInputFile } from '../text/input.js';
import { buildDoc } from '../text/index.js';
import { extractQuotes } from '../quotes/index.js';
import { extractRelations } from '../relations/index.js';
import { runSyntax } from '../syntax/stage.js';
import { TIE_TYPES } from '../relations/ontology.js';
import { oracleLayer, readGold, type GoldActor as OracleActor } from './relations-gold.js';
import { goldShapeOf } from './news/from-analysis.js';
import { matchPairs, sameActor, tiesOfRoles } from './news/score.js';
import { readNewsGold, type NewsSet } from './news/run.js';
import { newsDir, readNewsText, textHash } from './news/text.js';
import type { GoldActor, NewsGold } from './news/types.js';
import { repoRoot } from '../util/paths.js';

export type RelationSet = NewsSet | 'ours';
export type RelationMode = 'pipeline' | 'oracle';
export const RELATION_SETS: RelationSet[] = ['news-dev', 'news-test', 'ours'];
export const FAMILIES = ['tie', 'event', 'all'] as const;
export type FamilyRow = (typeof FAMILIES)[number];

export interface Counts { gold: number; predicted: number; matched: number }
export interface FamilyScore { typed: Counts; pairs: Counts }
export interface RelationSetError { file: string; what: string; at: number }
export interface RelationSetEval {
  set: RelationSet;
  mode: RelationMode;
  articles: number;
  /** Per language, per family (and "all"). */
  byLanguage: Record<string, Record<FamilyRow, FamilyScore>>;
  errors: RelationSetError[];
}

/** One relation of either side: actor ids of that side's actor list, the type, where it is said. */
interface Rel { subject: string; object: string; type: string; at: number }

const TIES = new Set<string>(TIE_TYPES);
const baseType = (t: string) => t.split('/')[0]!;
/** Types outside our ontology (the guideline's appoint, elect, pardon, negotiate) are events. */
const familyOfType = (t: string): 'tie' | 'event' => (TIES.has(baseType(t)) ? 'tie' : 'event');

const zero = (): Counts => ({ gold: 0, predicted: 0, matched: 0 });
const emptyRow = (): Record<FamilyRow, FamilyScore> =>
  ({ tie: { typed: zero(), pairs: zero() }, event: { typed: zero(), pairs: zero() }, all: { typed: zero(), pairs: zero() } });

function uniquePairs(rels: Rel[]): Rel[] {
  const seen = new Set<string>();
  return rels.filter((r) => { const k = [r.subject, r.object].sort().join('|'); return seen.has(k) ? false : (seen.add(k), true); });
}

/** Scores one article's relations into `row`, and lists misses and false alarms. */
function scoreRelations(
  file: string, gold: Rel[], pred: Rel[], same: (g: string, p: string) => boolean,
  names: { gold: (id: string) => string; pred: (id: string) => string }, row: Record<FamilyRow, FamilyScore>, errors: RelationSetError[],
): void {
  const ends = (g: Rel, p: Rel) => (same(g.subject, p.subject) && same(g.object, p.object)) || (same(g.subject, p.object) && same(g.object, p.subject));
  for (const fam of FAMILIES) {
    const g = fam === 'all' ? gold : gold.filter((r) => familyOfType(r.type) === fam);
    const p = fam === 'all' ? pred : pred.filter((r) => familyOfType(r.type) === fam);
    const typed = matchPairs(g, p, (a, b) => (baseType(a.type) === baseType(b.type) && ends(a, b) ? 1 : 0));
    const gp = uniquePairs(g), pp = uniquePairs(p);
    const pairs = matchPairs(gp, pp, (a, b) => (ends(a, b) ? 1 : 0));
    add(row[fam].typed, g.length, p.length, typed.size);
    add(row[fam].pairs, gp.length, pp.length, pairs.size);
    if (fam !== 'all') continue;
    g.forEach((r, i) => { if (!typed.has(i)) errors.push({ file, what: `missed ${names.gold(r.subject)} ${r.type} ${names.gold(r.object)}`, at: r.at }); });
    const used = new Set(typed.values());
    p.forEach((r, j) => { if (!used.has(j)) errors.push({ file, what: `extra ${names.pred(r.subject)} ${r.type} ${names.pred(r.object)}`, at: r.at }); });
  }
}

function add(c: Counts, gold: number, predicted: number, matched: number): void {
  c.gold += gold; c.predicted += predicted; c.matched += matched;
}

const relsOf = (g: NewsGold): Rel[] => [...g.relations, ...tiesOfRoles(g)].map((r) => ({ subject: r.subject, object: r.object, type: r.type, at: r.at.start }));

/** The relations stage alone, on the gold actor list (ids are the actors' names). */
function oracleRelations(text: string, language: string, published: string | null, actors: OracleActor[]): Relation[] {
  const doc = buildDoc({ text, origin: '<gold>', language, published });
  const layer = oracleLayer(doc, actors);
  // The stage alone, as in the pipeline: with the parse of the text.
  const syntax = runSyntax(doc);
  return extractRelations(doc, layer, extractQuotes(doc, layer, () => syntax), [], () => syntax);
}

async function evaluateNewsSet(set: NewsSet, mode: RelationMode, dir?: string): Promise<RelationSetEval> {
  const byLanguage: RelationSetEval['byLanguage'] = {};
  const errors: RelationSetError[] = [];
  const golds = readNewsGold(set, dir);
  for (const gold of golds) {
    const news = await readNewsText(gold.file);
    if (textHash(news.text) !== gold.textHash) throw new Error(`${gold.file}: the article's text changed since it was annotated (run backchannel gold check)`);
    const lang = gold.file.slice(0, 2);
    let predActors: GoldActor[];
    let predRels: Rel[];
    if (mode === 'pipeline') {
      const item = (await readInputFile(join(newsDir, gold.file)))[0];
      if (!item?.ok) throw new Error(`${gold.file}: cannot read`);
      await prepareLanguage(lang);
      const shape = goldShapeOf(analyzeArticle({ ...item.article, language: item.article.language ?? lang }), gold.file);
      predActors = shape.actors;
      predRels = relsOf(shape);
    } else {
      const actors: OracleActor[] = gold.actors.map((a) => ({ name: a.name, type: a.type === 'other' ? 'organization' : a.type, kind: a.kind ?? null, aliases: a.aliases ?? [] }) as OracleActor);
      predActors = gold.actors.map((a) => ({ ...a, id: a.name }));
      predRels = oracleRelations(news.text, lang, news.published, actors).map((r) => ({ subject: r.subject, object: r.object, type: r.predicate, at: r.evidence.start }));
    }
    const gA = new Map(gold.actors.map((a) => [a.id, a]));
    const pA = new Map(predActors.map((a) => [a.id, a]));
    const row = (byLanguage[lang] ??= emptyRow());
    scoreRelations(gold.file, relsOf(gold), predRels, (g, p) => sameActor(gA.get(g), pA.get(p)),
      { gold: (id) => gA.get(id)?.name ?? id, pred: (id) => pA.get(id)?.name ?? id }, row, errors);
  }
  return { set, mode, articles: golds.length, byLanguage, errors };
}

/** Gold actor name an analysis entity stands for, by name or alias (case-insensitive), else the entity's own name. */
function actorNamer(actors: OracleActor[]) {
  const index = new Map<string, string>();
  for (const a of actors) for (const n of [a.name, ...(a.aliases ?? [])]) index.set(n.toLowerCase(), a.name);
  return (name: string, aliases: string[]): string => {
    for (const n of [name, ...aliases]) { const hit = index.get(n.toLowerCase()); if (hit) return hit; }
    return name;
  };
}

function evaluateOurs(mode: RelationMode, dir: string): RelationSetEval {
  const byLanguage: RelationSetEval['byLanguage'] = {};
  const errors: RelationSetError[] = [];
  const articles = readGold(dir);
  for (const art of articles) {
    let pred: Rel[];
    if (mode === 'oracle') {
      pred = oracleRelations(art.text, art.language, art.published, art.actors).map((r) => ({ subject: r.subject, object: r.object, type: r.predicate, at: r.evidence.start }));
    } else {
      const a = analyzeSync(art.text, { language: art.language, published: art.published, title: art.title, origin: art.name });
      const namer = actorNamer(art.actors);
      const byId = new Map(a.entities.map((e) => [e.id, namer(e.name, e.aliases)]));
      pred = a.relations.map((r) => ({ subject: byId.get(r.subject) ?? r.subject, object: byId.get(r.object) ?? r.object, type: r.predicate, at: r.evidence.start }));
    }
    // Our gold lists each fact once per article: so do the predictions here.
    const once = (rs: Rel[]) => { const seen = new Set<string>(); return rs.filter((r) => { const k = `${r.subject}|${baseType(r.type)}|${r.object}`; return seen.has(k) ? false : (seen.add(k), true); }); };
    const gold = once(art.relations.map((g) => ({ subject: g.subject, object: g.object, type: g.predicate, at: -1 })));
    const row = (byLanguage[art.language] ??= emptyRow());
    scoreRelations(art.name, gold, once(pred), (g, p) => g === p, { gold: (x) => x, pred: (x) => x }, row, errors);
  }
  return { set: 'ours', mode, articles: articles.length, byLanguage, errors };
}

export async function evaluateRelationSet(set: RelationSet, mode: RelationMode, dir?: string): Promise<RelationSetEval> {
  if (set === 'ours') return evaluateOurs(mode, dir ?? join(repoRoot, 'test', 'gold', 'relations'));
  return evaluateNewsSet(set, mode, dir);
}

export interface Rates { precision: number; recall: number; f1: number }
/** Precision is 0 when nothing was predicted (never a free 1), recall 0 when there is no gold. */
export function rates(c: Counts): Rates {
  const precision = c.predicted ? c.matched / c.predicted : 0;
  const recall = c.gold ? c.matched / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function formatRelationSet(r: RelationSetEval, withErrors: boolean): string {
  const f = (x: number) => x.toFixed(3);
  const cell = (c: Counts) => { const x = rates(c); return `P ${f(x.precision)}  R ${f(x.recall)}  F1 ${f(x.f1)}  (${c.matched}/${c.predicted}/${c.gold})`; };
  const lines = [`relations on ${r.set} (${r.articles} articles, ${r.mode}); counts are (matched/predicted/gold)`];
  for (const [lang, row] of Object.entries(r.byLanguage).sort()) {
    for (const fam of FAMILIES) {
      lines.push(`  ${lang} ${fam.padEnd(5)} typed ${cell(row[fam].typed)}`);
      lines.push(`  ${lang} ${fam.padEnd(5)} pairs ${cell(row[fam].pairs)}`);
    }
  }
  if (withErrors) for (const e of r.errors) lines.push(`  ${e.file} @${e.at} ${e.what}`);
  return lines.join('\n');
}
