/**
 * The entities stage: NER mentions → actors. Passes, each one scan over the tokens:
 *   gazetteer (countries, capitals, demonyms, known organisations) → NER candidates → role words →
 *   names after titles → parenthesised acronyms → clustering → rescan for further occurrences →
 *   role phrases and holders → organisations from phrases → places vs actors → ages, descriptions, pronouns →
 *   entities with stable ids.
 * The byline and the dateline are never mined.
 */
import type { Doc } from '../text/types.js';
import type { NerMention } from '../ml/ner-stage.js';
import type { Entity, EntityType, Role } from '../contract/schema.js';
import type { EntityLayer, EntityMention, RoleMention } from './types.js';
import { makeEntityLayer } from './layer.js';
import { entityLexicon } from './lexicon.js';
import { makeCtx, slug, foldKey, isUpper, type Cand, type Ctx } from './context.js';
import { scanGazetteer } from './gazetteer.js';
import { nerCandidates, titledNames, parentheticalAcronyms, rescanNames } from './names.js';
import { findTitles, buildRolePhrases, roleOf, baseTitle, type RolePhrase } from './roles.js';
import { stripGenitives, clusterCands, rescanSurfaces, type Cluster } from './cluster.js';
import { CandIndex } from './cand-index.js';
import { seedGender } from '../references/gender-seed.js';
import { findOrgPhrases, type OrgPhrase } from './org-phrases.js';
import { describedNames } from './described-names.js';
import { linkPortfolios, type Ministry } from './portfolios.js';
import { citationForm } from '../references/citation-form.js';
import { markLocative, resolvePronouns, ageDescriptions, definiteDescriptions } from './coref.js';

export { makeEntityLayer } from './layer.js';

/**
 * Mention kinds that go into the contract entity's `mentions`: name-like ones, and demonyms ("japanische",
 * "US-" in "US-Botschafter"), which refer to their country too — a country named only through a demonym
 * ("der nordkoreanische Führer") is listed with that mention, never with none.
 */
const CONTRACT_KINDS = new Set<EntityMention['kind']>(['name', 'alias', 'acronym', 'possessive', 'compound', 'capital', 'demonym']);

