/**
 * Ties from roles: role nouns in appositions ("Japans neuer US-Botschafter, Shigeo Yamada" → Yamada
 * represents Japan; "Robert O'Brien, Trumps ehemaliger Sicherheitsberater" → advises Trump, former) and
 * the roles the entities stage attached to its actors (entity.roles with `of`).
 */
import type { Modality, Role } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import type { CompiledLexicon, RoleRule } from './lexicon.js';
import type { ArgumentFinder } from './arguments.js';
import type { Arg } from './types.js';
import { compoundPrefix, formsOf, roleRuleFor } from './role-rules.js';
import { isPartialMention, isPossessiveMention } from './sentence-view.js';
import type { SentenceView } from './sentence-view.js';
import type { Draft } from './draft.js';
import { ModalityReader } from './modality.js';
import { partyNamedBy, partyOfWord } from './party-words.js';
import { datelineCountry, holdsOffice, homeCountry, inferredCountry, isParty, isStateTitle, officeOf, outletCountry, sentenceCountry, titleIn } from './role-offices.js';

/** The last word of a multi-word title ("national security adviser") or the title itself. */
function headWord(title: string): string {
  const words = title.trim().split(/\s+/);
  return words[words.length - 1] ?? title;
}

const statusCache = new WeakMap<CompiledLexicon, [Modality, RegExp][]>();
function statusPatterns(lex: CompiledLexicon): [Modality, RegExp][] {
  let p = statusCache.get(lex);
  if (!p) {
    p = [];
    for (const [mod, words] of Object.entries(lex.roles.status) as [Modality, string[]][]) {
      for (const w of words) {
        const esc = w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '*' ? '*' : '\\' + c)).replace(/\*/g, '[\\p{L}-]*');
        p.push([mod, new RegExp('^' + esc + '$', 'u')]);
      }
    }
    statusCache.set(lex, p);
  }
  return p;
}

/** "ehemaliger", "former", "designierte" in the words before a role noun (or glued: "Ex-Berater"). */
function roleStatus(v: SentenceView, t: number): Modality {
  const pats = statusPatterns(v.lex);
  for (let u = Math.max(v.from, t - 4); u <= t; u++) {
    const w = v.w(u);
    for (const [mod, re] of pats) {
      if (re.test(w) || (u === t && w.includes('-') && re.test(w.split('-')[0] + '-'))) return mod;
    }
    if (u < t - 1 && v.isPunct(u)) continue;
  }
  return 'asserted';
}

function roleTie(rule: RoleRule, holder: Arg, of: Arg, v: SentenceView, layer: EntityLayer, title: string): { predicate: string; subject: Arg; object: Arg } {
  return tieFor(v.lex, rule, holder, of, layer, title);
}

/**
 * The tie a role makes between its holder and whom it is of. "Machidas ehemaliger Chef": a person's boss — the
 * person works for the holder; "Trumps Kabinettsmitglieder": membership of a person's circle is employment by that
 * person; an office of state named with a party is membership of the party.
 */
export function tieFor(lex: CompiledLexicon, rule: RoleRule, holder: Arg, of: Arg, layer: EntityLayer, title?: string): { predicate: string; subject: Arg; object: Arg } {
  const o = layer.byId.get(of.entity);
  if (rule.predicate === 'leads' && o?.type === 'person') return { predicate: 'works_for', subject: of, object: holder };
  if (rule.predicate === 'member_of' && o?.type === 'person') return { predicate: 'works_for', subject: holder, object: of };
  // "Labour-Premier", "SPD-Verteidigungsminister": an office of state named with a party is membership of the party.
  if (isParty(layer, of.entity) && isStateOffice(lex, rule)) return { predicate: 'member_of', subject: holder, object: of };
  // "Vizepräsident JD Vance": a deputy head of a country works for it.
  if (rule.predicate === 'leads' && title && o?.type === 'location' && o.kind === 'country' && titleIn(lex, lex.roles.deputyTitles, title)) return { predicate: 'works_for', subject: holder, object: of };
  return { predicate: rule.predicate, subject: holder, object: of };
}

