/** The name lexicons of lang/_shared/names and lang/<code>/names, read once (see their READMEs). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../../util/paths.js';
import { normName } from '../normalize.js';

export interface NameData {
  /** Spelling rules in order: every name is rewritten by all of them. */
  spellingRules: [string, string][];
  surnameParticles: Set<string>;
  familyNameFirst: Set<string>;
  /** Folded given name → the key of its variant group. */
  givenNameKey: Map<string, string>;
  /** Folded country name → iso2. */
  countryNames: Map<string, string>;
  /** iso2 → display name per language (first listed name of the ISO table). */
  countryDisplay: Map<string, { de: string | null; en: string | null }>;
  /** Folded place name → place key (capital-xx, city-…), with display names. */
  placeNames: Map<string, string>;
  placeDisplay: Map<string, { de: string; en: string }>;
}

const rows = (path: string): string[][] =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => l.split('\t').map((c) => c.trim()))
    : [];

/** Folding shared by every lookup here: the corpus's name key (normalize.ts). */
export const fold = normName;

const LATIN_NAME = /^[\p{Script=Latin}\s'’.-]+$/u;
/** Capital names shorter than this are left out: GeoNames lists codes and fragments ("Cham", "Civ"). */
const MIN_CAPITAL_NAME = 4;

let cached: NameData | null = null;

export function nameData(): NameData {
  if (cached) return cached;
  const shared = join(langDir('_shared'), 'names');
  const countryNames = new Map<string, string>();
  const countryDisplay = new Map<string, { de: string | null; en: string | null }>();
  const placeNames = new Map<string, string>();
  const placeDisplay = new Map<string, { de: string; en: string }>();
  for (const [iso2, , de, en, capital, capitals] of rows(join(langDir('_shared'), 'geo', 'countries.tsv'))) {
    const des = (de ?? '').split('|').filter(Boolean);
    const ens = (en ?? '').split('|').filter(Boolean);
    countryDisplay.set(iso2, { de: des[0] ?? null, en: ens[0] ?? null });
    for (const n of [...des, ...ens]) countryNames.set(fold(n), iso2);
    const key = `capital-${iso2.toLowerCase()}`;
    if (capital) placeDisplay.set(key, { de: capital, en: capital });
    for (const n of [capital, ...(capitals ?? '').split('|')]) if (n && n.length >= MIN_CAPITAL_NAME && LATIN_NAME.test(n) && !placeNames.has(fold(n))) placeNames.set(fold(n), key);
  }
  for (const [iso2, names] of rows(join(shared, 'country-variants.tsv'))) {
    const list = names.split('|');
    const d = countryDisplay.get(iso2) ?? { de: null, en: null };
    countryDisplay.set(iso2, d);
    for (const n of list) countryNames.set(fold(n), iso2);
  }
  for (const [key, de, en, others] of rows(join(shared, 'place-variants.tsv'))) {
    placeDisplay.set(key, { de, en });
    for (const n of [de, en, ...(others ?? '').split('|')]) if (n) placeNames.set(fold(n), key);
  }
  const givenNameKey = new Map<string, string>();
  for (const [line] of rows(join(shared, 'given-name-variants.tsv'))) {
    const names = line.split('|').map(fold);
    for (const n of names) givenNameKey.set(n, names[0]);
  }
  cached = {
    spellingRules: rows(join(shared, 'spelling-rules.tsv')).map(([from, to]) => [from, to ?? '']),
    surnameParticles: new Set(rows(join(shared, 'surname-particles.txt')).map((r) => r[0])),
    familyNameFirst: new Set(rows(join(shared, 'family-name-first.txt')).map((r) => r[0])),
    givenNameKey,
    countryNames,
    countryDisplay,
    placeNames,
    placeDisplay,
  };
  return cached;
}