/** Entry point of the entities stage: NER mentions → actors (clustered, typed, with roles). */
export function extractEntities(doc: Doc, ner: NerMention[]): EntityLayer {
  const lex = entityLexicon(doc.language);
  const ctx = makeCtx(doc, lex);
  const n = ctx.toks.length;

  const gaz = scanGazetteer(ctx);
  markLocative(ctx, gaz);
  const nerC = nerCandidates(ctx, ner, gaz);
  let cands: Cand[] = [...dropNestedOrganizations(n, gaz, nerC), ...nerC];
  const hits = findTitles(ctx, new CandIndex(n, cands));
  const covered = new CandIndex(n, cands).covered;
  cands.push(...titledNames(ctx, hits, covered));
  cands.push(...describedNames(ctx, covered));
  const acronyms = parentheticalAcronyms(ctx, cands);
  stripGenitives(ctx, cands);
  const clusters = clusterCands(ctx, cands, acronyms);
  const rescued = rescanNames(ctx, rescanSurfaces(clusters), new CandIndex(n, cands).covered);
  for (const c of rescued) { const cl = clusters.get(c.entity!); if (cl) cl.cands.push(c); }
  markLocative(ctx, rescued);
  cands = cands.concat(rescued);

  // Entity ids and names per cluster.
  const info = new Map<string, EntityDraft>();
  const idOf = new Map<string, string>();
  for (const cl of clusters.values()) {
    const d = draftFromCluster(ctx, cl);
    if (!d) continue;
    const prev = info.get(d.id);
    if (prev) mergeDraft(prev, d); else info.set(d.id, d);
    idOf.set(cl.key, d.id);
  }
  for (const c of cands) if (c.entity) c.entity = idOf.get(c.entity) ?? (c.target ? c.target.id : undefined);
  splitCapitalPlaces(cands, info);
  // "Liberaldemokratische Partei Japans": an organisation named with its country belongs to it.
  const countryByEnd = new Map<number, Cand>();
  const countryAfter = new Map<number, Cand>();
  const countryAtStart = new Map<number, Cand>();
  for (const g of gaz) if (g.target?.kind === 'country' && g.kind !== 'capital') countryAtStart.set(g.start, g);
  for (const g of gaz) if (g.target?.kind === 'country' && g.kind !== 'demonym') {
    if (!countryByEnd.has(g.end)) countryByEnd.set(g.end, g);
    if (!countryAfter.has(g.tokenStart)) countryAfter.set(g.tokenStart, g);
  }
  for (const c of cands) {
    if (c.type !== 'organization' || c.target || !c.entity) continue;
    const g = countryByEnd.get(c.end);
    // Nested ("Bank of Japan") or a genitive right after the name ("Liberaldemokratische Partei Japans").
    const after = countryAfter.get(c.tokenEnd);
    // … or a country (or its demonym) opening the name ("U.S. Commerce Department", "Japanese Red Cross").
    const first = countryAtStart.get(c.start);
    const nested = g && g.start > c.start ? g : after?.genitive ? after : first && first.end < c.end ? first : undefined;
    const d = info.get(c.entity);
    if (nested && d) d.attributes.country ??= nested.target!.id;
  }
  // "den niederländischen Konkurrenten Veldhoven Chemie", "the Dutch rival Veldhoven": a demonym and one common
  // noun before an organisation's name give its country.
  const demonymEndingAt = new Map<number, Cand>();
  for (const g of gaz) if (g.kind === 'demonym' && g.target?.kind === 'country' && g.tokenEnd === g.tokenStart + 1) demonymEndingAt.set(g.tokenEnd, g);
  // English descriptors may take a noun modifier ("the Dutch equipment maker Lindqvist"): up to two lower-case words.
  const maxNouns = ctx.lex.words.capitalizedNouns ? 1 : 2;
  for (const c of cands) {
    if (c.type !== 'organization' || c.target || !c.entity || c.kind !== 'name' || c.tokenStart < 2) continue;
    const d = info.get(c.entity);
    if (!d) continue;
    for (let n = 1; n <= maxNouns && c.tokenStart - n >= 1; n++) {
      const noun = c.tokenStart - n;
      if (!/^\p{L}+$/u.test(ctx.toks[noun].text) || ctx.lex.determiners.has(ctx.low[noun])) break;
      if (ctx.lex.words.capitalizedNouns !== isUpper(ctx.toks[noun].text[0])) break;
      const dem = demonymEndingAt.get(noun);
      if (dem) { d.attributes.country ??= dem.target!.id; break; }
    }
  }
  // "Taiwan's Hsinchu Precision": a country in the possessive right before an organisation's name is where the
  // organisation is from; that mention places the organisation and does not make the country act.
  const orgAt = new Map<number, Cand>();
  for (const c of cands) if (c.type === 'organization' && !c.target && c.entity && c.kind === 'name') orgAt.set(c.tokenStart, c);
  for (const g of gaz) {
    if (!g.genitive || g.kind === 'demonym' || g.kind === 'capital' || g.target?.kind !== 'country') continue;
    let t = g.tokenEnd;
    if (t < ctx.toks.length && ctx.lex.words.possessiveClitics.includes(ctx.toks[t].text)) t++;
    const o = orgAt.get(t);
    const d = o ? info.get(o.entity!) : undefined;
    if (!d) continue;
    d.attributes.country ??= g.target.id;
    g.locative = true;
  }
  // Demonyms point to their country even when it is never named.
  for (const c of cands) if (c.kind === 'demonym' && c.target) {
    c.entity = c.target.id;
    if (!info.has(c.target.id)) info.set(c.target.id, { id: c.target.id, type: c.target.type, kind: c.target.kind, name: c.target.name ?? c.surface, aliases: new Set(), attributes: countryAttrs(c.target), firstPos: c.start, named: false });
  }
  let idx = new CandIndex(n, cands.filter((c) => c.entity));

  // Organisations from phrases (before roles: "China's foreign ministry spokesman" is the ministry's).
  const { phrases: orgPhrases, descriptors } = findOrgPhrases(ctx, idx);
  const orgCands: Cand[] = [];
  for (const op of orgPhrases) {
    // "das Verteidigungsministerium in Berlin": the ministry is the country's, not the city's.
    const owner = info.get(op.owner.kind === 'capital' && op.owner.target ? op.owner.target.id : op.owner.entity!) ?? info.get(op.owner.entity!);
    if (!owner) continue;
    const ref = owner.kind === 'country' ? owner.id.slice('country:'.length) : slug(owner.name);
    const id = `org:${op.head.key}:${ref}`;
    if (!info.has(id)) {
      const attributes: Record<string, unknown> = owner.kind === 'country' ? { country: owner.id } : { of: owner.id };
      if (op.location?.entity) attributes.location = op.location.entity;
      // "Trump-Kampagne" names itself; "Außenministerium" needs its owner: "Außenministerium (Japan)".
      const name = op.via === 'compound' && op.headText.includes('-') ? op.headText : `${titleCase(op.headText, ctx)} (${owner.name})`;
      info.set(id, { id, type: 'organization', kind: op.head.kind, name, aliases: new Set(), attributes, firstPos: op.start, named: true, fromPhrase: true });
    } else if (op.location?.entity) info.get(id)!.attributes.location ??= op.location.entity;
    orgCands.push({ start: op.start, end: op.end, tokenStart: op.tokenStart, tokenEnd: op.tokenEnd, type: 'organization', kind: 'name', genitive: false, surface: ctx.text.slice(op.start, op.end), key: foldKey(op.headText), source: 'rescan', entity: id });
  }
  for (const d of descriptors) {
    let e = d.target.entity ? info.get(d.target.entity) : undefined;
    if (!e) continue;
    if (e.type === 'person' || e.type === 'other' || (e.type === 'location' && e.kind === null)) e = retype(info, cands, e, 'organization');
    e.kind ??= d.kind;
    if (d.country?.entity) e.attributes.country ??= d.country.entity;
    if (d.nameHead !== undefined && e.type === 'organization') {
      // "die Stiftung Nordbrücke": the foundation is named "Stiftung Nordbrücke"; the bare name stays an alias.
      const t = d.target, h = ctx.toks[d.nameHead];
      t.start = h.start; t.tokenStart = d.nameHead; t.surface = ctx.text.slice(t.start, t.end); t.key = foldKey(t.surface);
      if (!e.name.includes(' ')) renameOrganization(info, cands, e, `${h.text} ${e.name}`);
    }
  }
  // A one-word "person" or "other" that is also an organisation's whole name here is that organisation,
  // tagged both ways by the NER ("Lumetra" … "Lumetras Betriebsrat").
  for (const e of [...info.values()]) {
    if ((e.type === 'person' || e.type === 'other') && !e.kind && !/\s/.test(e.name) && info.get(`org:${slug(e.name)}`)?.type === 'organization') retype(info, cands, e, 'organization');
  }
  cands = cands.concat(orgCands);
  idx = new CandIndex(n, cands.filter((c) => c.entity));
  const phrases = buildRolePhrases(ctx, hits, idx);
  for (const p of phrases) p.holder = p.holderCand?.entity ?? null;
  // "Vanhove's founder, Pieter Vanhove": nobody owns their own role; the possessive is the organisation whose
  // name it begins (the surname clustered it with the person).
  for (const p of phrases) {
    const o = p.possessor;
    if (!o || !p.holder || o.entity !== p.holder) continue;
    const k = foldKey(o.surface) + ' ';
    for (const d of info.values()) if (d.type === 'organization' && foldKey(d.name).startsWith(k)) { o.entity = d.id; o.type = 'organization'; break; }
  }
  const ministries: Ministry[] = [];
  for (const e of info.values()) if (e.kind === 'ministry' && typeof e.attributes.country === 'string') ministries.push({ name: e.name, country: e.attributes.country });
  linkPortfolios(ctx, phrases, ministries, roleOf);
  retypeCoordinatedOrganizations(ctx, info, cands, phrases);
  // "chief executive of Solberg Line": what a corporate title is of is an organisation, not a tagged place.
  const corporate = lex.words.corporateTitles ?? [];
  for (const p of phrases) {
    const of = roleOf(p);
    const e = of ? info.get(of) : undefined;
    if (!e || e.type !== 'location' || e.kind !== null) continue;
    const t = p.title.toLowerCase();
    if (corporate.some((c) => t === c || t.endsWith(c))) retype(info, cands, e, 'organization');
  }

  // Ages, descriptions, pronouns.
  const ages = new Map<string, number>();
  const gender = new Map<string, 'm' | 'f'>();
  // First names, gendered role nouns ("chairwoman", "Tochter", feminine endings "Ministerin" from words.json titleBase)
  // and honorifics ("Mrs", "Herr"): src/references/gender-seed.ts.
  seedGender({
    lang: ctx.lex.lang, low: ctx.low, compoundHeads: !!lex.words.compoundHeads,
    feminineEndings: lex.words.compoundHeads ? lex.words.titleBase?.feminineEndings ?? [] : [],
    persons: [...info.values()].filter((d) => d.type === 'person'),
    roles: phrases.flatMap((p) => (p.holder ? [{ holder: p.holder, head: ctx.low[p.hit.headEnd - 1] }] : [])),
    mentions: cands.flatMap((c) => (c.entity && c.type === 'person' ? [{ entity: c.entity, tokenStart: c.tokenStart }] : [])),
  }, gender);
  const ageC = ageDescriptions(ctx, idx, ages);
  // "der 55 Jahre alte Geschäftsführer …, Sven Behrens": an age modifying a title is its holder's, and the
  // age's adjective ("alte") is no part of the title.
  if (lex.ageBeforeTitle) for (const p of phrases) {
    if (!p.holder || p.hit.headStart === 0) continue;
    const from = ctx.toks[Math.max(0, p.titleFrom - 4)].start;
    const m = lex.ageBeforeTitle.exec(ctx.text.slice(from, ctx.toks[p.hit.headStart].start));
    if (!m) continue;
    ages.set(p.holder, Number(m[1]));
    const ageEnd = from + m.index + m[0].trimEnd().length;
    if (ctx.toks[p.titleFrom].start < ageEnd && !p.toCand) {
      let t = p.titleFrom;
      while (t < p.hit.headStart && ctx.toks[t].start < ageEnd) t++;
      p.titleFrom = t;
      p.title = baseTitle(ctx, t, p.hit);
    }
  }
  const orgKinds = new Map<string, string>();
  for (const e of info.values()) if (e.type === 'organization' && e.kind) orgKinds.set(e.id, e.kind);
  const descC = definiteDescriptions(ctx, idx, phrases, orgKinds).filter((c) => (info.get(c.entity!)?.firstPos ?? Infinity) < c.start);
  cands = cands.concat(ageC, descC);
  idx = new CandIndex(n, cands.filter((c) => c.entity));
  const pronC = resolvePronouns(ctx, idx, { get: (e) => gender.get(e), set: (e, g) => gender.set(e, g) });
  cands = cands.concat(pronC);

  return assemble(ctx, info, cands, phrases, ages, gender);
}

