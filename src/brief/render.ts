/**
 * The brief: a readable account of one analysis — actors with roles, sourcing, quotes by speaker,
 * relations by actor, a dated timeline, and flags. Markdown or plain text; it shows whatever the stages
 * produced and says so when a layer is empty.
 */
import type { Analysis, Entity, Quote, Relation, Source, TimelineItem } from '../contract/schema.js';
import { describeRelation } from '../relations/describe.js';
import { forTerminalLine } from '../util/terminal.js';
import { markdownText } from './escape.js';

export type BriefFormat = 'markdown' | 'text';

/** How a text field appears in the brief: escaped for markdown, or on one clean line for a terminal. */
type Esc = (s: string | null | undefined) => string;

export function renderBrief(a: Analysis, format: BriefFormat = 'markdown'): string {
  const md = format === 'markdown';
  // Every field from the analysis goes through esc: it is the article's text, never markup or terminal codes.
  const esc: Esc = (s) => (md ? markdownText(s ?? '') : forTerminalLine(s ?? ''));
  const out: string[] = [];
  const h1 = (s: string) => out.push(md ? `# ${s}` : `${s}\n${'='.repeat(Math.min(80, s.length))}`);
  const h2 = (s: string) => out.push('', md ? `## ${s}` : `${s}\n${'-'.repeat(Math.min(80, s.length))}`);
  const li = (s: string, depth = 0) => out.push(`${'  '.repeat(depth)}${md ? '-' : '*'} ${s}`);
  const b = (s: string) => (md ? `**${s}**` : s);
  const q = (s: string) => `“${esc(oneLine(s))}”`;
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  const name = (id: string | null) => esc(id ? names.get(id) ?? id : 'unknown');
  const sources = new Map(a.sources.map((s) => [s.id, s]));
  const d = a.document;

  h1(esc(d.title ?? firstWords(d.text)));
  const facts = [
    `language ${esc(d.language)}`,
    d.published ? `published ${esc(d.published)}` : 'publication date unknown',
    d.source ? `source ${esc(d.source)}` : null,
    d.dateline ? `dateline “${esc(d.dateline)}”` : null,
  ].filter(Boolean);
  out.push('', facts.join(' · '));
  if (d.byline.reporters.length || d.byline.editors.length) {
    out.push('', `By ${d.byline.reporters.map(esc).join(', ') || '—'}${d.byline.editors.length ? `; edited by ${d.byline.editors.map(esc).join(', ')}` : ''}`);
  }

  h2(`Actors (${a.entities.length})`);
  if (!a.entities.length) out.push('', 'No actors found.');
  for (const type of ['person', 'organization', 'location', 'other'] as const) {
    const es = a.entities.filter((e) => e.type === type).sort(byMentions);
    if (!es.length) continue;
    out.push('', b(plural(type)));
    for (const e of es) li(entityLine(e, name, esc));
  }

  h2('Sourcing');
  out.push('', sourcingProfile(a));
  for (const s of a.sources) li(sourceLine(s, name, esc));

  h2(`Quotes (${a.quotes.length})`);
  if (!a.quotes.length) out.push('', 'No quotes found.');
  const bySpeaker = groupBy(a.quotes, (x) => x.speaker ?? x.source ?? '');
  for (const [who, qs] of bySpeaker) {
    const label = names.get(who) ?? sources.get(who)?.description ?? 'Unattributed';
    out.push('', b(esc(label)));
    for (const x of qs) li(`${esc(x.kind)}: ${q(x.text)}${x.cue ? ` (${esc(x.cue.text)}${x.channel ? `, ${esc(x.channel)}` : ''})` : x.channel ? ` (${esc(x.channel)})` : ''}`);
  }

  h2(`Relations (${a.relations.length})`);
  if (!a.relations.length) out.push('', 'No relations found.');
  const bySubject = groupBy(a.relations, (r) => r.subject);
  const times = new Map(a.timeline.map((t) => [t.id, t]));
  for (const [subject, rs] of bySubject) {
    out.push('', b(name(subject)));
    for (const r of rs) li(relationLine(r, name, sources, times, d.language, esc));
  }

  h2(`Timeline (${a.timeline.length})`);
  if (!a.timeline.length) out.push('', 'No dated events found.');
  const sorted = [...a.timeline].sort((x, y) => (x.value ?? '9999').localeCompare(y.value ?? '9999') || x.start - y.start);
  const news = sorted.filter((t) => !t.background);
  const background = sorted.filter((t) => t.background);
  if (news.length) { out.push('', b('News')); for (const t of news) li(timelineLine(t, a, name, esc)); }
  if (background.length) { out.push('', b('Background')); for (const t of background) li(timelineLine(t, a, name, esc)); }

  if (a.flags.length) {
    h2(`Flags (${a.flags.length})`);
    for (const f of a.flags) li(`${esc(f.kind)}: “${esc(f.text)}” — ${esc(f.note)}`);
  }
  out.push('');
  return out.join('\n');
}

function entityLine(e: Entity, name: (id: string | null) => string, esc: Esc): string {
  const roles = e.roles.map((r) => `${r.status && r.status !== 'current' ? esc(r.status) + ' ' : ''}${esc(r.title)}${r.of ? ` (${name(r.of)})` : ''}`);
  const extra = [e.kind ? esc(e.kind) : null, ...uniq(roles)].filter(Boolean).join('; ');
  const aliases = e.aliases.filter((x) => x !== e.name);
  return `${esc(e.name)}${extra ? ` — ${extra}` : ''}${aliases.length ? ` [also: ${aliases.map(esc).join(', ')}]` : ''} (${e.mentions.length}×)`;
}