/** Role nouns in appositions and copulas of one sentence. */
export function appositionTies(v: SentenceView, f: ArgumentFinder, layer: EntityLayer): Draft[] {
  const out: Draft[] = [];
  const { sets } = v.lex;
  for (let t = v.from; t < v.to; t++) {
    if (v.isPunct(t) || (v.lex.grammar.capitalizedNouns && !v.isCapitalized(t))) continue;
    // Two-word titles first: "prime minister" leads, "minister" works for.
    // Three-word titles: "chief of staff".
    let rule = t - 1 > v.from && !v.isPunct(t - 1) ? roleRuleFor(v.lex, v.w(t - 2) + ' ' + v.w(t - 1) + ' ' + v.w(t)) : null;
    let titleStart = rule ? t - 2 : t;
    if (!rule && t > v.from) { rule = roleRuleFor(v.lex, v.w(t - 1) + ' ' + v.w(t)); if (rule) titleStart = t - 1; }
    if (!rule) rule = roleRuleFor(v.lex, v.w(t));
    if (!rule) continue;
    // "chief technology officer": a role word opening a longer title is read at the title's end.
    if (t + 1 < v.to && !v.isPunct(t + 1) && (formsOf(v.lex).has(v.w(t) + ' ' + v.w(t + 1)) || (t + 2 < v.to && formsOf(v.lex).has(v.w(t) + ' ' + v.w(t + 1) + ' ' + v.w(t + 2))))) continue;
    const own = v.mentionIdx(t);
    // A role word inside an actor's name ("Sasakawa Peace Foundation") is no role; a description mention is the holder.
    let holder: Arg[] = [];
    if (own >= 0 && !isPartialMention(v, v.mention(own))) {
      const m = v.mention(own);
      if (m.kind !== 'description') continue;
      holder = [{ entity: m.entity, mention: own, via: 'mention' }];
    }
    // "Der CDU-Politiker sagte …": a description whose head names the party (src/references/open-references.ts).
    const described = v.describedHeads.get(t);
    if (described !== undefined) holder = [{ entity: v.mention(described).entity, mention: -1, via: 'mention' }];
    // Whose role is it?
    let of: Arg | null = f.possessorBefore(t);
    let ofEnd = t + 1;
    if (!of) {
      const gen = f.genitiveAfter(t);
      if (gen) { of = gen; ofEnd = gen.mention >= 0 ? v.mention(gen.mention).tokenEnd : t + 1; }
    }
    // "allies of Washington": a name right after the role's preposition outranks a name before the role.
    const ofAfter = sets.ownerPreps.has(v.w(t + 1)) && v.mentionIdx(t + 2) >= 0;
    if (!of && !v.lex.grammar.capitalizedNouns && !ofAfter) {
      // English attributive names: "U.S. ambassador", "Autovia chief executive".
      // Before the whole title: "U.S. Secretary of State".
      let u = Math.min(t - 1, titleStart - 1);
      if (u === t - 1 && roleRuleFor(v.lex, v.w(t - 1) + ' ' + v.w(t)) === rule && t - 2 >= v.from) u = t - 2;
      while (u >= v.from && v.isLowerWord(u) && !sets.prepositions.has(v.w(u)) && !sets.verbLike.has(v.w(u))) u--;
      const k = v.mentionIdx(u);
      if (k >= 0 && v.mention(k).tokenEnd === u + 1 && v.layer.byId.get(v.mention(k).entity)?.type !== 'person' && !isPossessiveMention(v, v.mention(k))) of = { entity: v.mention(k).entity, mention: k, via: 'mention' };
    }
    if (!of) {
      // "adviser to Trump", "Berater von Trump", "Fellow bei X": a preposition right after the noun.
      const x = v.w(t + 1);
      if (sets.prepositions.has(x) && (v.lex.roles.ofPreps ?? []).includes(x) && !rule.notOf?.includes(x)) {
        for (const k of f.mentionsIn(t + 2, Math.min(v.to, t + 8))) {
          const gp = f.governingPrep(k);
          if (!gp || gp.at !== t + 1) break;
          const a = f.resolve(k);
          if (a) { of = a; ofEnd = v.mention(k).tokenEnd; }
          break;
        }
      }
    }
    if (!of) {
      // "der japanische Botschafter": a demonym in the noun phrase.
      for (let u = t - 1; u >= Math.max(v.from, t - 3); u--) {
        const k = v.mentionIdx(u);
        if (k >= 0) { if (v.mention(k).kind === 'demonym') of = { entity: v.mention(k).entity, mention: k, via: 'affiliation' }; break; }
        // English titles are capitalized: "Polish Foreign Minister Tomasz Wrona".
        if (!v.isLowerWord(u) && (v.lex.grammar.capitalizedNouns || !v.isCapitalized(u))) break;
      }
    }
    if (!of && rule.compoundOf && (own < 0 || isPartialMention(v, v.mention(own)))) {
      // "US-Beamter", "CDU-Chef": the compound prefix names the employer or the body led.
      const k = v.mentionIdx(t);
      const m = k >= 0 ? v.mention(k) : null;
      if (m && isPartialMention(v, m) && m.start === v.doc.tokens[t].start) of = { entity: m.entity, mention: k, via: 'affiliation' };
      else for (const j of v.mentions) {
        const mj = v.mention(j);
        if (mj.tokenStart === t && mj.start === v.doc.tokens[t].start && isPartialMention(v, mj)) { of = { entity: mj.entity, mention: j, via: 'affiliation' }; break; }
      }
      // „Bundestagsabgeordnete“: a prefix the entities stage left unmarked that names an actor of the article.
      if (!of && own < 0) {
        const id = actorNamed(layer, compoundPrefix(v.lex, v.w(t)));
        if (id) of = { entity: id, mention: -1, via: 'affiliation' };
      }
    }
    if (!of && rule.predicate !== 'leads' && rule.predicate !== 'member_of') of = pronounOwner(v, f, titleStart, layer, holderTypes(rule));
    // "hired Raman … as its new chief executive", "stepped down as chief executive of Streamline": a role after "as".
    const marker = roleMarkerBefore(v, f, titleStart);
    if (!of && marker >= 0) {
      const subj = f.sentenceSubject(v.clauseAt(t) + 1).find((a) => { const ty = layer.byId.get(a.entity)?.type; return ty === 'organization' || ty === 'location'; });
      if (subj) of = subj;
    }
    if (!of) continue;
    // "Republican candidate Donald Trump": a party word names the party the article calls "Republican Party".
    if (of.mention >= 0 && v.mention(of.mention).tokenEnd === v.mention(of.mention).tokenStart + 1 && !isParty(layer, of.entity)) {
      const party = partyOfWord(v, v.mention(of.mention).tokenStart, layer);
      if (party) of = { ...of, entity: party };
    }
    // Who holds it? An apposed name after (", Shigeo Yamada"), before ("Robert O'Brien, Trumps …"), or directly after ("Präsident Joe Biden").
    const holds = holderTypes(rule);
    if (!holder.length) holder = holderAfter(v, f, Math.max(ofEnd, t + 1), holds);
    if (!holder.length) holder = holderBefore(v, f, titleStart, holds);
    if (!holder.length) holder = holderByCopula(v, f, t, holds);
    if (!holder.length) holder = holderByExemplars(v, f, t);
    if (!holder.length && marker >= 0) holder = personBefore(v, f, marker);
    let status = roleStatus(v, t);
    if (marker >= 0 && status === 'asserted' && holder.length && endsRole(v, holder[0].mention >= 0 ? v.mention(holder[0].mention).tokenEnd : v.from, v.clauses[v.clauseAt(t)].end)) status = 'former';
    // "will join Kestrel as chief technology officer": a plan or condition in the clause before "as" governs the role.
    if (marker >= 0 && status === 'asserted') {
      const cue = new ModalityReader(v).clauseCue([[v.clauses[v.clauseAt(marker)].start, marker]]);
      if (cue === 'planned' || cue === 'hypothetical') status = cue;
    }
    for (const h of holder) {
      if (h.entity === of.entity) continue;
      const hType = layer.byId.get(h.entity)?.type;
      if (hType && hType !== 'person' && hType !== 'organization' && !(hType === 'location' && holds.has(hType))) continue;
      const title = v.doc.text.slice(v.doc.tokens[titleStart].start, v.doc.tokens[t].end);
      const office = officeOf(v.lex, layer, of.entity, title);
      if (!holdsOffice(v.lex, layer, office, rule)) continue;
      const tie = roleTie(rule, h, { ...of, entity: office }, v, layer, title);
      out.push({
        subject: tie.subject, object: tie.object, predicate: tie.predicate, family: 'tie',
        modality: status, sentence: v.index, clause: v.clauseAt(t), token: t, fromRole: true,
        confidence: 0.75 * (h.via === 'mention' ? 1 : 0.9) * (of.via === 'mention' ? 1 : 0.9),
      });
    }
  }
  return out;
}

