/**
 * Ingest: article → analysis → one transaction that writes the article, its actors, roles, quotes,
 * relations and co-mentions. Idempotent by content hash; syndicated copies are stored as copies of the
 * first one and add nothing to the network; a failing article is recorded and the batch goes on.
 * Because each article is one transaction, an interrupted run leaves only whole articles behind and a
 * rerun picks up where it stopped (already stored texts are skipped before analysis).
 */
import type { Transaction } from 'kysely';
import type { Analysis, Entity } from '../contract/schema.js';
import type { RawArticle } from '../text/types.js';
import { analyzeArticle } from '../pipeline/analyze.js';
import type { CorpusDatabase } from './db.js';
import type { Store } from './store.js';
import { num } from './store.js';
import { contentHash } from './normalize.js';
import { bandKeys, decodeSignature, DUPLICATE_THRESHOLD, encodeSignature, isEmptySignature, minhashSignature, similarity } from './minhash.js';
import { aliasRows, fullerName, resolveEntity, type ActorDecision } from './resolve-actors.js';
import { sentenceAround } from './sentence.js';
import type { InputItem } from './input.js';

type Tx = Transaction<CorpusDatabase>;

export type IngestOutcome =
  | { kind: 'added'; origin: string; articleId: string; actors: number; relations: number }
  | { kind: 'unchanged'; origin: string; articleId: string }
  | { kind: 'copy'; origin: string; articleId: string; copyOf: string; similarity: number }
  | { kind: 'error'; origin: string; message: string };

export interface IngestSummary {
  added: number;
  unchanged: number;
  copies: number;
  errors: { origin: string; message: string }[];
  /** True when the run was asked to stop before the input was exhausted. */
  stopped: boolean;
  ms: number;
}

export interface IngestOptions {
  /** The analysis of one article; the pipeline by default (tests and benches pass their own). */
  analyze?: (raw: RawArticle) => Analysis;
  onOutcome?: (o: IngestOutcome) => void;
  /** Checked between articles: return true to stop cleanly (Ctrl-C). */
  shouldStop?: () => boolean;
}

export async function ingestAll(store: Store, items: Iterable<InputItem> | AsyncIterable<InputItem>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const sum: IngestSummary = { added: 0, unchanged: 0, copies: 0, errors: [], stopped: false, ms: 0 };
  for await (const item of items as AsyncIterable<InputItem>) {
    if (opts.shouldStop?.()) {
      sum.stopped = true;
      break;
    }
    const out = item.ok ? await ingestArticle(store, item.article, opts.analyze) : await recordError(store, item.problem.origin, item.problem.message);
    if (out.kind === 'added') sum.added++;
    else if (out.kind === 'unchanged') sum.unchanged++;
    else if (out.kind === 'copy') sum.copies++;
    else sum.errors.push({ origin: out.origin, message: out.message });
    opts.onOutcome?.(out);
  }
  sum.ms = performance.now() - t0;
  return sum;
}

async function recordError(store: Store, origin: string, message: string): Promise<IngestOutcome> {
  const at = new Date().toISOString();
  await store.db
    .insertInto('ingest_errors')
    .values({ origin, message, at })
    .onConflict((oc) => oc.column('origin').doUpdateSet({ message, at }))
    .execute();
  return { kind: 'error', origin, message };
}

export async function ingestArticle(store: Store, raw: RawArticle, analyze: (raw: RawArticle) => Analysis = analyzeArticle): Promise<IngestOutcome> {
  const id = contentHash(raw.text);
  const known = await store.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
  if (known) {
    await store.db.deleteFrom('ingest_errors').where('origin', '=', raw.origin).execute();
    return { kind: 'unchanged', origin: raw.origin, articleId: id };
  }
  let analysis: Analysis;
  try {
    analysis = analyze(raw);
  } catch (err) {
    return recordError(store, raw.origin, `analysis failed: ${(err as Error).message}`);
  }
  try {
    return await store.transaction((tx) => writeArticle(tx, id, raw.origin, analysis));
  } catch (err) {
    return recordError(store, raw.origin, `store failed: ${(err as Error).message}`);
  }
}

