import type { Doc } from '../text/types.js';
import type { Modality, Relation, TimelineItem } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import type { QuoteLayer } from '../quotes/index.js';
import { relationLexicon, type TriggerSpec } from './lexicon.js';
import { SentenceView, isPartialMention } from './sentence-view.js';
import { ArgumentFinder, type Arg, type SlotHit } from './arguments.js';
import { ModalityReader } from './modality.js';
import { parseModality } from './parse-modality.js';
import { appositionTies, entityRoleTies } from './roles.js';
import { counterpartTies } from './counterparts.js';
import { partyLabelTies } from './party-labels.js';
import { partyWordTies } from './party-words.js';
import { affiliationTies } from './affiliations.js';
import { AnchorIndex, attributionFor, timeFor } from './anchors.js';
import { ReferenceMemory, unresolvedReferences } from '../references/index.js';
import type { Draft } from './draft.js';
import type { Family } from './ontology.js';
import { predicateType } from './ontology.js';
import type { SyntaxLayer } from '../syntax/types.js';
import { ParseView } from './parse-view.js';
import { ParseArgs } from './parse-args.js';

/**
 * Entry point of the relations stage: typed ties and events with modality, attribution, time and evidence.
 * Every relation comes from a trigger word (verb, noun, adjective or role noun) and the clause around it —
 * never from two actors merely appearing together.
 */
export function extractRelations(doc: Doc, entities: EntityLayer, quotes: QuoteLayer, timeline: TimelineItem[], syntaxOf?: () => SyntaxLayer | null): Relation[] {
  const lex = relationLexicon(doc.language);
  if (!lex || !entities.mentions.length) return [];
  const syntax = syntaxOf ? syntaxOf() : null;
  const drafts: (Draft & { time: string | null; attribution: string | null })[] = [];
  const anchors = new AnchorIndex(doc, quotes, timeline);
  let mi = 0;
  let previousPersons: string[] = [];
  const memory = new ReferenceMemory();
  if (DEBUG) process.stderr.write(`### ${doc.language} ${doc.text.slice(0, 60).replace(/\s+/g, ' ')}\n`);
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    while (mi < entities.mentions.length && entities.mentions[mi].start < s.start) mi++;
    let mj = mi;
    while (mj < entities.mentions.length && entities.mentions[mj].start < s.end) mj++;
    let v = new SentenceView(doc, s, si, entities, lex, [mi, mj]);
    const extra = unresolvedReferences(v, memory);
    if (extra.length) v = new SentenceView(doc, s, si, entities, lex, [mi, mj], extra);
    memory.record(v);
    const f = new ArgumentFinder(v, previousPersons);
    const mr = new ModalityReader(v);
    const pv = ParseView.of(syntax, v.from);
    const pa = pv ? new ParseArgs(v, f, pv) : null;
    const local: Draft[] = [];
    for (let t = v.from; t < v.to; t++) {
      for (const ref of triggersAt(v, t, pv)) {
        const got = fromTrigger(v, f, mr, t, ref.spec, ref.family, ref.tense, pa);
        if (DEBUG && !got.length) debugNoArgs(v, pv, t, ref.spec.predicate);
        local.push(...got);
      }
    }
    local.push(...appositionTies(v, f, entities), ...partyLabelTies(v, entities), ...partyWordTies(v, f, entities), ...affiliationTies(v, f, entities));
    if (DEBUG) for (const d of local) process.stderr.write(`[${si}] ${doc.tokens[Math.max(0, d.token)].text}: ${d.subject.entity}/${d.subject.via} -${d.predicate}(${d.modality})-> ${d.object.entity}/${d.object.via}\n`);
    for (const d of local) {
      const pos = d.token >= 0 ? doc.tokens[d.token].start : s.start;
      // A role apposition is the reporter's description, unless it sits inside a direct quote.
      const attribution = d.fromRole ? anchors.quoteSourceAt(pos, true) : attributionFor(v, d.clause, pos, anchors);
      drafts.push({ ...d, time: d.token >= 0 && !d.fromRole ? timeFor(v, d.clause, d.token, anchors) : null, attribution });
    }
    previousPersons = personsIn(v);
  }
  // An inferred country gives way to any country the text ties the person to ("Israeli Prime Minister Netanyahu").
  const tiedToCountry = new Set<string>();
  const roleTies = [
    ...entityRoleTies(entities, lex, (pos) => anchors.sentenceOf(pos), doc.sentences, doc.source, doc.text),
    ...counterpartTies(entities, lex, doc.text, (pos) => anchors.sentenceOf(pos), doc.sentences),
  ];
  for (const d of [...drafts, ...roleTies]) {
    const o = entities.byId.get(d.object.entity);
    if (d.family === 'tie' && !d.inferred && o?.type === 'location' && o.kind === 'country') tiedToCountry.add(d.subject.entity);
  }
  for (const d of roleTies) {
    if (d.inferred && tiedToCountry.has(d.subject.entity)) continue;
    drafts.push({ ...d, time: null, attribution: anchors.quoteSourceAt(d.charPos ?? -1, true) });
  }
  return finish(doc, merge(drafts.filter((d) => d.family !== 'event' || (actsInEvents(entities, d.subject.entity) && actsInEvents(entities, d.object.entity, d.predicate)))));
}