/**
 * "ehrte Anna Roth, ihren älteren Bruder", "whose mother, Jane Doe": a possessive pronoun before
 * a role (adjectives between) is of the person the sentence is about — its first main clause's subject. Not for
 * leading roles and memberships ("Sie und ihre Co-Fraktionschefin" shares a post).
 */
function pronounOwner(v: SentenceView, f: ArgumentFinder, titleStart: number, layer: EntityLayer, holds: Set<string>): Arg | null {
  for (let u = titleStart - 1; u >= Math.max(v.from, titleStart - 3); u--) {
    if (v.lex.refs.possessives.has(v.w(u))) {
      if (v.mentionIdx(u) >= 0) return null;
      // "Biden und dessen Ehefrau Jill", "die DEA … deren Chef": a possessive relative is of the actor just named.
      if (v.lex.refs.possessiveRelatives.has(v.w(u))) {
        const k = v.mentionIdx(u - 1);
        return k >= 0 ? f.resolve(k) : null;
      }
      // "Washington reassured its allies": an ally is of a country or organisation too.
      const subject = f.sentenceSubject(v.clauseAt(u) + 1).find((a) => holds.has(layer.byId.get(a.entity)?.type ?? ''));
      return subject ?? null;
    }
    if (!v.isLowerWord(u)) return null;
  }
  return null;
}

