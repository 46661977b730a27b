/**
 * FollowTheMoney entities as JSON Lines, importable into Aleph (`ftm` / `alephclient write-entities`).
 * Actors become Person, Organization, Company or PublicBody (countries and governments act as public
 * bodies: FtM has no country entity, a country is a property value); ties become Membership, Employment,
 * Directorship, Representation, Associate, Family or Ownership where both ends fit the schema's ranges,
 * and UnknownLink otherwise (events such as meetings included, the predicate as `role`). Every article
 * is an Article, every actor in it a Mention (provenance).
 */
import { createHash } from 'node:crypto';
import type { CorpusDb } from '../store.js';
import type { Analysis } from '../../contract/schema.js';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Required properties per schema (FtM schema YAML `required`, inherited ones included). */
export const FTM_REQUIRED: Record<string, string[]> = {
  Person: ['name'],
  Organization: ['name'],
  Company: ['name'],
  PublicBody: ['name'],
  Address: ['full'],
  Article: [],
  Mention: ['document', 'name'],
  Membership: ['member', 'organization'],
  Employment: ['employer', 'employee'],
  Directorship: ['director', 'organization'],
  Representation: ['agent', 'client'],
  Associate: ['person', 'associate'],
  Family: ['person', 'relative'],
  Ownership: ['owner', 'asset'],
  UnknownLink: ['subject', 'object'],
};

/** Schemas an entity-valued property accepts (its FtM range and that range's descendants, as used here). */
const LEGAL_ENTITY = new Set(['Person', 'Organization', 'Company', 'PublicBody']);
const ORGANIZATION = new Set(['Organization', 'Company', 'PublicBody']);
const PERSON = new Set(['Person']);
const ASSET = new Set(['Company']);

const ISO639_3: Record<string, string> = { de: 'deu', en: 'eng', fr: 'fra', es: 'spa', it: 'ita', nl: 'nld', pt: 'por', pl: 'pol' };
const PUBLIC_KINDS = new Set(['country', 'government', 'ministry', 'agency', 'embassy', 'parliament', 'military', 'court', 'public_body', 'city', 'region', 'state']);

export const ftmId = (kind: string, key: string) => `bc-${kind}-${createHash('sha1').update(key).digest('hex').slice(0, 24)}`;

function actorSchema(type: string, kind: string | null, id: string): string | null {
  if (type === 'person') return 'Person';
  if (id.startsWith('country:') || (kind && PUBLIC_KINDS.has(kind))) return 'PublicBody';
  if (type === 'organization') return kind === 'company' ? 'Company' : 'Organization';
  if (type === 'location') return 'Address';
  return null;
}

/** The FtM link for a tie between two schemas, or UnknownLink when the ranges do not fit. */
function linkFor(predicate: string, s: string, o: string): { schema: string; from: string; to: string } {
  const base = predicate.split('/')[0];
  if (base === 'member_of' && LEGAL_ENTITY.has(s) && ORGANIZATION.has(o)) return { schema: 'Membership', from: 'member', to: 'organization' };
  if (base === 'works_for' && PERSON.has(s) && ORGANIZATION.has(o)) return { schema: 'Employment', from: 'employee', to: 'employer' };
  if (base === 'leads' && LEGAL_ENTITY.has(s) && ORGANIZATION.has(o)) return { schema: 'Directorship', from: 'director', to: 'organization' };
  if (base === 'represents' && LEGAL_ENTITY.has(s) && LEGAL_ENTITY.has(o)) return { schema: 'Representation', from: 'agent', to: 'client' };
  if ((base === 'close_to' || base === 'advises') && PERSON.has(s) && PERSON.has(o)) return { schema: 'Associate', from: 'person', to: 'associate' };
  if (base === 'family_of' && PERSON.has(s) && PERSON.has(o)) return { schema: 'Family', from: 'person', to: 'relative' };
  if (base === 'owns' && LEGAL_ENTITY.has(s) && ASSET.has(o)) return { schema: 'Ownership', from: 'owner', to: 'asset' };
  return { schema: 'UnknownLink', from: 'subject', to: 'object' };
}

const roleProperty: Record<string, string> = { Associate: 'relationship', Family: 'relationship' };

function clean(props: Record<string, (string | null | undefined)[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, vs] of Object.entries(props)) {
    const v = [...new Set(vs.filter((x): x is string => typeof x === 'string' && x.trim() !== ''))];
    if (v.length) out[k] = v;
  }
  return out;
}

