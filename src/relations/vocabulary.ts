/**
 * The broad relation vocabulary: lang/<code>/relations/vocabulary.json lists, per event type and tie, verb and
 * event-noun lemmas with their argument frames; src/relations/inflect.ts makes their word forms. Entries compile
 * to the same trigger specs as triggers.json (which keeps the special cases: light verbs, exclusions); a form
 * that triggers.json already gives the same type is left to triggers.json.
 *
 * Entry syntax: "lemma slot slot…" — slots are "direct" or a preposition ("sprechen mit", "meet with direct");
 * "ab|lehnen" is a separable verb, "reach+out" a phrasal one (the particles must be in the clause); "phone+call" a
 * noun with the words right before it; "Vertrag/Verträge" gives a noun's plural.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TriggerSpec } from './lexicon.js';
import { familyOf, predicateType } from './ontology.js';
import { nounForms, verbForms } from './inflect.js';

type SpecExtras = Partial<Omit<TriggerSpec, 'predicate' | 'pos' | 'forms' | 'past' | 'participles'>>;

interface TypeEntry {
  verb?: SpecExtras;
  noun?: SpecExtras;
  verbs?: string[];
  nouns?: string[];
  symmetric?: boolean;
}

interface VocabularyFile {
  /** German: nouns match as the end of a compound ("Staatsbesuch"). */
  compoundNouns?: boolean;
  types: Record<string, TypeEntry>;
}

const DEFAULT_NOUN_SUBJECT = ['possessive', 'genitive', 'clauseSubject'];

export function vocabularySpecs(lang: string, dir: string, existing: Map<string, { spec: TriggerSpec }[]>): TriggerSpec[] {
  const p = join(dir, 'vocabulary.json');
  if (!existsSync(p)) return [];
  const file = JSON.parse(readFileSync(p, 'utf8')) as VocabularyFile;
  const out: TriggerSpec[] = [];
  // A form triggers.json already gives this type is its business (it knows the exceptions).
  const given = new Set<string>();
  for (const [form, list] of existing) for (const e of list) given.add(`${e.spec.pos}|${predicateType(e.spec.predicate)}|${form}`);
  const taken = (form: string, predicate: string, pos: TriggerSpec['pos']) => given.has(`${pos}|${predicateType(predicate)}|${form}`);
  for (const [predicate, t] of Object.entries(file.types)) {
    if (predicate.startsWith('_')) continue;
    if (!familyOf(predicate)) throw new Error(`lang/${lang}/relations/vocabulary.json: type "${predicate}" is not in the ontology (src/relations/ontology.ts)`);
    for (const entry of t.verbs ?? []) {
      const [head, ...slots] = entry.trim().split(/\s+/);
      const word = head.replace('+', ' ');
      const forms = verbForms(lang, word);
      if (!forms) throw new Error(`lang/${lang}/relations/vocabulary.json: "${entry}": no lang/${lang}/relations/inflection.json`);
      // A separable verb ("an|gehören": „gehört … an“) is another verb than the bare one triggers.json may give the type.
      const separable = head.includes('|');
      const keep = (xs: string[]) => xs.map((x) => x.toLowerCase()).filter((x) => separable || !taken(x, predicate, 'verb'));
      const spec: TriggerSpec = {
        predicate, pos: 'verb', ...t.verb, lemma: verbLemmaKey(head),
        forms: keep(forms.present), past: keep(forms.past), participles: keep(forms.participle),
        object: slots.length ? slots : t.verb?.object ?? ['direct'],
      };
      if (t.symmetric) spec.symmetric = true;
      if (forms.particle) spec.requires = [...(spec.requires ?? []), ...forms.particle.split(' ')];
      if (spec.forms.length + spec.past!.length + spec.participles!.length) out.push(spec);
    }
    for (const entry of t.nouns ?? []) {
      const [head, ...slots] = entry.trim().split(/\s+/);
      // "phone+call": the last word is the trigger, the words before it must be in the clause.
      const words = head.split('+');
      const noun = words.pop()!;
      const forms = nounForms(lang, noun).filter((x) => !taken(x, predicate, 'noun'));
      if (!forms.length) continue;
      const spec: TriggerSpec = {
        predicate, pos: 'noun', subject: DEFAULT_NOUN_SUBJECT, ...t.noun, lemma: noun.split('/')[0].toLowerCase(),
        forms, object: slots.length ? slots : t.noun?.object ?? [],
      };
      if (words.length) spec.precededBy = words.map((w) => w.toLowerCase());
      if (t.symmetric) spec.symmetric = true;
      if (file.compoundNouns) spec.suffix = true;
      out.push(spec);
    }
  }
  return out;
}

/**
 * The key a verb entry is found by through the parse's lemma: "ab|lehnen" → "ablehnen" (the lemmatizer's word for
 * „lehnte … ab“ is "lehnen" with the particle "ab" beside it, put back in front), "reach+out" → "reach out".
 */
export function verbLemmaKey(head: string): string {
  const bar = head.indexOf('|');
  return (bar > 0 ? head.slice(0, bar) + head.slice(bar + 1) : head.replace(/\+/g, ' ')).toLowerCase();
}
