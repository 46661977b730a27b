/**
 * Speakers that are no entity of the entities stage: offices, ministries, parliamentary groups, outlets
 * ("die Unions-Fraktion", "des US-Justizministeriums", "China's Foreign Ministry", "the Global Times"). A named
 * source of this kind that speaks becomes an organisation entity of its own (attribute `origin: "quotes"`), so the
 * quote has a speaker the analysis can name and link. Only phrases that name an institution qualify: the head is
 * an institution word of the shared reference lexicon in a compound or with a modifier (a bare "die Behörde" refers
 * back, it names nothing), or — where nouns are not capitalised — a run of capitalised words. A nationality adjective
 * before a state-body head (lang data nationalBodyHeads: "laut niederländischem Außenamt") names one too, cited in the
 * strong form ("niederländisches Außenamt"); a nationality before an outlet or company ("die israelische Tageszeitung")
 * stays a description.
 */
import type { Entity } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import { entityLexicon } from '../entities/lexicon.js';
import { descriptionClass, headOf, isBareHead, withoutGenitive } from '../references/index.js';
import { parseAt } from './parse-subject.js';
import { possessedOffice, possessiveName } from './possessed-office.js';
import { compoundAntecedent, organizationAntecedent } from './bare-institution.js';
import type { SourceRec } from './sources.js';
import { isCap, isPunct, tokenAt, type DocView } from './view.js';

/** Longest name (in words) made into an entity: longer phrases are descriptions, not names. */
const MAX_NAME_WORDS = 5;

/** The institution name a speaker phrase (token range) states, in its base form, or null. */
export function institutionName(v: DocView, a: number, b: number): string | null {
  const lex = v.lex;
  while (a < b && (lex.determiners.has(v.lower[a]) || isPunct(v, a))) a++;
  if (b - a < 1 || b - a > MAX_NAME_WORDS) return null;
  // A clause or a complement inside ("das Amt der früheren Kolonialmacht", "an opinion piece in the Daily Clarion") is no name;
  // a possessive link is part of one ("China's Foreign Ministry").
  for (let k = a; k < b; k++) {
    const w = v.lower[k];
    if (isPunct(v, k) && w !== '-' || lex.prepositions.has(w) || lex.determiners.has(w) || v.verbMask[k]) return null;
  }
  const head = v.lower[b - 1];
  const institution = descriptionClass(lex.refs, head) === 'institution' && (b - a > 1 || !isBareHead(lex.refs, head));
  let names = !lex.nounsCapitalised && b - a >= 2;
  for (let k = a; k < b && names; k++) names = isCap(v, k) || lex.genitiveLinks.has(v.lower[k]);
  if (!institution && !names) return null;
  // "die israelische Tageszeitung": where nouns are capitalised, a lowercase first word is an adjective of a description,
  // unless a nationality names a state body by it ("das niederländische Außenamt").
  if (lex.nounsCapitalised && !isCap(v, a) && !nationalBody(v, a, b)) return null;
  const syn = v.syntaxOf ? v.syntaxOf() : null;
  const at = syn ? parseAt(syn, b - 1) : null;
  const words: string[] = [];
  for (let k = a; k < b; k++) words.push(v.doc.tokens[k].text, k + 1 < b ? v.doc.text.slice(v.doc.tokens[k].end, v.doc.tokens[k + 1].start) : '');
  // "des US-Justizministeriums": the head in the genitive (by the tagger's Case) loses its ending.
  if (at && /(?:^|\|)Case=Gen/.test(at.words[at.word].feats)) {
    // A listed head tells its own ending ("Amt|es", where the shortest stem rule alone would leave "Amte").
    const h = headOf(lex.refs, head);
    const base = h && h.ending && lex.refs.genitiveEndings.includes(h.ending) ? head.slice(0, -h.ending.length) : withoutGenitive(lex.refs, head);
    words[words.length - 2] = words[words.length - 2].slice(0, base.length);
  }
  // "vom Auswärtigen Amt", "des Weißen Hauses": a capitalised adjective inside the name takes the strong ending the
  // head's gender asks for ("Auswärtiges Amt"), as names are cited without an article.
  const feats = nationalGender(v, a, b, at ? at.words[at.word].feats : '');
  for (let k = a; syn && k < b - 1; k++) {
    const p = parseAt(syn, k);
    const pw = p?.words[p.word];
    const adjective = pw && (pw.upos === 'ADJ' || pw.deprel === 'amod' || adjectivalNoun(v.lex.refs.lang, v.doc.tokens[k].text, pw.lemma));
    if (!adjective || !(isCap(v, k) || isDemonym(v, k))) continue;
    const strong = strongAdjective(v.lex.refs.lang, v.doc.tokens[k].text, feats);
    if (strong) words[2 * (k - a)] = strong;
  }
  return words.join('');
}

