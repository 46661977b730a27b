/**
 * The one role-noun file of a language, lang/<code>/entities/roles.txt, read for every stage: the entities
 * stage takes its title heads, the reference resolver its person heads, the relations stage the ties a role
 * noun makes. A line is a title head ("präsident"), an abbreviation ("gov. = governor"), or either followed by
 * a tab and the tie it makes with flags ("botschafter<TAB>represents notOf=in,nach"); "tieOnly" marks a noun
 * that makes a tie but is no title head of its own ("sohn<TAB>family_of tieOnly").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';

export interface RoleTie {
  /** Lower-case noun or stem ("botschafter", "beamt"). */
  noun: string;
  /** Ontology predicate of the tie ("represents"). */
  predicate: string;
  /** A compound prefix names whom the role is of ("US-Beamter" → USA), not where it is posted. */
  compoundOf: boolean;
  /** Prepositions after the noun that name a posting, not whom the role is of ("ambassador to Japan"). */
  notOf: string[];
}

export interface RoleNouns {
  /** Title lines as written (lower case), abbreviation lines included, tie-only nouns excluded. */
  titles: string[];
  /** Nouns that make ties, in file order (earlier lines win where two make the same form). */
  ties: RoleTie[];
}

const cache = new Map<string, RoleNouns>();

export function roleNouns(lang: string): RoleNouns {
  const hit = cache.get(lang);
  if (hit) return hit;
  const path = join(langDir(lang), 'entities', 'roles.txt');
  const out: RoleNouns = { titles: [], ties: [] };
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [head, tie] = line.split('\t').map((x) => x.trim().toLowerCase());
    const flags = tie ? tie.split(/\s+/) : [];
    if (!flags.includes('tieonly')) out.titles.push(head);
    if (!tie) return;
    const [predicate, ...rest] = flags;
    const unknown = rest.find((f) => f !== 'compoundof' && f !== 'tieonly' && !f.startsWith('notof='));
    if (unknown) throw new Error(`${path}:${i + 1}: unknown flag "${unknown}" (known: compoundOf, notOf=a,b, tieOnly)`);
    const notOf = rest.find((f) => f.startsWith('notof='))?.slice('notof='.length).split(',').filter(Boolean) ?? [];
    out.ties.push({ noun: head, predicate, compoundOf: rest.includes('compoundof'), notOf });
  });
  cache.set(lang, out);
  return out;
}