/**
 * A known organisation inside a longer organisation name is part of that name, not a mention of its own:
 * "United Nations" in "United Nations Development Programme". (Countries stay: "U.S." in "U.S. Commerce
 * Department" tells the department's country.)
 */
function dropNestedOrganizations(n: number, gaz: Cand[], ner: Cand[]): Cand[] {
  const orgAt: (Cand | undefined)[] = new Array(n);
  for (const c of ner) if (c.type === 'organization' && c.kind === 'name') for (let t = c.tokenStart; t < c.tokenEnd; t++) orgAt[t] = c;
  return gaz.filter((g) => {
    if (g.target?.type !== 'organization' || (g.kind !== 'name' && g.kind !== 'acronym')) return true;
    const o = orgAt[g.tokenStart];
    return !(o && o.start <= g.start && o.end >= g.end && o.end - o.start > g.end - g.start);
  });
}

/**
 * A capital stands for its government when it acts ("Beijing said"), but "in Suva", "visit Suva" is the city:
 * a place entity of its own, with a language-neutral id and its country as attribute.
 */
function splitCapitalPlaces(cands: Cand[], info: Map<string, EntityDraft>): void {
  for (const c of cands) {
    if (c.kind !== 'capital' || !c.locative || c.target?.kind !== 'country' || !c.target.iso2) continue;
    const id = `location:capital-${c.target.iso2.toLowerCase()}`;
    const d = info.get(id);
    if (!d) info.set(id, { id, type: 'location', kind: 'city', name: c.surface, aliases: new Set(), attributes: { country: c.target.id }, firstPos: c.start, named: true });
    else { if (c.surface !== d.name) d.aliases.add(c.surface); d.firstPos = Math.min(d.firstPos, c.start); }
    c.entity = id;
    c.type = 'location';
  }
  // A capital seen only as the city is no alias of its country.
  const still = new Set<string>();
  for (const c of cands) if (c.kind === 'capital' && c.entity?.startsWith('country:')) still.add(`${c.entity}|${c.surface}`);
  for (const c of cands) if (c.kind === 'capital' && c.entity?.startsWith('location:capital-') && c.target && !still.has(`${c.target.id}|${c.surface}`)) info.get(c.target.id)?.aliases.delete(c.surface);
}

