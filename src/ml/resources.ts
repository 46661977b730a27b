/**
 * Gazetteers and word statistics from ../shared/data, compiled into a Lexicon at training time.
 * Nothing here is needed at tagging time: the lexicon travels inside the model file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { GAZ, LexiconBuilder, type Lexicon } from './lexicon.js';
import { repoRoot } from '../util/paths.js';
import type { PartialSentence } from './smartdata.js';

const PH_LOC = 0;
const PH_PER = 1;
const PH_ORG = 2;

function readMaybeGz(path: string, enc: BufferEncoding = 'utf8'): string {
  const b = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(b) : b).toString(enc);
}

const isLatinName = (s: string): boolean => /^[\p{Lu}][\p{L}\p{M}'’.\- ]+$/u.test(s) && !/[\u0370-\u03ff\u0400-\u04ff]/.test(s);

/** Lower-case word frequency ranks (OpenSubtitles top 50k). */
export function loadWordfreq(dataDir: string, lang: string): Map<string, number> {
  const m = new Map<string, number>();
  const p = join(dataDir, 'wordfreq', `opensubtitles2018-${lang}_50k.txt`);
  if (!existsSync(p)) return m;
  const lines = readFileSync(p, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const w = lines[i].split(' ')[0];
    if (w && !m.has(w)) m.set(w, i + 1);
  }
  return m;
}

/** Adds a name: single tokens get a flag, multi-token names become phrases. */
let genitive = false;
function addName(b: LexiconBuilder, name: string, flag: number, phraseType: number): void {
  const toks = tokenizeName(name);
  if (toks.length === 0) return;
  if (toks.length === 1) {
    b.addFlag(toks[0], flag);
    // German genitive of place names: Kanadas, Griechenlandes
    if (genitive && (flag === GAZ.COUNTRY || flag === GAZ.CAPITAL || flag === GAZ.CITY) && /\p{Ll}$/u.test(toks[0])) {
      if (!/[sßxz]$/.test(toks[0])) b.addFlag(toks[0] + 's', flag);
      if (/d$/.test(toks[0])) b.addFlag(toks[0] + 'es', flag);
    }
  }
  else if (toks.length <= 6) b.addPhrase(toks.join(' '), phraseType);
}

