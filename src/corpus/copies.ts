/**
 * Syndicated copies, independent of arrival order: of a group of near-duplicates (linked by
 * duplicate_of), the original is the earliest published, then the smallest content hash. When another
 * copy arrived first, the roles swap: the new original gets its rows from its stored analysis (with
 * provisional actors the consolidation pass then resolves), the old one loses them.
 */
import type { Transaction } from 'kysely';
import type { Analysis } from '../contract/schema.js';
import type { CorpusDatabase } from './db.js';
import { insertMany, writeComentions, writeQuotes, writeRelations, writeRoles } from './article-rows.js';
import { bandKeys, isEmptySignature, minhashSignature } from './minhash.js';

type Tx = Transaction<CorpusDatabase>;

interface Row {
  id: string;
  duplicate_of: string | null;
  published: string | null;
  similarity: number | null;
}

const earlier = (a: Row, b: Row) => {
  if (a.published !== b.published) {
    if (a.published === null) return false;
    if (b.published === null) return true;
    return a.published < b.published;
  }
  return a.id < b.id;
};

export async function canonicalCopies(tx: Tx): Promise<void> {
  const copies = await tx.selectFrom('articles').select(['id', 'duplicate_of', 'published', 'similarity']).where('duplicate_of', 'is not', null).execute();
  if (!copies.length) return;
  const targets = [...new Set(copies.map((c) => c.duplicate_of!))];
  const originals = await tx.selectFrom('articles').select(['id', 'duplicate_of', 'published', 'similarity']).where('id', 'in', targets).execute();
  const byId = new Map<string, Row>([...copies, ...originals].map((r) => [r.id, r]));
  const rootOf = (id: string): string => {
    let at = id;
    for (let hops = 0; byId.get(at)?.duplicate_of && hops < 100; hops++) at = byId.get(at)!.duplicate_of!;
    return at;
  };
  const groups = new Map<string, Row[]>();
  for (const c of copies) {
    const root = rootOf(c.id);
    (groups.get(root) ?? groups.set(root, [byId.get(root)!]).get(root)!).push(c);
  }
  for (const [root, members] of groups) {
    const best = members.reduce((a, b) => (earlier(b, a) ? b : a));
    for (const m of members) {
      if (m.id === best.id) continue;
      if (m.duplicate_of !== best.id) await tx.updateTable('articles').set({ duplicate_of: best.id, similarity: m.similarity ?? best.similarity }).where('id', '=', m.id).execute();
    }
    if (best.id !== root) {
      await tx.updateTable('articles').set({ duplicate_of: null, similarity: null }).where('id', '=', best.id).execute();
      await dropRows(tx, root);
      await writeOriginal(tx, best.id);
    }
  }
}

async function dropRows(tx: Tx, articleId: string): Promise<void> {
  const quoteIds = tx.selectFrom('quotes').select('id').where('article_id', '=', articleId);
  await tx.deleteFrom('quote_about').where('quote_id', 'in', quoteIds).execute();
  for (const t of ['quotes', 'roles', 'relations', 'comentions', 'actor_links'] as const) await tx.deleteFrom(t).where('article_id', '=', articleId).execute();
}

/** An article's rows with each entity as its own provisional actor (the consolidation pass resolves them). */
async function writeOriginal(tx: Tx, articleId: string): Promise<void> {
  const row = await tx.selectFrom('articles').select('analysis').where('id', '=', articleId).executeTakeFirstOrThrow();
  const a = JSON.parse(row.analysis) as Analysis;
  const sig = minhashSignature(a.document.text);
  if (!isEmptySignature(sig)) await insertMany(tx, 'article_bands', bandKeys(sig).map((hash, band) => ({ band, hash, article_id: articleId })), ['band', 'hash', 'article_id']);
  const actorOf = new Map(a.entities.map((e) => [e.id, e.id]));
  const links = a.entities.map((e) => ({ article_id: articleId, entity_id: e.id, actor_id: e.id, name: e.name, reason: 'new', evidence: '', mentions: e.mentions.length, type: e.type, kind: e.kind ?? null, aliases: JSON.stringify(e.aliases) }));
  await insertMany(tx, 'actor_links', links, ['article_id', 'entity_id']);
  await writeRoles(tx, articleId, a, actorOf);
  await writeQuotes(tx, articleId, a, actorOf);
  await writeRelations(tx, articleId, a, actorOf);
  await writeComentions(tx, articleId, a, actorOf);
}