/**
 * Places below a country (cities, regions, seas) are where events happen, not who takes part: "Carter visited
 * California", "fighting around Mosul". On news-dev gold, 436 of 446 place ends of relations are countries; capitals
 * that stand for their government are resolved to the country by the entities stage.
 */
function actsInEvents(entities: EntityLayer, id: string, predicate = ''): boolean {
  const e = entities.byId.get(id);
  // A place the entities stage could not place as a country (kind null: "Mosul", "California") does not act either.
  if (!e || e.type !== 'location' || e.kind === 'country') return true;
  // A visit goes to a city as well ("flew to Suva", "visited London").
  return predicate === VISIT && (e.kind === 'city' || e.kind === 'capital');
}
const VISIT = 'consult/visit';

/**
 * Most tree edges (name and list edges free) between a trigger and an argument found by word order, when the parse
 * gives no pair itself. Set on news-dev: for verbs 3 cut recall (de .256, en .222), 4 and 5 kept it with en
 * precision up from .456 unfiltered; 5 had the better F1 in both languages, 6 and more filter little.
 */
const MAX_TREE_DISTANCE = 5;
/**
 * The same for event nouns, whose owners sit closer: 4 raised precision (de +0.7, en +0.3 points) at equal recall;
 * 3 gained en precision (+1) but lost a German meeting in our gold (de-grenzschutz) and de recall.
 */
const MAX_TREE_DISTANCE_NOUN = 4;

/** BC_REL_DEBUG=1 prints every draft relation with its trigger word to stderr, and each article's opening. */
const DEBUG = !!process.env.BC_REL_DEBUG;

/**
 * A trigger that found no arguments: its position and sentence (to join with `eval relations --errors`); with
 * BC_REL_DEBUG=2 also the sentence's mentions and parse.
 */
function debugNoArgs(v: SentenceView, pv: ParseView | null, t: number, predicate: string): void {
  const doc = v.doc, s = doc.sentences[v.index];
  process.stderr.write(`[${v.index}] ${doc.tokens[t].text}: NOARGS ${predicate} @${doc.tokens[t].start} ${s.start}-${s.end} | ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}\n`);
  if (!pv || process.env.BC_REL_DEBUG !== '2') return;
  const mentions = v.mentions.map((k) => { const m = v.mention(k); return `${doc.text.slice(m.start, m.end)}=${m.entity}/${m.kind}`; });
  process.stderr.write(`   MENT ${mentions.join(' ; ')}\n   PARSE ${pv.words.map((w, i) => `${i}:${w.form}/${w.upos}/${w.deprel}>${w.head - 1}[${w.feats}]`).join(' ')}\n`);
}

/** The Case feature of a word for the debug parse ("[Dat]"), or ''. */
function caseTag(feats: string): string {
  const m = /(?:^|\|)Case=(\w+)/.exec(feats);
  return m ? `[${m[1]}]` : '';
}

interface TriggerRef { spec: TriggerSpec; family: Family; tense: 'present' | 'past' | 'participle' }

