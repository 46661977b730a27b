/**
 * Event arguments by grammatical role on the dependency parse: the subject (nsubj; the passive agent "von/by";
 * inherited through coordinated verbs, control and raising infinitives, relative clauses), objects (obj, iobj, and
 * obliques or noun modifiers with the slot's preposition: "mit/with", "gegen/against", "zwischen/between"), and the
 * owner of an event noun (possessive, genitive, or the subject of the verb the noun depends on: „Bei dem Treffen mit X
 * sprach die Ministerin …“). Argument words become actors through the mention covering them (names, pronouns and
 * descriptions the entities stage and the shared reference resolver resolved) and ArgumentFinder.resolve.
 */
import type { ArgumentFinder } from './arguments.js';
import type { SentenceView } from './sentence-view.js';
import type { TriggerSpec } from './lexicon.js';
import type { Arg, SlotHit } from './types.js';
import type { ParseView } from './parse-view.js';
import { familyOf, predicateType } from './ontology.js';
import { roleRuleFor } from './role-rules.js';
import { endsWithAny } from './arguments.js';

export interface ParsedArgs {
  subjects: Arg[];
  objects: Arg[];
  inherited: boolean;
}

/** Relations of the words that belong to a name's noun phrase ("der Präsident Macron", "Hamas-Führer"). */
const PHRASE_RELS = ['flat', 'appos', 'compound', 'amod'];
/** How far a subject is looked for up the tree (conj → xcomp → conj …). */
const MAX_CLIMB = 4;
/** Relations that hand the subject of the head verb down to a verb without its own. */
const INHERIT_RELS = new Set(['conj', 'xcomp']);
/** Relations by which an event noun hangs on the verb whose subject owns it ("führte Gespräche", "after talks, X …"). */
const NOUN_HOST_RELS = new Set(['obj', 'obl', 'nmod', 'iobj', 'conj']);

export class ParseArgs {
  constructor(readonly v: SentenceView, readonly f: ArgumentFinder, readonly p: ParseView) {}

  private readonly resolved = new Map<number, Arg | null>();
  /** Whether a non-actor noun may stand for its owner: for events ("criticised Obama's failure"), not for ties. */
  private owners = false;
  /** Contacts are with people: there only a person or group noun stands for its owner ("met the leaders of China", not "welcomed China's rise"). */
  private personalOwners = false;
  /** ArgumentFinder.resolve, once per mention (it reads titles around the mention, and triggers share arguments). */
  private resolve(k: number): Arg | null {
    let a = this.resolved.get(k);
    if (a === undefined) this.resolved.set(k, (a = this.f.resolve(k)));
    return a;
  }

  /** Arguments of the trigger at doc token t by the parse, or null when the token is not in it. */
  argsFor(t: number, spec: TriggerSpec): ParsedArgs | null {
    const i = this.p.wordOf(t);
    if (i < 0) return null;
    this.owners = familyOf(spec.predicate) === 'event';
    this.personalOwners = predicateType(spec.predicate) === 'consult';
    return spec.pos === 'noun' ? this.nounArgs(i, spec) : this.verbArgs(i, spec);
  }

  /** Is a mention (tokens [a, b)) within `max` tree edges of the trigger at token t? Unparsed tokens count as near. */
  near(t: number, a: number, b: number, max: number): boolean {
    const i = this.p.wordOf(t);
    if (i < 0) return true;
    let best = Infinity;
    for (let u = a; u < b; u++) { const j = this.p.wordOf(u); if (j >= 0) best = Math.min(best, this.p.distance(i, j)); }
    return best === Infinity || best <= max;
  }

  /** An event noun carried by a support verb ("held talks", „führten Gespräche“), or the parse cannot tell. */
  supported(t: number): boolean {
    const i = this.p.wordOf(t);
    if (i < 0 || !this.v.lex.sets.supportVerbs.size) return true;
    const host = this.hostVerb(i);
    return host >= 0 && this.p.rel(i) === 'obj' && this.supportVerb(host);
  }

