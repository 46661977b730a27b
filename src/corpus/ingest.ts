/**
 * Ingest: article → analysis → one transaction that writes the article, its actors, roles, quotes,
 * relations and co-mentions. Idempotent by content hash; syndicated copies are stored as copies of the
 * first one and add nothing to the network; a failing article is recorded and the batch goes on.
 * Because each article is one transaction, an interrupted run leaves only whole articles behind and a
 * rerun picks up where it stopped (already stored texts are skipped before analysis).
 */
import { sql, type Transaction } from 'kysely';
import type { Analysis } from '../contract/schema.js';
import type { RawArticle } from '../text/types.js';
import { analyzeArticle } from '../pipeline/analyze.js';
import type { ActorLinksTable, ActorsTable, CorpusDatabase } from './db.js';
import type { Store } from './store.js';
import { num } from './store.js';
import { contentHash } from './normalize.js';
import { bandKeys, decodeSignature, DUPLICATE_THRESHOLD, encodeSignature, isEmptySignature, minhashSignature, similarity } from './minhash.js';
import { ActorIndex, aliasRows, fullerName, resolveEntity } from './resolve-actors.js';
import { insertMany, writeComentions, writeQuotes, writeRelations, writeRoles } from './article-rows.js';
import { addComentionsToNetwork, addRelationsToNetwork } from './network-write.js';
import type { InputItem } from './input.js';
import { AnalysisPool } from './parallel/pool.js';
import { consolidate, type ConsolidateSummary, type DisplayLanguage } from './consolidate.js';
import { loadAnalyzer } from './parallel/analyzer.js';

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
  /** The consolidation pass after the batch (absent when nothing was stored or it was turned off). */
  consolidation?: ConsolidateSummary;
}

export interface IngestOptions {
  /** The analysis of one article; the pipeline by default (tests and benches pass their own, the CLI a time-limited one). */
  analyze?: (raw: RawArticle) => Analysis | Promise<Analysis>;
  /** A module exporting analyzeArticle(raw), instead of the pipeline; the only way to change the analysis with workers > 1. */
  analyzer?: string | null;
  /**
   * Analysis threads (worker_threads). 1 analyses in this thread. With more, articles are analysed in
   * parallel but committed one at a time in input order, so the store ends the same as with 1.
   */
  workers?: number;
  onOutcome?: (o: IngestOutcome) => void;
  /** Checked between articles: return true to stop cleanly (Ctrl-C). */
  shouldStop?: () => boolean;
  /**
   * Re-resolve the actors of the whole corpus after the batch (consolidate.ts), so the result does not
   * depend on the order articles arrive in. On by default; runs when the batch stored something.
   */
  consolidate?: boolean;
  /** Sets the corpus display language before the consolidation pass (it then runs in any case). */
  displayLanguage?: DisplayLanguage;
}

/** Articles in flight per analysis thread: enough to keep every thread busy while the writer commits. */
const IN_FLIGHT_PER_WORKER = 4;

/** What is left to do for one input once its analysis is known: write it (or its error) to the store. */
type Commit = () => Promise<IngestOutcome>;

export async function ingestAll(store: Store, items: Iterable<InputItem> | AsyncIterable<InputItem>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const sum: IngestSummary = { added: 0, unchanged: 0, copies: 0, errors: [], stopped: false, ms: 0 };
  const workers = opts.workers ?? 1;
  const pool = workers > 1 ? await AnalysisPool.start(workers, opts.analyzer ?? null) : null;
  const analyze = pool ? null : opts.analyze ?? (opts.analyzer ? await loadAnalyzer(opts.analyzer) : analyzeArticle);
  const window = pool ? workers * IN_FLIGHT_PER_WORKER : 1;
  const inFlight: Promise<Commit>[] = [];
  const commitOldest = async () => {
    const out = await (await inFlight.shift()!)();
    if (out.kind === 'added') sum.added++;
    else if (out.kind === 'unchanged') sum.unchanged++;
    else if (out.kind === 'copy') sum.copies++;
    else sum.errors.push({ origin: out.origin, message: out.message });
    opts.onOutcome?.(out);
  };
  const seenFiles = new Set<string>();
  try {
    for await (const item of items as AsyncIterable<InputItem>) {
      // Let the event loop run between articles: the store's calls resolve as microtasks only, so without this
      // a SIGINT handler (Ctrl-C) would never get to run before the whole input is done.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (opts.shouldStop?.()) {
        sum.stopped = true;
        break;
      }
      // the error list reflects the latest reading of each file: its old errors go when it is read again
      const file = fileOf(item.ok ? item.article.origin : item.problem.origin);
      if (!seenFiles.has(file)) {
        seenFiles.add(file);
        await clearErrors(store, file);
      }
      inFlight.push(prepare(store, item, analyze, pool));
      if (inFlight.length >= window) await commitOldest();
    }
    // what is analysed already is stored, also after a stop
    while (inFlight.length) await commitOldest();
  } finally {
    await pool?.close();
  }
  if ((opts.consolidate ?? true) && (sum.added || sum.copies || opts.displayLanguage)) sum.consolidation = await consolidate(store, { displayLanguage: opts.displayLanguage });
  sum.ms = performance.now() - t0;
  return sum;
}