/** Splits a gazetteer name the way the datasets tokenise (punctuation apart, hyphenated words kept). */
export function tokenizeName(name: string): string[] {
  return name.replace(/([(),;:"])/g, ' $1 ').split(/\s+/).filter(Boolean);
}

export interface GazetteerOptions { dataDir: string; lang: string }

export function addGazetteers(b: LexiconBuilder, o: GazetteerOptions): void {
  genitive = false;
  const freq = loadWordfreq(o.dataDir, o.lang);
  const commonWord = (w: string): boolean => {
    const r = freq.get(w.toLowerCase());
    return r !== undefined && r < 20000;
  };

  // first names (nam_dict.txt, latin1, fixed width)
  const nd = join(o.dataDir, 'names-first-names-gender', 'nam_dict.txt.gz');
  if (existsSync(nd)) {
    const text = readMaybeGz(nd, 'latin1');
    const cols = o.lang === 'de' ? [42, 43, 44] : [30, 31, 32];
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.length < 31 || line[0] === '=') continue;
      const rawName = line.slice(3, 29).trim();
      if (!rawName || rawName.includes('<')) continue;
      const name = rawName.replace(/\+/g, '-');
      let local = 0;
      let any = 0;
      for (let c = 30; c < line.length && c < 86; c++) {
        const ch = line[c];
        if (ch === ' ' || ch === '$') continue;
        const v = parseInt(ch, 16);
        if (Number.isNaN(v)) continue;
        if (v > any) any = v;
        if (cols.includes(c) && v > local) local = v;
      }
      const parts = name.split('-');
      for (const p of parts.length > 1 ? [name, ...parts] : [name]) {
        if (p.length < 2) continue;
        b.addFlag(p, GAZ.FIRST);
        if (local >= 4 || any >= 8) b.addFlag(p, GAZ.FIRST_COMMON);
      }
    }
  }

  // countries (i18n-iso-countries) in the model language and English
  for (const l of new Set([o.lang, 'en'])) {
    const p = join(o.dataDir, 'geo-country-capital-names', `i18n-iso-countries.${l}.json`);
    if (!existsSync(p)) continue;
    const j = JSON.parse(readFileSync(p, 'utf8')) as { countries: Record<string, string | string[]> };
    for (const v of Object.values(j.countries)) for (const name of Array.isArray(v) ? v : [v]) addName(b, name, GAZ.COUNTRY, PH_LOC);
  }

  // capitals and large cities with alternate names (GeoNames)
  const geo = (file: string, flag: number): void => {
    const p = join(o.dataDir, 'geo-country-capital-names', file);
    if (!existsSync(p)) return;
    const lines = readMaybeGz(p).split('\n');
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i].split('\t');
      if (f.length < 12) continue;
      const names = new Set<string>([f[1], f[2]]);
      const pop = Number(f[6]);
      for (const a of f[11].split(',')) {
        if (a.length < 3 || /^[A-Z]{3,4}$/.test(a) || !isLatinName(a)) continue;
        // alternate names that are common words ("Bad", "Mit") would only add noise
        if (commonWord(a) && !(flag === GAZ.CAPITAL || pop > 1_000_000)) continue;
        names.add(a);
      }
      for (const name of names) if (isLatinName(name)) addName(b, name, flag, PH_LOC);
    }
  };
  geo('geonames-capitals.tsv', GAZ.CAPITAL);
  geo('geonames-cities-pop100k.tsv.gz', GAZ.CITY);

  // Bundestag speakers (German only): surnames and full names; parliamentary groups as organisations
  const bt = join(o.dataDir, 'gazetteers-bundestag', 'bundestag-wp20-speakers.tsv');
  if (o.lang === 'de' && existsSync(bt)) {
    const lines = readFileSync(bt, 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i].split('\t');
      if (f.length < 5) continue;
      const first = f[1].trim();
      const last = f[3].trim();
      if (last) {
        for (const t of tokenizeName(last)) if (/^\p{Lu}/u.test(t)) b.addFlag(t, GAZ.LASTNAME);
        if (first) b.addPhrase([...tokenizeName(first), ...tokenizeName(last)].join(' '), PH_PER);
      }
      const g = f[4].trim();
      if (g && !/fraktionslos/i.test(g)) for (const t of tokenizeName(g.replace('/', ' / '))) if (/^\p{Lu}{2,}/u.test(t)) b.addFlag(t, GAZ.ORG);
    }
  }

  // small hand-written lists under lang/<lang>/ner/ (one entry per line, "#" comments)
  const listFile = (name: string): string[] => {
    const p = join(repoRoot, 'lang', o.lang, 'ner', name);
    if (!existsSync(p)) return [];
    return readFileSync(p, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
  };
  for (const w of listFile('roles.txt')) b.addFlag(w, GAZ.ROLE);
  for (const w of listFile('demonyms.txt')) b.addFlag(w, GAZ.DEMONYM);
  for (const w of listFile('orgs.txt')) addName(b, w, GAZ.ORG, PH_ORG);
}

/** Word statistics file written by the cluster builder: word \t leaf \t freqBucket \t capRatio. */
export function addWordStats(b: LexiconBuilder, path: string): boolean {
  if (!existsSync(path)) return false;
  const lines = readMaybeGz(path).split('\n');
  const head = lines[0].split('\t');
  if (head[0] === '#branching') b.branching = Number(head[1]);
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split('\t');
    if (f.length < 4) continue;
    const id = b.id(f[0]);
    b.cluster[id] = Number(f[1]);
    b.freq[id] = Number(f[2]);
    b.capRatio[id] = Number(f[3]);
    b.cluster2[id] = f.length > 4 ? Number(f[4]) : -1;
  }
  return true;
}

export function wordStatsPath(lang: string): string {
  return join(repoRoot, 'models', `wordstats-${lang}.tsv.gz`);
}

export function buildLexicon(o: GazetteerOptions & { stats?: string | null; gazetteers?: boolean; dictionary?: boolean; nameLists?: PartialSentence[]; trainTypes?: { tokens: string[]; tags: string[] }[] }): Lexicon {
  const b = new LexiconBuilder();
  const stats = o.stats === undefined ? wordStatsPath(o.lang) : o.stats;
  if (stats) addWordStats(b, stats);
  if (o.gazetteers !== false) addGazetteers(b, o);
  if (o.dictionary) addDictionary(b, o.lang);
  if (o.nameLists) addMentionNames(b, o.nameLists);
  if (o.trainTypes) addTrainTypes(b, o.trainTypes);
  return b.build();
}