/** Trigger entries matching token t, filtered by word class, the clause's required and excluded words. */
function triggersAt(v: SentenceView, t: number, pv: ParseView | null): TriggerRef[] {
  const lex = v.lex;
  if (v.isPunct(t)) return [];
  const owner = compoundOwnerAt(v, t);
  if (v.mentionIdx(t) >= 0 && !owner) return [];
  // „EU-Sanktionen“, „Hamas-Überfall“: the event noun is the compound's last part, after the name that owns it.
  const w = owner ? v.w(t).slice(v.w(t).lastIndexOf('-') + 1) : v.w(t);
  const found: TriggerRef[] = (lex.byForm.get(w) ?? []).filter((x) => !owner || (x.spec.pos === 'noun' && x.family === 'event'));
  // Forms the inflection rules did not make, found by the parse's lemma.
  if (pv && !found.length) found.push(...lemmaTriggers(v, pv, t));
  if (lex.grammar.capitalizedNouns && v.isCapitalized(t)) {
    // Compounds: each ending after at least three letters ("Staatsbesuch" → "besuch"), longest first.
    for (let k = 3; k < w.length - 2; k++) {
      const hits = lex.suffixIndex.get(w.slice(k));
      if (hits) for (const sn of hits) if (!found.some((x) => x.spec === sn.spec) && (!owner || sn.family === 'event')) found.push({ spec: sn.spec, family: sn.family, tense: 'present' });
    }
  }
  if (!found.length) return found;
  const c = v.clauses[v.clauseAt(t)];
  const sentenceInitial = t === v.from || v.isPunct(t - 1);
  // "led" is past and participle: with a passive auxiliary in the clause ("is led by"), the participle reading wins.
  if (found.length > 1 && found.some((x) => x.tense === 'participle') && hasAny(v, lex.sets.passiveAuxiliaries, c.start, c.end)) {
    found.sort((a, b) => (a.tense === 'participle' ? 0 : 1) - (b.tense === 'participle' ? 0 : 1));
  }
  const seen = new Set<TriggerSpec>();
  // A particle the parse hangs on the verb counts where the clause splitter cut it off (a long list before „an“).
  const prt = pv && pv.wordOf(t) >= 0 ? pv.particle(pv.wordOf(t)) : '';
  return found.filter((ref) => {
    if (seen.has(ref.spec)) return false;
    seen.add(ref.spec);
    const s = ref.spec;
    if (lex.grammar.capitalizedNouns) {
      if (s.pos === 'noun' && !v.isCapitalized(t)) return false;
      if (s.pos !== 'noun' && v.isCapitalized(t) && !sentenceInitial) return false;
    }
    if (s.requires?.some((r) => !v.has(r, c.start, c.end) && !w.startsWith(r) && r !== prt)) return false;
    if (s.requiresAny?.length && !s.requiresAny.some((r) => v.has(r, c.start, c.end))) return false;
    if (s.exclude?.some((r) => v.has(r, c.start, c.end))) return false;
    if (s.excludeAfter?.includes(v.w(t + 1))) return false;
    if (s.precededBy?.some((p, i, all) => v.w(t - all.length + i) !== p)) return false;
    if (!lex.grammar.capitalizedNouns && pv && !wordClassAgrees(pv, t, s.pos)) return false;
    if (s.pos === 'verb' && particleVerbElsewhere(v, c, t, s)) return false;
    if (s.pos === 'verb' && pv && otherParticle(v, pv, t, s)) return false;
    return true;
  });
}

/**
 * A name that is the first part of a hyphenated compound whose last part is a word of its own („EU-Sanktionen“,
 * „US-Strafzölle“, „Hamas-Überfall“), in a language that writes such compounds: the name owns the noun.
 */
function compoundOwnerAt(v: SentenceView, t: number): boolean {
  const k = v.mentionIdx(t);
  if (k < 0 || !v.lex.grammar.capitalizedNouns) return false;
  const m = v.mention(k);
  if (m.tokenStart !== t || m.tokenEnd !== t + 1 || !isPartialMention(v, m)) return false;
  const tail = v.doc.text.slice(m.end, v.doc.tokens[t].end);
  return /^-\p{Lu}\p{Ll}{3,}$/u.test(tail);
}

/**
 * "talks" and "attack" are nouns and verbs: where case does not tell (English), the parse's word class picks the
 * entry ("have objected to … peace talks" is no verb of talking). Adjective entries and unparsed tokens pass.
 */
function wordClassAgrees(pv: ParseView, t: number, pos: TriggerSpec['pos']): boolean {
  const i = pv.wordOf(t);
  if (i < 0 || pos === 'adj') return true;
  const upos = pv.words[i].upos;
  if (pos === 'verb') return upos !== 'NOUN' && upos !== 'PROPN';
  return upos !== 'VERB';
}

/**
 * Vocabulary entries found by the parse's lemma: verbs with their separated particle („lehnte … ab“ → ablehnen,
 * "reached out" → reach out), nouns by lemma and, in a language with compounds, by the lemma's endings.
 */
function lemmaTriggers(v: SentenceView, pv: ParseView, t: number): TriggerRef[] {
  const i = pv.wordOf(t);
  if (i < 0) return [];
  const lex = v.lex;
  const out: TriggerRef[] = [];
  if (pv.words[i].upos === 'VERB') {
    const prt = pv.particle(i);
    const lemma = pv.lemma(i);
    const key = !prt ? lemma : lex.grammar.capitalizedNouns ? prt + lemma : `${lemma} ${prt}`;
    // A word that is its own lemma was looked up by its form already.
    if (key === v.w(t)) return out;
    const tense = pv.feat(i, 'VerbForm') === 'Part' ? 'participle' : pv.feat(i, 'Tense') === 'Past' ? 'past' : 'present';
    for (const e of lex.byLemma.get(key) ?? []) if (e.spec.pos === 'verb') out.push({ ...e, tense });
  } else if (pv.words[i].upos === 'NOUN') {
    const lemma = pv.lemma(i);
    if (lemma === v.w(t)) return out;
    for (const e of lex.byLemma.get(lemma) ?? []) if (e.spec.pos === 'noun') out.push({ ...e, tense: 'present' });
    // Compound endings of an inflected form's lemma ("Staatsbesuchen" → "besuch").
    if (!out.length && lex.grammar.capitalizedNouns) {
      for (let k = 3; k < lemma.length - 2 && !out.length; k++) {
        for (const e of lex.byLemma.get(lemma.slice(k)) ?? []) if (e.spec.pos === 'noun' && e.spec.suffix) out.push({ ...e, tense: 'present' });
      }
    }
  }
  return out;
}

