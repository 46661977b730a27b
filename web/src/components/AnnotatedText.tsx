/**
 * The article text with its layers: entities (linked to their actor when stored), quotes coloured by speaker
 * with the speaker named where each quote starts, relation evidence underlined, time expressions marked.
 * Everything is text nodes: nothing from the article is ever parsed as HTML.
 */
import type { ComponentChildren } from 'preact';
import type { Analysis } from '../api';
import { href } from '../router';

const QUOTE_COLOURS = 8;

interface Layer {
  start: number;
  end: number;
  kind: 'entity' | 'quote' | 'relation' | 'time';
  cls: string;
  title: string;
  actor?: string;
  speaker?: string;
}

function layersOf(a: Analysis, actorOf: Record<string, string>, speakerIndex: Map<string, number>): Layer[] {
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  const sources = new Map(a.sources.map((s) => [s.id, s]));
  const out: Layer[] = [];
  for (const e of a.entities) {
    for (const m of e.mentions) out.push({ start: m.start, end: m.end, kind: 'entity', cls: 'ent type-' + e.type, title: `${e.name} (${e.type}${e.kind ? ', ' + e.kind : ''})`, actor: actorOf[e.id] });
  }
  for (const q of a.quotes) {
    const speaker = speakerOf(q, names, sources);
    out.push({ start: q.start, end: q.end, kind: 'quote', cls: 'quote q-' + (speakerIndex.get(speaker)! % QUOTE_COLOURS), title: `${q.kind} quote — ${speaker}`, speaker });
  }
  for (const r of a.relations) {
    out.push({ start: r.evidence.start, end: r.evidence.end, kind: 'relation', cls: 'rel', title: `${names.get(r.subject) ?? r.subject} ${r.predicate} ${names.get(r.object) ?? r.object}${r.modality !== 'asserted' ? ' (' + r.modality + ')' : ''}` });
  }
  for (const t of a.timeline) out.push({ start: t.start, end: t.end, kind: 'time', cls: 'time', title: `time: ${t.value ?? 'unresolved'}` });
  return out.filter((l) => l.end > l.start && l.end <= a.document.text.length);
}

export function speakerOf(q: Analysis['quotes'][number], names: Map<string, string>, sources: Map<string, Analysis['sources'][number]>): string {
  if (q.speaker) return names.get(q.speaker) ?? q.speaker;
  if (q.source) return sources.get(q.source)?.description ?? 'unnamed source';
  return 'unknown speaker';
}

export function speakers(a: Analysis): Map<string, number> {
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  const sources = new Map(a.sources.map((s) => [s.id, s]));
  const m = new Map<string, number>();
  for (const q of [...a.quotes].sort((x, y) => x.start - y.start)) {
    const s = speakerOf(q, names, sources);
    if (!m.has(s)) m.set(s, m.size);
  }
  return m;
}

export function AnnotatedText({ analysis, actorOf }: { analysis: Analysis; actorOf: Record<string, string> }) {
  const text = analysis.document.text;
  const speakerIndex = speakers(analysis);
  const layers = layersOf(analysis, actorOf, speakerIndex);
  const cuts = new Set<number>([0, text.length]);
  for (const l of layers) cuts.add(l.start), cuts.add(l.end);
  const points = [...cuts].sort((x, y) => x - y);
  const quoteStarts = new Map<number, Layer[]>();
  for (const l of layers) if (l.kind === 'quote') (quoteStarts.get(l.start) ?? quoteStarts.set(l.start, []).get(l.start)!).push(l);
  const nodes: ComponentChildren[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    for (const q of quoteStarts.get(s) ?? []) {
      nodes.push(
        <span class={'speaker-tag ' + q.cls.replace('quote ', '')} data-testid="speaker-tag" key={'t' + s + q.title}>
          {q.speaker}
        </span>,
      );
    }
    const over = layers.filter((l) => l.start <= s && l.end >= e);
    const piece = text.slice(s, e);
    if (!over.length) {
      nodes.push(piece);
      continue;
    }
    const cls = over.map((l) => l.cls).join(' ');
    const title = over.map((l) => l.title).join('\n');
    const speaker = over.find((l) => l.kind === 'quote')?.speaker;
    const actor = over.find((l) => l.kind === 'entity' && l.actor)?.actor;
    nodes.push(
      actor ? (
        <a key={s} class={cls} title={title} href={href('actor', actor)} data-speaker={speaker}>
          {piece}
        </a>
      ) : (
        <span key={s} class={cls} title={title} data-speaker={speaker}>
          {piece}
        </span>
      ),
    );
  }
  return (
    <div class="annotated">
      <ul class="legend" data-testid="speakers">
        {[...speakerIndex.entries()].map(([name, i]) => (
          <li key={name}>
            <span class={'swatch q-' + (i % QUOTE_COLOURS)} /> {name}
          </li>
        ))}
        <li><span class="swatch rel-sample" /> relation evidence</li>
        <li><span class="swatch time-sample" /> time expression</li>
      </ul>
      <div class="text" data-testid="article-text">{nodes}</div>
    </div>
  );
}