/** Analyses one input (in this thread or the pool) and returns how to commit it. */
async function prepare(store: Store, item: InputItem, analyze: ((raw: RawArticle) => Analysis | Promise<Analysis>) | null, pool: AnalysisPool | null): Promise<Commit> {
  if (!item.ok) return () => recordError(store, item.problem.origin, item.problem.message);
  const raw = item.article;
  const id = contentHash(raw.text);
  if (await isStored(store, id)) return async () => ({ kind: 'unchanged', origin: raw.origin, articleId: id });
  if (pool) {
    const r = await pool.analyze(raw);
    return r.ok ? () => storeAnalysis(store, raw.origin, id, r.analysis) : () => recordError(store, raw.origin, `analysis failed: ${r.message}`);
  }
  let analysis: Analysis;
  try {
    analysis = await analyze!(raw);
  } catch (err) {
    const message = `analysis failed: ${(err as Error).message}`;
    return () => recordError(store, raw.origin, message);
  }
  return () => storeAnalysis(store, raw.origin, id, analysis);
}

/** "batch.jsonl:12" → "batch.jsonl", "list.json[3]" → "list.json", "a.txt:1" (a line number) → "a.txt". */
export const fileOf = (origin: string): string => origin.replace(/(:\d+|\[\d+\])$/, '');

export async function clearErrors(store: Store, file: string): Promise<void> {
  const rows = await store.db.selectFrom('ingest_errors').select('origin').execute();
  const stale = rows.map((r) => r.origin).filter((o) => fileOf(o) === file);
  if (stale.length) await store.db.deleteFrom('ingest_errors').where('origin', 'in', stale).execute();
}

export async function recordError(store: Store, origin: string, message: string): Promise<IngestOutcome> {
  const at = new Date().toISOString();
  try {
    await store.db
      .insertInto('ingest_errors')
      .values({ origin, message, at })
      .onConflict((oc) => oc.column('origin').doUpdateSet({ message, at }))
      .execute();
  } catch (err) {
    // A full disk refuses the error row too: the failure is still reported, and the batch goes on.
    return { kind: 'error', origin, message: `${message} (not recorded in the store: ${(err as Error).message})` };
  }
  return { kind: 'error', origin, message };
}

export async function ingestArticle(store: Store, raw: RawArticle, analyze: (raw: RawArticle) => Analysis | Promise<Analysis> = analyzeArticle): Promise<IngestOutcome> {
  const id = contentHash(raw.text);
  if (await isStored(store, id)) return { kind: 'unchanged', origin: raw.origin, articleId: id };
  let analysis: Analysis;
  try {
    analysis = await analyze(raw);
  } catch (err) {
    return recordError(store, raw.origin, `analysis failed: ${(err as Error).message}`);
  }
  return storeAnalysis(store, raw.origin, id, analysis);
}

/** Is the text with this content hash stored already? */
export async function isStored(store: Store, id: string): Promise<boolean> {
  return !!(await store.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst());
}

/** Writes an analysed article in one transaction (all of it or nothing); throws when the store fails. */
export async function commitArticle(store: Store, origin: string, id: string, analysis: Analysis): Promise<IngestOutcome> {
  // The first error inside the transaction is the one to report: when SQLite has already rolled back (a full
  // disk), the driver's own ROLLBACK fails too ("no transaction is active") and would hide the cause.
  let cause: unknown = null;
  try {
    return await store.transaction((tx) => writeArticle(tx, id, origin, analysis).catch((err) => { cause ??= err; throw err; }));
  } catch (err) {
    throw cause ?? err;
  }
}

