/**
 * Word forms of a lemma from the rules in lang/<code>/relations/inflection.json, so the vocabulary can list
 * lemmas (what a dictionary and, later, the syntax layer's lemmatizer give) while the stage matches tokens.
 * The rules are data: ordered regular-expression rewrites per form slot (the first rule that matches applies),
 * a table of irregular principal parts, inseparable prefixes that take no participle prefix, and separable
 * particles written "ab|lehnen" (German) or "reach out" (English). No language is named here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';

type Rule = [string, string];
interface SlotRule { from: string; rules: Rule[] }
export interface InflectionRules {
  verb: {
    /** Derived slots in dependency order; "lemma" is the given form. */
    slots: Record<string, SlotRule>;
    /** Which slots are present, past and participle forms. */
    present: string[];
    past: string[];
    participle: string[];
    /** Irregular principal parts by lemma (or lemma ending: "bieten" serves "verbieten"). */
    irregular: Record<string, Record<string, string>>;
    /** Prefix of participles ("ge"), dropped after an inseparable prefix ("verboten"). */
    participlePrefix?: string;
    inseparablePrefixes?: string[];
    /** The infinitive with "zu" inside a separable verb ("abzulehnen"). */
    zuInfix?: string;
  };
  noun: { slots: Record<string, SlotRule>; forms: string[] };
}

export interface VerbForms { present: string[]; past: string[]; participle: string[]; particle: string | null; particleAfter: boolean }

const cache = new Map<string, { rules: InflectionRules; compiled: Map<SlotRule, [RegExp, string][]> } | null>();

function load(lang: string) {
  if (cache.has(lang)) return cache.get(lang)!;
  const p = join(langDir(lang), 'relations', 'inflection.json');
  if (!existsSync(p)) { cache.set(lang, null); return null; }
  const rules = JSON.parse(readFileSync(p, 'utf8')) as InflectionRules;
  const compiled = new Map<SlotRule, [RegExp, string][]>();
  for (const group of [rules.verb.slots, rules.noun.slots]) {
    for (const [name, s] of Object.entries(group)) {
      try { compiled.set(s, s.rules.map(([re, rep]) => [new RegExp(re), rep])); }
      catch (e) { throw new Error(`lang/${lang}/relations/inflection.json: slot "${name}": ${(e as Error).message}`); }
    }
  }
  const out = { rules, compiled };
  cache.set(lang, out);
  return out;
}

function derive(slots: Record<string, SlotRule>, compiled: Map<SlotRule, [RegExp, string][]>, lemma: string, given: Record<string, string>): Record<string, string> {
  const v: Record<string, string> = { lemma, ...given };
  for (const [name, s] of Object.entries(slots)) {
    if (v[name] !== undefined) continue;
    const base = v[s.from];
    if (base === undefined) continue;
    for (const [re, rep] of compiled.get(s)!) if (re.test(base)) { v[name] = base.replace(re, rep); break; }
  }
  return v;
}

/** Irregular parts for a lemma: its own entry, else that of its longest listed ending with the prefix put back. */
function irregularParts(r: InflectionRules['verb'], lemma: string): Record<string, string> {
  if (r.irregular[lemma]) return r.irregular[lemma];
  for (let k = 1; k < lemma.length - 2; k++) {
    const tail = lemma.slice(k);
    const parts = r.irregular[tail];
    if (!parts) continue;
    const prefix = lemma.slice(0, k);
    const ge = r.participlePrefix ?? '';
    const inseparable = r.inseparablePrefixes?.includes(prefix);
    const out: Record<string, string> = {};
    for (const [slot, form] of Object.entries(parts)) {
      out[slot] = r.participle.includes(slot) && inseparable && ge && form.startsWith(ge) ? prefix + form.slice(ge.length) : prefix + form;
    }
    return out;
  }
  return {};
}

/**
 * Forms of a verb lemma. "ab|lehnen": finite forms of "lehnen" (the particle must be in the clause) and the
 * joined infinitive, zu-infinitive and participle; "reach out": forms of "reach" with "out" in the clause.
 */
export function verbForms(lang: string, entry: string): VerbForms | null {
  const l = load(lang);
  if (!l) return null;
  const r = l.rules.verb;
  const bar = entry.indexOf('|');
  const space = entry.indexOf(' ');
  const particle = bar > 0 ? entry.slice(0, bar) : space > 0 ? entry.slice(space + 1) : null;
  const lemma = bar > 0 ? entry.slice(bar + 1) : space > 0 ? entry.slice(0, space) : entry;
  const v = derive(r.slots, l.compiled, lemma, irregularParts(r, lemma));
  const pick = (names: string[]) => [...new Set(names.map((n) => v[n]).filter((x): x is string => !!x))];
  const out: VerbForms = { present: pick(r.present), past: pick(r.past), participle: pick(r.participle), particle, particleAfter: space > 0 };
  if (particle && bar > 0) {
    // Joined forms: infinitive, zu-infinitive, participle, and the finite verb at the end of a subordinate clause.
    const joined = [particle + lemma, ...(r.zuInfix ? [particle + r.zuInfix + lemma] : []), ...out.present.map((f) => particle + f), ...out.past.map((f) => particle + f)];
    out.present = [...new Set([...out.present, ...joined.filter((f) => !out.past.some((p) => particle + p === f))])];
    out.past = [...new Set([...out.past, ...out.past.map((f) => particle + f)])];
    // The base verb's participle already has its prefix or none ("gelehnt", "berufen", "kassiert"): the particle goes before it.
    out.participle = out.participle.map((f) => particle + f);
  }
  return out;
}

/** Forms of a noun lemma ("Gespräch" → gespräch, gespräche, gesprächen, gesprächs …); "Vertrag/Verträge" gives the plural. */
export function nounForms(lang: string, entry: string): string[] {
  const l = load(lang);
  if (!l) return [entry.toLowerCase()];
  const [lemma, ...plurals] = entry.toLowerCase().split('/');
  const given: Record<string, string> = plurals.length ? { plural: plurals[0] } : {};
  const v = derive(l.rules.noun.slots, l.compiled, lemma, given);
  return [...new Set([...l.rules.noun.forms.map((n) => v[n]).filter((x): x is string => !!x), ...plurals])];
}