/** The "as"/"als"/"zum" standing before a role noun phrase ("as its new chief executive"), or -1. */
function roleMarkerBefore(v: SentenceView, f: ArgumentFinder, t: number): number {
  const markers = v.lex.roles.markers ?? [];
  for (let u = t - 1; u >= Math.max(v.from, t - 5); u--) {
    const w = v.w(u);
    if (markers.includes(w)) return u;
    const k = v.mentionIdx(u);
    if (k >= 0) { if (isPossessiveMention(v, v.mention(k))) { u = v.mention(k).tokenStart; continue; } return -1; }
    if (v.isPunct(u) || v.lex.sets.prepositions.has(w) || v.lex.sets.verbLike.has(w)) return -1;
    if (!(v.isLowerWord(u) || v.lex.sets.possessiveTokens.has(w) || (!v.lex.grammar.capitalizedNouns && v.isCapitalized(u)))) return -1;
  }
  void f;
  return -1;
}

const actorNames = new WeakMap<EntityLayer, Map<string, string>>();
/** The organisation or country of the article with this name (lower case), or null. */
function actorNamed(layer: EntityLayer, name: string | null): string | null {
  if (!name) return null;
  let m = actorNames.get(layer);
  if (!m) {
    m = new Map();
    for (const e of layer.entities) {
      if (e.type !== 'organization' && !(e.type === 'location' && e.kind === 'country')) continue;
      for (const n of [e.name, ...e.aliases]) if (!m.has(n.toLowerCase())) m.set(n.toLowerCase(), e.id);
    }
    actorNames.set(layer, m);
  }
  return m.get(name) ?? null;
}