/**
 * A word the tagger took for a noun that is an inflected adjective ("Auswärtigen" with lemma "Auswärtige"): the
 * lemma in the -e form plus the rest of one of the language's adjective endings (data: entities/words.json).
 */
function adjectivalNoun(lang: string, word: string, lemma: string): boolean {
  const endings = entityLexicon(lang).words.adjectiveEndings;
  return lemma.length > 2 && lemma.endsWith('e') && word.startsWith(lemma) && endings.includes('e' + word.slice(lemma.length));
}

/** Is token k a nationality adjective of the gazetteer ("niederländischem", "iranischen")? */
function isDemonym(v: DocView, k: number): boolean {
  const word = v.doc.tokens[k].text;
  return !!entityLexicon(v.lex.refs.lang).gaz.get(word.slice(0, 2))?.some((e) => e.demonym && e.surface === word);
}

/** "niederländischem Außenamt", "iranischen Revolutionsgarden": a nationality adjective before a state-body head (lang data). */
function nationalBody(v: DocView, a: number, b: number): boolean {
  const head = headOf(v.lex.refs, v.lower[b - 1]);
  return b - a === 2 && isDemonym(v, a) && isCap(v, b - 1) && !!head && v.lex.nationalBodyHeads.has(head.stem);
}

/** The head's features, with the gender lang data gives a state-body head in place of the tagger's (singular only). */
function nationalGender(v: DocView, a: number, b: number, feats: string): string {
  const head = headOf(v.lex.refs, v.lower[b - 1]);
  const g = head && nationalBody(v, a, b) ? v.lex.nationalBodyHeads.get(head.stem) : undefined;
  if (!g || /(?:^|\|)Number=Plur/.test(feats)) return feats;
  const ud = g === 'masculine' ? 'Masc' : g === 'feminine' ? 'Fem' : 'Neut';
  return `Gender=${ud}|Number=Sing|${feats.replace(/(?:^|\|)(?:Gender|Number)=[^|]*/g, '')}`;
}

/** The strong form of an inflected adjective before a head of the gender `feats` states, or null (data: entities/words.json). */
function strongAdjective(lang: string, word: string, feats: string): string | null {
  const w = entityLexicon(lang).words;
  const forms = w.titleBase?.adjectiveForms;
  const g = /(?:^|\|)Gender=(Masc|Fem|Neut)/.exec(feats)?.[1];
  const plural = /(?:^|\|)Number=Plur/.test(feats);
  if (!forms || (plural ? forms.plural === undefined : !g || !/(?:^|\|)Number=Sing/.test(feats))) return null;
  const form = plural ? forms.plural! : g === 'Masc' ? forms.masculine : g === 'Fem' ? forms.feminine : forms.neuter;
  const low = word.toLowerCase();
  const e = w.adjectiveEndings.find((x) => x && low.endsWith(x) && low.length > x.length + 2);
  return e ? word.slice(0, word.length - e.length) + form : null;
}

/**
 * Give each speaking named source without an entity that names an institution an entity of its own (one per
 * name), added to the entity layer. Returns the entities added.
 */