export async function* ftmEntities(db: CorpusDb): AsyncGenerator<FtmEntity> {
  const actors = await db.selectFrom('actors').selectAll().orderBy('id').execute();
  const schemaOf = new Map<string, string>();
  const idOf = new Map<string, string>();
  for (const a of actors) {
    const schema = actorSchema(a.type, a.kind, a.id);
    if (!schema) continue;
    schemaOf.set(a.id, schema);
    idOf.set(a.id, ftmId('actor', a.id));
  }
  const aliases = await db.selectFrom('actor_aliases').select(['actor_id', 'alias', 'norm']).orderBy('actor_id').orderBy('norm').execute();
  const aliasOf = new Map<string, string[]>();
  for (const r of aliases) if (!r.norm.startsWith('~')) (aliasOf.get(r.actor_id) ?? aliasOf.set(r.actor_id, []).get(r.actor_id)!).push(r.alias);
  const roles = await db.selectFrom('roles').select(['actor_id', 'title']).orderBy('id').execute();
  const positions = new Map<string, string[]>();
  for (const r of roles) (positions.get(r.actor_id) ?? positions.set(r.actor_id, []).get(r.actor_id)!).push(r.title);

  for (const a of actors) {
    const schema = schemaOf.get(a.id);
    if (!schema) continue;
    const country = a.id.startsWith('country:') ? a.id.slice(8).toLowerCase() : null;
    const props: Record<string, (string | null)[]> =
      schema === 'Address'
        ? { full: [a.name] }
        : { name: [a.name], alias: (aliasOf.get(a.id) ?? []).filter((x) => x !== a.name), country: [country] };
    if (schema === 'Person') props.position = positions.get(a.id) ?? [];
    yield { id: idOf.get(a.id)!, schema, properties: clean(props) };
  }

  const articles = await db.selectFrom('articles').select(['id', 'title', 'url', 'source', 'published', 'language', 'duplicate_of', 'analysis']).orderBy('seq').execute();
  const articleId = (id: string) => ftmId('article', id);
  for (const ar of articles) {
    const a = JSON.parse(ar.analysis) as Analysis;
    yield {
      id: articleId(ar.id),
      schema: 'Article',
      properties: clean({
        title: [ar.title],
        publishedAt: [ar.published],
        language: [ISO639_3[ar.language] ?? null],
        publisher: [ar.source],
        sourceUrl: [ar.url],
        author: a.document.byline.reporters,
        summary: [a.document.text.slice(0, 500)],
        notes: [ar.duplicate_of ? `syndicated copy of ${articleId(ar.duplicate_of)}` : null],
      }),
    };
  }

  const links = await db.selectFrom('actor_links').select(['article_id', 'actor_id', 'name']).orderBy('article_id').orderBy('entity_id').execute();
  for (const l of links) {
    const schema = schemaOf.get(l.actor_id);
    const resolved = schema && LEGAL_ENTITY.has(schema) ? idOf.get(l.actor_id) : undefined;
    yield {
      id: ftmId('mention', `${l.article_id}\u0000${l.actor_id}\u0000${l.name}`),
      schema: 'Mention',
      properties: clean({ document: [articleId(l.article_id)], name: [l.name], resolved: [resolved], detectedSchema: [schema ?? null] }),
    };
  }

  // links: one per (subject, object, predicate), its evidence the best-supported sentence
  const rels = await db
    .selectFrom('relations as r')
    .innerJoin('articles as ar', 'ar.id', 'r.article_id')
    .select(['r.subject', 'r.object', 'r.predicate', 'r.modality', 'r.support', 'r.sentence', 'r.date', 'ar.url', 'ar.source'])
    .orderBy('r.subject')
    .orderBy('r.object')
    .orderBy('r.predicate')
    .orderBy('r.id')
    .execute();
  const groups = new Map<string, typeof rels>();
  for (const r of rels) {
    const k = `${r.subject}\u0000${r.object}\u0000${r.predicate}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  for (const [key, rs] of groups) {
    const [subject, object, predicate] = key.split('\u0000');
    const s = schemaOf.get(subject);
    const o = schemaOf.get(object);
    if (!s || !o || s === 'Address' || o === 'Address') continue;
    if (rs.every((r) => r.modality === 'negated')) continue; // a denied tie is not a link
    const link = linkFor(predicate, s, o);
    const dates = rs.map((r) => r.date).filter((d): d is string => !!d).sort();
    const modalities = [...new Set(rs.map((r) => r.modality))].join(', ');
    const best = [...rs].sort((x, y) => (x.support === 'named' ? 0 : 1) - (y.support === 'named' ? 0 : 1))[0];
    yield {
      id: ftmId('link', key),
      schema: link.schema,
      properties: clean({
        [link.from]: [idOf.get(subject)],
        [link.to]: [idOf.get(object)],
        [roleProperty[link.schema] ?? 'role']: [predicate],
        startDate: [dates[0]],
        endDate: [dates.length > 1 ? dates[dates.length - 1] : null],
        description: [best.sentence],
        summary: [`${rs.length} statement(s); modality: ${modalities}`],
        sourceUrl: rs.map((r) => r.url),
        publisher: rs.map((r) => r.source),
      }),
    };
  }
}

/** Problems with a record: missing required properties or references to ids that were not emitted. */
export function ftmProblems(records: FtmEntity[]): string[] {
  const ids = new Set(records.map((r) => r.id));
  const refs: Record<string, string[]> = {
    Mention: ['document', 'resolved'],
    Membership: ['member', 'organization'],
    Employment: ['employer', 'employee'],
    Directorship: ['director', 'organization'],
    Representation: ['agent', 'client'],
    Associate: ['person', 'associate'],
    Family: ['person', 'relative'],
    Ownership: ['owner', 'asset'],
    UnknownLink: ['subject', 'object'],
  };
  const out: string[] = [];
  for (const r of records) {
    const req = FTM_REQUIRED[r.schema];
    if (!req) out.push(`${r.id}: unknown schema ${r.schema}`);
    for (const p of req ?? []) if (!r.properties[p]?.length) out.push(`${r.id} (${r.schema}): missing ${p}`);
    for (const p of refs[r.schema] ?? []) for (const v of r.properties[p] ?? []) if (!ids.has(v)) out.push(`${r.id} (${r.schema}): ${p} → unknown ${v}`);
  }
  return out;
}