  /**
   * A mutual act owned by its participants together: "X and Y cancelled their meeting", „X und Y sagten ihr Treffen
   * ab“ — a possessive pronoun on the noun that need not stand for one man or one thing ("his", „sein“, "its").
   */
  sharedOwner(t: number): boolean {
    const p = this.p;
    const i = p.wordOf(t);
    if (i < 0) return false;
    return p.children(i, ['nmod:poss', 'det:poss']).some((k) => {
      if (p.feat(k, 'Poss') !== 'Yes' || p.feat(k, 'PronType') !== 'Prs') return false;
      const owner = p.feat(k, 'Gender[psor]') ?? (p.words[k].upos === 'PRON' ? p.feat(k, 'Gender') : null);
      return owner !== 'Masc' && owner !== 'Neut';
    });
  }

  /** A support verb, also with its separated particle („sprach … aus“ → „aussprechen“). */
  private supportVerb(h: number): boolean {
    const verbs = this.v.lex.sets.supportVerbs;
    return verbs.has(this.p.lemma(h)) || verbs.has(this.p.particle(h) + this.p.lemma(h));
  }

  private verbArgs(i: number, spec: TriggerSpec): ParsedArgs {
    const p = this.p;
    if (p.passive(i)) {
      const agents = this.prepArgs(i, [...this.v.lex.sets.passiveAgents], new Set());
      const patients = p.children(i, ['nsubj', 'obj']).flatMap((k) => this.actorsOf(k, 'object'));
      return { subjects: agents, objects: patients, inherited: false };
    }
    if (spec.object.includes('dative')) { const d = this.dativeArgs(i); if (d) return d; }
    const subj = this.subjectOf(i, 0);
    const ids = new Set(subj.args.map((a) => a.entity));
    let objects: Arg[] = [];
    for (const slot of spec.object) {
      const hit = this.slot(i, slot, ids);
      if (!hit?.args.length) continue;
      if (hit.pair && hit.args.length >= 2 && !subj.args.length) return { subjects: [hit.args[0]], objects: hit.args.slice(1), inherited: false };
      objects = hit.args;
      break;
    }
    return { subjects: subj.args, objects, inherited: subj.inherited };
  }

  /**
   * A verb whose object is a dative („X gehört der Partei an“, „Der NATO gehören A und B an“, „die Partei, der X
   * angehört“): the parser often reads the dative as a second subject, and the tagger's case on articles is weak, so
   * the dative is the nominal that a dative determiner (or relative pronoun) marks; the others are the subject.
   * Null when no dependent is marked (the ordinary subject and object rules decide).
   */
  private dativeArgs(i: number): ParsedArgs | null {
    const p = this.p;
    const deps = p.children(i, ['nsubj', 'obj', 'iobj', 'obl']).filter((k) => !p.caseOf(k) && p.words[k].deprel !== 'nsubj:pass');
    const dat = deps.filter((k) => this.dativeMarked(k, i));
    if (!dat.length) return null;
    const relative = (k: number) => p.feat(k, 'PronType')?.includes('Rel') ?? false;
    const side = (ks: number[], role: 'subject' | 'object') => ks.flatMap((k) => relative(k) ? this.antecedent(k) : this.actorsOf(k, role));
    // „der Partei DEM“, „der Partei Neue Mitte“: a name right after the dative noun, however the parser hung it.
    const named = (k: number) => !p.isNoun(k) ? [] : [...p.children(k, ['nmod', 'appos']), ...deps].filter((c) => c > k && !p.caseOf(c) && this.firstWord(c) === k + 1);
    const objects = side(dat, 'object');
    if (!objects.length) objects.push(...side(dat.flatMap(named), 'object'));
    const taken = new Set([...dat, ...dat.flatMap(named)]);
    const rest = deps.filter((k) => !taken.has(k));
    const subjects = rest.length ? side(rest, 'subject') : this.subjectOf(i, 0).args;
    const ids = new Set(objects.map((a) => a.entity));
    return { subjects: subjects.filter((a) => !ids.has(a.entity)), objects, inherited: !rest.length || rest.some(relative) };
  }

