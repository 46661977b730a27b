/**
 * Loads and compiles the entities stage's language data once per language:
 *   lang/_shared/geo/countries.tsv        countries (de/en names) and capitals (derived from GeoNames + i18n-iso-countries)
 *   lang/_shared/organizations.tsv        well-known international organisations and media
 *   lang/<code>/entities/words.json       closed word classes (determiners, status words, pronouns, prepositions…)
 *   lang/<code>/entities/roles.txt        role/title heads (read through src/references/role-nouns.ts; the ties column is for relations)
 *   lang/<code>/entities/demonyms.tsv     demonym adjectives and person nouns
 *   lang/<code>/entities/country-aliases.tsv
 *   lang/<code>/entities/country-names.tsv  the usual short name of a country where the ISO list's first is not
 *   lang/<code>/entities/organization-heads.tsv
 *   lang/<code>/entities/non-actors.tsv   languages, currencies, sports: never an actor's name
 *   lang/<code>/entities/regions.tsv      sub-national regions (German Länder) with their adjectives
 * A new language is a new folder; nothing here is language-specific.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir, repoRoot } from '../util/paths.js';
import type { EntityType, Role } from '../contract/schema.js';
import type { EntityMentionKind } from './types.js';
import { roleNouns } from '../references/index.js';

export interface GazTarget {
  id: string;
  type: EntityType;
  kind: string | null;
  /** Display name for the doc language (countries); null: take the fullest form seen. */
  name: string | null;
  /** For countries: ISO codes. */
  iso2?: string;
  iso3?: string;
}

export interface GazEntry {
  surface: string;
  target: GazTarget;
  mention: EntityMentionKind;
  genitive: boolean;
  /** An adjective/noun of affiliation rather than a name. */
  demonym: boolean;
}

export interface OrgHead { key: string; kind: string; strict: boolean; head: string }

export interface WordData {
  compoundHeads: boolean;
  capitalizedNouns: boolean;
  adjectiveEndings: string[];
  nounEndings: string[];
  genitiveSuffixes: string[];
  possessiveClitics: string[];
  determiners: string[];
  definiteDeterminers: string[];
  status: Record<string, NonNullable<Role['status']>>;
  statusPrefixes: Record<string, NonNullable<Role['status']>>;
  statusSuffixes?: Record<string, NonNullable<Role['status']>>;
  pastCopula: string[];
  presentCopula: string[];
  locativePrepositions: string[];
  /** Verbs whose object is a place ("visit Suva"). */
  placeVerbs?: string[];
  indefiniteDeterminers?: string[];
  corporateTitles?: string[];
  /** Possessives that, opening a sentence before a title, refer back to the previous sentence ("Dessen Präsident"). */
  backPossessives?: string[];
  /** Words after which an upper-case word in parentheses is a ticker, not an actor ("the stock (KSTR)"). */
  stockWords?: string[];
  basedIn: string[];
  /** Articles that open a genitive after a title ("Präsident der USA"): what the role is of. */
  titleOfArticles?: string[];
  /** Endings glued to a place that make it a location ("Tokyo-based"). */
  basedSuffixes?: string[];
  ofPrepositions: string[];
  toPrepositions: string[];
  conjunctions: string[];
  relativePronouns: string[];
  ageApposition: string;
  /** Age as a modifier right before a title ("der 55 Jahre alte Geschäftsführer"), matched on the text before it. */
  ageBeforeTitle?: string;
  personWords: string[];
  stopNames: string[];
  titleModifiers?: string[];
  /** Words naming a government portfolio ("commerce", "treasury"), for languages that write them apart. */
  portfolios?: string[];
  /** "been" and the auxiliaries before it with the status they give ("has" → current, "had" → former). */
  perfectCopula?: string[];
  auxiliaries?: Record<string, NonNullable<Role['status']>>;
  /** Company suffixes that are no name on their own ("AG", "Inc."). */
  legalForms?: string[];
  /** Words that make a company of the country abbreviation before them ("U.S. Steel"). */
  companyNameWords?: string[];
  /** [role head, organisation head] pairs naming one office when they share a portfolio ("secretary", "department"). */
  portfolioPairs?: [string, string][];
  genitiveArticles?: string[];
  appositionAdverbs?: string[];
  orgEndings?: string[];
  nominative?: { feminineHeads: string[]; adjectiveRewrites: [string, string][] };
  /** Base forms of role titles in a language with compound heads (see lang/de/entities/words.json). */
  titleBase?: {
    adjectivalHeads: string[];
    keepHeads: string[];
    feminineEndings: string[];
    feminineSuffixes: string[];
    neuterHeads: string[];
    adjectiveForms: { masculine: string; feminine: string; neuter: string; plural?: string };
  };
}

