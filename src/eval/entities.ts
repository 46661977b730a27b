/**
 * Evaluation of the entities stage against gold articles: `<name>.txt` (corpus format) beside
 * `<name>.expected.json` = { actors: [{ name, type, kind?, aliases?, id?, attributes?, roles?: [{ title, of, status }] }],
 *                            names: [{ text, type, derived? }] }  (the names a perfect tagger would find).
 *
 * Actors are persons, organisations and countries that the text names at least once as an actor (a mention
 * that is name-like and not only a place: "in Berlin" alone does not make Germany an actor). Other places and
 * "other" entities are not scored. A predicted actor matches a gold one of the same type when a name or alias
 * agrees (case, accents, dots and German inflection ignored) or the ids are equal. A role matches when its
 * title shares its head word, its "of" is the same entity (or both null) and its status is equal.
 *
 * `ner: 'model'` runs the committed tagger (end to end); `ner: 'oracle'` feeds the gold names (the stage alone).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../contract/schema.js';
import type { Doc } from '../text/types.js';
import { buildDoc } from '../text/index.js';
import { parseFrontMatter } from '../text/frontmatter.js';
import { runNer, type NerMention } from '../ml/ner-stage.js';
import { extractEntities } from '../entities/index.js';
import type { EntityLayer } from '../entities/types.js';
import { foldKey } from '../entities/context.js';

export interface GoldRole { title: string; of: string | null; status: string | null }
export interface GoldActor { name: string; type: Entity['type']; kind?: string; id?: string; aliases?: string[]; attributes?: Record<string, unknown>; roles?: GoldRole[] }
export interface GoldName { text: string; type: NerMention['type']; derived?: NerMention['derived'] }
export interface GoldArticle { actors: GoldActor[]; names?: GoldName[] }

export interface Score { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface EntityEvalResult {
  articles: number;
  actors: Score;
  roles: Score;
  attributes: Score;
  perArticle: { file: string; actors: Score; roles: Score }[];
  /** Human-readable misses and false alarms, for error analysis. */
  errors: string[];
  /** Mean milliseconds of extractEntities per article (NER excluded). */
  msPerArticle: number;
}

const score = (tp: number, fp: number, fn: number): Score => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Matching key: folded, German inflection endings dropped, per word. */
const norm = (s: string) => foldKey(s).split(' ').map((w) => (w.length >= 5 ? w.replace(/(en|er|es|em|e|s|n)$/, '') : w)).join(' ');

export function readGoldDoc(path: string): Doc {
  const fm = parseFrontMatter(readFileSync(path, 'utf8'));
  return buildDoc({
    text: fm.body, origin: path, language: fm.fields.language ?? null, published: fm.fields.published ?? null,
    title: fm.fields.title ?? null, source: fm.fields.source ?? null, url: fm.fields.url ?? null,
  });
}