  /**
   * A nominal marked dative by its determiner, or a relative pronoun in the dative (feminine „der“ by its antecedent).
   * „der“ before a singular noun is dative where the noun is feminine or the verb plural (it cannot be the subject).
   */
  private dativeMarked(k: number, verb: number): boolean {
    const p = this.p;
    const sets = this.v.lex.sets;
    const form = (j: number) => p.words[j].form.toLowerCase();
    const femSing = (j: number) => p.feat(j, 'Number') !== 'Plur' && (p.feat(j, 'Gender') === 'Fem' || p.feat(verb, 'Number') === 'Plur');
    if (p.words[k].upos === 'PRON') {
      if (sets.dativeDeterminers.has(form(k))) return true;
      if (!sets.feminineDativeDeterminers.has(form(k)) || !p.feat(k, 'PronType')?.includes('Rel')) return false;
      const clause = p.head(k);
      const antecedent = clause >= 0 && p.rel(clause) === 'acl' ? p.head(clause) : -1;
      return antecedent >= 0 && femSing(antecedent);
    }
    return p.children(k, ['det']).some((d) => sets.dativeDeterminers.has(form(d)) || (sets.feminineDativeDeterminers.has(form(d)) && femSing(k)));
  }

  private nounArgs(i: number, spec: TriggerSpec): ParsedArgs {
    let subjects: Arg[] = [];
    let inherited = false;
    let subjectSlot = '';
    // "Assad enjoys backing from Iran": the subject of a receiving verb is the noun's object, not its agent.
    const receiver = this.receivingVerb(i);
    for (const slot of withNounAgents(spec.subject ?? ['possessive', 'genitive', 'clauseSubject'])) {
      if (receiver >= 0 && (slot === 'clauseSubject' || slot === 'supportSubject')) continue;
      const got = slot === 'agent' && receiver >= 0 ? { args: this.sourceArgs(i, receiver) } : this.nounSlot(i, slot, new Set());
      if (got.args.length) { subjects = got.args; inherited = slot === 'clauseSubject' || slot === 'supportSubject'; subjectSlot = slot; break; }
    }
    const ids = new Set(subjects.map((a) => a.entity));
    // "Obama's Cuba visit", "Putins Ukraine-Krieg": with the owner found otherwise, a name modifying the noun is its object.
    const objectSlots = subjectSlot && subjectSlot !== 'modifier' ? [...spec.object, 'modifier'] : spec.object;
    for (const slot of objectSlots) {
      const hit = this.nounSlot(i, slot, ids);
      if (!hit.args.length) continue;
      if (hit.pair && hit.args.length >= 2) return { subjects: [hit.args[0]], objects: hit.args.slice(1), inherited: false };
      if (!subjects.length && spec.symmetric) return { subjects: this.sideOfClause(i, hit.args), objects: hit.args, inherited: true };
      return { subjects, objects: hit.args, inherited };
    }
    // "lent support to the leader", „sprach Le Pen seine Unterstützung aus“: the recipient of an act a support verb carries.
    const recipients = receiver < 0 && this.owners ? this.recipients(i, ids) : [];
    if (recipients.length && subjects.length) return { subjects, objects: recipients, inherited };
    if (receiver >= 0 && subjects.length) {
      const recipients = this.receivers(i, receiver).filter((a) => !ids.has(a.entity));
      if (recipients.length) return { subjects, objects: recipients, inherited: false };
    }
    // "U.S.-Russian cooperation": two names modifying a noun of a mutual event are its two sides.
    if (subjectSlot === 'modifier' && spec.symmetric && subjects.length >= 2) return { subjects: [subjects[0]], objects: subjects.slice(1), inherited: false };
    return { subjects, objects: [], inherited };
  }

