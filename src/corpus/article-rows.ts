/**
 * The rows one article adds besides its actors: roles, quotes, relations and co-mentions, written from its
 * analysis and a map from the article's entities to corpus actors. Ingest writes them first; the
 * consolidation pass rewrites them when an article's entities end up with other actors.
 */
import type { Transaction } from 'kysely';
import type { Analysis } from '../contract/schema.js';
import type { CorpusDatabase } from './db.js';
import { sentenceAround } from './sentence.js';
import type { ComentionContribution, RelationContribution } from './network-write.js';

type Tx = Transaction<CorpusDatabase>;

export async function writeRoles(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<void> {
  const rows = a.entities.flatMap((e) =>
    e.roles.map((r, i) => ({
      id: `${articleId}:${e.id}:${i}`,
      article_id: articleId,
      actor_id: actorOf.get(e.id)!,
      title: r.title,
      of_actor: r.of ? actorOf.get(r.of) ?? null : null,
      status: r.status,
      evidence: evidenceSentence(a, r.evidence.start, r.evidence.end),
      published: a.document.published,
    })),
  );
  await insertMany(tx, 'roles', rows, ['id']);
}

export async function writeQuotes(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<void> {
  const sources = new Map(a.sources.map((s) => [s.id, s]));
  const rows = a.quotes.map((q) => ({
    id: `${articleId}:${q.id}`,
    article_id: articleId,
    speaker: q.speaker ? actorOf.get(q.speaker) ?? null : null,
    kind: q.kind,
    text: q.text,
    source_label: q.source ? sources.get(q.source)?.description ?? null : null,
    published: a.document.published,
  }));
  await insertMany(tx, 'quotes', rows, ['id']);
  // quotes "about" an actor: the actor is mentioned inside the quoted text
  const about: { quote_id: string; actor_id: string }[] = [];
  for (const q of a.quotes) {
    const speaker = q.speaker ? actorOf.get(q.speaker) : undefined;
    const seen = new Set<string>();
    for (const e of a.entities) {
      const actor = actorOf.get(e.id)!;
      if (actor === speaker || seen.has(actor)) continue;
      if (e.mentions.some((m) => m.start >= q.start && m.end <= q.end)) {
        seen.add(actor);
        about.push({ quote_id: `${articleId}:${q.id}`, actor_id: actor });
      }
    }
  }
  await insertMany(tx, 'quote_about', about, ['quote_id', 'actor_id']);
}

/** The sentence around a span, without the article's dateline ("BERLIN (dpa) -") in front. */
export function evidenceSentence(a: Analysis, start: number, end: number): string {
  const s = sentenceAround(a.document.text, start, end);
  const d = a.document.dateline?.trim();
  if (d && s.startsWith(d)) return s.slice(d.length).replace(/^[\s\-–—:]+/, '');
  return s;
}

/** A relation's date for recency: its own time when that is a calendar value, else the article's date. */
function relationDate(value: string | null, published: string | null): string | null {
  if (value) {
    const end = value.includes('/') ? value.split('/').pop()! : value;
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(end)) return end;
  }
  return published;
}

export async function writeRelations(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<RelationContribution[]> {
  const sources = new Map(a.sources.map((s) => [s.id, s]));
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const times = new Map(a.timeline.map((t) => [t.id, t]));
  const rows = [];
  for (const r of a.relations) {
    const subject = actorOf.get(r.subject);
    const object = actorOf.get(r.object);
    if (!subject || !object || subject === object) continue;
    const src = r.attribution ? sources.get(r.attribution) : undefined;
    const support = !src ? 'reporter' : src.named ? 'named' : 'anonymous';
    const label = src ? (src.entity ? entities.get(src.entity)?.name ?? src.description : src.description) : null;
    const timeValue = r.time ? times.get(r.time)?.value ?? null : null;
    rows.push({
      id: `${articleId}:${r.id}`,
      article_id: articleId,
      subject,
      object,
      predicate: r.predicate,
      family: r.family,
      modality: r.modality,
      time_value: timeValue,
      support,
      source_label: label,
      evidence: r.evidence.text,
      sentence: evidenceSentence(a, r.evidence.start, r.evidence.end),
      confidence: r.confidence,
      date: relationDate(timeValue, a.document.published),
    });
  }
  // structural ties the entities stage states as attributes: a campaign, team or embassy "of" an actor
  for (const e of a.entities) {
    const of = e.attributes?.of;
    const owner = typeof of === 'string' ? actorOf.get(of) : undefined;
    const self = actorOf.get(e.id);
    if (!owner || !self || owner === self || !e.mentions.length) continue;
    const m = e.mentions[0];
    rows.push({
      id: `${articleId}:of:${e.id}`,
      article_id: articleId,
      subject: self,
      object: owner,
      predicate: 'part_of',
      family: 'tie',
      modality: 'asserted',
      time_value: null,
      support: 'reporter',
      source_label: null,
      evidence: m.text,
      sentence: evidenceSentence(a, m.start, m.end),
      confidence: 0.9,
      date: a.document.published,
    });
  }
  await insertMany(tx, 'relations', rows, ['id']);
  return rows;
}

/** The weak layer: actors named in the same paragraph, counted per paragraph. */
export async function writeComentions(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<ComentionContribution[]> {
  const text = a.document.text;
  const breaks: number[] = [];
  for (const m of text.matchAll(/\n\s*\n/g)) breaks.push(m.index!);
  const paragraphOf = (pos: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const byParagraph = new Map<number, Set<string>>();
  for (const e of a.entities) {
    const actor = actorOf.get(e.id)!;
    for (const m of e.mentions) {
      const p = paragraphOf(m.start);
      let set = byParagraph.get(p);
      if (!set) byParagraph.set(p, (set = new Set()));
      set.add(actor);
    }
  }
  const weights = new Map<string, number>();
  for (const set of byParagraph.values()) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      const k = ids[i] + '\u0000' + ids[j];
      weights.set(k, (weights.get(k) ?? 0) + 1);
    }
  }
  const rows = [...weights].map(([k, weight]) => {
    const [x, y] = k.split('\u0000');
    return { article_id: articleId, a: x, b: y, weight };
  });
  await insertMany(tx, 'comentions', rows, ['article_id', 'a', 'b']);
  return rows;
}

const CHUNK_VARIABLES = 900;

/** Multi-row inserts in chunks that stay under every engine's bound-parameter limit; duplicates on `key` are skipped. */
export async function insertMany<T extends keyof CorpusDatabase>(tx: Tx, table: T, rows: object[], key?: string[]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(CHUNK_VARIABLES / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    let q = tx.insertInto(table).values(rows.slice(i, i + per) as never);
    if (key) q = q.onConflict((oc) => oc.columns(key as never).doNothing());
    await q.execute();
  }
}

