/**
 * Per-language relation lexicons, loaded from lang/<code>/relations/*.json and compiled once per language:
 * trigger verbs, nouns and adjectives with their argument slots, role nouns that make ties, modality cues,
 * and the few function words the clause splitter and argument finder need. No language is named in code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Modality } from '../contract/schema.js';
import { langDir } from '../util/paths.js';
import { familyOf, type Family } from './ontology.js';
import { referenceLexicon, type ReferenceLexicon, roleNouns } from '../references/index.js';
import { vocabularySpecs } from './vocabulary.js';
import type { ParseModalityLexicon } from './parse-modality.js';

/**
 * Argument slots. "direct": a bare actor (no preposition); "before": the actor right before the trigger
 * (German "ihm nahestehend"); "possessive": "Trumps Besuch", "Trump's visit"; "genitive": "Besuch Trumps";
 * "clauseSubject": the subject of the clause the trigger sits in (nouns); "supportSubject": the same only when a
 * support verb carries the noun ("führt Krieg", "waged war") or it opens the clause; "nominal": the agent of an event
 * noun in the object ("blockiert die Übernahme durch X" → X); any other string is a preposition ("mit", "with").
 */
export type Slot = string;

export interface TriggerSpec {
  predicate: string;
  pos: 'verb' | 'noun' | 'adj';
  /** Lower-case surface forms (present, infinitive, zu-infinitive…). */
  forms: string[];
  /** Past-tense forms: a tie stated in the past is over (modality former). */
  past?: string[];
  /** Participles: with a passive auxiliary in the clause, the agent comes from "von/by". */
  participles?: string[];
  /** Words that must all occur in the clause ("kontakt" for "trat … in Kontakt"). */
  requires?: string[];
  /** At least one of these must occur in the clause (light verbs for nouns: "schloss ein Abkommen"). */
  requiresAny?: string[];
  /** Words that cancel the trigger in this clause ("traf Japan mit Zöllen" is no meeting). */
  exclude?: string[];
  /** Words that must stand right before the trigger, in this order ("phone" before "call"). */
  precededBy?: string[];
  /** Words that cancel the trigger right after it ("called on", "called for"). */
  excludeAfter?: string[];
  /** The owner of the object's noun is the object ("support for its recovery" → it). */
  possessorObject?: boolean;
  /** The relation runs from the object to the subject ("Streamline hired Raman" → Raman works for Streamline). */
  inverse?: boolean;
  /** A tie stated in the past tense is over ("diente in Trumps Team" → former). */
  pastIsFormer?: boolean;
  subject?: Slot[];
  object: Slot[];
  /** "A und B trafen sich" → A meets B. */
  symmetric?: boolean;
  /** German compounds: "Staatsbesuch" ends in "besuch". */
  suffix?: boolean;
  confidence?: number;
  /** The lemma the parse finds it by ("ablehnen", "reach out", "gespräch"); vocabulary entries only. */
  lemma?: string;
  /** Modality when no cue is found (e.g. "Einladung" is asserted, "Übernahmeangebot" planned). */
  modality?: Modality;
}

export interface RoleRule {
  /** Lower-case noun stems; a word ending in one of them (plus an inflection ending) is this role. */
  nouns: string[];
  predicate: string;
  /** A compound prefix names whom the role is of ("US-Beamter" → USA), not where it is posted ("US-Botschafter"). */
  compoundOf?: boolean;
  /** Prepositions after the noun that name a posting, not whom the role is of ("ambassador to Japan"). */
  notOf?: string[];
}

