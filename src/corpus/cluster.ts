/**
 * Actors over the whole corpus, as a function of the set of entity mentions (not of their order):
 *  1. a stable id (country:XX, location:capital-xx) or a place name the country and place tables know;
 *  2. a shared spelling key of a full name or alias, same type (names.spellingKey: Wladimir/Vladimir);
 *  3. a person cited by surname alone joins the one person in the corpus with that surname; when several
 *     carry it, the mention stays apart ("ambiguous") and says which people it could be.
 * Ids are derived from the canonical key (stable id, or type prefix + the smallest spelling key), so the
 * same articles give the same ids in any order. Display names follow the corpus display language.
 */
import { germanNominative, isSurnameOnly, placeDisplayName, placeId, spellingKey, surnameKeys } from './names/index.js';
import { normName } from './normalize.js';

export interface EntityRecord {
  article: string;
  entity: string;
  type: string;
  kind: string | null;
  name: string;
  aliases: string[];
  mentions: number;
  language: string;
}

export interface Assignment {
  actorId: string;
  reason: 'id' | 'alias' | 'spelling' | 'surname' | 'new' | 'ambiguous';
  evidence: string;
}

export interface ActorCluster {
  id: string;
  type: string;
  kind: string | null;
  name: string;
  members: EntityRecord[];
}

export interface Clustering {
  actors: ActorCluster[];
  /** `${article}\0${entity}` → the actor and why. */
  assignment: Map<string, Assignment>;
}

export const recordKey = (article: string, entity: string) => article + '\u0000' + entity;

const TYPE_PREFIX: Record<string, string> = { person: 'person', organization: 'org', location: 'location', other: 'other' };

/** Ids that mean the same thing in every article and language. */
export const isStableId = (id: string): boolean => id.startsWith('country:') || id.startsWith('location:capital-') || id.startsWith('location:city-');

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    // the smaller index is the root: the result does not depend on the order of unions
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

const namesOf = (r: EntityRecord) => [...new Set([r.name, ...r.aliases].filter((n) => n.trim()))];

/** The key a non-person name is compared by: German inflected adjectives in the nominative first. */
const nameKey = (n: string, language: string) => spellingKey(language === 'de' ? germanNominative(n) : n);

/** Keys of step 1 and 2; empty for a person named by surname only (step 3). */
function recordKeys(r: EntityRecord): { keys: string[]; via: 'id' | 'place' | 'name' } {
  if (isStableId(r.entity)) return { keys: ['id:' + r.entity], via: 'id' };
  if (r.type === 'location') {
    for (const n of namesOf(r)) {
      const p = placeId(n, r.kind);
      if (p) return { keys: ['id:' + p], via: 'place' };
    }
  }
  if (r.type === 'person') return { keys: namesOf(r).filter((n) => !isSurnameOnly(n)).map((n) => 'person|' + spellingKey(n)), via: 'name' };
  return { keys: namesOf(r).map((n) => `${r.type}|${nameKey(n, r.language)}`), via: 'name' };
}