  private nounSlot(i: number, slot: string, exclude: Set<string>): SlotHit {
    const p = this.p;
    const keep = (args: Arg[]): SlotHit => ({ args: args.filter((a) => !exclude.has(a.entity)) });
    if (slot === 'possessive') return keep(p.children(i, ['nmod:poss', 'det:poss']).flatMap((k) => this.actorsOf(k, 'any')));
    if (slot === 'genitive') {
      if (!this.v.lex.grammar.capitalizedNouns) return { args: [] };
      return keep(p.children(i, ['nmod']).filter((k) => !p.caseOf(k) && this.genitive(k)).flatMap((k) => this.actorsOf(k, 'any')));
    }
    if (slot === 'supportSubject') return this.supported(p.words[i].token) ? this.nounSlot(i, 'clauseSubject', exclude) : { args: [] };
    if (slot === 'clauseSubject') {
      const host = this.hostVerb(i);
      return host < 0 || this.hostIsTrigger(p.words[i].token) ? { args: [] } : keep(this.subjectOf(host, 0).args);
    }
    if (slot === 'direct') return keep(p.children(i, ['obj', 'iobj']).flatMap((k) => this.actorsOf(k, 'object')));
    // "a threat by Washington", „der Angriff durch Russland“, "pressure from Kerry": the agent of the noun itself.
    if (slot === 'agent') {
      const own = this.prepArgs(i, [...this.v.lex.sets.nounAgents, ...this.v.lex.sets.sourceAgents], exclude);
      // „ermöglicht Militärhilfen für X durch die USA“: the parse hung the noun's agent on the verb right after it.
      return { args: own.length ? own : this.nounAgentPhrases(i).flatMap((k) => this.actorsOf(k, 'any')).filter((a) => !exclude.has(a.entity)) };
    }
    // "North Korean threats", "U.S. sanctions", „iranische Luftangriffe“: a name or demonym modifying the noun.
    if (slot === 'modifier') return keep(p.children(i, ['amod', 'compound', 'nmod:npmod']).filter((k) => k < i).map((k) => this.modifierActor(k)).filter((a): a is Arg => !!a));
    // A preposition: on the noun, or on the verb it depends on ("held talks with X" with "with X" on the verb).
    let hit = this.prepHit(i, slot, exclude);
    const host = this.hostVerb(i);
    if (!hit.args.length && host >= 0 && p.rel(i) !== 'nsubj') hit = this.prepHit(host, slot, exclude);
    return hit;
  }

  /**
   * The verb through which its subject receives the event noun at i ("received support", „erhielt Unterstützung“,
   * "with help from X, the army retook …"), or -1.
   */
  private receivingVerb(i: number): number {
    const p = this.p;
    const sets = this.v.lex.sets;
    // "erhielt im Wahlkampf Unterstützung": an apposition to an oblique noun is the verb's object the parser misattached
    const misattached = p.rel(i) === 'appos' && p.head(i) >= 0 && p.rel(p.head(i)) === 'obl';
    const h = misattached ? p.head(p.head(i)) : p.head(i);
    if (h < 0 || !p.isVerb(h)) return -1;
    if ((p.rel(i) === 'obj' || misattached || this.secondSubject(i, h) >= 0) && sets.receiveVerbs.has(p.lemma(h))) return h;
    return (p.rel(i) === 'obl' || p.rel(i) === 'nmod') && sets.receivePreps.has(p.caseOf(i)) ? h : -1;
  }

  /**
   * „Unterstützung erhielt X von Y“: the parser reads a fronted object noun as a subject beside the real one; that
   * other subject of the receiving verb, or -1.
   */
  private secondSubject(i: number, h: number): number {
    const p = this.p;
    if (p.rel(i) !== 'nsubj' || p.words[i].upos !== 'NOUN') return -1;
    return p.children(h, ['nsubj']).find((k) => k !== i && this.actorsOf(k, 'subject').length > 0) ?? -1;
  }

  /** Who receives the act: the receiving verb's subject (the other one where the parser made the noun a subject too). */
  private receivers(i: number, receiver: number): Arg[] {
    const other = this.secondSubject(i, receiver);
    return other >= 0 ? this.actorsOf(other, 'subject') : this.subjectOf(receiver, 0).args;
  }

  /**
   * Where a received act comes from: "from X", „von X“, „aus X“ on the noun or on the receiving verb, or where the
   * parser made the noun a subject, on the receiver's name right before it („erhielt X von Y“).
   */
  private sourceArgs(i: number, receiver: number): Arg[] {
    const sets = this.v.lex.sets;
    const preps = [...sets.nounAgents, ...sets.sourceAgents, ...sets.passiveAgents];
    const own = this.prepArgs(i, preps, new Set());
    if (own.length) return own;
    const onVerb = this.prepArgs(receiver, preps, new Set());
    const other = this.secondSubject(i, receiver);
    return onVerb.length || other < 0 ? onVerb : this.prepArgs(other, preps, new Set());
  }

  /**
   * "fell in a firefight with soldiers", „kam bei Gefechten mit Rebellen ums Leben“: a mutual act in an oblique phrase
   * of a clause has that clause's subject for its other side.
   */
  private sideOfClause(i: number, others: Arg[]): Arg[] {
    const p = this.p;
    const h = p.head(i);
    if (p.rel(i) !== 'obl' || !p.caseOf(i) || h < 0 || !p.isVerb(h)) return [];
    return this.subjectOf(h, 0).args.filter((a) => !others.some((o) => o.entity === a.entity));
  }