/**
 * "analysts at Goldman Sachs and JPMorgan": a one-word "person" never given a first name, a title or a role,
 * coordinated with a named organisation, is an organisation the tagger mistyped (news introduce people in full).
 */
function retypeCoordinatedOrganizations(ctx: Ctx, info: Map<string, EntityDraft>, cands: Cand[], phrases: RolePhrase[]): void {
  const { low, lex } = ctx;
  const n = ctx.toks.length;
  const holders = new Set<string>();
  for (const p of phrases) if (p.holder) holders.add(p.holder);
  const orgEnd = new Set<number>(), orgStart = new Set<number>();
  for (const c of cands) if (c.entity && c.type === 'organization' && c.kind === 'name') { orgEnd.add(c.tokenEnd); orgStart.add(c.tokenStart); }
  for (const e of [...info.values()]) {
    if (e.type !== 'person' || /\s/.test(e.name) || holders.has(e.id)) continue;
    const coordinated = cands.some((c) => c.entity === e.id && c.kind === 'name' && (
      (c.tokenStart >= 2 && lex.conjunctions.has(low[c.tokenStart - 1]) && orgEnd.has(c.tokenStart - 1)) ||
      (c.tokenEnd + 1 < n && lex.conjunctions.has(low[c.tokenEnd]) && orgStart.has(c.tokenEnd + 1))));
    if (coordinated) retype(info, cands, e, 'organization');
  }
}