/** The parse gives the verb a separable particle its entry does not have („sprach … an“ is ansprechen, not sprechen). */
function otherParticle(v: SentenceView, pv: ParseView, t: number, s: TriggerSpec): boolean {
  const i = pv.wordOf(t);
  if (i < 0) return false;
  const prt = pv.particle(i);
  if (!prt || (s.requires?.includes(prt) ?? false) || v.w(t).startsWith(prt)) return false;
  const key = v.lex.grammar.capitalizedNouns ? prt + pv.lemma(i) : `${pv.lemma(i)} ${prt}`;
  return !v.lex.byLemma.get(key)?.some((e) => predicateType(e.spec.predicate) === predicateType(s.predicate));
}

/**
 * „Bei dem Treffen sprach die Ministerin die Zölle nicht an“: a clause ending in a separable particle has a
 * particle verb (ansprechen), so a trigger verb that does not list that particle is not the verb said there.
 */
function particleVerbElsewhere(v: SentenceView, c: SentenceView['clauses'][number], t: number, s: TriggerSpec): boolean {
  const particles = v.lex.sets.separableParticles;
  if (!particles.size) return false;
  let last = c.end - 1;
  while (last > t && v.isPunct(last)) last--;
  if (last <= t || v.mentionIdx(last) >= 0) return false;
  const p = v.w(last);
  if (!particles.has(p) || (s.requires?.includes(p) ?? false) || v.w(t).startsWith(p)) return false;
  // „forderte … auf“: the particle verb (auffordern) is a trigger of the same type itself.
  return !v.lex.byForm.get(p + v.w(t))?.some((e) => predicateType(e.spec.predicate) === predicateType(s.predicate));
}