  /**
   * Who receives an act carried by a support verb: a recipient phrase on the noun or on the verb ("lent support to
   * X", "gave a warning to X"), else the verb's other object ("gave Kyiv support", „sicherte Kiew Unterstützung zu“).
   */
  private recipients(i: number, exclude: Set<string>): Arg[] {
    const p = this.p;
    const host = p.head(i);
    if (p.rel(i) !== 'obj' || host < 0 || !p.isVerb(host) || !this.supportVerb(host)) return [];
    const preps = [...this.v.lex.sets.recipientPreps];
    const own = this.prepArgs(i, preps, exclude);
    if (own.length) return own;
    const onVerb = this.prepArgs(host, preps, exclude);
    if (onVerb.length) return onVerb;
    // A second subject of the verb is a dative the parse misread („sprach der Ministerin seine Unterstützung aus“).
    const misread = p.children(host, ['nsubj']).slice(1);
    return [...p.children(host, ['iobj', 'obj', 'obl:arg']), ...misread].filter((k) => k !== i).flatMap((k) => this.actorsOf(k, 'object')).filter((a) => !exclude.has(a.entity));
  }

  /** The actor of a modifier word when a mention covers it. */
  private modifierActor(k: number): Arg | null {
    const m = this.v.mentionIdx(this.p.words[k].token);
    return m >= 0 ? this.resolve(m) : null;
  }

  private slot(i: number, slot: string, exclude: Set<string>): SlotHit | null {
    if (slot === 'direct') {
      const args = this.p.children(i, ['obj', 'iobj']).flatMap((k) => this.actorsOrOwner(k, 'object')).filter((a) => !exclude.has(a.entity));
      return { args };
    }
    if (slot === 'before' || slot === 'nominal' || slot === 'owner') return null;
    return this.prepHit(i, slot, exclude);
  }

  private prepHit(i: number, prep: string, exclude: Set<string>): SlotHit {
    const args = this.prepArgs(i, [prep], exclude);
    return { args, pair: prep === 'zwischen' || prep === 'between' };
  }

  private prepArgs(i: number, preps: string[], exclude: Set<string>): Arg[] {
    const p = this.p;
    return p.children(i, ['obl', 'nmod']).filter((k) => preps.includes(p.caseOf(k)))
      .flatMap((k) => this.actorsOrOwner(k, 'any')).filter((a) => !exclude.has(a.entity));
  }

  /**
   * The actors of a nominal, else the owner of a common noun that is no actor: "criticised the decision of the
   * court", „forderte die Freilassung Kavalas“, "welcomed Putin's announcement" — the act stands for its author.
   */
  private actorsOrOwner(k: number, role: 'subject' | 'object' | 'any'): Arg[] {
    const own = this.actorsOf(k, role);
    const p = this.p;
    const tok = p.words[k].token;
    if (!this.owners || own.length || p.words[k].upos !== 'NOUN' || this.v.mentionIdx(tok) >= 0) return own;
    // "sanctioned Baltmar's chief executive, Pavel Orlov": a noun with a name apposed is that name's, left to the word-order rules.
    if (this.v.w(tok + 1) === ',' && this.v.mentionIdx(tok + 2) >= 0) return own;
    if (this.personalOwners && !this.personNoun(this.v.w(tok))) return own;
    const named = p.kids[k].some((c) => c > k && !p.caseOf(c) && !p.words[c].deprel.endsWith(':poss') && !(this.v.lex.grammar.capitalizedNouns && this.genitive(c)) && this.v.mentionIdx(p.words[c].token) >= 0);
    if (named) return own;
    const owners = p.children(k, ['nmod', 'det']).filter((c) => {
      const r = p.words[c].deprel;
      if (r === 'nmod:poss' || r === 'det:poss') return true;
      if (p.rel(c) !== 'nmod') return false;
      const prep = p.caseOf(c);
      // "condemned the attack by Russia": the agent of the noun is its owner too.
      return prep ? this.v.lex.sets.ownerPreps.has(prep) || this.v.lex.sets.nounAgents.has(prep) : this.v.lex.grammar.capitalizedNouns && this.genitive(c);
    });
    // "blocked the takeover of A by B": the actor of the act is its agent, before the owner of its theme.
    const agents = this.nounAgentPhrases(k);
    const agentArgs = agents.flatMap((c) => this.actorsOf(c, 'any'));
    if (agentArgs.length) return agentArgs;
    return owners.flatMap((c) => this.actorsOf(c, 'any'));
  }