export interface RoleLexicon {
  /** Built from the ties of lang/<code>/entities/roles.txt (one rule per noun, file order). */
  rules: RoleRule[];
  /** Noun endings that inflect a role noun ("beraters", "beraterin"). */
  endings: string[];
  /** Groups whose endpoint is their affiliation ("japanische Beamte" → Japan). */
  groupNouns: string[];
  /** Prepositions right after a role noun that name whom the role is of ("adviser to Trump", „Chefankläger am Gericht“). */
  ofPreps?: string[];
  /** Words right before a role noun phrase that make it a role taken or left ("as", "als", "zum"). */
  markers?: string[];
  /** Verbs that end a role named after a marker ("stepped down", "resigned", "zurückgetreten"). */
  endVerbs?: string[];
  /** Titles of office for a country ("präsident", "minister"): a bare one is of the article's country. */
  stateTitles?: string[];
  /** Title prefixes that name the country ("bundes" → DE). */
  homePrefixes?: Record<string, string>;
  /** Role nouns that are offices of state only ("minister", "premier"): one named with a party is membership of it. */
  stateOffices?: string[];
  /** Outlets (lower case, part of the source) and the ISO code of the country they report from. */
  outletCountries?: Record<string, string>;
  /** Prepositions that join a country to a titled name ("President X of Russia"): the title is of that country. */
  countryPreps?: string[];
  /** Role nouns that head a place ("mayor", "bürgermeister"): of a place the entities stage could not place too. */
  placeHeads?: string[];
  /** Titles of a deputy head ("vice president", "vizekanzler"): of a country, the holder works for it. */
  deputyTitles?: string[];
  /** Words before a role noun that make it former/planned ("ehemaliger", "designierte"). */
  status: Partial<Record<Modality, string[]>>;
  /**
   * Party words ("republican", „grün“, „demokrat“; `words`: stem → the party's names, lower case), the endings they
   * take, whether they count only capitalised (English "Conservative", not "conservative"), and compound heads that make
   * a party prefix a membership („CSU-Mann“). src/relations/party-words.ts.
   */
  partyWords?: { words: Record<string, string[]>; endings: string[]; capitalized?: boolean; compoundHeads?: string[] };
}

export interface ModalityLexicon {
  /** Cues in order of precedence; "a … b" means both words in the clause, "x*" a prefix. */
  clause: Partial<Record<Modality, string[]>>;
  /** Cues that modify a noun trigger inside its noun phrase ("geplante Übernahme", "keine Treffen"). */
  np: Partial<Record<Modality, string[]>>;
  /** Phrases that look like a cue but are not ("nicht nur"). */
  ignore: string[];
  /** Cue words that count only in lower case: "may" the modal, not "May" the month. */
  lowerOnly?: string[];
  /** Verbs of travel whose infinitive of purpose is a plan ("flew to Nairobi to meet …"); German marks it with "um … zu". */
  purposeVerbs?: string[];
  /** The word before an infinitive ("to") that a purpose verb's infinitive starts with. */
  infinitiveMarker?: string;
  /** Words opening a gerund complement ("accused X of seeking"): a cue right after one governs that complement, not the trigger. */
  complementMarkers?: string[];
  /** Cues read off the dependency parse of a verb trigger (src/relations/parse-modality.ts). */
  parse?: ParseModalityLexicon;
}