export function addSpeakerEntities(v: DocView, entities: EntityLayer, speakers: Iterable<SourceRec>): Entity[] {
  const added: Entity[] = [];
  const byName = new Map<string, Entity>();
  for (const rec of speakers) {
    if (!rec.named || rec.entity || rec.group || !rec.mentions.length) continue;
    const m = rec.mentions[0];
    const a = tokenAt(v.doc, m.start), b = tokenAt(v.doc, m.end);
    // "erklärte sein Büro": the office of the person the possessive points to.
    const office = possessedOffice(v, entities, a, b);
    if (office) {
      for (const sp of rec.mentions) office.mentions.push({ start: sp.start, end: sp.end, text: sp.text });
      rec.entity = office.id;
      continue;
    }
    // „Die Kommission“ after the „Enquete-Kommission“: the compound's name.
    const back = institutionName(v, a, b) ? null : compoundAntecedent(v, a, b);
    const name = back ? institutionName(v, back[0], back[1]) : institutionName(v, a, b);
    // „Die Miliz“ after a sentence naming the „Rebellengruppe M23“: that organisation.
    const org = name ? null : organizationAntecedent(v, a, b);
    if (org) { rec.entity = org; continue; }
    if (!name) continue;
    const key = name.toLowerCase();
    let e = byName.get(key);
    if (!e) {
      let id = `org:speaker:${key.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
      while (entities.byId.has(id)) id += '-';
      e = { id, type: 'organization', kind: null, name, aliases: [], mentions: [], roles: [], attributes: { origin: 'quotes' } };
      byName.set(key, e);
      entities.entities.push(e);
      entities.byId.set(id, e);
      added.push(e);
    }
    for (const sp of rec.mentions) e.mentions.push({ start: sp.start, end: sp.end, text: sp.text });
    rec.entity = e.id;
  }
  return added;
}

/**
 * A speaking institution the entities stage named after its owner ("Military (Russia)", "Außenministerium (Frankreich)")
 * gets the phrase the article calls it by as an alias ("Russian military", "israelische Armee"), so the speaker is
 * known by the article's own words: a phrase of two to MAX_NAME_WORDS words, without determiners, ending in an
 * institution word, with no preposition, verb or clause inside.
 */
export function addInstitutionAliases(v: DocView, speakers: Iterable<SourceRec>): void {
  const lex = v.lex;
  for (const rec of speakers) {
    const e = rec.entity ? v.entities.byId.get(rec.entity) : undefined;
    if (!e || e.type !== 'organization' || rec.group) continue;
    // "Büro (Benjamin Netanjahu)": a person's institution is also known by the possessive name („Netanjahus Büro“).
    const owner = typeof e.attributes?.of === 'string' ? v.entities.byId.get(e.attributes.of) : undefined;
    const head = e.name.replace(/\s*\(.*$/, '');
    const possessive = owner?.type === 'person' && !/\s/.test(head) ? possessiveName(v, owner, head) : null;
    if (possessive && !e.aliases.includes(possessive)) e.aliases.push(possessive);
    for (const m of rec.mentions) {
      let a = tokenAt(v.doc, m.start);
      const b = tokenAt(v.doc, m.end);
      while (a < b && lex.determiners.has(v.lower[a])) a++;
      if (b - a < 2 || b - a > MAX_NAME_WORDS || descriptionClass(lex.refs, v.lower[b - 1]) !== 'institution') continue;
      let clean = true;
      for (let k = a; k < b && clean; k++) clean = !(isPunct(v, k) && v.lower[k] !== '-' && !lex.genitiveLinks.has(v.lower[k])) && !lex.prepositions.has(v.lower[k]) && !v.verbMask[k];
      if (!clean) continue;
      const alias = v.doc.text.slice(v.doc.tokens[a].start, v.doc.tokens[b - 1].end);
      // „des französischen Außenministeriums“ is cited as „französisches Außenministerium“ too.
      const base = institutionName(v, a, b);
      for (const x of [alias, base]) if (x && x !== e.name && !e.aliases.includes(x)) e.aliases.push(x);
    }
  }
}
