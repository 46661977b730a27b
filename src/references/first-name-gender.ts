/**
 * The gender a first name usually has ("Anna" → f, "Thomas" → m), from models/first-name-gender.tsv.gz, a table
 * derived from nam_dict.txt (GFDL 1.2; see models/README.md) by build-first-name-gender.ts. Names used for both
 * sexes ("Andrea", "Kim", "Robin") are not in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { modelsDir } from '../util/paths.js';

export const FIRST_NAME_GENDER_FILE = 'first-name-gender.tsv.gz';
let table: Map<string, 'm' | 'f'> | undefined;

/** name (lower case) → gender; empty where the table is missing. */
export function firstNameGenders(): Map<string, 'm' | 'f'> {
  if (table) return table;
  table = new Map();
  const path = join(modelsDir, FIRST_NAME_GENDER_FILE);
  if (!existsSync(path)) return table;
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    const [name, g] = line.split('\t');
    if (name && (g === 'm' || g === 'f')) table.set(name, g);
  }
  return table;
}

/** The gender of a person's name by its first word ("Anna-Lena Berg" → f); none for a one-word name (a surname). */
export function genderOfName(name: string): 'm' | 'f' | undefined {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  const first = words[0].toLowerCase();
  const t = firstNameGenders();
  return t.get(first) ?? (first.includes('-') ? t.get(first.split('-')[0]) : undefined);
}
