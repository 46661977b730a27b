/**
 * Gender seeded before pronouns are resolved: from a person's first name (first-name-gender.ts), then from what
 * the text says, which wins: a gendered role noun naming its holder ("the chairwoman, Ada Roe"; "seine Tochter
 * Lena"), then an honorific before a mention ("Mrs Roe", "Herr Brandt"). The words are data:
 * lang/<code>/references/gender.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';
import { genderOfName } from './first-name-gender.js';

type Gender = 'm' | 'f';
interface GenderWords { honorifics: Map<string, Gender>; roleNouns: Map<string, Gender> }
interface GenderFile { honorifics?: Partial<Record<Gender, string[]>>; roleNouns?: Partial<Record<Gender, string[]>> }

const cache = new Map<string, GenderWords>();

function byWord(lists: Partial<Record<Gender, string[]>> | undefined): Map<string, Gender> {
  const m = new Map<string, Gender>();
  for (const g of ['m', 'f'] as const) for (const w of lists?.[g] ?? []) m.set(w.toLowerCase(), g);
  return m;
}

export function genderWords(lang: string): GenderWords {
  const hit = cache.get(lang);
  if (hit) return hit;
  const path = join(langDir(lang), 'references', 'gender.json');
  const f: GenderFile = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const w = { honorifics: byWord(f.honorifics), roleNouns: byWord(f.roleNouns) };
  cache.set(lang, w);
  return w;
}

/** The gender a role noun gives ("chairwoman" → f); with compound heads also its last part ("Schwiegervater"). */
export function roleNounGender(lang: string, head: string, compoundHeads: boolean): Gender | undefined {
  const nouns = genderWords(lang).roleNouns;
  const exact = nouns.get(head);
  if (exact || !compoundHeads) return exact;
  for (let i = 1; i < head.length - 2; i++) {
    const g = nouns.get(head.slice(i));
    if (g) return g;
  }
  return undefined;
}

/** "Mrs Roe", "Mrs. Roe", "Herrn Brandt": the honorific just before a mention (or opening it). */
export function honorificGender(lang: string, low: string[], tokenStart: number): Gender | undefined {
  const h = genderWords(lang).honorifics;
  let k = tokenStart;
  if (h.has(low[k]?.replace(/\.$/, ''))) return h.get(low[k].replace(/\.$/, ''));
  k--;
  if (low[k] === '.') k--;
  return k >= 0 ? h.get(low[k].replace(/\.$/, '')) : undefined;
}

export interface GenderSeedInput {
  lang: string;
  low: string[];
  compoundHeads: boolean;
  /** Endings that make a role noun feminine ("-in": "Ministerin"); empty where the language has none. */
  feminineEndings: readonly string[];
  persons: { id: string; name: string }[];
  /** Role phrases with a holder: the holder and the lower-case head word. */
  roles: { holder: string; head: string }[];
  mentions: { entity: string; tokenStart: number }[];
}

/** Seeds `gender` (later evidence overrides earlier): first names, role nouns, honorifics. */
export function seedGender(x: GenderSeedInput, gender: Map<string, Gender>): void {
  for (const p of x.persons) {
    const g = genderOfName(p.name);
    if (g && !gender.has(p.id)) gender.set(p.id, g);
  }
  for (const r of x.roles) {
    const g = roleNounGender(x.lang, r.head, x.compoundHeads) ?? (x.feminineEndings.some((e) => r.head.endsWith(e)) ? 'f' : undefined);
    if (g) gender.set(r.holder, g);
  }
  for (const m of x.mentions) {
    const g = honorificGender(x.lang, x.low, m.tokenStart);
    if (g) gender.set(m.entity, g);
  }
}