/** A perfect tagger for the given names: every occurrence on token boundaries, longest first, no overlaps. */
export function oracleNer(doc: Doc, names: GoldName[]): NerMention[] {
  const sorted = names.slice().sort((a, b) => b.text.length - a.text.length);
  const startTok = new Map<number, number>();
  const endTok = new Map<number, number>();
  doc.tokens.forEach((t, i) => { startTok.set(t.start, i); endTok.set(t.end, i); });
  const taken = new Uint8Array(doc.tokens.length);
  const out: NerMention[] = [];
  for (const n of sorted) {
    for (let at = doc.text.indexOf(n.text); at >= 0; at = doc.text.indexOf(n.text, at + 1)) {
      const ts = startTok.get(at), te = endTok.get(at + n.text.length);
      if (ts === undefined || te === undefined) continue;
      let free = true;
      for (let t = ts; t <= te; t++) if (taken[t]) free = false;
      if (!free) continue;
      for (let t = ts; t <= te; t++) taken[t] = 1;
      out.push({ start: at, end: at + n.text.length, tokenStart: ts, tokenEnd: te + 1, label: n.type + (n.derived ?? ''), type: n.type, derived: n.derived ?? null, score: 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const NAME_LIKE = new Set(['name', 'alias', 'acronym', 'possessive', 'compound', 'capital']);

/** Predicted actors: persons, organisations, countries named at least once other than as a mere place. */
export function predictedActors(layer: EntityLayer): Entity[] {
  const acting = new Set<string>();
  for (const m of layer.mentions) if (NAME_LIKE.has(m.kind) && !m.locative) acting.add(m.entity);
  return layer.entities.filter((e) => acting.has(e.id) && (e.type === 'person' || e.type === 'organization' || (e.type === 'location' && e.kind === 'country')));
}

const typeOk = (g: GoldActor, p: Entity) => g.type === p.type;

function nameMatch(names: string[], e: Entity): boolean {
  const mine = new Set([e.name, ...e.aliases].map(norm));
  return names.some((n) => mine.has(norm(n)));
}

function titleMatch(gold: string, pred: string): boolean {
  const words = (s: string) => new Set(norm(s).split(/[ -]/).filter((w) => w.length >= 3 && !/^(the|der|die|das|von|of|to|in|and)$/.test(w)));
  const g = words(gold), p = words(pred);
  for (const w of g) if (p.has(w)) return true;
  // German compounds: "VDA-Präsidentin" ~ "Präsidentin", "Bundestagsabgeordnete" ~ "Abgeordnete".
  for (const a of g) for (const b of p) if (a.length >= 5 && b.length >= 5 && (a.endsWith(b) || b.endsWith(a))) return true;
  return false;
}

export function evaluateEntities(goldDir: string, opts: { ner?: 'model' | 'oracle' } = {}): EntityEvalResult {
  const mode = opts.ner ?? 'model';
  const files = existsSync(goldDir) ? readdirSync(goldDir).filter((f) => f.endsWith('.txt') && existsSync(join(goldDir, f.replace(/\.txt$/, '.expected.json')))).sort() : [];
  let A = [0, 0, 0], R = [0, 0, 0], T = [0, 0, 0];
  let ms = 0;
  const errors: string[] = [];
  const perArticle: EntityEvalResult['perArticle'] = [];
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(goldDir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as GoldArticle;
    const doc = readGoldDoc(join(goldDir, f));
    const ner = mode === 'oracle' ? oracleNer(doc, gold.names ?? []) : runNer(doc);
    const t0 = performance.now();
    const layer = extractEntities(doc, ner);
    ms += performance.now() - t0;
    const pred = predictedActors(layer);
    const match = new Map<GoldActor, Entity>();
    const used = new Set<Entity>();
    for (const g of gold.actors) {
      const names = [g.name, ...(g.aliases ?? [])];
      const p = pred.find((e) => !used.has(e) && typeOk(g, e) && ((g.id && g.id === e.id) || nameMatch(names, e)));
      if (p) { match.set(g, p); used.add(p); } else errors.push(`${f}: missed actor ${g.type} "${g.name}"`);
    }
    for (const p of pred) if (!used.has(p)) errors.push(`${f}: extra actor ${p.type}/${p.kind ?? '-'} "${p.name}" (${p.id})`);
    const a = [match.size, pred.length - used.size, gold.actors.length - match.size];
    // "of" of a gold role → predicted entity id: through the actor match, else by name among all entities.
    const resolveOf = (name: string | null): string | null | undefined => {
      if (name === null) return null;
      const g = gold.actors.find((x) => x.name === name);
      if (g && match.has(g)) return match.get(g)!.id;
      return layer.entities.find((e) => nameMatch([name, ...(g?.aliases ?? [])], e))?.id;
    };
    let r = [0, 0, 0];
    const predRolesTotal = pred.reduce((s, e) => s + e.roles.length, 0);
    let rtp = 0, rfn = 0;
    for (const g of gold.actors) {
      const p = match.get(g);
      const avail = p ? p.roles.slice() : [];
      for (const gr of g.roles ?? []) {
        const of = resolveOf(gr.of);
        const i = avail.findIndex((pr) => titleMatch(gr.title, pr.title) && pr.status === gr.status && of !== undefined && pr.of === of);
        if (i >= 0) { rtp++; avail.splice(i, 1); }
        else {
          rfn++;
          errors.push(`${f}: missed role "${gr.title}" of ${gr.of ?? '-'} (${gr.status}) for "${g.name}"; have ${p ? p.roles.map((x) => `"${x.title}" of ${x.of ?? '-'} (${x.status})`).join(', ') || 'none' : 'no actor'}`);
        }
      }
      // Attributes the gold states (age, country).
      for (const [k, v] of Object.entries(g.attributes ?? {})) {
        if (p && p.attributes[k] === v) T[0]++; else { T[2]++; errors.push(`${f}: attribute ${k}=${String(v)} missing on "${g.name}"`); }
      }
    }
    r = [rtp, predRolesTotal - rtp, rfn];
    A = A.map((x, i) => x + a[i]);
    R = R.map((x, i) => x + r[i]);
    perArticle.push({ file: f, actors: score(a[0], a[1], a[2]), roles: score(r[0], r[1], r[2]) });
  }
  return {
    articles: files.length,
    actors: score(A[0], A[1], A[2]),
    roles: score(R[0], R[1], R[2]),
    attributes: score(T[0], T[1], T[2]),
    perArticle,
    errors,
    msPerArticle: files.length ? ms / files.length : 0,
  };
}