function fromTrigger(v: SentenceView, f: ArgumentFinder, mr: ModalityReader, t: number, spec: TriggerSpec, family: Family, tense: TriggerRef['tense'], pa: ParseArgs | null): Draft[] {
  const ci = v.clauseAt(t);
  const c = v.clauses[ci];
  const { sets } = v.lex;
  if (requestedOnly(v, c, t)) return [];
  let subjects: Arg[] = [];
  let objects: Arg[] = [];
  let inherited = false;

  if (spec.pos === 'noun') {
    if (topicOfEventVerb(v, f, c, t)) return [];
    const owner = compoundOwnerAt(v, t);
    // The name in the compound is its owner (ArgumentFinder.resolve reads such a name as a modifier).
    const ownArg: Arg | null = owner ? { entity: v.mention(v.mentionIdx(t)).entity, mention: v.mentionIdx(t), via: 'mention' } : null;
    if (ownArg) subjects = [ownArg];
    for (const slot of ownArg ? [] : spec.subject ?? ['possessive', 'genitive', 'clauseSubject']) {
      const hit = nounSlot(v, f, c, ci, t, slot, new Set(), pa);
      if (hit?.args.length) { subjects = hit.args; inherited = slot === 'clauseSubject' || slot === 'supportSubject'; break; }
    }
    for (const slot of spec.object) {
      const hit = nounSlot(v, f, c, ci, t, slot, new Set(subjects.map((a) => a.entity)), pa);
      if (!hit?.args.length) continue;
      if (hit.pair && hit.args.length >= 2) { subjects = [hit.args[0]]; objects = hit.args.slice(1); inherited = false; }
      else objects = hit.args;
      break;
    }
  } else {
    // An attributive adjective ("Trump nahestehenden Personen") describes its noun, which is no actor here.
    if (spec.pos === 'adj' && v.lex.grammar.capitalizedNouns && v.isCapitalized(t + 1) && v.mentionIdx(t + 1) < 0) return [];
    const skip = new Set(spec.requires ?? []);
    let objectHit: SlotHit | null = null;
    const exclude = new Set<number>();
    if (spec.object.includes('before')) {
      objectHit = f.actorBefore(t, skip);
      for (const a of objectHit?.args ?? []) if (a.mention >= 0) exclude.add(a.mention);
    }
    const passive = tense === 'participle' && hasAny(v, sets.passiveAuxiliaries, c.start, c.end);
    if (passive) {
      let agent: SlotHit | null = null;
      for (const p of sets.passiveAgents) { agent = f.prepObject(c, p, new Set()); if (agent) break; }
      if (!agent) return [];
      const patient = f.subjectOf(ci, t, new Set(agent.args.map((a) => a.mention)));
      subjects = agent.args;
      objects = patient.args;
    } else {
      const subj = f.subjectOf(ci, t, exclude);
      subjects = subj.args;
      inherited = subj.inherited;
      if (!objectHit && spec.object.includes('before')) {
        const u = f.wordBefore(t, skip);
        objectHit = f.unresolvedPronoun(u, u + 1, new Set(subjects.map((a) => a.entity)));
      }
      if (objectHit?.args.length) objects = objectHit.args;
      else {
        const subjIds = new Set(subjects.map((a) => a.entity));
        const subjMentions = new Set(subjects.map((a) => a.mention).filter((m) => m >= 0));
        for (const slot of spec.object) {
          let hit: SlotHit | null = null;
          if (slot === 'direct') hit = f.directObject(c, t, subjIds, subjMentions);
          else if (slot === 'nominal') hit = f.nominalAgent(c, subjIds, t);
          else if (slot === 'owner') hit = f.proposalOwner(c, subjIds, t);
          else if (slot === 'before') continue;
          else hit = f.prepObject(c, slot, subjIds, spec.possessorObject);
          if (hit?.args.length) {
            if (hit.pair && hit.args.length >= 2 && !subjects.length) { subjects = [hit.args[0]]; objects = hit.args.slice(1); }
            else objects = hit.args;
            break;
          }
        }
      }
    }
  }
  // Where the parse gives both ends, it outranks the word-order rules above.
  const parsed = pa?.argsFor(t, spec);
  // An inherited subject (coordination, control) is the parse's weak point: there the word-order rules keep theirs.
  // Word-order arguments must be near the trigger in the parse: an actor further away belongs to another predicate.
  const near = (a: Arg) => !pa || a.mention < 0 || pa.near(t, v.mention(a.mention).tokenStart, v.mention(a.mention).tokenEnd, spec.pos === 'noun' ? MAX_TREE_DISTANCE_NOUN : MAX_TREE_DISTANCE);
  if (parsed?.subjects.length && parsed.objects.length && (!parsed.inherited || !subjects.length)) {
    // A conjunct the parse missed ("mit Krause und … Brandt") still joins the parse's objects.
    const extra = objects.filter((o) => near(o) && !parsed.objects.some((x) => x.entity === o.entity) && !parsed.subjects.some((x) => x.entity === o.entity));
    ({ subjects, inherited } = parsed);
    objects = [...parsed.objects, ...(parsed.objects.some((x) => objects.some((o) => o.entity === x.entity)) ? extra : [])];
  } else if (pa) {
    subjects = subjects.filter(near);
    objects = objects.filter(near);
    // The parse gives one end only ("Dass A … B oder C angreifen könnte": the subject hangs
    // elsewhere): its end outranks the word-order rules' for that slot, the other end stays theirs.
    // Where the word-order rules find no subject, the parse's stands (a subject that is the owner of a noun).
    if (family === 'event' && !subjects.length && parsed?.subjects.length) ({ subjects, inherited } = parsed);
    // "Lena Brandt and Valdorian President Ivo Marek spoke": a coordinated subject the word-order rules cut short.
    else if (parsed && !parsed.inherited && subjects.length && parsed.subjects.length > subjects.length && subjects.every((a) => parsed.subjects.some((x) => x.entity === a.entity))) subjects = parsed.subjects;
    // So does the parse's object where the word-order rules found none ("… and condemned the attack by Russia").
    if (family === 'event' && parsed?.objects.length && subjects.length && (!parsed.subjects.length || !objects.length)) {
      const subjIds = new Set(subjects.map((a) => a.entity));
      const objs = parsed.objects.filter((o) => !subjIds.has(o.entity));
      // As above, a conjunct the parse missed stays when the two readings share an object.
      const shared = objs.some((x) => objects.some((o) => o.entity === x.entity));
      if (objs.length) objects = [...objs, ...(shared ? objects.filter((o) => !objs.some((x) => x.entity === o.entity)) : [])];
    }
  }
  subjects = subjects.filter((a) => !compoundModifier(v, a));
  objects = objects.filter((a) => !compoundModifier(v, a));
  if (!subjects.length) { if (DEBUG) process.stderr.write(`[${v.index}] ${v.doc.tokens[t].text}: NOSUBJ obj=${objects.map((a) => a.entity).join(',')}\n`); return []; }
  // "The Forum, which Nakau chairs": the object of an object relative clause is its antecedent.
  if (!objects.length && c.kind === 'relative' && !c.relSubject && c.relPronoun === v.head(c) && spec.object.includes('direct')) {
    const subjIds = new Set(subjects.map((a) => a.entity));
    objects = f.antecedent(ci).filter((a) => !subjIds.has(a.entity));
  }
  if (!objects.length) {
    // "Macron und Scholz trafen sich": a symmetric event between the members of a compound subject.
    // A noun: only meetings, talks and fights are between the subject's members ("vereinbarten eine engere
    // Zusammenarbeit" agrees on cooperation yet to come), or what its members own together ("their meeting").
    const sym = spec.pos === 'noun' ? MUTUAL_NOUN_TYPES.has(predicateType(spec.predicate)) && (!pa || pa.supported(t) || pa.sharedOwner(t)) : spec.symmetric;
    if (sym && subjects.length >= 2) { objects = subjects.slice(1); subjects = [subjects[0]]; }
    else { if (DEBUG) process.stderr.write(`[${v.index}] ${v.doc.tokens[t].text}: NOOBJ subj=${subjects.map((a) => a.entity + '/' + a.via).join(',')}\n`); return []; }
  }

  const modality = modalityOf(v, mr, c, ci, t, spec, family, tense, pa?.p ?? null);
  let confidence = spec.confidence ?? (spec.pos === 'noun' ? 0.7 : 0.8);
  if (inherited) confidence *= 0.85;
  const out: Draft[] = [];
  for (const s of subjects) {
    for (const o of objects) {
      if (s.entity === o.entity) continue;
      let conf = confidence;
      for (const a of [s, o]) {
        if (a.via === 'pronoun') conf *= 0.9;
        if (a.via === 'affiliation' || a.via === 'circle' || a.via === 'dual') conf *= 0.9;
      }
      const [from, to] = spec.inverse ? [o, s] : [s, o];
      out.push({ subject: from, object: to, predicate: spec.predicate, family, modality, sentence: v.index, clause: ci, token: t, confidence: round(conf) });
    }
  }
  return out;
}