export function clusterEntities(input: EntityRecord[], displayLanguage: string): Clustering {
  // a fixed order: article ids are content hashes, so this is the same for any arrival order
  const recs = [...input].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  const uf = new UnionFind(recs.length);
  const owner = new Map<string, number>();
  const via = recs.map(() => 'name' as 'id' | 'place' | 'name');
  const surnameOnly: number[] = [];
  const isSurnameRecord = new Set<number>();
  recs.forEach((r, i) => {
    const k = recordKeys(r);
    via[i] = k.via;
    if (!k.keys.length) {
      surnameOnly.push(i);
      isSurnameRecord.add(i);
    }
    for (const key of k.keys) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else uf.union(i, j);
    }
  });
  // step 3, decided against the clusters of steps 1–2 only, then applied
  const bySurname = new Map<string, Set<number>>();
  recs.forEach((r, i) => {
    if (r.type !== 'person' || isSurnameRecord.has(i)) return;
    for (const n of namesOf(r)) if (!isSurnameOnly(n)) for (const k of surnameKeys(n)) (bySurname.get(k) ?? bySurname.set(k, new Set()).get(k)!).add(uf.find(i));
  });
  const articlesOf = new Map<number, Set<string>>();
  recs.forEach((r, i) => {
    const root = uf.find(i);
    (articlesOf.get(root) ?? articlesOf.set(root, new Set()).get(root)!).add(r.article);
  });
  const surnameJoin = new Map<number, number>();
  const ambiguous = new Map<number, number[]>();
  const groupKey = new Map<number, string>();
  for (const i of surnameOnly) {
    if (recs[i].type !== 'person') {
      groupKey.set(i, `unnamed|${i}`);
      continue;
    }
    const k = spellingKey(recs[i].name);
    // a person of the same article is someone else: the entities stage kept them apart
    const cands = [...(bySurname.get(k) ?? [])].filter((root) => !articlesOf.get(root)!.has(recs[i].article)).sort((a, b) => a - b);
    if (cands.length === 1) surnameJoin.set(i, cands[0]);
    else {
      if (cands.length > 1) ambiguous.set(i, cands);
      groupKey.set(i, (cands.length > 1 ? 'ambiguous|' : 'surname|') + k);
    }
  }
  for (const [i, root] of surnameJoin) uf.union(i, root);
  const groupOwner = new Map<string, number>();
  for (const [i, k] of groupKey) {
    const j = groupOwner.get(k);
    if (j === undefined) groupOwner.set(k, i);
    else uf.union(i, j);
  }
  return describe(recs, uf, via, surnameJoin, ambiguous, displayLanguage);
}

function describe(recs: EntityRecord[], uf: UnionFind, via: ('id' | 'place' | 'name')[], surnameJoin: Map<number, number>, ambiguous: Map<number, number[]>, lang: string): Clustering {
  const groups = new Map<number, number[]>();
  recs.forEach((_, i) => {
    const root = uf.find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(i);
  });
  const actors: ActorCluster[] = [];
  const clusterOf = new Map<number, ActorCluster>();
  const taken = new Set<string>();
  for (const [root, members] of [...groups].sort((a, b) => a[0] - b[0])) {
    const rs = members.map((i) => recs[i]);
    const type = majority(rs.map((r) => r.type))!;
    const kind = majority(rs.map((r) => r.kind).filter((k): k is string => !!k));
    const stable = stableIdOf(rs);
    let id = stable ?? canonicalId(rs, type);
    for (let n = 2; taken.has(id); n++) id = `${id.replace(/~\d+$/, '')}~${n}`;
    taken.add(id);
    const c: ActorCluster = { id, type, kind, name: displayName(rs, stable, lang), members: rs };
    actors.push(c);
    clusterOf.set(root, c);
  }
  const assignment = new Map<string, Assignment>();
  const joinedBySurname = new Set([...surnameJoin.keys()].map((i) => recs[i]));
  recs.forEach((r, i) => {
    const c = clusterOf.get(uf.find(i))!;
    assignment.set(recordKey(r.article, r.entity), reasonFor(r, i, c, via[i], surnameJoin, ambiguous, clusterOf, uf, joinedBySurname));
  });
  return { actors, assignment };
}

