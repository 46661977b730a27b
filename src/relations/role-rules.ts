/**
 * Role nouns that make ties, looked up by word: "Sicherheitsberaters" → advises, "US-Botschafter" → represents.
 * A lexicon lookup below the argument finder and the role ties, so neither imports the other.
 */
import type { CompiledLexicon, RoleRule } from './lexicon.js';

/** Shortest compound prefix before a role head, and shortest head ("Kabinetts|mitglied"): set by hand. */
const MIN_PREFIX = 3;
const MIN_HEAD = 4;

const roleForms = new WeakMap<CompiledLexicon, Map<string, RoleRule>>();

/** Every inflected form of every role noun, first rule wins ("premierminister" before "minister"). */
export function formsOf(lex: CompiledLexicon): Map<string, RoleRule> {
  let forms = roleForms.get(lex);
  if (!forms) {
    forms = new Map();
    for (const rule of lex.roles.rules) for (const noun of rule.nouns) for (const ending of lex.roles.endings) if (!forms.has(noun + ending)) forms.set(noun + ending, rule);
    roleForms.set(lex, forms);
  }
  return forms;
}

/** The role rule a (compound) noun falls under: "Sicherheitsberaters" → advises, "US-Botschafter" → represents. */
const ruleCache = new WeakMap<CompiledLexicon, Map<string, RoleRule | null>>();

export function roleRuleFor(lex: CompiledLexicon, word: string): RoleRule | null {
  let cache = ruleCache.get(lex);
  if (!cache) ruleCache.set(lex, (cache = new Map()));
  let hit = cache.get(word);
  if (hit === undefined) {
    hit = findRoleRule(lex, word);
    // Words repeat; the cache stays bounded by the vocabulary of what was read.
    if (cache.size < 200_000) cache.set(word, hit);
  }
  return hit;
}

function findRoleRule(lex: CompiledLexicon, word: string): RoleRule | null {
  const w = word.toLowerCase();
  const forms = formsOf(lex);
  const exact = forms.get(w);
  if (exact) return exact;
  const dash = w.lastIndexOf('-');
  if (dash >= 0 && forms.has(w.slice(dash + 1))) return forms.get(w.slice(dash + 1))!;
  // A compound is one word: "jüngeren Bruder" is no two-word title.
  if (!lex.grammar.capitalizedNouns || w.includes(' ')) return null;
  // German compounds: the longest known head ("Kabinettsmitglied" → "mitglied").
  for (let i = MIN_PREFIX; i <= w.length - MIN_HEAD; i++) {
    const rule = forms.get(w.slice(i));
    if (rule) return rule;
  }
  return null;
}


/** Linking elements between a compound's prefix and its head („Bundestags|abgeordnete“): set by hand. */
const LINKING = ['s', '-'];

/** The prefix of a compound role noun before its role head, without a linking element („bundestagsabgeordnete“ → „bundestag“), or null. */
export function compoundPrefix(lex: CompiledLexicon, word: string): string | null {
  const w = word.toLowerCase();
  if (!lex.grammar.capitalizedNouns || w.includes(' ')) return null;
  const forms = formsOf(lex);
  for (let i = MIN_PREFIX; i <= w.length - MIN_HEAD; i++) {
    if (!forms.has(w.slice(i))) continue;
    const prefix = w.slice(0, i);
    for (const l of LINKING) if (prefix.endsWith(l) && prefix.length - l.length >= MIN_PREFIX) return prefix.slice(0, -l.length);
    return prefix;
  }
  return null;
}