function nounSlot(v: SentenceView, f: ArgumentFinder, c: SentenceView['clauses'][number], ci: number, t: number, slot: string, exclude: Set<string>, pa: ParseArgs | null): SlotHit | null {
  if (slot === 'possessive') { const a = f.possessorBefore(t); return a && !exclude.has(a.entity) ? { args: [a] } : null; }
  if (slot === 'genitive') { const a = f.genitiveAfter(t); return a && !exclude.has(a.entity) ? { args: [a] } : null; }
  // "Israel führt Krieg gegen …", "Im Krieg gegen die Ukraine hat Russland …": the clause's subject only with a support
  // verb or in an opening phrase („X kündigte an, Y im Krieg gegen Z allein zu lassen“ is not X's fight).
  if (slot === 'supportSubject') {
    if (pa && !pa.supported(t) && !openingPhrase(v, c, t)) return null;
    return nounSlot(v, f, c, ci, t, 'clauseSubject', exclude, pa);
  }
  if (slot === 'clauseSubject') {
    if (pa?.hostIsTrigger(t)) return null;
    let subj = f.subjectOf(ci, t, new Set(), false).args.filter((a) => !exclude.has(a.entity));
    // „Bei dem Treffen mit X sprach die Ministerin …“, "After talks with X, the chancellor flew home": a noun in an
    // opening prepositional phrase takes the subject of the clause it opens.
    if (!subj.length && openingPhrase(v, c, t)) {
      const host = v.clauses[ci + 1] && c.end - c.start <= OPENING_PHRASE_MAX && v.clauses[ci + 1].kind === 'main' ? ci + 1 : ci;
      subj = f.subjectOf(host, v.clauses[host].end, new Set(), true).args.filter((a) => !exclude.has(a.entity));
    }
    return subj.length ? { args: subj } : null;
  }
  if (slot === 'direct') return f.directObject(c, t, exclude, new Set());
  return f.prepObject(c, slot, exclude);
}

/**
 * „verhandelte mit der SPD über eine Koalition“, "argued about the war": an event noun that is the topic of an event
 * verb in its clause is what the verb is about; the verb's actors are not the noun's.
 */
function topicOfEventVerb(v: SentenceView, f: ArgumentFinder, c: SentenceView['clauses'][number], t: number): boolean {
  const gp = f.governingPrepAt(t);
  if (!gp || !v.lex.sets.topicPreps.has(gp.prep)) return false;
  for (let u = c.start; u < c.end; u++) {
    if (u === t) continue;
    if (v.lex.byForm.get(v.w(u))?.some((e) => e.spec.pos === 'verb' && e.family === 'event' && !e.spec.requires?.length && !e.spec.requiresAny?.length)) return true;
  }
  return false;
}

/**
 * A name inside a hyphenated modifier ("Russian-backed", "Communist-led", "pro-Western", "then-Republican") describes
 * something else and takes no part in an event: a one-word surface joining a lower-case word by a hyphen.
 */
function compoundModifier(v: SentenceView, a: Arg): boolean {
  if (a.mention < 0) return false;
  const m = v.mention(a.mention);
  const surface = v.doc.text.slice(m.start, m.end);
  // One word only: "pro-Russian separatists", "the U.S.-led coalition" are names of groups.
  return !/\s/u.test(surface) && /^\p{Ll}+-|-\p{Ll}+$/u.test(surface);
}

