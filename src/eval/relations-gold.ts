/**
 * Gold data for the relations stage: test/gold/relations/<name>.txt (article with front matter) beside
 * <name>.expected.json ({ actors, relations }). The actor list also builds an "oracle" EntityLayer —
 * every occurrence of a listed name, alias or demonym, plus naive he/him pronouns — so the stage can be
 * measured on its own, apart from NER and entity resolution.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, EntityType, Modality } from '../contract/schema.js';
import type { Doc } from '../text/types.js';
import type { EntityLayer, EntityMention } from '../entities/types.js';
import { makeEntityLayer } from '../entities/layer.js';

export interface GoldActor {
  name: string;
  type: EntityType;
  kind?: string | null;
  aliases?: string[];
  /** Lower-case stems of adjectives standing for the actor ("japanisch", "Japanese"). */
  demonyms?: string[];
}

export interface GoldRelation {
  subject: string;
  predicate: string;
  object: string;
  modality: Modality;
  note?: string;
}

export interface GoldArticle {
  name: string;
  text: string;
  language: string;
  published: string | null;
  title: string | null;
  actors: GoldActor[];
  relations: GoldRelation[];
}

export function readGold(dir: string): GoldArticle[] {
  const out: GoldArticle[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const raw = readFileSync(join(dir, file), 'utf8');
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(raw);
    const fields: Record<string, string> = {};
    for (const line of (fm?.[1] ?? '').split('\n')) {
      const m = /^(\w+)\s*:\s*(.*)$/.exec(line);
      if (m) fields[m[1]] = m[2].trim();
    }
    const expected = JSON.parse(readFileSync(join(dir, name + '.expected.json'), 'utf8')) as { actors: GoldActor[]; relations: GoldRelation[] };
    out.push({
      name, text: fm ? raw.slice(fm[0].length) : raw, language: fields.language ?? 'en', published: fields.published ?? null,
      title: fields.title ?? null, actors: expected.actors, relations: expected.relations,
    });
  }
  return out;
}

const PRONOUNS: Record<string, { nominative: Set<string>; oblique: Set<string>; possessive: Set<string> }> = {
  de: { nominative: new Set(['er']), oblique: new Set(['ihn', 'ihm']), possessive: new Set(['sein', 'seine', 'seiner', 'seines', 'seinem', 'seinen']) },
  en: { nominative: new Set(['he', 'she']), oblique: new Set(['him']), possessive: new Set(['his']) },
};

/** An EntityLayer from a list of actors: what perfect NER and resolution would hand over (pronouns naively). */
export function oracleLayer(doc: Doc, actors: GoldActor[]): EntityLayer {
  const entities: Entity[] = actors.map((a) => ({
    id: a.name, type: a.type, kind: a.kind ?? null, name: a.name, aliases: a.aliases ?? [], mentions: [], roles: [], attributes: {},
  }));
  const text = doc.text;
  const claimed = new Uint8Array(text.length);
  const found: EntityMention[] = [];
  const tokenAt = (pos: number) => {
    let lo = 0, hi = doc.tokens.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (doc.tokens[mid].start <= pos) lo = mid; else hi = mid - 1; }
    return lo;
  };
  const add = (entity: string, start: number, end: number, kind: EntityMention['kind']) => {
    for (let i = start; i < end; i++) if (claimed[i]) return;
    for (let i = start; i < end; i++) claimed[i] = 1;
    found.push({ entity, start, end, tokenStart: tokenAt(start), tokenEnd: tokenAt(end - 1) + 1, kind });
  };
  // Longest names first, so "Nippon Steel" is not claimed by "Nippon".
  const names: { entity: string; form: string; kind: EntityMention['kind'] }[] = [];
  for (const a of actors) {
    names.push({ entity: a.name, form: a.name, kind: 'name' });
    for (const al of a.aliases ?? []) names.push({ entity: a.name, form: al, kind: 'alias' });
  }
  names.sort((x, y) => y.form.length - x.form.length);
  for (const n of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(n.form)}(s(?![\\p{L}]))?(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) add(n.entity, m.index!, m.index! + m[0].length, n.kind);
  }
  for (const a of actors) {
    for (const stem of a.demonyms ?? []) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escape(stem)}\\p{L}*`, 'giu');
      for (const m of text.matchAll(re)) add(a.name, m.index!, m.index! + m[0].length, 'demonym');
    }
  }
  found.sort((x, y) => x.start - y.start);
  // Naive pronouns: he → the first person of this sentence or else of the one before; him/his → the last person named.
  const pr = PRONOUNS[doc.language];
  if (pr) {
    const persons = new Set(actors.filter((a) => a.type === 'person').map((a) => a.name));
    const named = found.filter((m) => persons.has(m.entity));
    const extra: EntityMention[] = [];
    for (let si = 0; si < doc.sentences.length; si++) {
      const s = doc.sentences[si];
      const prev = si > 0 ? doc.sentences[si - 1] : null;
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        const tok = doc.tokens[t];
        const w = tok.text.toLowerCase();
        if (claimed[tok.start]) continue;
        const before = named.filter((m) => m.start < tok.start);
        const last = before.length ? before[before.length - 1].entity : null;
        let target: string | null = null;
        let kind: EntityMention['kind'] = 'pronoun';
        if (pr.nominative.has(w)) {
          const here = before.find((m) => m.start >= s.start);
          const there = prev ? before.find((m) => m.start >= prev.start && m.start < prev.end) : undefined;
          target = (here ?? there)?.entity ?? null;
        } else if (pr.oblique.has(w)) target = last;
        else if (pr.possessive.has(w)) { target = last; kind = 'possessive'; }
        if (target) extra.push({ entity: target, start: tok.start, end: tok.end, tokenStart: t, tokenEnd: t + 1, kind });
      }
    }
    found.push(...extra);
    found.sort((x, y) => x.start - y.start);
  }
  for (const m of found) entities.find((e) => e.id === m.entity)!.mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
  return makeEntityLayer(entities, found);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
