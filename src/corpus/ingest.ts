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
  /** The analysis of one article; the pipeline by default (tests and benches pass their own, the CLI a time-limited one). */
  analyze?: (raw: RawArticle) => Analysis | Promise<Analysis>;
  onOutcome?: (o: IngestOutcome) => void;
  /** Checked between articles: return true to stop cleanly (Ctrl-C). */
  shouldStop?: () => boolean;
}

export async function ingestAll(store: Store, items: Iterable<InputItem> | AsyncIterable<InputItem>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const sum: IngestSummary = { added: 0, unchanged: 0, copies: 0, errors: [], stopped: false, ms: 0 };
  const seenFiles = new Set<string>();
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

/** "batch.jsonl:12" → "batch.jsonl", "list.json[3]" → "list.json", "a.txt:1" (a line number) → "a.txt". */
export const fileOf = (origin: string): string => origin.replace(/(:\d+|\[\d+\])$/, '');

async function clearErrors(store: Store, file: string): Promise<void> {
  const rows = await store.db.selectFrom('ingest_errors').select('origin').execute();
  const stale = rows.map((r) => r.origin).filter((o) => fileOf(o) === file);
  if (stale.length) await store.db.deleteFrom('ingest_errors').where('origin', 'in', stale).execute();
}

async function recordError(store: Store, origin: string, message: string): Promise<IngestOutcome> {
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
  const known = await store.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
  if (known) {
    return { kind: 'unchanged', origin: raw.origin, articleId: id };
  }
  let analysis: Analysis;
  try {
    analysis = await analyze(raw);
  } catch (err) {
    return recordError(store, raw.origin, `analysis failed: ${(err as Error).message}`);
  }
  // The first error inside the transaction is the one to report: when SQLite has already rolled back (a full
  // disk), the driver's own ROLLBACK fails too ("no transaction is active") and would hide the cause.
  let cause: unknown = null;
  try {
    return await store.transaction((tx) => writeArticle(tx, id, raw.origin, analysis).catch((err) => { cause ??= err; throw err; }));
  } catch (err) {
    return recordError(store, raw.origin, `store failed: ${((cause ?? err) as Error).message}`);
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
    links.push({ article_id: articleId, entity_id: e.id, actor_id: d.actorId, name: e.name, reason: d.reason, evidence: d.evidence, mentions: e.mentions.length });
    let t = touched.get(d.actorId);
    if (!t) {
      const existing = idx.actors.get(d.actorId) ?? null;
      t = { type: e.type, kind: e.kind, name: existing?.name ?? e.name, mentions: 0, existing };
      touched.set(d.actorId, t);
      // later entities of this article can match the new actor
      if (!existing) idx.actors.set(d.actorId, { id: d.actorId, type: e.type, kind: e.kind, name: e.name, mention_count: 0, article_count: 0, first_date: date, last_date: date });
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

async function writeRoles(tx: Tx, articleId: string, a: Analysis, actorOf: Map<string, string>): Promise<void> {
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

/** The sentence around a span, without the article's dateline ("BERLIN (dpa) -") in front. */
function evidenceSentence(a: Analysis, start: number, end: number): string {
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
async function insertMany<T extends keyof CorpusDatabase>(tx: Tx, table: T, rows: object[], key?: string[]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(CHUNK_VARIABLES / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    let q = tx.insertInto(table).values(rows.slice(i, i + per) as never);
    if (key) q = q.onConflict((oc) => oc.columns(key as never).doNothing());
    await q.execute();
  }
}

