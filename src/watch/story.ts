/**
 * `story A B`: what happened between two actors, or their circles, across articles, as a dated list:
 * contacts (events that took place), attempts (tried, failed, planned), ties, statements of one side about
 * the other, and the two actors' role changes. The same thing reported by several articles is one entry
 * with its first report date and every source.
 */
import { createHash } from 'node:crypto';
import { findActor } from '../corpus/lookup.js';
import type { CorpusDb } from '../corpus/store.js';
import { describeRelation } from '../relations/describe.js';
import { predicateType } from '../relations/ontology.js';

/** Ties that put someone in an actor's circle (people acting for or close to them); membership and leadership of an organisation do not. */
export const CIRCLE_TIES = new Set(['works_for', 'advises', 'represents', 'close_to', 'family_of']);

export type StoryKind = 'contact' | 'attempt' | 'tie' | 'statement' | 'role';

export interface StorySource {
  articleId: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
}

export interface StoryEntry {
  kind: StoryKind;
  /** When it happened, when the text says; else null (the first report date then orders it). */
  date: string | null;
  firstReported: string | null;
  summary: string;
  sentence: string;
  actors: string[];
  sources: StorySource[];
}

export interface Story {
  a: { id: string; name: string; circle: { id: string; name: string }[] };
  b: { id: string; name: string; circle: { id: string; name: string }[] };
  entries: StoryEntry[];
}

type Side = Map<string, string>;

async function circleOf(db: CorpusDb, id: string, name: string, withCircle: boolean): Promise<Side> {
  const side: Side = new Map([[id, name]]);
  if (!withCircle) return side;
  const rows = await db
    .selectFrom('relations as r')
    .select(['r.subject', 'r.object', 'r.predicate'])
    .where((eb) => eb.or([eb('r.subject', '=', id), eb('r.object', '=', id)]))
    .where('r.modality', 'not in', ['negated', 'hypothetical'])
    .execute();
  const ids = rows.filter((r) => CIRCLE_TIES.has(predicateType(r.predicate))).map((r) => (r.subject === id ? r.object : r.subject));
  if (ids.length) for (const a of await db.selectFrom('actors').select(['id', 'name', 'type']).where('id', 'in', ids).execute()) if (a.type === 'person') side.set(a.id, a.name);
  return side;
}