  /**
   * The agent phrases of a noun ("by B", „durch B“): on the noun, on a name modifying it (a name takes no agent:
   * „die Übernahme von A durch B“ with „durch B“ on A), or hung by the parse on the verb right after the noun's phrase.
   */
  private nounAgentPhrases(k: number): number[] {
    const p = this.p;
    const agentPrep = (c: number) => this.v.lex.sets.nounAgents.has(p.caseOf(c));
    const mods = p.children(k, ['nmod']);
    const own = [...mods, ...mods.filter((c) => p.words[c].upos === 'PROPN').flatMap((c) => p.children(c, ['nmod']))].filter(agentPrep);
    if (own.length) return own;
    const h = p.head(k);
    if (h < 0 || !p.isVerb(h) || p.rel(k) !== 'obj') return [];
    const end = this.lastWord(k);
    return p.children(h, ['obl']).filter((c) => agentPrep(c) && this.firstWord(c) === end + 1);
  }

  private lastWord(i: number): number { return Math.max(i, ...this.p.kids[i].map((k) => this.lastWord(k))); }
  private firstWord(i: number): number { return Math.min(i, ...this.p.kids[i].map((k) => this.firstWord(k))); }

  /** A noun for people: a role ("leaders", "minister") or a group ("officials", „Beamte“). */
  private personNoun(word: string): boolean {
    return !!roleRuleFor(this.v.lex, word) || endsWithAny(word, this.v.lex.sets.groupNouns);
  }

  /**
   * The verb whose object holds an event noun is a trigger of its own, not a support verb ("verurteilte die
   * Luftangriffe auf Israel", "condemned the attack"): the noun is what that verb is about, and its subject is not the noun's.
   */
  hostIsTrigger(t: number): boolean {
    const i = this.p.wordOf(t);
    if (i < 0) return false;
    const host = this.hostVerb(i);
    if (host < 0) return false;
    // Only the verb's object or topic is what it is about ("verhandelte über eine Koalition"): "meets X on a
    // three-day trip" keeps the trip the subject's.
    let j = i;
    while (this.p.head(j) !== host) j = this.p.head(j);
    if (this.p.rel(j) !== 'obj' && !this.v.lex.sets.topicPreps.has(this.p.caseOf(j))) return false;
    const lex = this.v.lex;
    const lemma = this.p.lemma(host);
    if (this.supportVerb(host)) return false;
    // An event verb of its own; entries that need a word in the clause („machte … aus“, "sucht … auf") are light verbs.
    const isVerbEntry = (xs: { spec: TriggerSpec; family: string }[] | undefined) =>
      !!xs?.some((e) => e.spec.pos === 'verb' && e.family === 'event' && !e.spec.requires?.length && !e.spec.requiresAny?.length);
    return isVerbEntry(lex.byForm.get(this.p.words[host].form.toLowerCase())) || isVerbEntry(lex.byLemma.get(lemma));
  }

  /** The verb an event noun depends on, through at most two nominal steps, or -1. */
  private hostVerb(i: number): number {
    const p = this.p;
    let j = i;
    for (let n = 0; n < 3; n++) {
      if (!NOUN_HOST_RELS.has(p.rel(j))) return -1;
      const h = p.head(j);
      if (h < 0) return -1;
      if (p.isVerb(h)) return h;
      if (!p.isNoun(h)) return -1;
      j = h;
    }
    return -1;
  }