export interface EntityLexicon {
  lang: string;
  words: WordData;
  /** Gazetteer entries indexed by their first two characters, longest first. */
  gaz: Map<string, GazEntry[]>;
  /** Country/organisation targets by id. */
  targets: Map<string, GazTarget>;
  roleHeads: Set<string>;
  roleHeadLengths: number[];
  /** Multi-word role phrases by first word (lower case), longest first; single words too for languages without compounds. */
  rolePhrases: Map<string, string[][]>;
  /** Plural last word of a role phrase → its singular ("officials" → "official"), for base-form titles. */
  roleSingulars: Map<string, string>;
  orgHeads: Map<string, OrgHead>;
  orgHeadLengths: number[];
  /** Multi-word organisation heads by first word (English "foreign ministry"). */
  orgPhrases: Map<string, { words: string[]; head: OrgHead }[]>;
  determiners: Set<string>;
  definite: Set<string>;
  locative: Set<string>;
  placeVerbs: Set<string>;
  indefinite: Set<string>;
  basedIn: Set<string>;
  ofPreps: Set<string>;
  toPreps: Set<string>;
  conjunctions: Set<string>;
  relatives: Set<string>;
  pastCopula: Set<string>;
  presentCopula: Set<string>;
  stopNames: Set<string>;
  personWords: Set<string>;
  titleModifiers: Set<string>;
  portfolios: Set<string>;
  genitiveArticles: Set<string>;
  /** Lower-case words that never name an actor (languages, currencies, sports) → their category. */
  nonActors: Map<string, string>;
  /** Online platforms (lang/_shared/platforms.tsv), as written → kind: a tagged span naming one is an organisation. */
  platforms: Map<string, string>;
  /** Sports among them, longest first, for compounds that start with one ("Golfplatz"; not "Europas"). */
  nonActorPrefixes: string[];
  /** Capital surface → organisation it stands for as an actor ("Brüssel" → the EU). */
  metonyms: Map<string, GazTarget>;
  ageApposition: RegExp;
  ageBeforeTitle: RegExp | null;
}

const cache = new Map<string, EntityLexicon>();

