/** Loads the text layer's per-language data files (lang/<code>/text/), once per language. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir, repoRoot } from '../util/paths.js';

export interface CreditCues {
  reporters: string[];
  editors: string[];
  connectors: string[];
  placePrepositions: string[];
}

export interface TextLangData {
  code: string;
  abbreviations: Set<string>;
  months: Set<string>;
  /** Lower-case words after which a month name reads as a date ("in May", "seit Mai"). */
  datePreceders: Set<string>;
  ordinalPreceders: Set<string>;
  /** Endings of a number written in digits that make it an ordinal or day ("5th", "5."). */
  ordinalSuffixes: string[];
  stopwords: Set<string>;
  /** Word endings split off as their own token (English "'s", "n't"). */
  clitics: string[];
  /** Words after a truncated compound's hyphen ("US- und EU-Vertreter"). */
  compoundLinks: Set<string>;
  credits: CreditCues;
}

/** Reads a plain list: one entry per line, `#` starts a comment, blank lines ignored. */
export function readList(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

const cache = new Map<string, TextLangData>();

export function textLangData(code: string): TextLangData {
  let d = cache.get(code);
  if (d) return d;
  const dir = join(langDir(code), 'text');
  const creditsPath = join(dir, 'credits.json');
  const credits: CreditCues = existsSync(creditsPath)
    ? JSON.parse(readFileSync(creditsPath, 'utf8'))
    : { reporters: [], editors: [], connectors: [], placePrepositions: [] };
  d = {
    code,
    abbreviations: new Set(readList(join(dir, 'abbreviations.txt'))),
    months: new Set(readList(join(dir, 'months.txt'))),
    datePreceders: new Set(readList(join(dir, 'date-preceders.txt')).map((w) => w.toLowerCase())),
    ordinalPreceders: new Set(readList(join(dir, 'ordinal-preceders.txt'))),
    ordinalSuffixes: readList(join(dir, 'ordinal-suffixes.txt')),
    stopwords: new Set(readList(join(dir, 'stopwords.txt')).map((w) => w.toLowerCase())),
    clitics: readList(join(dir, 'clitics.txt')).sort((a, b) => b.length - a.length),
    compoundLinks: new Set(readList(join(dir, 'compound-links.txt'))),
    credits,
  };
  cache.set(code, d);
  return d;
}

/** Languages that have a data folder (lang/<code>/text). Adding a language is adding a folder. */
export function availableLanguages(): string[] {
  return readdirSync(join(repoRoot, 'lang'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[a-z]{2,3}$/.test(e.name) && existsSync(join(repoRoot, 'lang', e.name, 'text')))
    .map((e) => e.name)
    .sort();
}