  /** Subject of a verb; `inherited` when it comes from a verb above (coordination, control, relative clause). */
  subjectOf(i: number, depth: number): { args: Arg[]; inherited: boolean } {
    const p = this.p;
    const own = p.children(i, ['nsubj']).filter((k) => p.words[k].deprel !== 'nsubj:pass');
    if (own.length) {
      const s = own[0];
      if (p.feat(s, 'PronType') === 'Rel') return { args: this.antecedent(s), inherited: true };
      // "Die Finanzminister Chiles und Perus berieten sich": a subject that is no actor stands for its owners.
      return { args: this.actorsOrOwner(s, 'subject'), inherited: false };
    }
    const h = p.head(i);
    if (depth >= MAX_CLIMB || h < 0) return { args: [], inherited: false };
    const r = p.rel(i);
    // "officials meeting X", "the minister, meeting X on Monday, said": an active participle on a noun is that noun's act.
    if (r === 'acl' && p.words[i].deprel === 'acl' && this.activeParticiple(i) && p.isNoun(h) && this.nextTo(h, i)) return { args: this.actorsOf(h, 'subject'), inherited: true };
    if (!p.isVerb(h)) return { args: [], inherited: false };
    // "After meeting X, Netanyahu said", "spoke to X, thanking him": an active participle adjunct shares its clause's subject.
    const infinitive = p.feat(i, 'VerbForm') === 'Inf';
    // Only for the participle itself: an infinitive below it ("by charging fees for X to visit …") has its own subject.
    if (r === 'advcl' && !infinitive && this.activeParticiple(i)) {
      if (depth > 0) return { args: [], inherited: false };
      const up = this.subjectOf(h, depth + 1).args;
      return { args: up.filter((a) => this.adjunctSubject(i, h, a)), inherited: true };
    }
    if (r === 'xcomp' && this.v.lex.sets.objectControl.has(p.words[h].form.toLowerCase())) {
      const obj = p.children(h, ['obj', 'iobj']).flatMap((k) => this.actorsOf(k, 'object'));
      if (obj.length) return { args: obj, inherited: true };
    }
    if (INHERIT_RELS.has(r) || (infinitive && (r === 'advcl' || r === 'ccomp'))) {
      return { args: this.subjectOf(h, depth + 1).args, inherited: true };
    }
    return { args: [], inherited: false };
  }

  /** A gerund or present participle ("meeting", „lächelnd“): its subject is the one of the clause or noun it hangs on. */
  private activeParticiple(i: number): boolean {
    const p = this.p;
    const form = p.feat(i, 'VerbForm');
    return form === 'Ger' || (form === 'Part' && p.feat(i, 'Tense') === 'Pres' && p.feat(i, 'Voice') !== 'Pass');
  }

  /**
   * Does the clause's subject reach a participle adjunct? Only where the adjunct is set off as one: opened by a
   * conjunction ("after meeting X", "while objecting to …"), or fronted and closed by a comma before the subject
   * ("Meeting X on Monday, Netanyahu said"); a misparsed object ("after meeting France's Ayrault, Netanyahu") stays out.
   */
  private adjunctSubject(i: number, h: number, a: Arg): boolean {
    const p = this.p;
    const marked = p.children(i, ['mark']).some((k) => this.v.lex.sets.adjunctMarks.has(p.words[k].form.toLowerCase()));
    if (i > h) return marked;
    if (a.mention < 0) return false;
    const start = this.v.mention(a.mention).tokenStart;
    let end = p.words[this.lastWord(i)].token;
    while (end > p.words[i].token && this.v.isPunct(end)) end--;
    if (start <= end) return false;
    for (let t = end + 1; t < start; t++) if (this.v.w(t) === ',') return true;
    return false;
  }

  /** Does the participle phrase at i follow the noun h right away or after a comma ("rebels battling X", "Obama, meeting X,")? */
  private nextTo(h: number, i: number): boolean {
    const p = this.p;
    const before = p.words[this.firstWord(i)].token - 1;
    if (this.v.w(before) === ',') return true;
    const m = this.v.mentionIdx(before);
    return before === p.words[h].token || (m >= 0 && m === this.v.mentionIdx(p.words[h].token));
  }

  /** The actor a relative pronoun stands for: the noun its clause modifies, else the actor named right before it. */
  private antecedent(rel: number): Arg[] {
    const p = this.p;
    let clause = p.head(rel);
    while (clause >= 0 && p.rel(clause) !== 'acl' && p.isVerb(clause) && p.rel(clause) === 'conj') clause = p.head(clause);
    const h = clause >= 0 ? p.head(clause) : -1;
    // "Germany's chancellor, who met X": an antecedent that is no actor stands for its owner, as a subject does.
    if (h >= 0 && p.rel(clause) === 'acl' && p.isNoun(h)) return this.actorsOrOwner(h, 'subject');
    for (let t = p.words[rel].token - 1; t >= this.v.from && t >= p.words[rel].token - 2; t--) {
      if (this.v.isPunct(t)) continue;
      const k = this.v.mentionIdx(t);
      const a = k >= 0 ? this.resolve(k) : null;
      return a ? [a] : [];
    }
    return [];
  }