/** Gives an organisation a fuller name (and the id that goes with it); the old name becomes an alias. */
function renameOrganization(info: Map<string, EntityDraft>, cands: Cand[], e: EntityDraft, name: string): void {
  const id = `org:${slug(name)}`;
  if (id === e.id) return;
  const existing = info.get(id);
  const moved: EntityDraft = existing ?? { ...e, id, name, aliases: new Set(e.aliases) };
  moved.aliases.add(e.name);
  if (existing) mergeDraft(existing, e);
  info.delete(e.id);
  info.set(id, moved);
  for (const c of cands) if (c.entity === e.id) c.entity = id;
}

/** Type sanity from a descriptor: "der Autokonzern X" makes X an organisation, with a new id. */
function retype(info: Map<string, EntityDraft>, cands: Cand[], e: EntityDraft, type: EntityType): EntityDraft {
  const id = `${TYPE_PREFIX[type]}:${slug(e.name)}`;
  // The same name seen elsewhere as that type already ("Halvor-Vorstandschef"): one entity, all mentions.
  const existing = info.get(id);
  const moved: EntityDraft = existing ?? { ...e, id, type };
  if (existing) mergeDraft(existing, e);
  info.delete(e.id);
  info.set(id, moved);
  for (const c of cands) if (c.entity === e.id) { c.entity = id; c.type = type; }
  return moved;
}

interface EntityDraft {
  id: string;
  type: EntityType;
  kind: string | null;
  name: string;
  aliases: Set<string>;
  attributes: Record<string, unknown>;
  firstPos: number;
  /** Named somewhere in the text (not only through a demonym). */
  named: boolean;
  /** Built from a phrase around its owner ("China's foreign ministry"), not from a name of its own. */
  fromPhrase?: boolean;
}