/** Longest opening phrase (tokens) read as a clause of its own ("After talks with Prime Minister Tom Berg,"). */
const OPENING_PHRASE_MAX = 12;

/** The noun at t sits in a prepositional phrase opening a main clause (at most one word between). */
function openingPhrase(v: SentenceView, c: SentenceView['clauses'][number], t: number): boolean {
  if (c.kind !== 'main' || t - c.start > 3) return false;
  return v.lex.sets.prepositions.has(v.w(c.start));
}

function hasAny(v: SentenceView, set: Set<string>, a: number, b: number): boolean {
  for (let t = a; t < b; t++) if (set.has(v.w(t))) return true;
  return false;
}

/**
 * "encouraged Nairobi and Addis Ababa to reach a deal", „forderte Kenia auf, mit Äthiopien zu verhandeln“: an
 * infinitive under a verb of asking is what was asked for, not what happened.
 */
function requestedOnly(v: SentenceView, c: SentenceView['clauses'][number], t: number): boolean {
  const req = v.lex.sets.requestControl;
  if (!req.size) return false;
  const marker = v.lex.modality.infinitiveMarker;
  if (marker) {
    for (let u = c.start; u < t; u++) {
      if (!req.has(v.w(u))) continue;
      for (let k = u + 1; k < t; k++) if (v.w(k) === marker) return true;
    }
  }
  if (c.kind === 'infinitive' && c.parent >= 0) {
    const pc = v.clauses[c.parent];
    for (let u = pc.start; u < pc.end; u++) if (req.has(v.w(u))) return true;
  }
  return false;
}

function modalityOf(v: SentenceView, mr: ModalityReader, c: SentenceView['clauses'][number], ci: number, t: number, spec: TriggerSpec, family: Family, tense: TriggerRef['tense'], pv: ParseView | null = null): Modality {
  let mod: Modality | null = null;
  if (spec.pos === 'noun') {
    mod = mr.npCue(t, c.start);
    // "Ein geplantes Treffen wurde abgesagt": what happened to it outranks how it was planned;
    // "versuchte vergeblich, ein Treffen … zu arrangieren": an infinitive's noun takes its governing clause's cue.
    let clause = spec.modality ? null : mr.clauseCue(governingRanges(v, c, ci));
    // „Bei dem Treffen … sprach sie die Zölle nicht an“: the clause's negation is about its verb, not the opening noun.
    if (clause === 'negated' && openingPhrase(v, c, t)) clause = null;
    if (!mod || (clause === 'failed' || (clause === 'negated' && mod !== 'negated'))) mod = clause ?? mod;
  } else {
    mod = mr.clauseCue(governingRanges(v, c, ci), t);
    // Where the parse reaches the verb, its auxiliaries, negation, mood and governing verbs decide (./parse-modality.ts);
    // a cue the parse does not read ("nicht mehr", "no longer": former) stays with the clause's words.
    const w = pv && v.lex.modality.parse ? pv.wordOf(t) : -1;
    if (w >= 0 && mod !== 'former') mod = parseModality(pv!, v.lex.modality.parse!, w);
  }
  // „Norwegen wird Schweden treffen“: a future auxiliary with a verb that is no participle (that would be passive).
  if (!mod && spec.pos === 'verb' && tense !== 'participle' && hasAny(v, v.lex.sets.futureAuxiliaries, c.start, c.end)) mod = 'planned';
  // "flew to Nairobi to meet Kamau": an infinitive of purpose after a verb of travel says what was intended.
  const purpose = v.lex.modality.purposeVerbs;
  if (!mod && purpose?.length && spec.pos === 'verb' && v.lex.modality.infinitiveMarker && v.w(t - 1) === v.lex.modality.infinitiveMarker) {
    const ranges = governingRanges(v, c, ci);
    for (const [a] of ranges) for (let u = a; u < t - 1 && !mod; u++) if (purpose.includes(v.w(u))) mod = 'planned';
  }
  // "tried to meet Trump but failed to secure an appointment", "flew to Rome to meet him but was turned away":
  // a failing continuation ends the attempt or the plan.
  if (mod === 'attempted' || mod === 'planned') {
    let n = ci + 1;
    while (n < v.clauses.length && (v.clauses[n].kind === 'apposition' || v.clauses[n].kind === 'relative')) n++;
    const next = v.clauses[n];
    if (next && next.kind === 'continuation' && mr.clauseCue([[next.start, next.end]]) === 'failed') mod = 'failed';
  }
  mod ??= spec.modality ?? 'asserted';
  if (mod === 'asserted' && family === 'tie' && spec.pastIsFormer && tense === 'past') mod = 'former';
  return mod;
}