/**
 * The usual type of each word inside the training data's names (PER/LOC/ORG/OTH, not -deriv/-part), for words tagged
 * at least twice, mostly with one type, and inside a name in at least half of their occurrences.
 */
export function addTrainTypes(b: LexiconBuilder, data: { tokens: string[]; tags: string[] }[]): void {
  const TYPES = ['PER', 'LOC', 'ORG', 'OTH'];
  const counts = new Map<string, number[]>();
  for (const s of data) {
    for (let i = 0; i < s.tokens.length; i++) {
      const w = s.tokens[i];
      if (!/^\p{Lu}/u.test(w)) continue;
      let c = counts.get(w);
      if (!c) { c = [0, 0, 0, 0, 0]; counts.set(w, c); }
      c[4]++;
      const t = TYPES.indexOf(s.tags[i].slice(2));
      if (t >= 0) c[t]++;
    }
  }
  for (const [w, c] of counts) {
    const ent = c[0] + c[1] + c[2] + c[3];
    if (ent < 2 || ent * 2 < c[4]) continue;
    let best = 0;
    for (let t = 1; t < 4; t++) if (c[t] > c[best]) best = t;
    if (c[best] < 0.6 * ent) continue;
    b.flags[b.id(w)] |= (best + 1) << GAZ.TRAIN_TYPE_SHIFT;
  }
}

/** Hunspell flags that only names and plain nouns share: genitive -s and compounding marks. */
const NAME_FLAGS = /^[SmM]*$/;
const STEM_ENDINGS = ['', 's', 'es', 'n', 'en', 'e', 'er', 'ern', 'ns'];

/**
 * Spelling-dictionary classes (GAZ.DICT_*) from the npm package dictionary-<lang> (hunspell .dic): for every
 * dictionary stem and every lexicon word whose stem (after stripping a common inflection ending) is an entry.
 */
export function addDictionary(b: LexiconBuilder, lang: string): boolean {
  const p = join(repoRoot, 'node_modules', `dictionary-${lang}`, 'index.dic');
  if (!existsSync(p)) return false;
  const entries = new Map<string, string>();
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    const m = /^([^\s/#]+)(?:\/(\S*))?/.exec(line);
    if (!m || /^\d+$/.test(m[1])) continue;
    entries.set(m[1], (entries.get(m[1]) ?? '') + (m[2] ?? ''));
  }
  const classOf = (w: string): number => {
    let bits = 0;
    const cap = /^\p{Lu}\p{Ll}/u.test(w);
    for (const end of STEM_ENDINGS) {
      if (end && !w.endsWith(end)) continue;
      const stem = w.slice(0, w.length - end.length);
      if (stem.length < 2) continue;
      const f = entries.get(stem);
      if (f !== undefined && cap) bits |= NAME_FLAGS.test(f) ? GAZ.DICT_NAME : GAZ.DICT_NOUN;
      if (cap && entries.has(stem.toLowerCase())) bits |= GAZ.DICT_LOWER;
    }
    return bits;
  };
  for (const w of entries.keys()) b.id(w);
  for (let i = 0; i < b.words.length; i++) b.flags[i] |= classOf(b.words[i]);
  return true;
}

/** Names marked in another corpus (SmartData) as gazetteer entries: ORG names get the ORG bit and phrase, places the CITY bit. */
export function addMentionNames(b: LexiconBuilder, sents: PartialSentence[]): void {
  for (const s of sents) {
    for (let i = 0; i < s.tokens.length; i++) {
      const t = s.tags[i];
      if (!t || !t.startsWith('B-')) continue;
      let j = i + 1;
      while (j < s.tokens.length && s.tags[j] === 'I-' + t.slice(2)) j++;
      const toks = s.tokens.slice(i, j);
      const type = t.slice(2);
      if (type === 'ORG') { if (toks.length === 1) b.addFlag(toks[0], GAZ.ORG); else if (toks.length <= 6) b.addPhrase(toks.join(' '), PH_ORG); }
      else if (type === 'LOC') { if (toks.length === 1) b.addFlag(toks[0], GAZ.CITY); else if (toks.length <= 6) b.addPhrase(toks.join(' '), PH_LOC); }
      else if (type === 'PER' && toks.length > 1) b.addPhrase(toks.join(' '), PH_PER);
    }
  }
}