const TYPE_PREFIX: Record<EntityType, string> = { person: 'person', organization: 'org', location: 'location', other: 'other' };

function countryAttrs(t: { iso2?: string; iso3?: string }): Record<string, unknown> {
  return t.iso2 ? { iso2: t.iso2, iso3: t.iso3 } : {};
}

function draftFromCluster(ctx: Ctx, cl: Cluster): EntityDraft | null {
  const names = cl.cands.filter((c) => c.kind !== 'demonym');
  if (!names.length) return null;
  const surfaces = names.map((c) => c.surface);
  let name: string;
  if (cl.target?.name) name = cl.target.name;
  else {
    // The fullest form seen: most words, then longest; acronyms only when nothing else is seen.
    const pool = names.filter((c) => c.kind !== 'acronym' && c.kind !== 'compound');
    const from = pool.length ? pool : names;
    name = from.map((c) => c.surface).sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length)[0];
  }
  if (cl.type === 'person' && isByline(ctx, name)) return null;
  if (cl.type === 'organization' && !cl.target) name = nominative(ctx, name);
  // Names of things are cited in the nominative ("Weißen Haus" → "Weiße Haus"); persons' names are not inflected.
  if (cl.type !== 'person' && !cl.target?.name) name = citationForm(ctx.lex.lang, name, { keepStrong: true });
  const id = cl.target ? cl.target.id : `${TYPE_PREFIX[cl.type]}:${slug(name)}`;
  const aliases = new Set(surfaces.filter((s) => s !== name));
  return {
    id, type: cl.type, kind: cl.target?.kind ?? null, name, aliases,
    attributes: cl.target ? countryAttrs(cl.target) : {},
    firstPos: names.reduce((m, c) => Math.min(m, c.start), Infinity), named: true,
  };
}

/** "Liberaldemokratischen Partei Japans" → "Liberaldemokratische Partei Japans" (rules in words.json). */
function nominative(ctx: Ctx, name: string): string {
  const nom = ctx.lex.words.nominative;
  if (!nom) return name;
  const ws = name.split(' ');
  const h = ws.findIndex((w, i) => i > 0 && nom.feminineHeads.some((f) => w.toLowerCase().endsWith(f)));
  if (h < 0) return name;
  for (let i = 0; i < h; i++) {
    const rule = nom.adjectiveRewrites.find(([from]) => ws[i].endsWith(from));
    if (rule) ws[i] = ws[i].slice(0, -rule[0].length) + rule[1];
  }
  return ws.join(' ');
}

function isByline(ctx: Ctx, name: string): boolean {
  const b = ctx.doc.byline;
  return !!b && (b.reporters.includes(name) || b.editors.includes(name));
}

function mergeDraft(a: EntityDraft, b: EntityDraft): void {
  for (const s of b.aliases) a.aliases.add(s);
  if (b.name !== a.name) a.aliases.add(b.name);
  a.firstPos = Math.min(a.firstPos, b.firstPos);
}

function titleCase(s: string, ctx: Ctx): string {
  return ctx.lex.words.capitalizedNouns ? s : s.replace(/\b\p{Ll}/gu, (m) => m.toUpperCase());
}

