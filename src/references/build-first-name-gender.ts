/**
 * Builds models/first-name-gender.tsv.gz from ../shared/data/names-first-names-gender/nam_dict.txt.gz:
 *   node dist/src/references/build-first-name-gender.js
 * nam_dict.txt (latin1, fixed width): a gender code in columns 0-1 (M, 1M, ?M mostly male, F, 1F, ?F, ? unisex,
 * = equivalence), the name in columns 3-28, then one hexadecimal frequency digit per country (1 rare … D very common,
 * each step about a factor of two). A name gets a gender where that gender's best frequency beats the other's and the
 * unisex one's by MARGIN steps and reaches MIN_FREQ; names shorter than MIN_LENGTH are left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { modelsDir, sharedDir } from '../util/paths.js';
import { FIRST_NAME_GENDER_FILE } from './first-name-gender.js';

/** Three steps ≈ eight times as frequent: keeps "Jean" (m in France), drops "Andrea", "Kim", "Nicola" (set by hand-checking these). */
const MARGIN = 3;
/** 3 ≈ a name at least somewhat common in one country: rarer spellings add size, not hits. */
const MIN_FREQ = 3;
/** A "mostly" line (?M, ?F) counts one step less than a sure one. */
const WEAK_PENALTY = 1;
/** Two-letter entries are mostly name particles in news text ("Le" of "Le Pen", "Al"), not first names. */
const MIN_LENGTH = 3;

type Scores = { m: number; f: number; u: number };

function bestFrequency(line: string): number {
  let best = 0;
  for (let c = 30; c < line.length && c < 86; c++) {
    const v = parseInt(line[c], 16);
    if (!Number.isNaN(v) && v > best) best = v;
  }
  return best;
}

export function firstNameScores(text: string): Map<string, Scores> {
  const scores = new Map<string, Scores>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.length < 31 || line[0] === '=') continue;
    const name = line.slice(3, 29).trim();
    if (name.length < MIN_LENGTH || name.includes('<') || name.includes('+') || name.includes(' ')) continue;
    const code = line.slice(0, 2).trim();
    const freq = bestFrequency(line) - (code.startsWith('?') && code.length === 2 ? WEAK_PENALTY : 0);
    const key = name.toLowerCase();
    const s = scores.get(key) ?? { m: 0, f: 0, u: 0 };
    const which = code.endsWith('M') ? 'm' : code.endsWith('F') ? 'f' : 'u';
    s[which] = Math.max(s[which], freq);
    scores.set(key, s);
  }
  return scores;
}

export function decideGender(s: Scores): 'm' | 'f' | undefined {
  for (const [g, o] of [['m', 'f'], ['f', 'm']] as const) {
    if (s[g] >= MIN_FREQ && s[g] >= Math.max(s[o], s.u) + MARGIN) return g;
  }
  return undefined;
}

export function buildFirstNameGender(dataDir = join(sharedDir, 'data')): string {
  const text = gunzipSync(readFileSync(join(dataDir, 'names-first-names-gender', 'nam_dict.txt.gz'))).toString('latin1');
  const rows: string[] = [];
  for (const [name, s] of firstNameScores(text)) {
    const g = decideGender(s);
    if (g) rows.push(`${name}\t${g}`);
  }
  rows.sort();
  const out = join(modelsDir, FIRST_NAME_GENDER_FILE);
  writeFileSync(out, gzipSync(rows.join('\n') + '\n', { level: 9 }));
  return `${out}: ${rows.length} names`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(buildFirstNameGender());