export async function buildStory(db: CorpusDb, qa: string, qb: string, opts: { circles?: boolean } = {}): Promise<Story> {
  const A = await findActor(db, qa);
  const B = await findActor(db, qb);
  const sa = await circleOf(db, A.id, A.name, opts.circles ?? true);
  const sb = await circleOf(db, B.id, B.name, opts.circles ?? true);
  // someone in both circles is kept on the nearer side only (the named actors themselves always)
  for (const id of [...sa.keys()]) if (sb.has(id) && id !== B.id) (id === A.id ? sb : sa).delete(id);
  const names = new Map([...sa, ...sb]);
  const groups = new Map<string, StoryEntry>();
  const add = (key: string, e: Omit<StoryEntry, 'sources' | 'firstReported'>, src: StorySource) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ...e, firstReported: null, sources: [] }));
    if (!g.sources.some((s) => s.articleId === src.articleId)) g.sources.push(src);
    if (src.published && (!g.firstReported || src.published < g.firstReported)) {
      // the entry quotes its first report
      g.firstReported = src.published;
      g.sentence = e.sentence;
      g.date = g.date ?? e.date;
    }
  };
  const ids = [...names.keys()];
  const art = ['ar.id as article_id', 'ar.title as article_title', 'ar.url', 'ar.source', 'ar.published', 'ar.seq'] as const;
  const srcOf = (r: { article_id: string; article_title: string | null; url: string | null; source: string | null; published: string | null }): StorySource => ({ articleId: r.article_id, title: r.article_title, url: r.url, outlet: r.source, published: r.published });

  const rels = await db
    .selectFrom('relations as r')
    .innerJoin('articles as ar', 'ar.id', 'r.article_id')
    .select(['r.subject', 'r.object', 'r.predicate', 'r.family', 'r.modality', 'r.time_value', 'r.date', 'r.sentence', ...art])
    .where('r.subject', 'in', ids)
    .where('r.object', 'in', ids)
    .where('ar.duplicate_of', 'is', null)
    .orderBy('ar.seq')
    .orderBy('r.id')
    .execute();
  for (const r of rels) {
    if (!((sa.has(r.subject) && sb.has(r.object)) || (sb.has(r.subject) && sa.has(r.object)))) continue;
    const kind: StoryKind = r.family === 'tie' ? 'tie' : r.modality === 'asserted' ? 'contact' : 'attempt';
    const summary = `${names.get(r.subject)} ${describeRelation(r as never)} ${names.get(r.object)}`;
    add(`rel|${r.subject}|${r.object}|${r.predicate}|${r.modality}|${r.time_value ?? ''}`, { kind, date: r.time_value ? r.date : null, summary, sentence: r.sentence, actors: [names.get(r.subject)!, names.get(r.object)!] }, srcOf(r));
  }

  const quotes = await db
    .selectFrom('quotes as q')
    .innerJoin('quote_about as qa', 'qa.quote_id', 'q.id')
    .innerJoin('articles as ar', 'ar.id', 'q.article_id')
    .select(['q.speaker', 'q.text', 'qa.actor_id', ...art])
    .where('q.speaker', 'in', ids)
    .where('qa.actor_id', 'in', ids)
    .where('ar.duplicate_of', 'is', null)
    .orderBy('ar.seq')
    .execute();
  for (const q of quotes) {
    const s = q.speaker!;
    if (!((sa.has(s) && sb.has(q.actor_id)) || (sb.has(s) && sa.has(q.actor_id)))) continue;
    const key = `quote|${s}|${createHash('sha1').update(q.text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex')}`;
    add(key, { kind: 'statement', date: null, summary: `${names.get(s)} on ${names.get(q.actor_id)}`, sentence: q.text, actors: [names.get(s)!, names.get(q.actor_id)!] }, srcOf(q));
  }

  const roles = await db
    .selectFrom('roles as ro')
    .innerJoin('articles as ar', 'ar.id', 'ro.article_id')
    .select(['ro.actor_id', 'ro.title', 'ro.of_actor', 'ro.status', 'ro.evidence', ...art])
    .where('ro.actor_id', 'in', [A.id, B.id])
    .where('ar.duplicate_of', 'is', null)
    .orderBy('ar.seq')
    .execute();
  const ofNames = new Map((await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', [...new Set(roles.map((r) => r.of_actor).filter((x): x is string => !!x)), ''] ).execute()).map((r) => [r.id, r.name]));
  for (const r of roles) {
    const of = r.of_actor ? ` (${ofNames.get(r.of_actor) ?? r.of_actor})` : '';
    const summary = `${names.get(r.actor_id)}: ${r.title}${of}${r.status ? ` — ${r.status}` : ''}`;
    add(`role|${r.actor_id}|${r.title.toLowerCase()}|${r.of_actor ?? ''}|${r.status ?? ''}`, { kind: 'role', date: null, summary, sentence: r.evidence, actors: [names.get(r.actor_id)!] }, srcOf(r));
  }

  const entries = [...groups.values()].sort((x, y) => (x.date ?? x.firstReported ?? '').localeCompare(y.date ?? y.firstReported ?? '') || (x.firstReported ?? '').localeCompare(y.firstReported ?? ''));
  const circle = (s: Side, self: string) => [...s].filter(([id]) => id !== self).map(([id, name]) => ({ id, name }));
  return { a: { id: A.id, name: A.name, circle: circle(sa, A.id) }, b: { id: B.id, name: B.name, circle: circle(sb, B.id) }, entries };
}

export function formatStory(s: Story): string {
  const circle = (c: { name: string }[]) => (c.length ? ` (with ${c.map((x) => x.name).join(', ')})` : '');
  let out = `${s.a.name}${circle(s.a.circle)} ↔ ${s.b.name}${circle(s.b.circle)}: ${s.entries.length} entr${s.entries.length === 1 ? 'y' : 'ies'}\n`;
  for (const e of s.entries) {
    const when = e.date ?? (e.firstReported ? `(${e.firstReported})` : '(undated)');
    out += `\n${when.padEnd(12)} ${e.kind.padEnd(9)} ${e.summary}\n`;
    out += `${' '.repeat(23)}“${e.sentence.replace(/\s+/g, ' ')}”\n`;
    const outlets = [...new Set(e.sources.map((x) => x.outlet ?? x.title ?? x.articleId.slice(0, 12)))];
    out += `${' '.repeat(23)}first reported ${e.firstReported ?? 'undated'} · ${outlets.join(', ')} (${e.sources.length} article${e.sources.length === 1 ? '' : 's'})\n`;
  }
  return out;
}