const readLines = (path: string): string[] =>
  existsSync(path)
    ? readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() && !l.trimStart().startsWith('#'))
    : [];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function entityLexicon(lang: string): EntityLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const dir = join(langDir(lang), 'entities');
  const fallback = join(langDir('en'), 'entities');
  const wordsPath = existsSync(join(dir, 'words.json')) ? join(dir, 'words.json') : join(fallback, 'words.json');
  const words = JSON.parse(readFileSync(wordsPath, 'utf8')) as WordData;
  const gazList: GazEntry[] = [];
  const targets = new Map<string, GazTarget>();
  const add = (surface: string, target: GazTarget, mention: EntityMentionKind, genitive = false, demonym = false) => {
    if (surface.length >= 2) gazList.push({ surface, target, mention, genitive, demonym });
  };
  const genitives = (name: string): string[] =>
    words.genitiveSuffixes.length && !name.includes(' ') && !/[sxzß]$|e$|ei$/i.test(name) ? words.genitiveSuffixes.map((g) => name + g) : [];

  // Countries and capitals.
  const langCol = lang === 'de' ? 2 : 3;
  const extraAliases = new Map<string, string[]>();
  for (const line of readLines(join(dir, 'country-aliases.tsv'))) {
    const [cc, names] = line.split('\t');
    extraAliases.set(cc, (names ?? '').split('|').filter(Boolean));
  }
  // The country's usual short name in the language, where the ISO list's first name is not ("Britain", "Syrien").
  const shortNames = new Map<string, string>();
  for (const line of readLines(join(dir, 'country-names.tsv'))) {
    const [cc, name] = line.split('\t');
    if (cc && name) shortNames.set(cc, name.trim());
  }
  for (const line of readLines(join(repoRoot, 'lang', '_shared', 'geo', 'countries.tsv'))) {
    const f = line.split('\t');
    const cc = f[0];
    const short = shortNames.get(cc);
    const names = [...(short ? [short] : []), ...(f[langCol] || f[3]).split('|').filter(Boolean)];
    const target: GazTarget = { id: `country:${cc}`, type: 'location', kind: 'country', name: names[0], iso2: cc, iso3: f[1] };
    targets.set(target.id, target);
    for (const n of [...names, ...(extraAliases.get(cc) ?? [])]) {
      const acronym = /^[A-Z.]+$/.test(n);
      add(n, target, acronym ? 'acronym' : 'name');
      for (const g of genitives(n)) add(g, target, 'possessive', true);
    }
    for (const c of (f[5] ?? '').split('|').filter(Boolean)) {
      add(c, target, 'capital');
      for (const g of genitives(c)) add(g, target, 'capital', true);
    }
  }
  // Demonyms: adjectives inflected with the language's adjective endings, person nouns with noun endings.
  for (const line of readLines(join(dir, 'demonyms.tsv'))) {
    const [cc, adjs, nouns] = line.split('\t');
    const target = targets.get(`country:${cc}`);
    if (!target) continue;
    for (const a of (adjs ?? '').split('|').filter(Boolean)) {
      for (const e of words.adjectiveEndings) {
        add(a + e, target, 'demonym', false, true);
        if (/^\p{Ll}/u.test(a)) add(capitalize(a) + e, target, 'demonym', false, true);
      }
    }
    for (const n of (nouns ?? '').split('|').filter(Boolean)) {
      for (const form of nounForms(n, lang)) add(form, target, 'demonym', false, true);
    }
  }
  // Regions: names (and genitives) and adjectives like demonyms ("bayerische" → Bayern).
  for (const line of readLines(join(dir, 'regions.tsv'))) {
    const [id, kind, names, adjs] = line.split('\t');
    const ns = (names ?? '').split('|').filter(Boolean);
    if (!id || !ns.length) continue;
    const target: GazTarget = { id, type: 'location', kind: kind || 'region', name: ns[0] };
    targets.set(id, target);
    for (const n of ns) {
      add(n, target, /^[A-Z.]+$/.test(n) ? 'acronym' : 'name');
      for (const g of genitives(n)) add(g, target, 'possessive', true);
    }
    for (const a of (adjs ?? '').split('|').filter(Boolean)) {
      for (const e of words.adjectiveEndings) {
        add(a + e, target, 'demonym', false, true);
        add(capitalize(a) + e, target, 'demonym', false, true);
      }
    }
  }
  // Well-known organisations.
  for (const line of readLines(join(repoRoot, 'lang', '_shared', 'organizations.tsv'))) {
    const [id, type, kind, names, acronyms] = line.split('\t');
    const target: GazTarget = { id, type: type as EntityType, kind: kind || null, name: null };
    targets.set(id, target);
    for (const n of (names ?? '').split('|').filter(Boolean)) {
      add(n, target, 'name');
      for (const g of genitives(n)) add(g, target, 'possessive', true); // "des Kremls"
    }
    for (const a of (acronyms ?? '').split('|').filter(Boolean)) add(a, target, 'acronym');
  }
  const gaz = new Map<string, GazEntry[]>();
  for (const e of gazList) {
    const k = e.surface.slice(0, 2);
    let arr = gaz.get(k);
    if (!arr) gaz.set(k, (arr = []));
    if (!arr.some((x) => x.surface === e.surface)) arr.push(e); // first wins: names before capitals before demonyms
  }
  for (const arr of gaz.values()) arr.sort((a, b) => b.surface.length - a.surface.length);

  // Roles.
  const roleHeads = new Set<string>();
  const rolePhrases = new Map<string, string[][]>();
  const roleSingulars = new Map<string, string>();
  for (const line of roleNouns(lang).titles) {
    // "gov. = governor": a one-word abbreviation found as written and named by its full title.
    const eq = line.indexOf('=');
    if (eq > 0) {
      const abbr = line.slice(0, eq).trim(), full = line.slice(eq + 1).trim();
      const ws = abbr.split(' ');
      let arr = rolePhrases.get(ws[0]);
      if (!arr) rolePhrases.set(ws[0], (arr = []));
      arr.push(ws);
      roleSingulars.set(ws[ws.length - 1], full);
      continue;
    }
    const r = line;
    if (words.compoundHeads && !r.includes(' ')) { roleHeads.add(r); continue; }
    const singular = r.split(' ').pop()!;
    for (const form of phraseForms(r)) {
      const last = form.split(' ').pop()!;
      if (last !== singular && !roleSingulars.has(last)) roleSingulars.set(last, singular);
      const ws = form.split(' ');
      let arr = rolePhrases.get(ws[0]);
      if (!arr) rolePhrases.set(ws[0], (arr = []));
      arr.push(ws);
    }
  }
  for (const arr of rolePhrases.values()) arr.sort((a, b) => b.length - a.length);

  const orgHeads = new Map<string, OrgHead>();
  const orgPhrases = new Map<string, { words: string[]; head: OrgHead }[]>();
  for (const line of readLines(join(dir, 'organization-heads.tsv'))) {
    const [head, key, kind, strict] = line.split('\t');
    const h: OrgHead = { key, kind, strict: strict === '1', head };
    if (words.compoundHeads && !head.includes(' ')) { orgHeads.set(head, h); continue; }
    // Singular only: "Japanese companies" are no organisation.
    const ws = head.split(' ');
    let arr = orgPhrases.get(ws[0]);
    if (!arr) orgPhrases.set(ws[0], (arr = []));
    arr.push({ words: ws, head: h });
  }
  for (const arr of orgPhrases.values()) arr.sort((a, b) => b.words.length - a.words.length);

  const metonyms = new Map<string, GazTarget>();
  for (const line of readLines(join(repoRoot, 'lang', '_shared', 'metonyms.tsv'))) {
    const [surface, id] = line.split('\t');
    const t = targets.get(id);
    if (t) metonyms.set(surface, t);
  }
  const nonActors = new Map<string, string>();
  for (const line of readLines(join(dir, 'non-actors.tsv'))) {
    const [w, cat] = line.split('\t');
    if (w) nonActors.set(w.trim().toLowerCase(), (cat ?? '').trim());
  }
  const platforms = new Map<string, string>();
  for (const line of readLines(join(repoRoot, 'lang', '_shared', 'platforms.tsv'))) {
    const [name, kind] = line.split('\t');
    if (name) platforms.set(name.trim(), (kind ?? '').trim());
  }
  const lower = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const lex: EntityLexicon = {
    lang,
    words,
    gaz,
    targets,
    roleHeads,
    roleHeadLengths: [...new Set([...roleHeads].map((h) => h.length))].sort((a, b) => b - a),
    rolePhrases,
    roleSingulars,
    orgHeads,
    orgHeadLengths: [...new Set([...orgHeads.keys()].map((h) => h.length))].sort((a, b) => b - a),
    orgPhrases,
    determiners: lower(words.determiners),
    definite: lower(words.definiteDeterminers),
    locative: lower(words.locativePrepositions),
    placeVerbs: lower(words.placeVerbs ?? []),
    indefinite: lower(words.indefiniteDeterminers ?? []),
    basedIn: lower(words.basedIn),
    ofPreps: lower(words.ofPrepositions),
    toPreps: lower(words.toPrepositions),
    conjunctions: lower(words.conjunctions),
    relatives: lower(words.relativePronouns),
    pastCopula: lower(words.pastCopula),
    presentCopula: lower(words.presentCopula),
    stopNames: lower(words.stopNames),
    personWords: lower(words.personWords),
    titleModifiers: lower(words.titleModifiers),
    portfolios: lower(words.portfolios),
    genitiveArticles: lower(words.genitiveArticles),
    metonyms,
    nonActors,
    platforms,
    nonActorPrefixes: [...nonActors].filter(([w, cat]) => cat === 'sport' && w.length >= 4).map(([w]) => w).sort((a, b) => b.length - a.length),
    ageApposition: new RegExp(words.ageApposition, 'u'),
    ageBeforeTitle: words.ageBeforeTitle ? new RegExp(words.ageBeforeTitle, 'u') : null,
  };
  cache.set(lang, lex);
  return lex;
}