function reasonFor(r: EntityRecord, i: number, c: ActorCluster, v: 'id' | 'place' | 'name', surnameJoin: Map<number, number>, ambiguous: Map<number, number[]>, clusterOf: Map<number, ActorCluster>, uf: UnionFind, joinedBySurname: Set<EntityRecord>): Assignment {
  const others = c.members.filter((m) => m.article !== r.article && !joinedBySurname.has(m));
  const articles = new Set(others.map((m) => m.article)).size;
  if (v === 'id') return { actorId: c.id, reason: 'id', evidence: articles ? `same stable id ${r.entity} as in ${articles} other article(s)` : `stable id ${r.entity}; no other article names it` };
  if (v === 'place') return { actorId: c.id, reason: 'id', evidence: `"${r.name}" is a name of ${c.id} in the country and place tables` };
  if (surnameJoin.has(i)) return { actorId: c.id, reason: 'surname', evidence: `"${r.name}" is the surname of ${c.name}, the only person in the corpus with that surname` };
  const amb = ambiguous.get(i);
  if (amb) {
    const names = [...new Set(amb.map((root) => clusterOf.get(uf.find(root))!.name))].sort();
    return { actorId: c.id, reason: 'ambiguous', evidence: `kept apart: the surname "${r.name}" fits several people in the corpus (${names.join(', ')})` };
  }
  if (!articles) return { actorId: c.id, reason: 'new', evidence: `no other article names "${r.name}"` };
  const norm = normName(r.name);
  const same = others.find((m) => [m.name, ...m.aliases].some((n) => normName(n) === norm));
  if (same) return { actorId: c.id, reason: 'alias', evidence: `"${r.name}" has the same name as "${same.name}" in ${articles} other article(s)` };
  const other = others.find((m) => m.name !== r.name) ?? others[0];
  return { actorId: c.id, reason: 'spelling', evidence: `"${r.name}" and "${other.name}" are one name in another spelling or form (key "${spellingKey(r.name)}")` };
}

function majority(values: string[]): string | null {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

function stableIdOf(rs: EntityRecord[]): string | null {
  const ids = new Set<string>();
  for (const r of rs) {
    if (isStableId(r.entity)) ids.add(r.entity);
    else if (r.type === 'location') for (const n of namesOf(r)) {
      const p = placeId(n, r.kind);
      if (p) {
        ids.add(p);
        break;
      }
    }
  }
  return [...ids].sort((a, b) => Number(b.startsWith('country:')) - Number(a.startsWith('country:')) || (a < b ? -1 : 1))[0] ?? null;
}

/**
 * The id of an actor without a stable one: the smallest of its mentions' entity ids, which the entities
 * stage derives from the name (person:vladimir-putin); full-name mentions first, so a surname alone never
 * names a person that has a full name. A set function: the same for any arrival order.
 */
function canonicalId(rs: EntityRecord[], type: string): string {
  const full = rs.filter((r) => r.type !== 'person' || !isSurnameOnly(r.name));
  const ids = (full.length ? full : rs).map((r) => r.entity).sort();
  return ids[0] ?? `${TYPE_PREFIX[type] ?? type}:unnamed`;
}

/**
 * The display name: the table's name of a country or place in the display language; else, for people a
 * full name over a surname, then forms from articles in the display language, then the most mentioned;
 * a German form in the nominative.
 */
function displayName(rs: EntityRecord[], stable: string | null, lang: string): string {
  if (stable) {
    const t = placeDisplayName(stable, lang);
    if (t) return t;
  }
  const forms = new Map<string, { mentions: number; inLang: boolean; language: string }>();
  for (const r of rs) {
    const f = forms.get(r.name) ?? { mentions: 0, inLang: false, language: r.language };
    f.mentions += r.mentions;
    if (r.language === lang) f.inLang = true;
    forms.set(r.name, f);
  }
  const person = rs[0].type === 'person';
  const words = (s: string) => s.trim().split(/\s+/).length;
  const [best] = [...forms].sort(([a, x], [b, y]) =>
    (person ? Number(isSurnameOnly(a)) - Number(isSurnameOnly(b)) : 0) ||
    Number(y.inLang) - Number(x.inLang) ||
    y.mentions - x.mentions ||
    words(b) - words(a) ||
    b.length - a.length ||
    (a < b ? -1 : a > b ? 1 : 0),
  );
  const [name, f] = best;
  return f.language === 'de' && !person ? germanNominative(name) : name;
}