/** Writes an analysed article in one transaction; a failure is recorded against its origin. */
export async function storeAnalysis(store: Store, origin: string, id: string, analysis: Analysis): Promise<IngestOutcome> {
  try {
    return await commitArticle(store, origin, id, analysis);
  } catch (err) {
    return recordError(store, origin, `store failed: ${(err as Error).message}`);
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
  if (copy) return { kind: 'copy', origin, articleId: id, copyOf: copy.id, similarity: copy.similarity };

  await insertMany(tx, 'article_bands', bands.map((hash, band) => ({ band, hash, article_id: id })));
  const actorOf = await writeActors(tx, id, a);
  await writeRoles(tx, id, a, actorOf);
  await writeQuotes(tx, id, a, actorOf);
  const relations = await writeRelations(tx, id, a, actorOf);
  await addRelationsToNetwork(tx, d.source ?? id, relations);
  const comentions = await writeComentions(tx, id, a, actorOf);
  await addComentionsToNetwork(tx, d.published, comentions);
  return { kind: 'added', origin, articleId: id, actors: new Set(actorOf.values()).size, relations: relations.length };
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

/** Links every entity to a corpus actor; returns local entity id → actor id. Two reads, three bulk writes. */
async function writeActors(tx: Tx, articleId: string, a: Analysis): Promise<Map<string, string>> {
  const idx = await ActorIndex.load(tx, a.entities);
  const date = a.document.published;
  const actorOf = new Map<string, string>();
  const touched = new Map<string, { type: string; kind: string | null; name: string; mentions: number; existing: ActorsTable | null }>();
  const links: ActorLinksTable[] = [];
  const aliases: { norm: string; actor_id: string; alias: string }[] = [];
  for (const e of a.entities) {
    const d = resolveEntity(idx, e, new Set(actorOf.values()));
    actorOf.set(e.id, d.actorId);
    links.push({ article_id: articleId, entity_id: e.id, actor_id: d.actorId, name: e.name, reason: d.reason, evidence: d.evidence, mentions: e.mentions.length, type: e.type, kind: e.kind ?? null, aliases: JSON.stringify(e.aliases) });
    let t = touched.get(d.actorId);
    if (!t) {
      const existing = idx.actors.get(d.actorId) ?? null;
      t = { type: e.type, kind: e.kind, name: existing?.name ?? e.name, mentions: 0, existing };
      touched.set(d.actorId, t);
      // later entities of this article can match the new actor
      if (!existing) idx.actors.set(d.actorId, { id: d.actorId, type: e.type, kind: e.kind, name: e.name, mention_count: 0, article_count: 0, first_date: date, last_date: date, degree: 0 });
    }
    t.mentions += e.mentions.length;
    t.name = fullerName(t.name, e.name);
    t.kind = t.kind ?? e.kind;
    for (const r of aliasRows(e, d.actorId)) {
      aliases.push(r);
      idx.addAlias(r.norm, r.actor_id, r.alias);
    }
  }
  await insertMany(tx, 'actor_links', links, ['article_id', 'entity_id']);
  await insertMany(tx, 'actor_aliases', aliases, ['norm', 'actor_id']);
  const rows = [...touched].map(([id, t]) => ({
    id,
    type: t.existing?.type ?? t.type,
    kind: t.existing?.kind ?? t.kind,
    name: t.name,
    mention_count: t.mentions,
    article_count: 1,
    first_date: date,
    last_date: date,
    degree: 0, // raised by the network's new edges, never by the upsert
  }));
  // upsert: counts add up atomically; dates widen; the name is the fuller one computed above
  for (let i = 0; i < rows.length; i += 100) {
    await tx
      .insertInto('actors')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: sql<string | null>`coalesce(${sql.ref('actors.kind')}, ${sql.ref('excluded.kind')})`,
          mention_count: eb('actors.mention_count', '+', eb.ref('excluded.mention_count')),
          article_count: eb('actors.article_count', '+', eb.ref('excluded.article_count')),
          first_date: sql<string | null>`case when ${sql.ref('actors.first_date')} is null or ${sql.ref('excluded.first_date')} < ${sql.ref('actors.first_date')} then ${sql.ref('excluded.first_date')} else ${sql.ref('actors.first_date')} end`,
          last_date: sql<string | null>`case when ${sql.ref('actors.last_date')} is null or ${sql.ref('excluded.last_date')} > ${sql.ref('actors.last_date')} then ${sql.ref('excluded.last_date')} else ${sql.ref('actors.last_date')} end`,
        })),
      )
      .execute();
  }
  return actorOf;
}

