/**
 * Loads a language's time rules (lang/<code>/time/{lexicon,rules}.json) and compiles them once into
 * regular expressions. HeidelTime style: the rules and word lists are data; this engine knows only the
 * pattern syntax and the language-independent normalisation types (see normalise.ts).
 *
 * Pattern syntax (documented for linguists in lang/README-time.md):
 *   {name:MACRO}  a named slot; its value is the number it spells or the lexicon entry it matches
 *   %MACRO        the same text without a slot
 *   a space       one or more whitespace characters
 * MACRO is a lexicon category (MONTH, WEEKDAY, …), a macro from rules.json, or a built-in below.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';
import { firstChars } from './first-chars.js';

/** Language-independent digit patterns. */
const BUILTIN_MACROS: Record<string, string> = {
  YEAR: '(?:1[5-9]\\d\\d|20\\d\\d)',
  DAY: '(?:0?[1-9]|[12]\\d|3[01])',
  DAY2: '(?:0[1-9]|[12]\\d|3[01])',
  MONTHNUM: '(?:0?[1-9]|1[0-2])',
  MONTHNUM2: '(?:0[1-9]|1[0-2])',
  INT: '\\d{1,3}',
  /** A decade written with four digits (1990) or two (90). */
  DECADE: '(?:1[5-9]\\d0|20\\d0|\\d0)',
};

export type LexValue = number | string | Record<string, number | string>;

export interface NormSpec {
  type: string;
  [field: string]: unknown;
}

export interface RuleData {
  name: string;
  pattern: string;
  /** Regex that must (or must not) end right before / start right after the match; not part of the span. */
  before?: string;
  notBefore?: string;
  after?: string;
  notAfter?: string;
  caseSensitive?: boolean;
  norm: NormSpec;
}

export interface RulesFile {
  macros?: Record<string, string>;
  rules: RuleData[];
}

export interface LexiconFile {
  /** Categories whose words must be written with a capital letter (German nouns, English month names). */
  capitalised?: string[];
  categories: Record<string, Record<string, LexValue>>;
}

export interface CompiledRule {
  name: string;
  index: number;
  /** Sticky regex: tested at one position. */
  sticky: RegExp;
  before: RegExp | null;
  notBefore: RegExp | null;
  after: RegExp | null;
  notAfter: RegExp | null;
  /** Slot name → the lexicon categories its value is looked up in. */
  slots: Map<string, { categories: string[]; capitalised: boolean }>;
  norm: NormSpec;
}

export interface TimeRuleSet {
  lang: string;
  rules: CompiledRule[];
  /** One alternation of every rule (see buildScanner): finds candidate positions in a single pass over the text. */
  scanner: RegExp;
  /** The scanner's capture group of each rule. */
  scannerGroup: number[];
  /** Per lower-cased character: the indices of the rules that can begin with it, in rule order. */
  rulesByChar: Map<string, number[]>;
  /** The rules whose first character the analysis could not tell (tried everywhere). */
  rulesAnyChar: number[];
  lexicon: Map<string, Map<string, LexValue>>;
}

const cache = new Map<string, TimeRuleSet | null>();

/** The compiled rule set for a language, or null when the language has no time rules. Cached. */
export function loadTimeRules(lang: string): TimeRuleSet | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const dir = join(langDir(lang), 'time');
  const set = existsSync(join(dir, 'rules.json'))
    ? compileRuleSet(
        lang,
        JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8')) as LexiconFile,
        JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')) as RulesFile,
      )
    : null;
  cache.set(lang, set);
  return set;
}

/** Lexicon keys and slot texts compare lower-cased, with single spaces and straight apostrophes. */
export const normaliseKey = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'").trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A space in data means "one or more whitespace characters". */
const spaces = (s: string) => s.replace(/ +/g, '\\s+');
const CASE_SENSITIVE = '(?-i)';

