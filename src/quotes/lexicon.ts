/**
 * The quotes stage's language data (lang/<code>/quotes/), loaded by language code and compiled once.
 * No language-specific code paths: a new language is a new data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';
import { compilePattern, type TokenPattern } from './token-pattern.js';
import { referenceLexicon, type ReferenceLexicon, type PronounInfo } from '../references/index.js';

export type { PronounInfo };

export type VerbNumber = 'sg' | 'pl' | 'any';

export interface VerbForm {
  lemma: string;
  number: VerbNumber;
  /** Separated particle the finite form needs in its clause ("fügte … hinzu"), or null; alternatives joined by "|"
   *  when one form belongs to several separable verbs ("gibt … bekannt|zu"). */
  particle: string | null;
  /** Channel the verb implies ("writing" for schreiben), or null. */
  channel: string | null;
  /** Finite form (can head a main clause) vs participle/infinitive. */
  finite: boolean;
  /** A present participle on a main clause (", saying …"): shares that clause's subject. */
  participle: boolean;
  /** Takes a recipient object before its content ("told Reuters that …"). */
  object: boolean;
  /** Reports speech only around a quoted phrase ("called the plan "piracy"", "nannte den Plan „…“"). */
  quotedContent: boolean;
  /** Also takes a plain object ("posted the video"): reports only through a complementizer, a colon or a quote. */
  complementOnly: boolean;
  /** Reports only with one of these subject nouns ("the documents show"), or null for any subject. */
  subjects: Set<string> | null;
  /** The preposition that opens the verb's reported content as a noun phrase ("sprach von einer Krise", "warned of
   *  a crisis"), or null. */
  contentPreposition: string | null;
  /** Relays someone else's words ("zitierte den Minister", "quoted Kim as saying"): its object speaks, its subject is the channel. */
  relay: boolean;
}

export interface SourceNoun {
  lemma: string;
  /** Can refer back to any earlier group ("Quellen", "sources"). */
  generic: boolean;
  spokesperson: boolean;
  /** A collective noun ("police", "media", "crowd"): its singular form names a group of many. */
  collective: boolean;
  /** A medium of information ("reports", "Medien", "Regierungskreise"): a source after a source preposition too. */
  medium: boolean;
  /** A form that also names an institution ("Militär": „das Militär“ / „ein ranghoher Militär“): a person noun only
   *  after an indefinite article or an adjective, with no definite article before it. */
  qualifiedOnly?: boolean;
}

/** Shortest tail of a closed compound that may name its head ("Armee|sprecher"): shorter tails ("rat") are too often
 *  the end of unrelated words. Set by hand. */
const MIN_COMPOUND_TAIL = 5;
/** Shortest modifier before such a tail ("Außenamts|sprecher", not "Ver|treter"). Set by hand. */
const MIN_COMPOUND_HEAD = 3;

/**
 * Source nouns by lowercased form. In a language with closed compounds (German) a word not listed is looked up by its
 * tail too, so "Armeesprecher", "Kommissionsmitglied" and "Polizeibeamte" are the listed "sprecher", "mitglied",
 * "beamte" without listing every compound. Generic nouns ("Quellen") never match as tails ("Energiequellen").
 */
export class SourceNounMap extends Map<string, SourceNoun> {
  private readonly tails = new Map<string, SourceNoun | null>();
  constructor(private readonly compounds: boolean) { super(); }
  override get(form: string): SourceNoun | undefined {
    const hit = super.get(form);
    if (hit || !this.compounds || form.length < MIN_COMPOUND_TAIL + MIN_COMPOUND_HEAD) return hit;
    let t = this.tails.get(form);
    if (t === undefined) {
      t = null;
      for (let k = MIN_COMPOUND_HEAD; k <= form.length - MIN_COMPOUND_TAIL && !t; k++) {
        const tail = super.get(form.slice(k).replace(/^-/, ''));
        if (tail && !tail.generic) t = tail;
      }
      this.tails.set(form, t);
    }
    return t ?? undefined;
  }
  override has(form: string): boolean { return this.get(form) !== undefined; }
}

export interface ChannelPhrase {
  pattern: TokenPattern;
  value: string;
}