/** The nearest person named before token t in the sentence. */
function personBefore(v: SentenceView, f: ArgumentFinder, t: number): Arg[] {
  for (let i = v.mentions.length - 1; i >= 0; i--) {
    const m = v.mention(v.mentions[i]);
    if (m.tokenStart >= t || isPossessiveMention(v, m)) continue;
    if (v.layer.byId.get(m.entity)?.type === 'person') { const a = f.resolve(v.mentions[i]); return a ? [a] : []; }
  }
  return [];
}

/** "stepped down as", "ist als Chef zurückgetreten": a verb ending the role, between the holder and the end of the role's clause. */
function endsRole(v: SentenceView, a: number, b: number): boolean {
  for (const phrase of v.lex.roles.endVerbs ?? []) {
    const words = phrase.toLowerCase().split(/\s+/);
    // "has served as chief executive since 2019" is still going on.
    for (let t = a; t + words.length <= b; t++) if (words.every((w, i) => v.w(t + i) === w) && !v.lex.sets.perfectAuxiliaries.has(v.w(t - 1))) return true;
  }
  return false;
}


/**
 * Who may hold a role: a person; an ally may also be a country or an organisation ("its allies Norway and
 * Chile", „Syrien ist ein enger Verbündeter der Hisbollah“).
 */
const PERSON_HOLDER = new Set(['person']);
const ALLY_HOLDER = new Set(['person', 'organization', 'location']);
function holderTypes(rule: RoleRule): Set<string> {
  return rule.predicate === 'close_to' ? ALLY_HOLDER : PERSON_HOLDER;
}

function personAt(v: SentenceView, f: ArgumentFinder, t: number, holds: Set<string> = PERSON_HOLDER): Arg[] {
  const k = v.mentionIdx(t);
  if (k < 0 || v.mention(k).tokenStart !== t) return [];
  const e = v.layer.byId.get(v.mention(k).entity);
  if (!e || !holds.has(e.type) || (e.type === 'location' && e.kind !== 'country')) return [];
  const a = f.resolve(k);
  // "its allies Norway and Chile": allies come in lists.
  return a ? (holds === ALLY_HOLDER ? f.expand(k, a) : [a]) : [];
}

function holderAfter(v: SentenceView, f: ArgumentFinder, from: number, holds: Set<string>): Arg[] {
  let u = from;
  // "ambassador to Washington, Koji Tanaka": step over a short prepositional phrase to the comma.
  if (v.lex.sets.prepositions.has(v.w(u))) {
    let w = u + 1;
    while (w < Math.min(v.to, u + 5) && v.w(w) !== ',' && !v.lex.sets.verbLike.has(v.w(w))) w++;
    if (v.w(w) === ',') u = w;
  }
  if (v.w(u) === ',') {
    u++;
    // "Sein Verteidiger, der Münchner Anwalt Konstantin Berger": a described name after an article (at least one
    // descriptive word, so that a relative pronoun before a name — "Berater, der Pence kritisierte" — is no holder).
    if (v.lex.sets.determiners.has(v.w(u)) && v.mentionIdx(u + 1) < 0) {
      let w = u + 1;
      const plain = (x: number) => v.mentionIdx(x) < 0 && !v.isPunct(x) && !v.lex.sets.prepositions.has(v.w(x)) && !v.lex.sets.verbLike.has(v.w(x)) && !v.lex.byForm.has(v.w(x));
      while (w < Math.min(v.to, u + 5) && plain(w)) w++;
      if (w > u + 1) {
        const held = personAt(v, f, w, holds);
        if (held.length) return held;
      }
    }
  }
  // "Secretary of State Antony Blinken": the rest of a multi-word title before the name.
  for (let n = 0; n < 3 && personAt(v, f, u, holds).length === 0 && (v.w(u) === 'of' || (v.isCapitalized(u) && v.mentionIdx(u) < 0)); n++) u++;
  return personAt(v, f, u, holds);
}

