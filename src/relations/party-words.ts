/**
 * Party membership said by a party word next to a person: "Republican candidate Mara Vance", "Senator Ana Ruiz, a
 * Democrat", „der Republikaner Tom Beck“, „der grüne Kandidat Jan Ort“, „CSU-Mann Weber“, and a description resolved to
 * a person („Der Demokrat sagte …“). The word names a party through the names listed for it (lang/<code>/relations/
 * roles.json partyWords); the tie goes to the article's actor with one of those names, so "Republican" finds the actor
 * the article calls "Republican Party" or "Republicans", and nothing when the article names no such party.
 */
import type { EntityLayer } from '../entities/types.js';
import type { ArgumentFinder } from './arguments.js';
import type { CompiledLexicon } from './lexicon.js';
import type { Draft } from './draft.js';
import type { Arg } from './types.js';
import type { SentenceView } from './sentence-view.js';
import { isParty } from './role-offices.js';

/** Words between a party word and the name it describes ("Republican presidential candidate Donald Trump"): set by hand. */
const MAX_GAP = 3;
/** Confidence of a tie read off a party word (between a role apposition's 0.75 and an inferred country's 0.55). */
const PARTY_WORD_CONFIDENCE = 0.65;

const partyIndex = new WeakMap<EntityLayer, Map<string, string>>();

/** Lower-case names and aliases of the article's parties → entity id. */
function partiesByName(layer: EntityLayer): Map<string, string> {
  let m = partyIndex.get(layer);
  if (!m) {
    m = new Map();
    for (const e of layer.entities) {
      // "Democrats" may be typed other; only the names listed for a party word are looked up here.
      if ((e.type !== 'organization' && e.type !== 'other') || (e.kind && !isParty(layer, e.id))) continue;
      for (const n of [e.name, ...e.aliases]) if (!m.has(n.toLowerCase())) m.set(n.toLowerCase(), e.id);
    }
    partyIndex.set(layer, m);
  }
  return m;
}

/** The party a word at t names, or null: the word's own party mention, a compound („CSU-Mann“), or a listed party word. */
export function partyOfWord(v: SentenceView, t: number, layer: EntityLayer): string | null {
  const pw = v.lex.roles.partyWords;
  if (!pw) return null;
  const k = v.mentionIdx(t);
  const w = v.w(t);
  const dash = w.lastIndexOf('-');
  if (dash > 0 && k >= 0 && isParty(layer, v.mention(k).entity) && (pw.compoundHeads ?? []).includes(w.slice(dash + 1))) return v.mention(k).entity;
  if (k >= 0 && v.mention(k).tokenStart === t && v.mention(k).tokenEnd === t + 1 && isParty(layer, v.mention(k).entity) && stemOf(v.lex, w)) return v.mention(k).entity;
  // "then-Republican contender X": the word after a lower-case status prefix („MAGA-Republikaner“ is a description).
  const tail = dash > 0 && /^\p{Ll}/u.test(v.orig(t)) && /^\p{Lu}/u.test(v.orig(t).slice(dash + 1)) ? w.slice(dash + 1) : '';
  if (pw.capitalized && !v.isCapitalized(t)) return tail ? partyNamedBy(v.lex, layer, tail) : null;
  return partyNamedBy(v.lex, layer, w) ?? (tail ? partyNamedBy(v.lex, layer, tail) : null);
}

/** The article's party a party word names ("Republican" → the actor "Republican Party"), or null. */
export function partyNamedBy(lex: CompiledLexicon, layer: EntityLayer, word: string): string | null {
  const pw = lex.roles.partyWords;
  const stem = pw ? stemOf(lex, word.toLowerCase()) : null;
  if (!pw || !stem) return null;
  const parties = partiesByName(layer);
  for (const name of pw.words[stem]) { const id = parties.get(name); if (id) return id; }
  return null;
}

function stemOf(lex: CompiledLexicon, w: string): string | null {
  const pw = lex.roles.partyWords!;
  for (const e of pw.endings) if (w.endsWith(e) && Object.hasOwn(pw.words, w.slice(0, w.length - e.length))) return w.slice(0, w.length - e.length);
  return null;
}

export function partyWordTies(v: SentenceView, f: ArgumentFinder, layer: EntityLayer): Draft[] {
  if (!v.lex.roles.partyWords) return [];
  const out: Draft[] = [];
  for (let t = v.from; t < v.to; t++) {
    const party = partyOfWord(v, t, layer);
    if (!party) continue;
    const holder = describedPerson(v, f, t, layer) ?? personAfter(v, f, t) ?? apposedPerson(v, f, t);
    if (!holder || holder.entity === party) continue;
    out.push({
      subject: holder, object: { entity: party, mention: -1, via: 'mention' }, predicate: 'member_of', family: 'tie', modality: 'asserted',
      sentence: v.index, clause: v.clauseAt(t), token: t, confidence: PARTY_WORD_CONFIDENCE, fromRole: true,
    });
  }
  return out;
}

const isPerson = (v: SentenceView, k: number) => v.layer.byId.get(v.mention(k).entity)?.type === 'person';

/** „Der Demokrat sagte …“: a description at t that the references resolved to a person. */
function describedPerson(v: SentenceView, f: ArgumentFinder, t: number, layer: EntityLayer): Arg | null {
  const d = v.describedHeads.get(t);
  if (d !== undefined && layer.byId.get(v.mention(d).entity)?.type === 'person') return { entity: v.mention(d).entity, mention: -1, via: 'mention' };
  const k = v.mentionIdx(t);
  return k >= 0 && v.mention(k).kind === 'description' && isPerson(v, k) ? f.resolve(k) : null;
}

/** "Republican presidential candidate Donald Trump", „der grüne Kanzlerkandidat Robert Habeck“: the name after a short title. */
function personAfter(v: SentenceView, f: ArgumentFinder, t: number): Arg | null {
  for (let u = t + 1; u <= Math.min(v.to - 1, t + 1 + MAX_GAP); u++) {
    const k = v.mentionIdx(u);
    // "Democratic U.S. President Barack Obama": a country or demonym modifying the title is stepped over.
    if (k >= 0 && !isPerson(v, k) && v.layer.byId.get(v.mention(k).entity)?.type === 'location') { u = v.mention(k).tokenEnd - 1; continue; }
    if (k >= 0) return v.mention(k).tokenStart === u && isPerson(v, k) ? f.resolve(k) : null;
    if (v.isPunct(u) || v.lex.sets.prepositions.has(v.w(u)) || v.lex.sets.verbLike.has(v.w(u)) || v.lex.sets.determiners.has(v.w(u))) return null;
  }
  return null;
}

/** "Ana Ruiz, a Democrat": the person right before the comma and article. */
function apposedPerson(v: SentenceView, f: ArgumentFinder, t: number): Arg | null {
  let u = t - 1;
  if (v.lex.sets.determiners.has(v.w(u))) u--;
  if (u === t - 1 || v.w(u) !== ',') return null;
  // A name, not a pronoun: „…, sagte er, die Grünen müssten …“ starts a clause.
  const k = v.mentionIdx(u - 1);
  return k >= 0 && isPerson(v, k) && v.mention(k).kind !== 'pronoun' && v.mention(k).kind !== 'possessive' ? f.resolve(k) : null;
}