export interface ResponsePattern {
  kind: 'declined' | 'no_response' | 'denied';
  pattern: TokenPattern;
}

export interface QuoteLexicon {
  language: string;
  verbs: Map<string, VerbForm>;
  /** Lemmas of the reporting verbs (not the relaying ones): a clausal complement of one is reported content. */
  reportLemmas: Set<string>;
  /** Lemmas of verbs whose infinitive complement (UD xcomp) is reported content: "urged X to …", „rief dazu auf, … zu …“. */
  directiveLemmas: Set<string>;
  /** Directive lemmas whose addressee stands between the verb and its infinitive ("urged X last week to …"). */
  addresseeDirectiveLemmas: Set<string>;
  /** Directive lemma → the preposition before its addressee ("called on X to …"). */
  addresseePrepositions: Map<string, string>;
  /** Lemmas of verbs of judging speech whose object's predicate after a marker is reported content ("hailed X as Y"). */
  predicativeLemmas: Set<string>;
  /** The markers that open such a predicate ("as", „als“). */
  predicativeMarkers: Set<string>;
  /** Lemmas of verbs of voicing whose attitude-noun object with a complement is content ("voiced concern about X"). */
  attitudeLemmas: Set<string>;
  /** Lemmas of attitude nouns ("concern", „Sorge“). */
  attitudeNouns: Set<string>;
  /** Verbs of charging speech → the preposition that opens the charge after the object ("accuse" → "of"). */
  chargeVerbs: Map<string, string>;
  /** Lemmas of reporting and stance verbs: their subject holds or voices a view (a silent group's test). */
  viewLemmas: Set<string>;
  auxiliaries: Set<string>;
  /** Auxiliaries that make a participle passive ("berichtet wurde"): no speaker, no statement. */
  passiveAuxiliaries: Set<string>;
  cueBefore: TokenPattern[];
  /** Time adverbials that may sit between a verb and its content ("said last week that …"). */
  timePhrases: TokenPattern[];
  cueAfter: Set<string>;
  /** Prepositions that put a statement on an account noun's authority ("nach Angaben …", "nach Berichten"). */
  accountPrepositions: Set<string>;
  /** Nouns naming an account or a count ("Angaben", "Berichten", "Umfragen", "Zählung"). */
  accountNouns: Set<string>;
  /** Account nouns that need an owner to name a source ("nach seinen Worten"; a bare "nach Worten ringen" names none). */
  ownedAccountNouns: Set<string>;
  /** Words marking an account as the subject's own ("nach eigenen Angaben"). */
  selfMarkers: Set<string>;
  /** Words linking a relayed speaker to the reporting participle ("quoted Kim as saying"). */
  relayLinks: Set<string>;
  /** Adverbs that continue the last source's account ("demnach": according to it). */
  continuationCues: Set<string>;
  cueSo: Set<string>;
  cueAs: Set<string>;
  complementizers: Set<string>;
  termMarkers: TokenPattern[];
  channels: ChannelPhrase[];
  channelDescriptors: Set<string>;
  /** Platform names as token sequences (case-sensitive: "X" is a platform, "x" is not). */
  platforms: string[][];
  sourceNouns: Map<string, SourceNoun>;
  sourceQualifiers: TokenPattern[];
  determiners: Set<string>;
  definite: Set<string>;
  /** Definite articles of a singular person ("der", "the"): "der Republikaner" is one member, "die Republikaner" the party. */
  singularDefinite: Set<string>;
  genitiveLinks: Set<string>;
  /** Nouns of issued texts ("statement", "editorial") whose author speaks through them ("a statement by X said"). */
  documentNouns: Set<string>;
  /** Heads of state bodies a nationality adjective names ("das niederländische Außenamt", "die iranischen Revolutionsgarden"), with their gender. */
  nationalBodyHeads: Map<string, 'masculine' | 'feminine' | 'neuter'>;
  /** Possessive determiners by the gender of a person they point to ("sein": m, "ihr": f); see possessed-office.ts. */
  possessiveGenders: Map<string, 'm' | 'f'>;
  /** Words that may follow a subject before its verb („Die Kommission etwa warnt“). */
  focusParticles: Set<string>;
  /** Phrases that introduce someone's words as the manner of an act („mit den Worten“): see words-phrase.ts. */
  wordsPhrases: TokenPattern[];
  /** Personal pronouns only a subject can be („er“, „ich“, „wir“): after the verb they make the prefield an object. */
  nominativePronouns: Set<string>;
  /** How a possessor's name takes the genitive before a head („Netanjahus Büro“); null where the language has no rule. */
  possessorGenitive: { suffix: string; afterSibilant: string; sibilants: string[] } | null;
  /** Words linking such a text to its author ("by", "from", "in"). */
  authorLinks: Set<string>;
  /** Prepositions after a capitalised gerund that make it a credit line ("Writing by …", "Editing by …"), no statement. */
  creditLinks: Set<string>;
  partitiveLinks: Set<string>;
  prepositions: Set<string>;
  subordinators: Set<string>;
  relativePronouns: Set<string>;
  coordinators: Set<string>;
  adverbs: Set<string>;
  /** Demonstratives that stand for a quote just before ("Das sagte X", "X said this"). */
  anaphoricContent: Set<string>;
  /** Words that open a sentence and tie it to the one before ("Denn", "Und", "Now", "Still"): never part of a source. */
  connectors: Set<string>;
  /** Words that negate a reporting verb ("not", "nicht"), and words after them that undo it ("nicht nur"). */
  negations: Set<string>;
  negationBlockers: Set<string>;
  /** The infinitive marker ("zu", "to"): a reporting verb right after it states nothing. */
  infinitiveMarkers: Set<string>;
  reflexives: Set<string>;
  /** Pronouns ending a partitive ("einer von ihnen", "one of them"): the whole is the group last spoken of. */
  partitivePronouns: Set<string>;
  /** The shared reference lexicon (pronouns, description heads): lang/<code>/references/. */
  refs: ReferenceLexicon;
  /** First and second parts of correlative pairs ("sowohl … als auch", "both … and"). */
  correlatives: Set<string>;
  correlativeLinks: Set<string>;
  pronouns: Map<string, PronounInfo>;
  numbers: Map<string, number>;
  /** Quantifiers that count a whole group ("both", "beide"): unlike "three of them", never a part. */
  totals: Map<string, number>;
  pluralOnly: Set<string>;
  /** Suffixes that mark a plural noun form ("-s"), where plurals are marked so; empty where they are not. */
  pluralSuffixes: string[];
  /** Plural forms without such a suffix ("people", "spokesmen"). */
  irregularPlurals: Set<string>;
  /** Endings of inflected adjectives ("-en", "-e"): a lowercase word opening a noun phrase has one. */
  adjectiveEndings: string[];
  /** Endings before an adjective ending that close a dative attribute („nahestehende“: "end" + "e"); empty where unused. */
  attributeAdjectiveStems: string[];
  /** German capitalises every noun: a lowercase word there is never a phrase's head. */
  nounsCapitalised: boolean;
  /** Verb-second main clauses: everything before the finite verb is one constituent (German). */
  verbSecond: boolean;
  /** Cue phrases naming the source in a $NP slot ("aus $NP verlautete"). */
  sourcePhrases: TokenPattern[];
  /** Reported speech carried by the verb's mood alone (German Konjunktiv I), or null. */
  reportedMood: { subjects: Set<string>; forms: Set<string>; suffix: string; notSuffixes: string[]; hypotheticalForms: Set<string>;
    /** Forms that continue reported speech after any subject (Konjunktiv II standing in for I: "müssten"). */
    continuationForms: Set<string> } | null;
  responses: ResponsePattern[];
  anonymity: TokenPattern[];
  /** Phrases of quantity that open a group ("a number of", "dozens of", „eine Reihe von“): the count they imply, or null
   *  when they state none (source-nouns.json `quantities`). */
  quantities: { pattern: TokenPattern; count: number | null }[];
  /** Prepositions that make their object a source (group-places.json): `authority` for any source noun ("laut",
   *  "according to"), `medium` only for a medium noun ("in Medienberichten", "from Israeli media"), `agent` for the
   *  agent of a passive view verb ("von Fachleuten begrüßt"); `stance`: lemmas of predicates beyond the verb lists whose
   *  subject holds a view ("suspicious", "skeptisch", "press"); `relay`: lemmas of verbs and nouns of citing whose
   *  object or complement is the source cited ("citing officials", „unter Berufung auf Regierungskreise“). */
  groupPlaces: { authority: Set<string>; medium: Set<string>; stance: Set<string>; agent: Set<string>; relay: Set<string> };
}

