/**
 * Modality of a verb trigger read off the dependency parse (issue 14, item 3): the trigger's own auxiliaries and
 * negation, its mood (German Konjunktiv II), and the verbs it is the infinitive complement of ("versuchte, X zu
 * treffen", "is expected to visit", "failed to meet"). The words are data: lang/<code>/relations/modality.json
 * "parse". The token-window cues of ./modality.ts remain for sentences without a parse and for noun triggers.
 */
import type { Modality } from '../contract/schema.js';
import type { ParseView } from './parse-view.js';

/** What modality.json's "parse" block holds (lemmas, lower case). */
export interface ParseModalityLexicon {
  /** Auxiliaries (by lemma) and the modality they give the verb they serve: would → hypothetical, will → planned. */
  aux: Partial<Record<Modality, string[]>>;
  /** Auxiliaries that give their modality only in the subjunctive past (Mood=Sub, Tense=Past): würde, könnte, hätte. */
  subjunctiveAux?: Partial<Record<Modality, string[]>>;
  /** Verbs whose infinitive complement takes a modality: try → attempted, plan → planned, fail → failed. */
  heads: Partial<Record<Modality, string[]>>;
  /** Adverbs attached to the verb: nicht/never → negated, vergeblich → failed, möglicherweise → hypothetical. */
  adverbs: Partial<Record<Modality, string[]>>;
  /** Subordinators of a condition: if, falls, wenn. */
  conditions?: string[];
  /** Auxiliaries that say "could not" (past indicative + negation = failed): können, could. */
  ability?: string[];
}

/** Precedence, as in ./modality.ts: what happened to a plan outranks the plan. */
const ORDER: Modality[] = ['former', 'failed', 'negated', 'hypothetical', 'attempted', 'planned'];
/** Infinitive complements climb at most this many verbs ("wollte versuchen, … zu treffen"); set by hand. */
const MAX_CLIMB = 3;
/** Relations by which a verb is the infinitive complement of another ("acl": "plans to meet" parsed as a noun). */
const COMPLEMENT = new Set(['xcomp', 'ccomp', 'acl', 'advcl']);

/** The modality the parse gives verb word `i`, or null when it says nothing (asserted, or no cue in reach). */
export function parseModality(pv: ParseView, lex: ParseModalityLexicon, i: number): Modality | null {
  const found = new Set<Modality>();
  let w = i;
  for (let step = 0; w >= 0 && step <= MAX_CLIMB; step++) {
    ownCues(pv, lex, w, found);
    const h = pv.head(w);
    if (h < 0 || !COMPLEMENT.has(pv.rel(w)) || !hasInfinitiveMark(pv, w)) break;
    const headCue = inList(lex.heads, pv.lemma(h)) ?? objectCue(pv, lex, h);
    if (headCue) found.add(headCue);
    // "einen neuen Anlauf unternommen, … zu vermitteln", "abandoned its attempt to acquire": a noun's complement
    // also takes the cue of the verb the noun is the object of; the climb ends there.
    if (pv.words[h].upos === 'NOUN' || pv.words[h].upos === 'PROPN') {
      const g = pv.head(h);
      const verbCue = g >= 0 && pv.rel(h) === 'obj' ? inList(lex.heads, pv.lemma(g)) : null;
      if (verbCue) found.add(verbCue);
      break;
    }
    w = h;
  }
  return ORDER.find((m) => found.has(m)) ?? null;
}

/** Cues on one verb: its auxiliaries, adverbs, mood and a condition that introduces it. */
function ownCues(pv: ParseView, lex: ParseModalityLexicon, w: number, found: Set<Modality>): void {
  let negated = false, ability = false;
  for (const k of pv.kids[w]) {
    const rel = pv.rel(k), lemma = pv.lemma(k), form = pv.words[k].form.toLowerCase();
    if (rel === 'aux' && pv.words[k].deprel !== 'aux:pass') {
      const pastSub = pv.feat(k, 'Mood') === 'Sub' && pv.feat(k, 'Tense') === 'Past';
      const m = (pastSub ? inList(lex.subjunctiveAux, lemma) : null) ?? inList(lex.aux, lemma) ?? inList(lex.aux, form);
      if (m) found.add(m);
      // "konnte", "could" (not "kann", not "könnte"): an ability in the past.
      if (lex.ability?.includes(lemma) && pv.feat(k, 'Mood') !== 'Sub' && pv.feat(k, 'Tense') !== 'Pres') ability = true;
    } else if (rel === 'advmod') {
      const m = inList(lex.adverbs, lemma) ?? inList(lex.adverbs, form);
      if (m === 'negated' || pv.feat(k, 'Polarity') === 'Neg') negated = true;
      else if (m) found.add(m);
    } else if (rel === 'mark' && lex.conditions?.includes(lemma) && pv.rel(w) === 'advcl') {
      found.add('hypothetical');
    }
  }
  // "hätte getroffen", "träfe": the verb itself in the subjunctive past (Konjunktiv II; Konjunktiv I reports speech).
  if (pv.feat(w, 'Mood') === 'Sub' && pv.feat(w, 'Tense') === 'Past') found.add('hypothetical');
  // "konnte … nicht erreichen", "could not reach": an inability in the past is a failure.
  if (negated) found.add(ability ? 'failed' : 'negated');
}

/**
 * "unternahm einen Anlauf, … zu vermitteln", "made an attempt to …": the parse often hangs the infinitive on the
 * verb; the verb's object noun then carries the cue.
 */
function objectCue(pv: ParseView, lex: ParseModalityLexicon, h: number): Modality | null {
  for (const k of pv.children(h, ['obj'])) { const m = inList(lex.heads, pv.lemma(k)); if (m) return m; }
  return null;
}

/** "zu treffen", "to meet" (or a bare infinitive under a modal-like head: "will meet" is no complement). */
function hasInfinitiveMark(pv: ParseView, w: number): boolean {
  // "einzuladen" carries its "zu" inside: an open complement (xcomp) needs no marker.
  return pv.feat(w, 'VerbForm') === 'Inf' && (pv.rel(w) === 'xcomp' || pv.children(w, ['mark']).length > 0);
}

function inList(lists: Partial<Record<Modality, string[]>> | undefined, word: string): Modality | null {
  if (!lists) return null;
  for (const m of ORDER) if (lists[m]?.includes(word)) return m;
  return null;
}