function holderBefore(v: SentenceView, f: ArgumentFinder, t: number, holds: Set<string>): Arg[] {
  // Walk back over the role's noun phrase ("Trumps ehemaliger nationaler") to a comma after a name.
  let u = t - 1;
  const stop = (x: string) => v.lex.sets.prepositions.has(x) || v.lex.sets.verbLike.has(x) || v.lex.byForm.get(x)?.some((e) => e.spec.pos === 'verb');
  while (u >= v.from && u >= t - 5 && !v.isPunct(u) && !stop(v.w(u)) && (v.isLowerWord(u) || v.mentionIdx(u) >= 0 || v.lex.sets.possessiveTokens.has(v.w(u)) || (!v.lex.grammar.capitalizedNouns && v.isCapitalized(u)))) {
    const k = v.mentionIdx(u);
    u = k >= 0 ? v.mention(k).tokenStart - 1 : u - 1;
  }
  if (v.w(u) !== ',' || u - 1 < v.from) return [];
  const k = v.mentionIdx(u - 1);
  if (k < 0) return [];
  return personAt(v, f, v.mention(k).tokenStart, holds);
}

function holderByCopula(v: SentenceView, f: ArgumentFinder, t: number, holds: Set<string>): Arg[] {
  const ci = v.clauseAt(t);
  const c = v.clauses[ci];
  // "bei der Wahl des LDP-Vorsitzenden": a role inside a prepositional or genitive phrase is not the predicate.
  const x = v.w(t - 1);
  if (v.lex.sets.genitiveArticles.has(x) || v.lex.sets.prepositions.has(x) || (v.lex.sets.determiners.has(x) && v.lex.sets.prepositions.has(v.w(t - 2)))) return [];
  for (let u = c.start; u < t; u++) {
    if (!v.lex.sets.copulas.has(v.w(u))) continue;
    const subj = f.subjectOf(ci, u).args;
    return subj.filter((a) => { const e = v.layer.byId.get(a.entity); return !!e && holds.has(e.type) && (e.type !== 'location' || e.kind === 'country'); });
  }
  return [];
}

function holderByExemplars(v: SentenceView, f: ArgumentFinder, t: number): Arg[] {
  const ci = v.clauseAt(t);
  if (v.tail(v.clauses[ci]) !== t) return [];
  // "Trumps ehemalige Kabinettsmitglieder, die …, – wie Pence, Mattis und Pompeo –", "… members who …, such as Pence, …".
  for (let n = ci + 1; n < Math.min(v.clauses.length, ci + 3); n++) {
    const next = v.clauses[n];
    if (next.kind !== 'relative' && next.kind !== 'apposition') break;
    const ex = f.exemplars(next);
    if (ex.length) return ex;
  }
  return [];
}

/** The role rule of a title, longest known title first: "chief executive officer" leads, "chief technology officer" works for. */
export function ruleForTitle(lex: CompiledLexicon, title: string): RoleRule | null {
  const words = title.trim().toLowerCase().split(/\s+/);
  return (words.length > 2 ? formsOf(lex).get(words.slice(-3).join(' ')) ?? null : null)
    ?? (words.length > 1 ? roleRuleFor(lex, words.slice(-2).join(' ')) : null) ?? roleRuleFor(lex, headWord(title)) ?? roleRuleFor(lex, title);
}

/** An office of state only (lang/<code>/relations/roles.json stateOffices): "Premier", "Verteidigungsminister". */
function isStateOffice(lex: CompiledLexicon, rule: RoleRule | null): boolean {
  return !!rule && rule.nouns.some((n) => lex.roles.stateOffices?.includes(n));
}

