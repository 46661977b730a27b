/**
 * "erklärte sein Büro", "teilte ihr Ministerium mit": a possessive pronoun before an institution word names the
 * institution of the person it refers to. The possessor is the nearest person named before the pronoun in its
 * sentence, else the first person of the sentence before (a possessive of the wrong gender for a person of known
 * gender does not take them). The institution is that person's entity of the same head when the entities stage made
 * one ("Büro (Benjamin Netanjahu)" from „Netanjahus Büro“), else a new organisation entity named the same way.
 * Either gets the possessive name the article's language forms („Netanjahus Büro“) as an alias.
 */
import type { Entity } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import { descriptionClass } from '../references/index.js';
import { isCap, sentenceRange, type DocView } from './view.js';

/** The possessives that point to a woman ("ihr", "ihre"…) and to a man ("sein", "seine"…), from lang data. */
function possessorGender(v: DocView, w: string): 'f' | 'm' | null {
  const g = v.lex.possessiveGenders.get(w);
  return g === 'f' || g === 'm' ? g : null;
}

/** The person entity the possessive at token p refers to, or null. */
function possessor(v: DocView, p: number): Entity | null {
  const g = possessorGender(v, v.lower[p]);
  if (!g) return null;
  const fits = (id: string) => {
    const e = v.entities.byId.get(id);
    // "ihr" may point to a group as well: it takes only a person known to be a woman.
    const known = e?.attributes?.gender;
    return !!e && e.type === 'person' && (g === 'f' ? known === 'f' : known !== 'f');
  };
  const k = v.sentOf[p];
  const [S] = sentenceRange(v, k);
  for (let t = p - 1; t >= S; t--) {
    const m = v.entities.mentionAtToken(t);
    if (m && !v.quoteOf[t] && fits(m.entity)) return v.entities.byId.get(m.entity)!;
  }
  if (k < 1) return null;
  const [S1, E1] = sentenceRange(v, k - 1);
  for (let t = S1; t < E1; t++) {
    const m = v.entities.mentionAtToken(t);
    if (m && !v.quoteOf[t] && fits(m.entity)) return v.entities.byId.get(m.entity)!;
  }
  return null;
}

/** The possessive name of a person's institution: the short name in the genitive and the head („Netanjahus Büro“). */
export function possessiveName(v: DocView, person: Entity, head: string): string | null {
  const rule = v.lex.possessorGenitive;
  if (!rule) return null;
  const short = [person.name, ...person.aliases].filter((n) => !/\s/.test(n)).sort((x, y) => x.length - y.length)[0]
    ?? person.name.split(/\s+/).pop()!;
  const sibilant = rule.sibilants.some((x) => short.toLowerCase().endsWith(x));
  return `${short}${sibilant ? rule.afterSibilant : rule.suffix} ${head}`;
}

/**
 * The institution entity for a speaker phrase [a, b) of a possessive and an institution word ("sein Büro"), found or
 * added to the entity layer; null when the phrase is not of that form or names no person's institution.
 */
export function possessedOffice(v: DocView, entities: EntityLayer, a: number, b: number): Entity | null {
  if (b - a !== 2 || !isCap(v, a + 1) || descriptionClass(v.lex.refs, v.lower[a + 1]) !== 'institution') return null;
  const person = possessor(v, a);
  if (!person) return null;
  const head = v.doc.tokens[a + 1].text;
  const key = head.toLowerCase();
  let e = entities.entities.find((x) => x.type === 'organization' && x.attributes?.of === person.id && x.name.toLowerCase().startsWith(key));
  if (!e) {
    let id = `org:speaker:${key.replace(/[^\p{L}\p{N}]+/gu, '-')}-${person.id.replace(/^[^:]*:/, '')}`;
    while (entities.byId.has(id)) id += '-';
    e = { id, type: 'organization', kind: null, name: `${head} (${person.name})`, aliases: [], mentions: [], roles: [], attributes: { of: person.id, origin: 'quotes' } };
    entities.entities.push(e);
    entities.byId.set(id, e);
  }
  const alias = possessiveName(v, person, head);
  if (alias && alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
  return e;
}