export function compileRuleSet(lang: string, lexFile: LexiconFile, rulesFile: RulesFile): TimeRuleSet {
  const lexicon = new Map<string, Map<string, LexValue>>();
  const alternations = new Map<string, string>();
  for (const [cat, entries] of Object.entries(lexFile.categories)) {
    const m = new Map<string, LexValue>();
    for (const [k, v] of Object.entries(entries)) m.set(normaliseKey(k), v);
    lexicon.set(cat, m);
    // Longest first, so "Jahreswechsel" is tried before "Jahr".
    const words = [...m.keys()].sort((a, b) => b.length - a.length).map((w) => spaces(escapeRe(w)).replace(/'/g, "['’]"));
    alternations.set(cat, `(?:${words.join('|')})`);
  }
  const capitalised = new Set(lexFile.capitalised ?? []);
  const macros: Record<string, string> = { ...BUILTIN_MACROS, ...(rulesFile.macros ?? {}) };

  /** Expands %NAME references (macros may refer to categories and other macros). */
  const expand = (src: string, depth = 0): string => {
    if (depth > 8) throw new Error(`time rules (${lang}): macro recursion too deep in "${src}"`);
    return src.replace(/%([A-Z][A-Z0-9_]*)/g, (_, name: string) => {
      if (alternations.has(name)) return alternations.get(name)!;
      if (name in macros) return `(?:${expand(spaces(macros[name]), depth + 1)})`;
      throw new Error(`time rules (${lang}): unknown macro %${name}`);
    });
  };
  /** The lexicon categories a macro's values come from. */
  const categoriesOf = (name: string, depth = 0): string[] => {
    if (lexicon.has(name)) return [name];
    if (!(name in macros) || depth > 8) return [];
    return [...macros[name].matchAll(/%([A-Z][A-Z0-9_]*)/g)].flatMap((m) => categoriesOf(m[1], depth + 1));
  };

  const rules: CompiledRule[] = [];
  const scanParts: string[] = [];
  rulesFile.rules.forEach((r, index) => {
    const slots = new Map<string, { categories: string[]; capitalised: boolean }>();
    let body = spaces(r.pattern).replace(/\{([a-z][a-z0-9]*):([A-Z][A-Z0-9_]*)\}/g, (_, slot: string, macro: string) => {
      if (slots.has(slot)) throw new Error(`time rules (${lang}): slot {${slot}} used twice in rule ${r.name}`);
      slots.set(slot, { categories: categoriesOf(macro), capitalised: capitalised.has(macro) });
      return `(?<${slot}>%${macro})`;
    });
    const core = `${expand(body)}(?![\\p{L}\\p{N}])`;
    body = `(?<![\\p{L}\\p{N}])${core}`;
    const flags = r.caseSensitive ? 'uy' : 'iuy';
    let sticky: RegExp;
    try {
      sticky = new RegExp(body, flags);
    } catch (e) {
      throw new Error(`time rules (${lang}): rule ${r.name} does not compile: ${(e as Error).message}`);
    }
    const ctx = (src: string | undefined, side: 'before' | 'after'): RegExp | null => {
      if (!src) return null;
      // The (?-i) marker may come from a macro, so it is looked for after expansion.
      const expanded = expand(spaces(src));
      const cs = expanded.includes(CASE_SENSITIVE);
      const core = expanded.split(CASE_SENSITIVE).join('');
      // A context must sit on word boundaries: "im " must not match the end of "beim ".
      const re = side === 'before' ? `(?:^|[^\\p{L}\\p{N}])(?:${core})$` : `^(?:${core})`;
      return new RegExp(re, cs ? 'u' : 'iu');
    };
    rules.push({
      name: r.name,
      index,
      sticky,
      before: ctx(r.before, 'before'),
      notBefore: ctx(r.notBefore, 'before'),
      after: ctx(r.after, 'after'),
      notAfter: ctx(r.notAfter, 'after'),
      slots,
      norm: r.norm,
    });
    scanParts.push(core.replace(/\(\?<([a-z][a-z0-9]*)>/g, '(?:'));
  });
  return { lang, rules, ...buildScanner(scanParts), lexicon };
}

/**
 * The scanner: one alternation of every rule, each a capturing group, tried at word starts. The alternation
 * takes the first rule whose pattern matches, so no rule before it can match at that position (a rule's own
 * regex matches a subset of its scanner part), and of the rules after it only those that can begin with the
 * position's character (first-chars.ts) need trying. One regex on purpose: V8 compiles a large
 * case-insensitive alternation slowly and drops the code of rarely used ones, so per-character scanners
 * cost more than they save.
 */
function buildScanner(parts: string[]): Pick<TimeRuleSet, 'scanner' | 'scannerGroup' | 'rulesByChar' | 'rulesAnyChar'> {
  const scanner = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map((p) => `(${p})`).join('|')})`, 'giu');
  const scannerGroup: number[] = [];
  let group = 1;
  for (const p of parts) {
    scannerGroup.push(group);
    // 1 for the wrapper, plus any capturing groups a pattern writes itself.
    group += 1 + (new RegExp(`(?:${p})|`, 'u').exec('')!.length - 1);
  }
  const firsts = parts.map((p) => firstChars(p));
  const chars = new Set<string>();
  for (const f of firsts) if (f) for (const c of f) chars.add(c);
  const rulesByChar = new Map<string, number[]>();
  for (const c of chars) rulesByChar.set(c, firsts.flatMap((f, i) => (!f || f.has(c) ? [i] : [])));
  return { scanner, scannerGroup, rulesByChar, rulesAnyChar: firsts.flatMap((f, i) => (f ? [] : [i])) };
}

/** The value a slot's text stands for: the number it spells, or its lexicon entry. */
export function slotValue(set: TimeRuleSet, categories: string[], text: string): LexValue | undefined {
  const key = normaliseKey(text);
  if (/^\d+$/.test(key)) return parseInt(key, 10);
  for (const c of categories) {
    const v = set.lexicon.get(c)?.get(key);
    if (v !== undefined) return v;
  }
  return undefined;
}
