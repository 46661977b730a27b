/**
 * Names cited in the nominative: an inflected adjective inside a name goes back to the form used with the
 * article ("Europäischen Union" → "Europäische Union", "Weißen Haus" → "Weiße Haus"). Only words the
 * language's lexicon (lang/<code>/names/adjective-nominative.tsv) marks as adjectives change, and never the
 * last word: plural names ("Vereinigten Staaten") keep their form, as no listed stem applies to them.
 * A language without that file keeps every name as written. Shared by the entities stage and the corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';

interface AdjectiveData { endings: string[]; strong: Set<string>; suffixes: string[]; stems: Set<string> }

const cache = new Map<string, AdjectiveData | null>();

function adjectiveData(lang: string): AdjectiveData | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const path = join(langDir(lang), 'names', 'adjective-nominative.tsv');
  const rows = existsSync(path)
    ? readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t').map((x) => x.trim()))
    : null;
  const data = rows && {
    endings: rows.filter((r) => r[0] === 'ending').map((r) => r[1]).sort((a, b) => b.length - a.length),
    strong: new Set(rows.filter((r) => r[0] === 'strong').map((r) => r[1])),
    suffixes: rows.filter((r) => r[0] === 'suffix').map((r) => r[1]),
    stems: new Set(rows.filter((r) => r[0] === 'stem').map((r) => r[1])),
  };
  cache.set(lang, data);
  return data;
}

function nominativeWord(word: string, adj: AdjectiveData, keepStrong: boolean): string {
  const lower = word.toLowerCase();
  for (const end of adj.endings) {
    if (keepStrong && adj.strong.has(end)) continue;
    if (!lower.endsWith(end) || lower.length <= end.length + 2) continue;
    const stem = lower.slice(0, -end.length);
    if (adj.stems.has(stem) || adj.suffixes.some((s) => stem.endsWith(s))) return word.slice(0, word.length - end.length) + 'e';
  }
  return word;
}

/**
 * The nominative form of a name in a language (unchanged when nothing in it is an inflected adjective). Words
 * after a lower-case one ("Komitee vom Roten Kreuz") belong to a phrase of their own and keep their case;
 * keepStrong leaves endings that are nominative without an article ("Deutsches Rotes Kreuz").
 */
export function citationForm(lang: string, name: string, opts: { keepStrong?: boolean } = {}): string {
  const adj = adjectiveData(lang);
  if (!adj) return name;
  const parts = name.split(/(\s+)/);
  const wordIdx = parts.map((p, i) => (/\S/.test(p) ? i : -1)).filter((i) => i >= 0);
  if (wordIdx.length < 2) return name;
  for (const i of wordIdx.slice(0, -1)) {
    if (!/^\p{Lu}/u.test(parts[i])) break;
    parts[i] = nominativeWord(parts[i], adj, opts.keepStrong ?? false);
  }
  return parts.join('');
}