function sourceLine(s: Source, name: (id: string | null) => string, esc: Esc): string {
  const parts = [s.named ? 'named' : 'anonymous', s.count !== null ? `${s.count}` : null, s.affiliation ? `affiliated with ${name(s.affiliation)}` : null].filter(Boolean);
  const responses = (s.responses ?? []).map((r) => esc(r.kind.replace('_', ' ')));
  return `${esc(s.description)} (${parts.join(', ')})${responses.length ? ` — ${responses.join(', ')}` : ''}`;
}

function sourcingProfile(a: Analysis): string {
  if (!a.quotes.length) return 'No attributed statements.';
  const p = a.sourcing;
  if (p) {
    const pct = (k: number) => `${Math.round((100 * k) / Math.max(1, p.statements))}%`;
    const parts = [
      `${p.named} on named actors (${pct(p.named)})`,
      `${p.anonymous} on anonymous sources (${pct(p.anonymous)})`,
      p.documents ? `${p.documents} from documents or statements` : null,
      p.unattributed ? `${p.unattributed} unattributed` : null,
    ].filter(Boolean);
    return `${p.statements} statements (${p.direct} direct, ${p.indirect} indirect, ${p.mixed} mixed): ${parts.join(', ')}${p.responses ? `; ${p.responses} refusal${p.responses === 1 ? '' : 's'} or non-answer${p.responses === 1 ? '' : 's'}` : ''}.`;
  }
  const src = new Map(a.sources.map((s) => [s.id, s]));
  let named = 0, anonymous = 0, unattributed = 0;
  for (const x of a.quotes) {
    const s = x.source ? src.get(x.source) : undefined;
    if (x.speaker || s?.named) named++;
    else if (s) anonymous++;
    else unattributed++;
  }
  const n = a.quotes.length;
  const pct = (k: number) => `${Math.round((100 * k) / n)}%`;
  return `${n} statements: ${named} on named actors (${pct(named)}), ${anonymous} on anonymous sources (${pct(anonymous)})${unattributed ? `, ${unattributed} unattributed` : ''}.`;
}

/** "tried to meet — failed" + "Trump" → "tried to meet Trump — failed". */
function withObject(description: string, object: string): string {
  const cut = description.indexOf(' — ');
  return cut < 0 ? `${description} ${object}` : `${description.slice(0, cut)} ${object}${description.slice(cut)}`;
}

function relationLine(r: Relation, name: (id: string | null) => string, sources: Map<string, Source>, times: Map<string, TimelineItem>, lang: string, esc: Esc): string {
  const t = r.time ? times.get(r.time) : undefined;
  const via = r.attribution ? sources.get(r.attribution)?.description : null;
  return `${withObject(esc(describeRelation(r, lang)), name(r.object))}${t ? ` [${esc(t.value ?? t.text)}]` : ''}${via ? ` — according to ${esc(via)}` : ''} — “${esc(oneLine(r.evidence.text, 140))}”`;
}

function timelineLine(t: TimelineItem, a: Analysis, name: (id: string | null) => string, esc: Esc): string {
  const rels = a.relations.filter((r) => t.relations.includes(r.id)).map((r) => `${name(r.subject)} ${withObject(esc(describeRelation(r, a.document.language)), name(r.object))}`);
  // Durations, sets and the past or future in general have no interval: their TIMEX3 value says what they
  // are; a clock time shows its time of day.
  const shown = t.timex?.type === 'TIME' ? t.timex.value : t.value;
  const value = `${shown ?? (t.timex ? `${t.timex.value} ${t.timex.type.toLowerCase()}` : '?')}${t.modifier ? ` (${t.modifier.toLowerCase()})` : ''}`;
  return `${esc(value)} — “${esc(t.text)}”: ${rels.length ? rels.join('; ') : `… ${esc(sentenceAround(a.document.text, t.start, t.end))} …`}`;
}

/** A period ends a sentence only after a lower-case word and before a space ("U.S. Steel" goes on). */
function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n' || c === '!' || c === '?') return true;
  return c === '.' && /\p{Ll}/u.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? ' ');
}

/** The clause around a span, cut at sentence punctuation and to about 150 characters on word boundaries. */
function sentenceAround(text: string, start: number, end: number, max = 150): string {
  let a = start;
  while (a > 0 && start - a < max / 2 && !endsSentence(text, a - 1)) a--;
  let b = end;
  while (b < text.length && b - end < max / 2 && !endsSentence(text, b)) b++;
  let s = text.slice(a, b);
  if (a > 0 && !endsSentence(text, a - 1)) s = s.replace(/^\S*\s/, '');
  if (b < text.length && !endsSentence(text, b)) s = s.replace(/\s\S*$/, '');
  return oneLine(s.trim());
}

const byMentions = (x: Entity, y: Entity) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name);
const plural = (t: string) => ({ person: 'People', organization: 'Organisations', location: 'Places', other: 'Other' })[t] ?? t;
const uniq = <T>(xs: T[]) => [...new Set(xs)];
const firstWords = (s: string) => oneLine(s, 60);

function oneLine(s: string, max = 400): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export type { Quote };