  /** Genitive case on the noun or its article ("der USA", „Trumps“). */
  private genitive(k: number): boolean {
    const p = this.p;
    if (p.feat(k, 'Case') === 'Gen') return true;
    return p.children(k, ['det']).some((d) => p.feat(d, 'Case') === 'Gen');
  }

  /** The actors a nominal stands for, with its coordinated conjuncts ("die USA, Großbritannien und Jordanien"). */
  actorsOf(i: number, role: 'subject' | 'object' | 'any'): Arg[] {
    const out: Arg[] = [];
    const push = (a: Arg | null) => { if (a && !out.some((x) => x.entity === a.entity)) out.push(a); };
    push(this.actorAt(i, role));
    // Conjuncts hang on the head noun or on the name apposed to it ("dem Präsidenten Macron und Stoltenberg").
    const heads = [i, ...this.p.children(i, ['appos', 'flat'])];
    for (const h of heads) {
      for (const c of this.p.children(h, ['conj'])) if (this.p.isNoun(c) || this.p.words[c].upos === 'PRON') push(this.actorAt(c, role));
    }
    return out;
  }

  private actorAt(i: number, role: 'subject' | 'object' | 'any'): Arg | null {
    const v = this.v;
    const w = this.p.words[i];
    const k = v.mentionIdx(w.token);
    if (k >= 0) {
      const surface = v.doc.text.slice(v.mention(k).start, v.mention(k).end).toLowerCase();
      if (role === 'subject' && v.lex.sets.objectPronouns.has(surface)) return null;
      if (role === 'object' && v.lex.sets.subjectPronouns.has(surface)) return null;
      const a = this.resolve(k);
      if (a) return a;
    }
    for (const c of [...this.p.children(i, PHRASE_RELS), ...this.apposedNames(i)]) {
      const j = v.mentionIdx(this.p.words[c].token);
      if (j >= 0) { const a = this.resolve(j); if (a) return a; }
    }
    return null;
  }

  /**
   * Names set off by a comma right after a noun that the parse hung on it as a modifier without a preposition
   * ("Borduria's navy commander, Admiral Jan Novak"): appositions, the name's last word carrying the phrase.
   */
  private apposedNames(i: number): number[] {
    const p = this.p;
    if (p.words[i].upos !== 'NOUN') return [];
    return p.children(i, ['nmod']).filter((c) => c > i && p.words[c].upos === 'PROPN' && !p.caseOf(c) && p.words[c].deprel === 'nmod'
      && this.commaBefore(c) && this.lastWordBefore(c) === i)
      .flatMap((c) => [c, ...p.children(c, ['compound', 'flat'])]);
  }

  /** Does a comma open the phrase of c (the parse may hang the comma inside it)? */
  private commaBefore(c: number): boolean {
    let first = this.firstWord(c);
    while (first < c && this.p.rel(first) === 'punct') first++;
    return this.v.w(this.p.words[first].token - 1) === ',';
  }

  /** The last word of i's phrase before the child c starts (its own words and its earlier children). */
  private lastWordBefore(c: number): number {
    const p = this.p;
    const h = p.head(c);
    const earlier = p.kids[h].filter((k) => k < c && k > h && p.rel(k) !== 'punct');
    return earlier.length ? Math.max(...earlier.map((k) => this.lastWord(k))) : h;
  }
}

/**
 * Subject slots of an event noun with the agent phrase tried before the clause's subject (a noun's own words outrank
 * the clause around it) and the modifying name last.
 */
function withNounAgents(slots: readonly string[]): string[] {
  const at = slots.findIndex((x) => x === 'clauseSubject' || x === 'supportSubject');
  // The modifier comes after the clause subject: "Ellison offered U.S. support" is Ellison's.
  // Without a clause slot of its own, a noun a support verb carries takes that verb's subject ("Russia lent support").
  return at < 0 ? [...slots, 'agent', 'supportSubject', 'modifier'] : [...slots.slice(0, at), 'agent', ...slots.slice(at), 'modifier'];
}