export interface GrammarLexicon {
  capitalizedNouns: boolean;
  prepositions: string[];
  determiners: string[];
  subjectRelatives: string[];
  objectRelatives: string[];
  subordinators: string[];
  infinitiveMarkers: string[];
  infinitiveIntros: string[];
  clauseConjunctions: string[];
  coordinators: string[];
  exemplarMarkers: string[];
  copulas: string[];
  passiveAuxiliaries: string[];
  passiveAgents: string[];
  affiliationPreps: string[];
  genitiveArticles: string[];
  /** Attribution words that are no verbs ("so", "zufolge", "according"); the verbs of saying come from lang/<code>/quotes/verbs.json. */
  attributionCues: string[];
  dualAnaphors: string[];
  circleHeads: string[];
  possessiveTokens: string[];
  possessiveEndings: string[];
  verbLike: string[];
  /** Nouns whose possessor or genitive is the subject of a following infinitive ("Japans Versuche, Trump zu treffen"). */
  controlNouns: string[];
  /** Verbs whose object is the subject of the following infinitive ("ermutigte China, … zu blockieren"). */
  objectControl: string[];
  /** Conjunctions that open a participle adjunct sharing its clause's subject ("after meeting X, …"). */
  adjunctMarks?: string[];
  /** Past-tense endings of a language without capitalised nouns: such a word opening a clause is a verb ("…, traveled to …"). */
  pastEndings?: string[];
  /** Adjective endings of a language with capitalised nouns: such a word before a capitalised noun is no verb ("früheren US-Beamten"). */
  adjectiveEndings?: string[];
  /** Derive Konjunktiv I trigger forms from the third person present (German reported speech). */
  subjunctiveFromPresent?: boolean;
  /** Object-control verbs of asking ("urged X to meet Y", „bat X, Y zu treffen“): the infinitive's event is requested, not done, and is no relation. */
  requestControl?: string[];
  /** Auxiliaries of the future ("wird … treffen"): a trigger verb that is no participle is then planned. */
  futureAuxiliaries?: string[];
  /** Separable verb particles: a clause ending in one has a particle verb ("sprach … nicht an" = ansprechen). */
  separableParticles?: string[];
  /** Adverbs that may stand between a coordinator and its verb ("and later called", "und traf dann"). */
  adverbs?: string[];
  /** Nouns for one person's opposite number ("counterpart", "Amtskollege"): a demonym before them is no actor. */
  singularCounterparts?: string[];
  /** Days, months and other time nouns: a preposition before one governs it, not a name after it ("am Montag Ute Marquardt"). */
  timeWords?: string[];
  /** Auxiliaries of a present perfect ("has served", "hat gedient"): the state still holds. */
  perfectAuxiliaries?: string[];
  /** Prepositions naming the recipient of an event noun ("den Verkauf an Sunhai", "the sale to X"). */
  recipientPreps?: string[];
  /**
   * Lemmas of the verbs that carry an event noun ("held talks", „führten Gespräche“): a compound subject is party to a
   * meeting, talk or fight only through one of these, not when it "resisted calls" or "agreed to kick-start talks".
   */
  supportVerbs?: string[];
  /** Prepositions of a noun's owner ("the release of X", „die Freilassung von X“): its owner stands for a non-actor object. */
  ownerPreps?: string[];
  /** Prepositions naming the agent of an event noun ("a threat by X", „der Angriff durch X“). */
  nounAgents?: string[];
  /**
   * Prepositions naming where a given or voiced act comes from ("support from Iran", „Kritik aus Washington“): its
   * agent, after a possessive or genitive owner and the agent proper.
   */
  sourceAgents?: string[];
  /**
   * Lemmas of verbs whose subject receives the event noun they carry ("received support from X", „erhielt
   * Unterstützung von X“), and prepositions by which such a noun accompanies what the subject does ("with help from X").
   */
  receiveVerbs?: string[];
  /** Determiners that mark a dative in any gender („dem“, „einem“), and those that do so only on a feminine singular noun („der“, „einer“). */
  dativeDeterminers?: string[];
  /** Heads of a compound by which a body's name names the body itself („G7-Gruppe“, „Nato-Bündnis“). */
  selfNamingHeads?: string[];
  feminineDativeDeterminers?: string[];
  receivePreps?: string[];
  /** Prepositions of what a verb is about („verhandelten über eine Koalition“, "argued about the war"). */
  topicPreps?: string[];
  /** Nouns whose owner is the object of reject/block ("den Haushaltsentwurf der CDU ablehnen"). */
  proposalNouns?: string[];
}

export interface CompiledLexicon {
  lang: string;
  byForm: Map<string, { spec: TriggerSpec; family: Family; tense: 'present' | 'past' | 'participle' }[]>;
  suffixNouns: { suffix: string; spec: TriggerSpec; family: Family }[];
  /** Vocabulary entries by lemma key (TriggerSpec.lemma), for words the parse lemmatized. */
  byLemma: Map<string, { spec: TriggerSpec; family: Family }[]>;
  /** The same, by suffix: a capitalised word is looked up by each of its endings (compounds: "Staatsbesuch"). */
  suffixIndex: Map<string, { spec: TriggerSpec; family: Family }[]>;
  roles: RoleLexicon;
  modality: ModalityLexicon;
  grammar: GrammarLexicon;
  /** Pronouns, possessives and description heads: the shared lexicon of lang/<code>/references/. */
  refs: ReferenceLexicon;
  sets: {
    prepositions: Set<string>; determiners: Set<string>; subjectRelatives: Set<string>; objectRelatives: Set<string>;
    subordinators: Set<string>; infinitiveMarkers: Set<string>; infinitiveIntros: Set<string>;
    clauseConjunctions: Set<string>; coordinators: Set<string>; copulas: Set<string>; passiveAuxiliaries: Set<string>;
    passiveAgents: Set<string>; affiliationPreps: Set<string>; genitiveArticles: Set<string>; attributionCues: Set<string>;
    dualAnaphors: Set<string>; circleHeads: Set<string>; possessiveTokens: Set<string>; groupNouns: Set<string>; verbLike: Set<string>;
    separableParticles: Set<string>; futureAuxiliaries: Set<string>; controlNouns: Set<string>; objectControl: Set<string>; adjunctMarks: Set<string>; requestControl: Set<string>; exemplarMarkers: Set<string>; adverbs: Set<string>;
    subjectPronouns: Set<string>; objectPronouns: Set<string>; ambiguousObjectPronouns: Set<string>; recipientPreps: Set<string>; supportVerbs: Set<string>; ownerPreps: Set<string>; nounAgents: Set<string>; sourceAgents: Set<string>; receiveVerbs: Set<string>; dativeDeterminers: Set<string>; selfNamingHeads: Set<string>; feminineDativeDeterminers: Set<string>; receivePreps: Set<string>; topicPreps: Set<string>; proposalNouns: Set<string>; perfectAuxiliaries: Set<string>; timeWords: Set<string>; singularCounterparts: Set<string>;
  };
}

