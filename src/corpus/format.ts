/** Plain-text renderings of corpus query results for the terminal. */
import type { ChannelPath, HopEvidence, TieStats } from './channels.js';
import type { ActorProfile } from './profile.js';
import type { ActorNode } from './network.js';
import type { IngestSummary } from './ingest.js';
import { forTerminal, forTerminalLine } from '../util/terminal.js';

// Every function here returns text for a terminal built from stored article data (titles, names, quotes):
// the whole result loses every control and bidi character (forTerminal), and quotes and errors sit on one line.

const wrapQuote = (raw: string, max = 240) => { const s = forTerminalLine(raw); return s.length > max ? s.slice(0, max - 1) + '…' : s; };

function articleRef(e: { title: string | null; source: string | null; published: string | null; articleId: string }): string {
  const meta = [e.source, e.published].filter(Boolean).join(', ');
  return `${e.title ?? e.articleId.slice(0, 12)}${meta ? ` (${meta})` : ''}`;
}

function supportText(e: HopEvidence): string {
  if (e.support === 'reporter') return 'reporter';
  return `${e.support}${e.sourceLabel ? ': ' + e.sourceLabel : ''}`;
}

function statsText(s: TieStats): string {
  const mods = Object.entries(s.modality).filter(([, n]) => n > 0).map(([m, n]) => `${m} ${n}`).join(', ');
  const dates = s.firstDate ? (s.firstDate === s.lastDate ? s.firstDate : `${s.firstDate}…${s.lastDate}`) : 'undated';
  return `${s.articles} article(s), ${s.sources} outlet(s); support named ${s.named}, anonymous ${s.anonymous}, reporter ${s.reporter}; ${mods}; ${dates}`;
}

export function formatChannels(from: string, to: string, maxHops: number, paths: ChannelPath[], names: Map<string, string>, comentions = false): string {
  if (!paths.length) {
    const tries = [`--max-hops ${maxHops + 1}`, ...(comentions ? [] : ['--comentions (co-mention ties, weaker)'])];
    return forTerminal(`No channel from ${forTerminalLine(from)} to ${forTerminalLine(to)} within ${maxHops} hop(s). Try ${tries.join(' or ')}.\n`);
  }
  const name = (id: string) => names.get(id) ?? id;
  let s = `Channels from ${paths[0].actors[0].name} to ${paths[0].actors[paths[0].actors.length - 1].name} (at most ${maxHops} hops; lower cost = stronger)\n`;
  paths.forEach((p, i) => {
    s += `\n${i + 1}. ${p.actors.map((a) => a.name).join(' → ')}   cost ${p.cost}\n`;
    for (const h of p.hops) {
      const preds = h.stats ? Object.keys(h.stats.predicates).join(', ') : 'co-mention';
      // which way the stated relations point along the path
      const [l, r] = !h.stats ? ['—', '—'] : h.stats.backward === 0 ? ['—', '→'] : h.stats.forward === 0 ? ['←', '—'] : ['←', '→'];
      s += `   ${name(h.from)} ${l} ${preds} ${r} ${name(h.to)}   [strength ${h.strength}${h.layer === 'comention' ? ', co-mention only' : ''}]\n`;
      if (h.stats) s += `     ${statsText(h.stats)}\n`;
      for (const e of h.evidence) {
        if (e.sentence) s += `     “${wrapQuote(e.sentence)}”\n       ${name(e.subject)} ${e.predicate} ${name(e.object)} (${e.modality}; ${supportText(e)}) — ${articleRef(e)}\n`;
        else s += `     in: ${articleRef(e)}\n`;
      }
    }
  });
  return forTerminal(s);
}

export function formatProfile(p: ActorProfile, why: boolean): string {
  const a = p.actor;
  let s = `${a.name}  [${a.type}${a.kind ? ', ' + a.kind : ''}]  id ${a.id}\n`;
  s += `${a.mentions} mention(s) in ${a.articles} article(s)${a.firstDate ? `, ${a.firstDate}…${a.lastDate}` : ''}\n`;
  if (p.aliases.length) s += `also: ${p.aliases.filter((x) => x !== a.name).join('; ')}\n`;
  if (why) {
    s += `\nWhy these are one actor:\n`;
    for (const m of p.merges) s += `  "${m.name}" in ${m.article}${m.published ? ` (${m.published})` : ''}: ${m.reason} — ${m.evidence}\n`;
  }
  if (p.roles.length) {
    s += `\nRoles over time:\n`;
    for (const r of p.roles) s += `  ${r.published ?? '????-??-??'}  ${r.title}${r.of ? ` (of ${r.of})` : ''}${r.status ? `, ${r.status}` : ''} — ${r.article}\n`;
  }
  if (p.relations.length) {
    s += `\nRelations:\n`;
    for (const r of p.relations) {
      const arrow = r.direction === 'out' ? `${r.predicate} → ${r.other}` : `← ${r.predicate} ${r.other}`;
      s += `  ${r.date ?? '????'}  ${arrow} (${r.modality}; ${r.support}${r.source ? ': ' + r.source : ''})\n     “${wrapQuote(r.sentence)}” — ${r.article}\n`;
    }
  }
  if (p.quotesBy.length) {
    s += `\nQuotes by ${a.name}:\n`;
    for (const q of p.quotesBy) s += `  ${q.published ?? ''}  “${wrapQuote(q.text)}” (${q.kind}) — ${q.article}\n`;
  }
  if (p.quotesAbout.length) {
    s += `\nQuotes about ${a.name}:\n`;
    for (const q of p.quotesAbout) s += `  ${q.published ?? ''}  ${q.speaker ?? 'unattributed'}: “${wrapQuote(q.text)}” — ${q.article}\n`;
  }
  return forTerminal(s);
}

export function formatActors(nodes: ActorNode[]): string {
  const rows = nodes.map((n) => [forTerminalLine(n.name), n.type + (n.kind ? `/${n.kind}` : ''), String(n.mentions), String(n.articles), String(n.degree), n.id]);
  const head = ['actor', 'type', 'mentions', 'articles', 'degree', 'id'];
  const w = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : (i >= 2 && i <= 4 ? c.padStart(w[i]) : c.slice(0, w[i]).padEnd(w[i])))).join('  ');
  return forTerminal([line(head), ...rows.map(line)].join('\n') + '\n');
}

export function formatIngestSummary(sum: IngestSummary): string {
  const secs = sum.ms / 1000;
  const done = sum.added + sum.copies;
  let s = `${sum.added} new, ${sum.copies} syndicated cop${sum.copies === 1 ? 'y' : 'ies'}, ${sum.unchanged} unchanged, ${sum.errors.length} failed in ${secs.toFixed(1)} s`;
  if (done && secs > 0) s += ` (${(done / secs).toFixed(1)} articles/s)`;
  if (sum.stopped) s += ' — stopped early; run the same command again to resume';
  s += '\n';
  if (sum.errors.length) {
    s += 'Failed:\n';
    for (const e of sum.errors) s += `  ${forTerminalLine(e.origin)}: ${forTerminalLine(e.message)}\n`;
  }
  return s;
}