function assemble(ctx: Ctx, info: Map<string, EntityDraft>, cands: Cand[], phrases: RolePhrase[], ages: Map<string, number>, gender: Map<string, 'm' | 'f'>): EntityLayer {
  const { text } = ctx;
  // Mentions: one per (span, entity); sorted.
  const seen = new Set<string>();
  const mentions: EntityMention[] = [];
  for (const c of cands) {
    if (!c.entity || !info.has(c.entity)) continue;
    const k = `${c.start}:${c.end}:${c.entity}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const m: EntityMention = { entity: c.entity, start: c.start, end: c.end, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, kind: c.kind, text: text.slice(c.start, c.end) };
    if (c.genitive) m.genitive = true;
    if (c.locative) m.locative = true;
    mentions.push(m);
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);

  // Roles on their holders, deduplicated by title and "of".
  const roles = new Map<string, Role[]>();
  const roleKeys = new Map<string, Map<string, { role: Role; explicit: boolean }>>();
  const roleMentions: RoleMention[] = [];
  for (const p of phrases) {
    let of = roleOf(p);
    if (of && !info.has(of)) of = null;
    if (of && of === p.holder) of = null;
    const holder = p.holder && info.has(p.holder) ? p.holder : null;
    const ts = p.tokStart, te = p.tokEnd;
    roleMentions.push({
      title: p.title, of, status: p.status, holder, start: ctx.toks[ts].start, end: ctx.toks[te - 1].end, tokenStart: ts, tokenEnd: te,
      titleStart: ctx.toks[p.titleFrom].start, titleEnd: ctx.toks[p.hit.headEnd - 1].end,
    });
    if (!holder) continue;
    const hc = p.holderCand!;
    const s = Math.min(ctx.toks[ts].start, hc.start), e = Math.max(ctx.toks[te - 1].end, hc.end);
    const role: Role = { title: p.title, of, status: p.status, evidence: { start: s, end: e, text: text.slice(s, e) } };
    const byKey = roleKeys.get(holder) ?? roleKeys.set(holder, new Map()).get(holder)!;
    const key = foldKey(p.title) + '|' + (of ?? '');
    const prev = byKey.get(key);
    if (prev) { if (p.explicitStatus && !prev.explicit) { prev.role.status = p.status; prev.explicit = true; } continue; }
    byKey.set(key, { role, explicit: p.explicitStatus });
    (roles.get(holder) ?? roles.set(holder, []).get(holder)!).push(role);
  }
  // "Polens Außenminister X" … "X war … Außenminister": the same office keeps its "of".
  for (const list of roles.values()) {
    for (const r of list) if (r.of === null) {
      const same = list.find((o) => o !== r && o.of !== null && foldKey(o.title) === foldKey(r.title));
      if (same) r.of = same.of;
    }
  }

  const byEntity = new Map<string, EntityMention[]>();
  for (const m of mentions) (byEntity.get(m.entity) ?? byEntity.set(m.entity, []).get(m.entity)!).push(m);
  const entities: Entity[] = [];
  for (const d of [...info.values()].sort((a, b) => a.firstPos - b.firstPos)) {
    const ms = byEntity.get(d.id) ?? [];
    if (!ms.some((m) => CONTRACT_KINDS.has(m.kind))) continue;
    const attributes = { ...d.attributes };
    const age = ages.get(d.id);
    if (age !== undefined) attributes.age = age;
    // The gender a feminine role noun or a resolved pronoun gave ("Ministerin", "sie sagte"): later stages' pronouns check it.
    const g = d.type === 'person' ? gender.get(d.id) : undefined;
    if (g) attributes.gender = g;
    const aliases = [...d.aliases].filter((a) => a !== d.name);
    entities.push({
      id: d.id, type: d.type, kind: d.kind, name: d.name, aliases,
      mentions: ms.filter((m) => CONTRACT_KINDS.has(m.kind)).map((m) => ({ start: m.start, end: m.end, text: m.text! })),
      roles: roles.get(d.id) ?? [],
      attributes,
    });
  }
  const kept = new Set(entities.map((e) => e.id));
  // "U.S." in "U.S. Treasury" names the department's country (kept in the contract's mentions) but is no actor
  // of the clause: the layer the later stages read has only the organisation there.
  const nestedCountry = new Set<EntityMention>();
  for (let i = 0; i < mentions.length; i++) {
    const o = mentions[i];
    const od = o.kind === 'name' ? info.get(o.entity) : undefined;
    const country = od && !od.fromPhrase ? od.attributes.country : undefined;
    if (typeof country !== 'string') continue;
    for (let k = i + 1; k < mentions.length && mentions[k].start < o.end; k++) {
      const m = mentions[k];
      if (m.entity === country && m.end <= o.end && m.end - m.start < o.end - o.start) nestedCountry.add(m);
    }
  }
  for (const e of entities) for (const r of e.roles) if (r.of && !kept.has(r.of)) r.of = null;
  return makeEntityLayer(entities, mentions.filter((m) => kept.has(m.entity) && !nestedCountry.has(m)), roleMentions.map((r) => ({ ...r, of: r.of && kept.has(r.of) ? r.of : null, holder: r.holder && kept.has(r.holder) ? r.holder : null })));
}
