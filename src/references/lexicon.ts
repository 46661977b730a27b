/**
 * The reference resolver's language data (lang/<code>/references/), loaded by language code and compiled
 * once: pronouns with number, gender and person; the head nouns of definite descriptions and what they
 * refer to; age descriptions. Role nouns are person heads too; they are read from the one role-noun file,
 * lang/<code>/entities/roles.txt, not copied here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';
import type { PronounInfo, RefType } from './types.js';
import { roleNouns } from './role-nouns.js';

interface PronounFile {
  personal?: Record<string, PronounInfo>;
  object?: string[];
  ambiguousObject?: string[];
  possessives?: string[];
  possessiveAntecedents?: Record<string, 'person' | 'nonperson'>;
  possessiveRelatives?: string[];
  pronounLike?: string[];
  pluralVerbEndings?: string[];
  pluralVerbs?: string[];
}

interface DescriptionFile {
  definite?: string[];
  endings?: string[];
  pluralEndings?: string[];
  genitiveEndings?: string[];
  genericPersonHeads?: string[];
  femininePersonSuffixes?: string[];
  compoundHeads?: boolean;
  ageNouns?: string[];
  heads?: Record<string, string>;
}

export interface ReferenceLexicon {
  lang: string;
  /** Subject pronouns by lower-case form (all persons; `person` tells which refer to an actor). */
  personal: Map<string, PronounInfo>;
  /** Third-person subject pronouns: the ones that stand for an actor ("er", "she", "they"). */
  thirdPerson: Map<string, PronounInfo>;
  objectPronouns: Set<string>;
  /** Object pronouns that are also possessives ("her", "ihr"): objects only where no noun follows. */
  ambiguousObject: Set<string>;
  possessives: Set<string>;
  /** Possessives the resolver links to an actor, and what they point to ("its" → nonperson). */
  possessiveAntecedents: Map<string, 'person' | 'nonperson'>;
  possessiveRelatives: Set<string>;
  /** Personal pronouns plus other words that stand in for a noun phrase ("this", "there"). */
  pronounLike: Set<string>;
  pluralVerbEndings: string[];
  pluralVerbs: Set<string>;
  /** Articles opening a definite description ("der", "the"). */
  definite: Set<string>;
  /** Description head nouns (lower case) and what they refer to. */
  heads: Map<string, RefType>;
  /** Inflection endings dropped from a head word ("Konzerns" → "konzern"). */
  endings: string[];
  /** Those of `endings` that make a plural ("Managerinnen"): a plural description is no single person. */
  pluralEndings: string[];
  /** Genitive endings, longest first ("des Verbandes"). */
  genitiveEndings: string[];
  /** Person heads that fit any person whatever offices they hold ("die SPD-Politikerin" for a minister). */
  genericPersonHeads: Set<string>;
  /** Word endings that make any noun a woman ("die Baden-Württembergerin"), listed head or not. */
  femininePersonSuffixes: string[];
  /** A head may end a compound ("Windkraftkonzern" → "konzern"). */
  compoundHeads: boolean;
  /** "der 61-Jährige", "the 61-year-old": a person named before. */
  ageNouns: RegExp[];
}

const cache = new Map<string, ReferenceLexicon>();

function readJson<T>(path: string, fallback: T): T {
  if (!existsSync(path)) return fallback;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

function parseType(path: string, noun: string, value: string): RefType {
  const [type, cls] = value.split('/');
  if (type !== 'person' && type !== 'organization' && type !== 'location') {
    throw new Error(`${path}: head "${noun}" refers to "${value}"; expected person, organization or location (optionally "/class")`);
  }
  return { type, cls: cls ?? null };
}

/** The compiled reference lexicon of a language (empty where lang/<code>/references/ does not exist). */
export function referenceLexicon(lang: string): ReferenceLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const dir = join(langDir(lang), 'references');
  const p = readJson<PronounFile>(join(dir, 'pronouns.json'), {});
  const dPath = join(dir, 'descriptions.json');
  const d = readJson<DescriptionFile>(dPath, {});
  const lower = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const personal = new Map(Object.entries(p.personal ?? {}));
  const heads = new Map<string, RefType>();
  // Single-word role titles are person heads (abbreviations "gov. = governor" and phrases are not).
  for (const r of roleNouns(lang).titles) if (!r.includes('=') && !r.includes(' ')) heads.set(r, { type: 'person', cls: null });
  for (const [noun, value] of Object.entries(d.heads ?? {})) heads.set(noun.toLowerCase(), parseType(dPath, noun, value));
  const lex: ReferenceLexicon = {
    lang,
    personal,
    thirdPerson: new Map([...personal].filter(([, info]) => info.person === 3)),
    objectPronouns: lower(p.object),
    ambiguousObject: lower(p.ambiguousObject),
    possessives: lower(p.possessives),
    possessiveAntecedents: new Map(Object.entries(p.possessiveAntecedents ?? {})),
    possessiveRelatives: lower(p.possessiveRelatives),
    pronounLike: new Set([...personal.keys(), ...lower(p.pronounLike)]),
    pluralVerbEndings: p.pluralVerbEndings ?? [],
    pluralVerbs: lower(p.pluralVerbs),
    definite: lower(d.definite),
    heads,
    endings: d.endings ?? [],
    pluralEndings: d.pluralEndings ?? [],
    genitiveEndings: d.genitiveEndings ?? [],
    genericPersonHeads: lower(d.genericPersonHeads),
    femininePersonSuffixes: (d.femininePersonSuffixes ?? []).map((x) => x.toLowerCase()),
    compoundHeads: !!d.compoundHeads,
    ageNouns: (d.ageNouns ?? []).map((x) => new RegExp(x, 'u')),
  };
  cache.set(lang, lex);
  return lex;
}