/** Inflected forms of a demonym person noun ("Japaner" → Japanerin, Japanern…; "Chinese" → Chinesen, Chinesin). */
function nounForms(n: string, lang: string): string[] {
  if (lang === 'de') {
    if (n.endsWith('er')) return [n, n + 'n', n + 's', n + 'in', n + 'innen'];
    if (n.endsWith('e')) return [n, n + 'n', n.slice(0, -1) + 'in', n.slice(0, -1) + 'innen'];
    if (n.endsWith('i')) return [n, n + 's'];
    return [n, n + 'en', n + 'in', n + 'innen'];
  }
  if (/(ese|ss|sh|ch|s)$/.test(n)) return [n];
  if (n.endsWith('man')) return [n, n.slice(0, -3) + 'men'];
  return [n, n + 's'];
}

/** Singular and plural forms of a lower-case phrase (plural on the last word). */
function phraseForms(p: string): string[] {
  const ws = p.split(' ');
  // "secretary of state" pluralises its first word; keep it simple: only the last word inflects.
  const last = ws[ws.length - 1];
  const plurals = last.endsWith('man') ? [last.slice(0, -3) + 'men']
    : last.endsWith('y') && !/[aeiou]y$/.test(last) ? [last.slice(0, -1) + 'ies']
    : /(s|sh|ch|x)$/.test(last) ? [last + 'es'] : [last + 's'];
  return [p, ...plurals.map((pl) => [...ws.slice(0, -1), pl].join(' '))];
}

/** Strips an inflection ending and tests whether the rest ends with one of `heads` (compound suffix). */
export function compoundHead(lower: string, endings: string[], heads: Set<string> | Map<string, unknown>, lengths: number[]): { head: string; stem: string } | null {
  for (const e of endings) {
    if (e && !lower.endsWith(e)) continue;
    const stem = e ? lower.slice(0, -e.length) : lower;
    for (const L of lengths) {
      if (stem.length < L) continue;
      const tail = stem.slice(stem.length - L);
      if (heads.has(tail)) {
        const prefix = stem.slice(0, stem.length - L);
        // A compound needs a real first part ("Verteidigungs-", "US-"), not one stray letter.
        if (prefix.length === 0 || prefix.length >= 2) return { head: tail, stem };
      }
    }
  }
  return null;
}