const cache = new Map<string, CompiledLexicon | null>();

/**
 * Forms of the plain verbs of saying ("sagte", "said"): a clause they head is an attribution. One list for every
 * stage: the reporting verbs of lang/<code>/quotes/verbs.json marked "attribution"; participles that hang on a
 * main clause (", saying …") are left out.
 */
function attributionVerbForms(lang: string): string[] {
  const p = join(langDir(lang), 'quotes', 'verbs.json');
  if (!existsSync(p)) return [];
  const vj = JSON.parse(readFileSync(p, 'utf8')) as { participles?: string[]; verbs: { attribution?: boolean; sg?: string[]; pl?: string[]; forms?: string[] }[] };
  const participles = new Set(lower(vj.participles));
  return vj.verbs.filter((v) => v.attribution).flatMap((v) => [...(v.sg ?? []), ...(v.pl ?? []), ...(v.forms ?? [])])
    .map((f) => f.toLowerCase()).filter((f) => !participles.has(f));
}

function readJson<T>(dir: string, name: string): T {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());

/** The compiled lexicon for a language, or null when lang/<code>/relations/ does not exist. */
export function relationLexicon(lang: string): CompiledLexicon | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const dir = join(langDir(lang), 'relations');
  if (!existsSync(join(dir, 'triggers.json'))) {
    cache.set(lang, null);
    return null;
  }
  const triggers = readJson<{ triggers: TriggerSpec[] }>(dir, 'triggers.json').triggers;
  const roles = readJson<RoleLexicon>(dir, 'roles.json');
  const modality = readJson<ModalityLexicon>(dir, 'modality.json');
  const grammar = readJson<GrammarLexicon>(dir, 'grammar.json');
  const byForm: CompiledLexicon['byForm'] = new Map();
  const suffixNouns: CompiledLexicon['suffixNouns'] = [];
  const add = (form: string, spec: TriggerSpec, family: Family, tense: 'present' | 'past' | 'participle') => {
    const key = form.toLowerCase();
    let list = byForm.get(key);
    if (!list) byForm.set(key, (list = []));
    list.push({ spec, family, tense });
  };
  for (const spec of triggers) {
    const family = familyOf(spec.predicate);
    if (!family) throw new Error(`lang/${lang}/relations/triggers.json: predicate "${spec.predicate}" is not in the ontology`);
    spec.requires = lower(spec.requires);
    spec.requiresAny = lower(spec.requiresAny);
    spec.exclude = lower(spec.exclude);
    spec.excludeAfter = lower(spec.excludeAfter);
    for (const f of spec.forms) add(f, spec, family, 'present');
    for (const f of spec.past ?? []) add(f, spec, family, 'past');
    for (const f of spec.participles ?? []) add(f, spec, family, 'participle');
    if (spec.suffix) for (const f of spec.forms) suffixNouns.push({ suffix: f.toLowerCase(), spec, family });
  }
  // Reported speech: German Konjunktiv I from the third person present ("fordert" → "fordere", "arbeitet" →
  // "arbeite"), added after the listed forms so a listed reading of the same word comes first.
  // The broad vocabulary (lang/<code>/relations/vocabulary.json): lemmas per type, forms from inflection.json.
  const vocabulary = vocabularySpecs(lang, dir, byForm);
  for (const spec of vocabulary) {
    const family = familyOf(spec.predicate)!;
    for (const f of spec.forms) add(f, spec, family, 'present');
    for (const f of spec.past ?? []) add(f, spec, family, 'past');
    for (const f of spec.participles ?? []) add(f, spec, family, 'participle');
    if (spec.suffix) for (const f of spec.forms) suffixNouns.push({ suffix: f.toLowerCase(), spec, family });
  }
  const byLemma: CompiledLexicon['byLemma'] = new Map();
  for (const spec of vocabulary) {
    if (!spec.lemma) continue;
    let list = byLemma.get(spec.lemma);
    if (!list) byLemma.set(spec.lemma, (list = []));
    list.push({ spec, family: familyOf(spec.predicate)! });
  }
  const suffixIndex: CompiledLexicon['suffixIndex'] = new Map();
  for (const sn of suffixNouns) {
    let list = suffixIndex.get(sn.suffix);
    if (!list) suffixIndex.set(sn.suffix, (list = []));
    if (!list.some((x) => x.spec === sn.spec)) list.push({ spec: sn.spec, family: sn.family });
  }
  if (grammar.subjunctiveFromPresent) {
    for (const spec of [...triggers, ...vocabulary]) {
      if (spec.pos !== 'verb') continue;
      for (const f of spec.forms) {
        const w = f.toLowerCase();
        if (!w.endsWith('t') || w.endsWith('en')) continue;
        const k = w.endsWith('et') ? w.slice(0, -2) + 'e' : w.slice(0, -1) + 'e';
        if (!byForm.get(k)?.some((x) => x.spec === spec)) add(k, spec, familyOf(spec.predicate)!, 'present');
      }
    }
  }
  // Role nouns and their ties come from the one role-noun file (lang/<code>/entities/roles.txt).
  roles.rules = roleNouns(lang).ties.map((t) => ({ nouns: [t.noun], predicate: t.predicate, compoundOf: t.compoundOf, notOf: t.notOf.length ? t.notOf : undefined }));
  for (const r of roles.rules) {
    if (!familyOf(r.predicate)) throw new Error(`lang/${lang}/entities/roles.txt: tie "${r.predicate}" of "${r.nouns[0]}" is not in the ontology`);
  }
  const set = (xs: string[]) => new Set(lower(xs));
  const g = grammar;
  const refs = referenceLexicon(lang);
  const compiled: CompiledLexicon = {
    lang, byForm, suffixNouns, suffixIndex, byLemma, roles, modality, grammar, refs,
    sets: {
      prepositions: set(g.prepositions), determiners: set(g.determiners), subjectRelatives: set(g.subjectRelatives),
      objectRelatives: set(g.objectRelatives), subordinators: set(g.subordinators), infinitiveMarkers: set(g.infinitiveMarkers),
      infinitiveIntros: set(g.infinitiveIntros), clauseConjunctions: set(g.clauseConjunctions), coordinators: set(g.coordinators),
      copulas: set(g.copulas), passiveAuxiliaries: set(g.passiveAuxiliaries), passiveAgents: set(g.passiveAgents),
      affiliationPreps: set(g.affiliationPreps), genitiveArticles: set(g.genitiveArticles), attributionCues: new Set([...lower(g.attributionCues), ...attributionVerbForms(lang)]),
      dualAnaphors: set(g.dualAnaphors), circleHeads: set(g.circleHeads), possessiveTokens: set(g.possessiveTokens),
      groupNouns: set(roles.groupNouns), verbLike: set(g.verbLike),
      separableParticles: set(g.separableParticles ?? []), futureAuxiliaries: set(g.futureAuxiliaries ?? []), controlNouns: set(g.controlNouns), objectControl: set(g.objectControl), adjunctMarks: set(g.adjunctMarks ?? []), requestControl: set(g.requestControl ?? []), exemplarMarkers: set(g.exemplarMarkers), adverbs: set(g.adverbs ?? []),
      // Pronouns never objects ("er", "he") and never subjects ("ihn", "him"); "her"/"ihr" are both.
      subjectPronouns: new Set(refs.personal.keys()), objectPronouns: refs.objectPronouns, ambiguousObjectPronouns: refs.ambiguousObject, recipientPreps: set(g.recipientPreps ?? []), supportVerbs: set(g.supportVerbs ?? []), ownerPreps: set(g.ownerPreps ?? []), nounAgents: set(g.nounAgents ?? []), sourceAgents: set(g.sourceAgents ?? []), receiveVerbs: set(g.receiveVerbs ?? []), dativeDeterminers: set(g.dativeDeterminers ?? []), selfNamingHeads: set(g.selfNamingHeads ?? []), feminineDativeDeterminers: set(g.feminineDativeDeterminers ?? []), receivePreps: set(g.receivePreps ?? []), topicPreps: set(g.topicPreps ?? []), proposalNouns: set(g.proposalNouns ?? []), perfectAuxiliaries: set(g.perfectAuxiliaries ?? []), timeWords: set(g.timeWords ?? []), singularCounterparts: set(g.singularCounterparts ?? []),
    },
  };
  cache.set(lang, compiled);
  return compiled;
}