async function writeArticle(tx: Tx, id: string, origin: string, a: Analysis): Promise<IngestOutcome> {
  const sig = minhashSignature(a.document.text);
  const bands = isEmptySignature(sig) ? [] : bandKeys(sig);
  const copy = bands.length ? await findOriginal(tx, bands, sig) : null;
  const seqRow = await tx.selectFrom('articles').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  const d = a.document;
  const inserted = await tx
    .insertInto('articles')
    .values({
      id,
      doc_id: d.id,
      origin,
      title: d.title,
      source: d.source,
      url: d.url,
      published: d.published,
      language: d.language,
      duplicate_of: copy?.id ?? null,
      similarity: copy?.similarity ?? null,
      signature: encodeSignature(sig),
      analysis: JSON.stringify(a),
      ingested_at: new Date().toISOString(),
      seq: num(seqRow?.m) + 1,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  // another writer stored the same text meanwhile
  if (num(inserted.numInsertedOrUpdatedRows) === 0) return { kind: 'unchanged', origin, articleId: id };
  await tx.deleteFrom('ingest_errors').where('origin', '=', origin).execute();
  if (copy) return { kind: 'copy', origin, articleId: id, copyOf: copy.id, similarity: copy.similarity };

  await insertMany(tx, 'article_bands', bands.map((hash, band) => ({ band, hash, article_id: id })));
  const actorOf = await writeActors(tx, id, a);
  await writeRoles(tx, id, a, actorOf);
  await writeQuotes(tx, id, a, actorOf);
  const relations = await writeRelations(tx, id, a, actorOf);
  await writeComentions(tx, id, a, actorOf);
  return { kind: 'added', origin, articleId: id, actors: new Set(actorOf.values()).size, relations };
}

/** The earliest stored original whose signature is close enough, or null. */
async function findOriginal(tx: Tx, bands: string[], sig: Uint32Array): Promise<{ id: string; similarity: number } | null> {
  const cands = await tx
    .selectFrom('article_bands')
    .select('article_id')
    .distinct()
    .where((eb) => eb.or(bands.map((hash, band) => eb.and([eb('band', '=', band), eb('hash', '=', hash)]))))
    .execute();
  if (!cands.length) return null;
  const rows = await tx
    .selectFrom('articles')
    .select(['id', 'signature', 'seq'])
    .where('id', 'in', cands.map((c) => c.article_id))
    .orderBy('seq')
    .execute();
  let best: { id: string; similarity: number } | null = null;
  for (const r of rows) {
    const s = similarity(sig, decodeSignature(r.signature));
    if (s >= DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { id: r.id, similarity: s };
  }
  return best;
}

/** Links every entity to a corpus actor; returns local entity id → actor id. */
async function writeActors(tx: Tx, articleId: string, a: Analysis): Promise<Map<string, string>> {
  const actorOf = new Map<string, string>();
  const perActor = new Map<string, { entity: Entity; decision: ActorDecision; mentions: number; name: string }>();
  const date = a.document.published;
  for (const e of a.entities) {
    const decision = await resolveEntity(tx, e);
    actorOf.set(e.id, decision.actorId);
    const prev = perActor.get(decision.actorId);
    if (prev) {
      prev.mentions += e.mentions.length;
      prev.name = fullerName(prev.name, e.name);
    } else {
      perActor.set(decision.actorId, { entity: e, decision, mentions: e.mentions.length, name: e.name });
    }
    await tx
      .insertInto('actor_links')
      .values({ article_id: articleId, entity_id: e.id, actor_id: decision.actorId, name: e.name, reason: decision.reason, evidence: decision.evidence, mentions: e.mentions.length })
      .onConflict((oc) => oc.columns(['article_id', 'entity_id']).doNothing())
      .execute();
    // a new actor must exist before the next entity of the same article can match its aliases
    if (!decision.existing && !(await tx.selectFrom('actors').select('id').where('id', '=', decision.actorId).executeTakeFirst())) {
      await tx
        .insertInto('actors')
        .values({ id: decision.actorId, type: e.type, kind: e.kind, name: e.name, mention_count: 0, article_count: 0, first_date: date, last_date: date })
        .execute();
    }
    await insertMany(tx, 'actor_aliases', aliasRows(e, decision.actorId), ['norm', 'actor_id']);
  }
  for (const [actorId, p] of perActor) {
    const row = await tx.selectFrom('actors').selectAll().where('id', '=', actorId).executeTakeFirstOrThrow();
    await tx
      .updateTable('actors')
      .set({
        name: fullerName(row.name, p.name),
        kind: row.kind ?? p.entity.kind,
        mention_count: row.mention_count + p.mentions,
        article_count: row.article_count + 1,
        first_date: minDate(row.first_date, date),
        last_date: maxDate(row.last_date, date),
      })
      .where('id', '=', actorId)
      .execute();
  }
  return actorOf;
}

async function writeRoles(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<void> {
  const rows = a.entities.flatMap((e) =>
    e.roles.map((r, i) => ({
      id: `${articleId}:${e.id}:${i}`,
      article_id: articleId,
      actor_id: actorOf.get(e.id)!,
      title: r.title,
      of_actor: r.of ? actorOf.get(r.of) ?? null : null,
      status: r.status,
      evidence: sentenceAround(a.document.text, r.evidence.start, r.evidence.end),
      published: a.document.published,
    })),
  );
  await insertMany(tx, 'roles', rows, ['id']);
}

async function writeQuotes(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<void> {
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

/** A relation's date for recency: its own time when that is a calendar value, else the article's date. */
function relationDate(value: string | null, published: string | null): string | null {
  if (value) {
    const end = value.includes('/') ? value.split('/').pop()! : value;
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(end)) return end;
  }
  return published;
}

async function writeRelations(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<number> {
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
      sentence: sentenceAround(a.document.text, r.evidence.start, r.evidence.end),
      confidence: r.confidence,
      date: relationDate(timeValue, a.document.published),
    });
  }
  await insertMany(tx, 'relations', rows, ['id']);
  return rows.length;
}

/** The weak layer: actors named in the same paragraph, counted per paragraph. */
async function writeComentions(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<void> {
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
}

const CHUNK_VARIABLES = 900;

/** Multi-row inserts in chunks that stay under every engine's bound-parameter limit; duplicates on `key` are skipped. */
async function insertMany<T extends keyof CorpusDatabase>(tx: Tx, table: T, rows: Record<string, unknown>[], key?: string[]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(CHUNK_VARIABLES / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    let q = tx.insertInto(table).values(rows.slice(i, i + per) as never);
    if (key) q = q.onConflict((oc) => oc.columns(key as never).doNothing());
    await q.execute();
  }
}

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);
