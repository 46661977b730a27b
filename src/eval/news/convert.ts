/** Working file (anchors, written by an annotator) → backchannel.news-gold/1 (offsets), with every reference checked. */
import { resolveAnchor, AnchorError, insideWord, type Anchor } from './anchor.js';
import { textHash } from './text.js';
import {
  ACTOR_TYPES, MODALITIES, NEWS_GOLD_SCHEMA, QUOTE_KINDS, RESPONSE_KINDS, ROLE_STATUSES, TIE_TYPES, TIMEX_TYPES,
  type GoldSpan, type NewsGold,
} from './types.js';

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function convertWorkFile(work: Obj, text: string, status: string): { gold: NewsGold; errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const span = (a: unknown, where: string): GoldSpan => {
    try {
      const s = resolveAnchor(text, a as Anchor, where);
      if (insideWord(text, s)) warnings.push(`${where}: "${s.check}" starts or ends inside a word — the right occurrence? (check "n")`);
      return s;
    } catch (e) {
      if (!(e instanceof AnchorError)) throw e;
      errors.push(e.message);
      return { start: 0, end: 0, check: '' };
    }
  };
  const opt = (a: unknown, where: string) => (a === null || a === undefined ? null : span(a, where));
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], where: string, nullable = false): T | null => {
    if ((v === null || v === undefined) && nullable) return null;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    errors.push(`${where}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}${nullable ? ' (or null)' : ''}`);
    return nullable ? null : allowed[0]!;
  };
  const actors = arr(work.actors).map((a, i) => ({
    id: String(a.id), name: String(a.name), type: oneOf(a.type, ACTOR_TYPES, `actors[${i}].type`)!,
    kind: str(a.kind), aliases: Array.isArray(a.aliases) ? a.aliases.map(String) : [],
  }));
  const sources = arr(work.sources).map((s, i) => ({
    id: String(s.id), description: String(s.description ?? ''), count: typeof s.count === 'number' ? s.count : null,
    affiliation: str(s.affiliation), parent: str(s.parent), reason: opt(s.reason, `sources[${i}].reason`),
    mentions: arr(s.mentions).map((m, k) => span(m, `sources[${i}].mentions[${k}]`)),
  }));
  const gold: NewsGold = {
    schema: NEWS_GOLD_SCHEMA, file: String(work.file), textHash: textHash(text), status,
    actors,
    roles: arr(work.roles).map((r, i) => ({
      holder: String(r.holder), title: String(r.title), of: str(r.of),
      status: oneOf(r.status, ROLE_STATUSES, `roles[${i}].status`, true), tie: oneOf(r.tie, TIE_TYPES, `roles[${i}].tie`, true),
      at: span(r.at, `roles[${i}].at`),
    })),
    sources,
    quotes: arr(work.quotes).map((q, i) => ({
      id: String(q.id ?? `q${i + 1}`), kind: oneOf(q.kind, QUOTE_KINDS, `quotes[${i}].kind`)!, at: span(q.at, `quotes[${i}].at`),
      cue: opt(q.cue, `quotes[${i}].cue`), speaker: str(q.speaker), source: str(q.source), channel: str(q.channel),
    })),
    responses: arr(work.responses).map((r, i) => ({
      actor: str(r.actor), source: str(r.source), kind: oneOf(r.kind, RESPONSE_KINDS, `responses[${i}].kind`)!, at: span(r.at, `responses[${i}].at`),
    })),
    relations: arr(work.relations).map((r, i) => ({
      subject: String(r.subject), object: String(r.object), type: String(r.type),
      modality: oneOf(r.modality ?? 'asserted', MODALITIES, `relations[${i}].modality`)!, at: span(r.at, `relations[${i}].at`),
    })),
    time: arr(work.time).map((t, i) => ({
      at: span(t.at, `time[${i}].at`), type: oneOf(t.type, TIMEX_TYPES, `time[${i}].type`)!, value: String(t.value ?? ''), mod: str(t.mod),
    })),
  };
  checkReferences(gold, errors);
  return { gold, errors, warnings };
}

function checkReferences(g: NewsGold, errors: string[]): void {
  const actorIds = new Set(g.actors.map((a) => a.id));
  const sourceIds = new Set(g.sources.map((s) => s.id));
  if (actorIds.size !== g.actors.length) errors.push('actors: duplicate ids');
  if (sourceIds.size !== g.sources.length) errors.push('sources: duplicate ids');
  const actor = (id: string | null, where: string) => { if (id !== null && !actorIds.has(id)) errors.push(`${where}: unknown actor "${id}"`); };
  const source = (id: string | null, where: string) => { if (id !== null && !sourceIds.has(id)) errors.push(`${where}: unknown source "${id}"`); };
  g.roles.forEach((r, i) => { actor(r.holder, `roles[${i}].holder`); actor(r.of, `roles[${i}].of`); });
  g.sources.forEach((s, i) => { actor(s.affiliation, `sources[${i}].affiliation`); source(s.parent, `sources[${i}].parent`); });
  g.quotes.forEach((q, i) => {
    actor(q.speaker, `quotes[${i}].speaker`); source(q.source, `quotes[${i}].source`);
    if (q.speaker && q.source) errors.push(`quotes[${i}]: a quote has a speaker (named actor) or a source (anonymous group), not both`);
  });
  g.responses.forEach((r, i) => { actor(r.actor, `responses[${i}].actor`); source(r.source, `responses[${i}].source`); });
  g.relations.forEach((r, i) => {
    actor(r.subject, `relations[${i}].subject`); actor(r.object, `relations[${i}].object`);
    if (!/^[a-z_]+(\/[a-z_]+)?$/.test(r.type)) errors.push(`relations[${i}].type: "${r.type}" is not a type of docs/ontology.md`);
  });
}
