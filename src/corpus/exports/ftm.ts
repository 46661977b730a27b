/**
 * FollowTheMoney entities as JSON Lines, importable into Aleph (`ftm` / `alephclient write-entities`).
 * The mapping is documented in docs/ftm-mapping.md and checked against the @alephdata/followthemoney model
 * in test/corpus/ftm-model.test.ts. Actors become Person, Organization, Company or PublicBody (countries
 * and governments act as public bodies: FtM has no country entity, a country is a property value); cities
 * and regions become Address (or are left out when nothing says they are places); ties become Membership,
 * Employment, Directorship, Representation, Associate, Family or Ownership where both ends fit the
 * schema's ranges, a person leading a country an Occupancy of a Position, and UnknownLink otherwise. Every
 * article is an Article, every actor in it a Mention (provenance).
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
  Position: ['name'],
  Occupancy: ['holder', 'post'],
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
const PUBLIC_KINDS = new Set(['country', 'government', 'ministry', 'agency', 'embassy', 'parliament', 'military', 'court', 'public_body']);
/** Kinds of location that are places to FtM (an Address); a location of no kind needs two articles naming it. */
const PLACE_KINDS = new Set(['city', 'capital', 'region', 'state', 'district', 'address', 'place']);
const MIN_ARTICLES_UNKINDED_PLACE = 2;

export const ftmId = (kind: string, key: string) => `bc-${kind}-${createHash('sha1').update(key).digest('hex').slice(0, 24)}`;

/** A name that reads as a place: starts with a capital letter, no lower-case prefix ("anti-Assad"). */
const placeLike = (name: string) => /^\p{Lu}/u.test(name) && !/^\p{Ll}+-/u.test(name);

function actorSchema(a: { type: string; kind: string | null; id: string; name: string; article_count: number }): string | null {
  if (a.type === 'person') return 'Person';
  if (a.id.startsWith('country:')) return 'PublicBody';
  if (a.type === 'organization') return a.kind && PUBLIC_KINDS.has(a.kind) ? 'PublicBody' : a.kind === 'company' ? 'Company' : 'Organization';
  if (a.type === 'location' && placeLike(a.name) && ((a.kind && PLACE_KINDS.has(a.kind)) || Number(a.article_count) >= MIN_ARTICLES_UNKINDED_PLACE)) return 'Address';
  return null;
}

/** An http(s) URL, or null ("unknown", relative paths and other front-matter values are left out). */
export function validUrl(v: string | null | undefined): string | null {
  if (!v) return null;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isoDate = (v: string | null | undefined) => (v && ISO_DATE.test(v) ? v : null);

/** Characters of article text in an Article's summary. */
const SUMMARY_CHARS = 500;

/** The article's opening, whitespace collapsed, cut at a word boundary. */
export function summaryOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, SUMMARY_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut).trim() + ' …';
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
    // every value trimmed: FtM compares values as given, and padded text from front matter is noise
    const v = [...new Set(vs.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== ''))];
    if (v.length) out[k] = v;
  }
  return out;
}

export async function* ftmEntities(db: CorpusDb): AsyncGenerator<FtmEntity> {
  const actors = await db.selectFrom('actors').selectAll().orderBy('id').execute();
  const schemaOf = new Map<string, string>();
  const idOf = new Map<string, string>();
  for (const a of actors) {
    const schema = actorSchema(a);
    if (!schema) continue;
    schemaOf.set(a.id, schema);
    idOf.set(a.id, ftmId('actor', a.id));
  }
  const aliases = await db.selectFrom('actor_aliases').select(['actor_id', 'alias', 'norm']).orderBy('actor_id').orderBy('norm').execute();
  const aliasOf = new Map<string, string[]>();
  for (const r of aliases) if (!r.norm.startsWith('~')) (aliasOf.get(r.actor_id) ?? aliasOf.set(r.actor_id, []).get(r.actor_id)!).push(r.alias);
  const roles = await db.selectFrom('roles').select(['actor_id', 'title', 'of_actor']).orderBy('id').execute();
  const positions = new Map<string, string[]>();
  for (const r of roles) (positions.get(r.actor_id) ?? positions.set(r.actor_id, []).get(r.actor_id)!).push(r.title.trim());
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));

  for (const a of actors) {
    const schema = schemaOf.get(a.id);
    if (!schema) continue;
    const country = a.id.startsWith('country:') ? a.id.slice(8).toLowerCase() : null;
    const props: Record<string, (string | null)[]> =
      schema === 'Address'
        ? { full: [a.name.trim()] }
        : { name: [a.name.trim()], alias: (aliasOf.get(a.id) ?? []).map((x) => x.trim()).filter((x) => x !== a.name), country: [country] };
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
        publishedAt: [isoDate(ar.published)],
        language: [ISO639_3[ar.language] ?? null],
        publisher: [ar.source?.trim()],
        sourceUrl: [validUrl(ar.url)],
        author: a.document.byline.reporters.map((r) => r.trim()),
        summary: [summaryOf(a.document.text)],
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
    .select(['r.subject', 'r.object', 'r.predicate', 'r.modality', 'r.support', 'r.sentence', 'r.date', 'ar.url', 'ar.source', 'ar.id as article_id'])
    .orderBy('r.subject')
    .orderBy('r.object')
    .orderBy('r.predicate')
    .orderBy('r.id')
    .execute();
  const groups = new Map<string, typeof rels>();
  const emittedPosts = new Set<string>();
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
    const dates = rs.map((r) => isoDate(r.date)).filter((d): d is string => !!d).sort();
    const modalities = [...new Set(rs.map((r) => r.modality))].join(', ');
    const best = [...rs].sort((x, y) => (x.support === 'named' ? 0 : 1) - (y.support === 'named' ? 0 : 1))[0];
    // FtM's link schemata (Interval) have no `proof`: the articles are named by URL, outlet and the evidence sentence
    const common = {
      startDate: [dates[0]],
      endDate: [dates.length > 1 ? dates[dates.length - 1] : null],
      description: [best.sentence.trim()],
      summary: [`${rs.length} statement(s) in ${new Set(rs.map((r) => r.article_id)).size} article(s); modality: ${modalities}`],
      sourceUrl: rs.map((r) => validUrl(r.url)),
      publisher: rs.map((r) => r.source?.trim()),
    };
    // a person leading a country holds a post: a Position of the country, and the Occupancy of it
    if (predicate.split('/')[0] === 'leads' && s === 'Person' && object.startsWith('country:')) {
      const title = (positions.get(subject) ?? [])[0] ?? 'Leader';
      const post = ftmId('position', `${object}\u0000${title.toLowerCase()}`);
      if (!emittedPosts.has(post)) {
        emittedPosts.add(post);
        yield { id: post, schema: 'Position', properties: clean({ name: [`${title}, ${nameOf.get(object) ?? object}`], country: [object.slice(8).toLowerCase()], organization: [idOf.get(object)] }) };
      }
      yield { id: ftmId('link', key), schema: 'Occupancy', properties: clean({ holder: [idOf.get(subject)], post: [post], ...common }) };
      continue;
    }
    const link = linkFor(predicate, s, o);
    yield {
      id: ftmId('link', key),
      schema: link.schema,
      properties: clean({ [link.from]: [idOf.get(subject)], [link.to]: [idOf.get(object)], [roleProperty[link.schema] ?? 'role']: [predicate], ...common }),
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
    Occupancy: ['holder', 'post'],
    Position: ['organization'],
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