const cache = new Map<string, QuoteLexicon>();

function verbForm(v: VerbEntry, number: VerbNumber, finite: boolean, particle: string | null, participle: boolean): VerbForm {
  return {
    lemma: v.lemma, number, finite, particle,
    channel: v.channel ?? null, object: !!v.object, participle, quotedContent: !!v.quotedContent, complementOnly: !!v.complementOnly,
    subjects: v.subjects ? lowerSet(v.subjects) : null, relay: !!v.relay,
    contentPreposition: v.contentPreposition ? v.contentPreposition.toLowerCase() : null,
  };
}

function readJson<T>(dir: string, name: string, fallback: T): T {
  const p = join(dir, name);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : fallback;
}

function readLines(dir: string, name: string): string[] {
  const p = join(dir, name);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

const lowerSet = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));

interface VerbEntry { lemma: string; sg?: string[]; pl?: string[]; forms?: string[]; particle?: string; channel?: string; object?: boolean; quotedContent?: boolean; complementOnly?: boolean; subjects?: string[]; relay?: boolean; contentPreposition?: string }

export function loadQuoteLexicon(language: string): QuoteLexicon {
  const hit = cache.get(language);
  if (hit) return hit;
  const dir = join(langDir(language), 'quotes');
  const vj = readJson<{ verbs: VerbEntry[]; auxiliaries?: string[]; passiveAuxiliaries?: string[];
    participles?: string[]; stanceVerbs?: string[]; directiveVerbs?: string[]; addresseeDirectiveVerbs?: string[]; addresseePrepositions?: Record<string, string>; predicativeVerbs?: string[]; predicativeMarkers?: string[]; attitudeVerbs?: string[]; attitudeNouns?: string[]; chargeVerbs?: Record<string, string>;
    reportedMood?: { subjects: string[]; forms: string[]; suffix: string; notSuffixes?: string[]; continuationForms?: string[]; hypotheticalForms?: string[] } }>(dir, 'verbs.json', { verbs: [] });
  const verbs = new Map<string, VerbForm>();
  const participles = lowerSet(vj.participles);
  const joinedParticles = !!readJson<{ joinedParticles?: boolean }>(dir, 'function-words.json', {}).joinedParticles;
  const addJoined = (v: VerbEntry, form: string, number: VerbNumber) => {
    const f = form.toLowerCase();
    if (!verbs.has(f)) verbs.set(f, verbForm(v, number, true, null, participles.has(f)));
  };
  for (const v of vj.verbs) {
    const add = (form: string, number: VerbNumber, finite: boolean) => {
      const f = form.toLowerCase();
      const prev = verbs.get(f);
      // "gibt … bekannt" and "gibt … zu": one finite form, several separable verbs — the form needs one of their particles.
      if (prev && prev.particle && finite && v.particle && !prev.particle.split('|').includes(v.particle.toLowerCase())) prev.particle += `|${v.particle.toLowerCase()}`;
      if (prev) return;
      verbs.set(f, verbForm(v, number, finite, finite && v.particle ? v.particle.toLowerCase() : null, participles.has(f)));
    };
    for (const f of v.sg ?? []) add(f, 'sg', true);
    for (const f of v.pl ?? []) add(f, 'pl', true);
    // A separable verb writes its particle joined to the finite form at the end of a subordinate clause ("wie das
    // Ministerium mitteilte"): those forms need no particle of their own.
    if (v.particle && joinedParticles) {
      const joined = { ...v, particle: undefined };
      for (const f of v.sg ?? []) addJoined(joined, v.particle + f, 'sg');
      for (const f of v.pl ?? []) addJoined(joined, v.particle + f, 'pl');
    }
    // Number-neutral forms: English finite forms, German participles and infinitives (they carry no particle).
    for (const f of v.forms ?? []) add(f, 'any', !v.sg && !v.pl);
  }
  const cues = readJson<Record<string, string[]>>(dir, 'cues.json', {});
  const ch = readJson<{ phrases: { pattern: string; value: string }[]; npDescriptors?: string[]; platforms?: string[] }>(
    dir, 'channels.json', { phrases: [] });
  const sn = readJson<{ nouns: { lemma: string; forms: string[]; generic?: boolean; spokesperson?: boolean; collective?: boolean; medium?: boolean; qualifiedOnly?: boolean }[]; qualifiers?: string[]; quantities?: Record<string, number | null> }>(
    dir, 'source-nouns.json', { nouns: [] });
  const fwc = readJson<{ closedCompounds?: boolean }>(dir, 'function-words.json', {});
  const sourceNouns = new SourceNounMap(!!fwc.closedCompounds);
  for (const n of sn.nouns) {
    const info: SourceNoun = { lemma: n.lemma, generic: !!n.generic, spokesperson: !!n.spokesperson, collective: !!n.collective, medium: !!n.medium, qualifiedOnly: !!n.qualifiedOnly };
    for (const f of n.forms) sourceNouns.set(f.toLowerCase(), info);
  }
  const fw = readJson<Record<string, unknown>>(dir, 'function-words.json', {});
  const list = (k: string) => lowerSet(fw[k] as string[] | undefined);
  const lex: QuoteLexicon = {
    language,
    verbs,
    auxiliaries: lowerSet(vj.auxiliaries),
    passiveAuxiliaries: lowerSet(vj.passiveAuxiliaries),
    cueBefore: (cues.before ?? []).map(compilePattern),
    timePhrases: (cues.timePhrases ?? []).map(compilePattern),
    cueAfter: lowerSet(cues.after),
    accountPrepositions: lowerSet(cues.accountPrepositions),
    accountNouns: lowerSet(cues.accountNouns),
    ownedAccountNouns: lowerSet(cues.ownedAccountNouns),
    selfMarkers: lowerSet(cues.selfMarkers),
    continuationCues: lowerSet(cues.continuation),
    relayLinks: lowerSet(cues.relayLinks),
    cueSo: lowerSet(cues.so),
    cueAs: lowerSet(cues.as),
    complementizers: lowerSet(cues.complementizers),
    termMarkers: (cues.terms ?? []).map(compilePattern),
    channels: ch.phrases.map((p) => ({ pattern: compilePattern(p.pattern), value: p.value })),
    channelDescriptors: lowerSet(ch.npDescriptors),
    platforms: (ch.platforms ?? []).map((p) => p.split(/\s+/)),
    sourceNouns,
    sourceQualifiers: (sn.qualifiers ?? []).map(compilePattern),
    quantities: Object.entries(sn.quantities ?? {}).map(([p, count]) => ({ pattern: compilePattern(p), count })),
    determiners: list('determiners'),
    definite: list('definite'),
    singularDefinite: list('singularDefinite'),
    genitiveLinks: list('genitiveLinks'),
    documentNouns: list('documentNouns'),
    nationalBodyHeads: new Map(Object.entries((fw.nationalBodyHeads ?? {}) as Record<string, 'masculine' | 'feminine' | 'neuter'>)),
    focusParticles: list('focusParticles'),
    wordsPhrases: (cues.wordsPhrases ?? []).map(compilePattern),
    nominativePronouns: list('nominativePronouns'),
    possessiveGenders: new Map(Object.entries((fw.possessiveGenders ?? {}) as Record<string, 'm' | 'f'>)),
    possessorGenitive: (fw.possessorGenitive ?? null) as QuoteLexicon['possessorGenitive'],
    authorLinks: list('authorLinks'),
    creditLinks: lowerSet(cues.creditLinks),
    partitiveLinks: list('partitiveLinks'),
    prepositions: list('prepositions'),
    subordinators: list('subordinators'),
    relativePronouns: list('relativePronouns'),
    coordinators: list('coordinators'),
    adverbs: list('adverbs'),
    connectors: list('connectors'),
    anaphoricContent: list('anaphoricContent'),
    negations: list('negations'),
    negationBlockers: list('negationBlockers'),
    infinitiveMarkers: list('infinitiveMarkers'),
    reflexives: list('reflexives'),
    partitivePronouns: list('partitivePronouns'),
    refs: referenceLexicon(language),
    correlatives: list('correlatives'),
    correlativeLinks: list('correlativeLinks'),
    // Speakers are third persons ("er", "they"): "ich" inside a quote is the speaker's own voice.
    pronouns: referenceLexicon(language).thirdPerson,
    numbers: new Map(Object.entries((fw.numbers ?? {}) as Record<string, number>)),
    totals: new Map(Object.entries((fw.totals ?? {}) as Record<string, number>)),
    pluralOnly: list('pluralOnly'),
    nounsCapitalised: !!fw.nounsCapitalised,
    irregularPlurals: list('irregularPlurals'),
    pluralSuffixes: ((fw.pluralSuffixes ?? []) as string[]).map((x) => x.toLowerCase()),
    adjectiveEndings: ((fw.adjectiveEndings ?? []) as string[]).map((x) => x.toLowerCase()),
    attributeAdjectiveStems: (fw.attributeAdjectiveStems ?? []) as string[],
    verbSecond: !!fw.verbSecond,
    sourcePhrases: (cues.sourcePhrases ?? []).map(compilePattern),
    reportLemmas: new Set(vj.verbs.filter((x) => !x.relay).map((x) => x.lemma.toLowerCase())),
    directiveLemmas: lowerSet(vj.directiveVerbs),
    addresseeDirectiveLemmas: lowerSet(vj.addresseeDirectiveVerbs),
    addresseePrepositions: new Map(Object.entries(vj.addresseePrepositions ?? {}).map(([k, x]) => [k.toLowerCase(), x.toLowerCase()])),
    predicativeLemmas: lowerSet(vj.predicativeVerbs),
    predicativeMarkers: lowerSet(vj.predicativeMarkers),
    attitudeLemmas: lowerSet(vj.attitudeVerbs),
    attitudeNouns: lowerSet(vj.attitudeNouns),
    chargeVerbs: new Map(Object.entries(vj.chargeVerbs ?? {}).map(([k, p]) => [k.toLowerCase(), p.toLowerCase()])),
    viewLemmas: new Set([...vj.verbs.map((x) => x.lemma.toLowerCase()), ...lowerSet(vj.stanceVerbs)]),
    reportedMood: vj.reportedMood ? {
      subjects: lowerSet(vj.reportedMood.subjects), forms: lowerSet(vj.reportedMood.forms),
      suffix: vj.reportedMood.suffix, notSuffixes: vj.reportedMood.notSuffixes ?? [], hypotheticalForms: lowerSet(vj.reportedMood.hypotheticalForms ?? []),
      continuationForms: lowerSet(vj.reportedMood.continuationForms),
    } : null,
    responses: readLines(dir, 'responses.txt').map((l) => {
      const [kind, pattern] = l.split('\t');
      return { kind: kind as ResponsePattern['kind'], pattern: compilePattern(pattern ?? '') };
    }),
    anonymity: readLines(dir, 'anonymity.txt').map(compilePattern),
    groupPlaces: groupPlacesOf(readJson<{ authority?: string[]; medium?: string[]; stance?: string[]; agent?: string[]; relay?: string[] }>(dir, 'group-places.json', {})),
  };
  cache.set(language, lex);
  return lex;
}

const groupPlacesOf = (g: { authority?: string[]; medium?: string[]; stance?: string[]; agent?: string[]; relay?: string[] }) => ({
  authority: lowerSet(g.authority), medium: lowerSet(g.medium), stance: lowerSet(g.stance), agent: lowerSet(g.agent),
  relay: lowerSet(g.relay) });

/** Is `word` the particle (one of the alternatives) the verb form needs? */
export function isParticle(particle: string | null, word: string | undefined): boolean {
  return !!particle && !!word && (particle === word || particle.includes('|') && particle.split('|').includes(word));
}