/** Ties from the role phrases the entities stage found (holder and `of` both known) and from entity.roles. */
export function entityRoleTies(layer: EntityLayer, lex: CompiledLexicon, sentenceOf: (charPos: number) => number, sentences: { start: number; end: number }[] = [], source: string | null = null, text?: string): Draft[] {
  const out: Draft[] = [];
  const push = (holderId: string, ofId: string, title: string, status: Role['status'], pos: number, confidence = ROLE_TIE_CONFIDENCE) => {
    if (holderId === ofId || !layer.byId.has(holderId) || !layer.byId.has(ofId)) return;
    const rule = ruleForTitle(lex, title);
    if (!rule) return;
    const holder: Arg = { entity: holderId, mention: -1, via: 'mention' };
    // "Republican candidate X": the entities stage's "Republican" stands for the party the article names.
    const party = isParty(layer, ofId) ? null : partyNamedBy(lex, layer, layer.byId.get(ofId)!.name);
    const of: Arg = { entity: party ?? officeOf(lex, layer, ofId, title), mention: -1, via: 'mention' };
    if (!holdsOffice(lex, layer, of.entity, rule)) return;
    const { subject, object, predicate } = tieFor(lex, rule, holder, of, layer, title);
    out.push({
      subject, object, predicate, family: 'tie', modality: statusModality(status),
      sentence: sentenceOf(pos), clause: -1, token: -1, confidence, charPos: pos, fromRole: true,
    });
  };
  for (const r of layer.roles ?? []) if (r.holder && r.of) push(r.holder, r.of, r.title, r.status, r.start);
  for (const e of layer.entities) for (const role of e.roles) if (role.of) push(e.id, role.of, role.title, role.status, role.evidence.start);
  // "Präsident Macron", "Defense Secretary Austin": a bare title of state office is of the article's country.
  // Not for a person whose country a role names elsewhere ("Israeli Prime Minister Netanyahu" … "Netanyahu, the prime minister").
  const home = homeCountry(layer) ?? datelineCountry(lex.lang, layer, sentences[0]) ?? outletCountry(lex, layer, source);
  const isCountry = (id: string | null | undefined) => { const x = id ? layer.byId.get(id) : undefined; return x?.type === 'location' && x.kind === 'country'; };
  const bare = (r: { of: string | null; title: string }) => !r.of || (isParty(layer, r.of) && isStateOffice(lex, ruleForTitle(lex, r.title)));
  for (const e of layer.entities) {
    if (e.type !== 'person' || e.roles.some((r) => isCountry(r.of))) continue;
    // "Labour-Premier Keir Starmer": a party named with an office of state leaves the country open too.
    const roles = e.roles.filter(bare);
    const country = personCountry(lex, layer, e.id, roles, sentenceOf, sentences, home, text);
    if (!country) continue;
    for (const role of roles) {
      if (!isStateTitle(lex, role.title)) continue;
      push(e.id, country, role.title, role.status, role.evidence.start, INFERRED_TIE_CONFIDENCE);
      if (out.length) out[out.length - 1].inferred = true;
    }
  }
  return out;
}

/**
 * The country of a person's bare titles of state office: one their title names ("Bundesaußenminister" → DE), else
 * the one the sentences of all their titled mentions agree on ("President Obama" said of Iran, then of Washington):
 * each sentence decides as sentenceCountry does; two different answers leave it open.
 */
function personCountry(lex: CompiledLexicon, layer: EntityLayer, holder: string, roles: Role[], sentenceOf: (charPos: number) => number, sentences: { start: number; end: number }[], home: string | null, text?: string): string | null {
  const named = roles.map((r) => inferredCountry(lex, r.title, layer, null)).find((c) => c);
  if (named) return named;
  const at = roles.filter((r) => isStateTitle(lex, r.title)).map((r) => r.evidence.start);
  for (const r of layer.roles ?? []) if (r.holder === holder && !r.of && isStateTitle(lex, r.title)) at.push(r.start);
  const found = new Set<string>();
  for (const pos of at) {
    const si = sentenceOf(pos);
    const c = sentenceCountry(layer, sentences[si], pos, home, si > 0 ? sentences[si - 1] : undefined, holder, text, lex.roles.countryPreps);
    if (c) found.add(c);
  }
  return found.size === 1 ? [...found][0] : null;
}

/** Confidence of a tie read off a role with its "of" (set by hand with the other per-trigger confidences, 0.55–0.8). */
const ROLE_TIE_CONFIDENCE = 0.7;
/** Lower when the country is inferred from the article rather than stated. */
const INFERRED_TIE_CONFIDENCE = 0.55;
function statusModality(status: Role['status']): Modality {
  if (status === 'former' || status === 'late') return 'former';
  if (status === 'designate') return 'planned';
  return 'asserted';
}