/** The clause itself and, for an infinitive, the clauses it depends on ("versuchte, … zu treffen"). */
function governingRanges(v: SentenceView, c: SentenceView['clauses'][number], ci: number): [number, number][] {
  const ranges: [number, number][] = [[c.start, c.end]];
  let cl = c;
  const seen = new Set([ci]);
  while (cl.kind === 'infinitive' && cl.parent >= 0 && !seen.has(cl.parent)) {
    seen.add(cl.parent);
    cl = v.clauses[cl.parent];
    ranges.push([cl.start, cl.end]);
  }
  return ranges;
}

function personsIn(v: SentenceView): string[] {
  const out: string[] = [];
  for (const k of v.mentions) {
    const e = v.mention(k).entity;
    if (v.layer.byId.get(e)?.type === 'person' && !out.includes(e)) out.push(e);
  }
  return out;
}

type Anchored = Draft & { time: string | null; attribution: string | null };

const MUTUAL_NOUN_TYPES = new Set(['consult', 'negotiate', 'fight']);
const SYMMETRIC_TYPES = new Set(['consult/meet', 'consult/talk', 'consult/call', 'agree', 'cooperate', 'close_to', 'fight', 'negotiate']);

/**
 * One relation per fact: drop duplicates (keeping the most confident), fold "tried to … — failed" into one
 * failed relation, treat symmetric events as unordered, and state a tie once per document.
 */
function merge(drafts: Anchored[]): Anchored[] {
  // "versuchte, Trump zu treffen, konnte ihn aber nicht sehen": the attempt and its failure are one relation.
  const keyOf = (d: Anchored) => `${d.sentence}|${d.subject.entity}|${d.object.entity}|${predicateType(d.predicate)}`;
  const failedByKey = new Map<string, Anchored[]>();
  for (const d of drafts) {
    if (d.modality !== 'failed') continue;
    const k = keyOf(d);
    const list = failedByKey.get(k);
    if (list) list.push(d); else failedByKey.set(k, [d]);
  }
  const kept: Anchored[] = [];
  for (const d of drafts) {
    const failures = d.modality === 'attempted' ? failedByKey.get(keyOf(d)) : undefined;
    if (failures) {
      // The failure keeps the attempt's time and wording ("reiste letzten Monat …, um … zu treffen").
      for (const f of failures) { f.time ??= d.time; f.predicate = d.predicate; f.confidence = Math.max(f.confidence, d.confidence); }
      continue;
    }
    kept.push(d);
  }
  // "Lumetra-Gründerin Voss, die das Unternehmen bis 2023 führte": a verb saying the tie is over outranks the title.
  const overInSentence = new Set(kept.filter((d) => d.family === 'tie' && d.modality === 'former' && !d.fromRole).map((d) => `${d.sentence}|${d.subject.entity}|${d.object.entity}|${predicateType(d.predicate)}`));
  const best = new Map<string, Anchored>();
  for (const d of kept) {
    if (d.fromRole && d.modality === 'asserted' && overInSentence.has(`${d.sentence}|${d.subject.entity}|${d.object.entity}|${predicateType(d.predicate)}`)) continue;
    if (d.subject.entity === d.object.entity) continue;
    const sym = SYMMETRIC_TYPES.has(d.predicate) || SYMMETRIC_TYPES.has(predicateType(d.predicate));
    const pair = sym ? [d.subject.entity, d.object.entity].sort().join('|') : `${d.subject.entity}|${d.object.entity}`;
    const type = d.family === 'tie' ? predicateType(d.predicate) : d.predicate;
    const key = d.family === 'tie' ? `tie|${pair}|${type}|${d.modality}` : `${d.sentence}|${pair}|${type}|${d.modality}`;
    const prev = best.get(key);
    if (!prev) { best.set(key, d); continue; }
    // A tie keeps its first evidence; an event its most confident wording.
    if (d.family === 'tie') prev.confidence = Math.max(prev.confidence, d.confidence);
    else if (d.confidence > prev.confidence) best.set(key, d);
  }
  return [...best.values()];
}

function finish(doc: Doc, drafts: Anchored[]): Relation[] {
  const pos = (d: Anchored) => (d.token >= 0 ? doc.tokens[d.token].start : (d.charPos ?? doc.sentences[d.sentence].start));
  drafts.sort((a, b) => pos(a) - pos(b) || a.subject.entity.localeCompare(b.subject.entity));
  return drafts.map((d, i) => {
    const s = doc.sentences[d.sentence];
    return {
      id: `r${i + 1}`,
      subject: d.subject.entity,
      object: d.object.entity,
      predicate: d.predicate,
      family: d.family,
      modality: d.modality,
      time: d.time,
      attribution: d.attribution,
      evidence: { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) },
      confidence: Math.max(0, Math.min(1, round(d.confidence))),
    };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

