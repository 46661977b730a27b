/**
 * TimeML (TimeML 1.2.1, the TempEval-3 file layout): the document text with every timeline item as an
 * inline TIMEX3 tag and the publication date as the creation time (DCT, tid t0), so temporal-annotation
 * tools and scorers can read the time layer. Only the time layer is written (no EVENT or TLINK tags).
 *
 * A range ("2017-2021") is written as TimeML annotates it: its two ends as DATEs (tids t3a, t3b) and
 * an empty (non-consuming) DURATION tag between them with beginPoint/endPoint.
 */
import type { Analysis, TimelineItem, TimexOut } from '../contract/schema.js';

const DCT_ID = 't0';

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');

function attrs(list: [string, string | null | undefined][]): string {
  return list.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => ` ${k}="${escAttr(v!)}"`).join('');
}

/** The item's TIMEX3 reading; items from before the TIMEX3 fields get one from their resolved value. */
function timexOf(t: TimelineItem): TimexOut {
  return t.timex ?? { type: 'DATE', value: t.value ?? 'XXXX', mod: t.modifier ?? null };
}

function timexAttrs(tid: string, t: Pick<TimexOut, 'type' | 'value' | 'mod' | 'quant' | 'freq' | 'anchorTime'>, relative: boolean, dct: boolean): string {
  return attrs([
    ['tid', tid],
    ['type', t.type],
    ['value', t.value],
    ['mod', t.mod],
    ['quant', t.quant],
    ['freq', t.freq],
    ['temporalFunction', relative ? 'true' : 'false'],
    ['anchorTimeID', relative && dct ? DCT_ID : null],
  ]);
}

interface Tag { start: number; end: number; open: string; close: string; after?: string }

/** The inline tags of one timeline item, in text order. */
function tagsOf(item: TimelineItem, dct: boolean): Tag[] {
  const t = timexOf(item);
  const relative = item.anchor === 'published' || t.anchorTime === 'published';
  if (t.parts && t.parts.length === 2) {
    const [a, b] = t.parts;
    const ids = [`${item.id}a`, `${item.id}b`];
    const whole = `<TIMEX3${attrs([['tid', item.id], ['type', t.type], ['value', t.value], ['mod', t.mod], ['beginPoint', ids[0]], ['endPoint', ids[1]]])}/>`;
    return [
      { start: a.start, end: a.end, open: `<TIMEX3${timexAttrs(ids[0], a, relative, dct)}>`, close: '</TIMEX3>' },
      { start: b.start, end: b.end, open: `<TIMEX3${timexAttrs(ids[1], b, relative, dct)}>`, close: '</TIMEX3>', after: whole },
    ];
  }
  return [{ start: item.start, end: item.end, open: `<TIMEX3${timexAttrs(item.id, t, relative, dct)}>`, close: '</TIMEX3>' }];
}

export function renderTimeML(a: Analysis): string {
  const d = a.document;
  const dct = !!d.published;
  const tags = a.timeline.flatMap((t) => tagsOf(t, dct)).sort((x, y) => x.start - y.start);
  const out: string[] = [];
  let at = 0;
  for (const tag of tags) {
    if (tag.start < at) continue; // overlapping items cannot nest in TimeML; the time stage never makes them
    out.push(escText(d.text.slice(at, tag.start)), tag.open, escText(d.text.slice(tag.start, tag.end)), tag.close, tag.after ?? '');
    at = tag.end;
  }
  out.push(escText(d.text.slice(at)));
  const dctTag = dct
    ? `<TIMEX3${attrs([['tid', DCT_ID], ['type', 'DATE'], ['value', d.published], ['temporalFunction', 'false'], ['functionInDocument', 'CREATION_TIME']])}>${d.published}</TIMEX3>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TimeML>',
    `<DOCID>${escText(d.id)}</DOCID>`,
    `<DCT>${dctTag}</DCT>`,
    ...(d.title ? [`<TITLE>${escText(d.title)}</TITLE>`] : []),
    `<TEXT>${out.join('')}</TEXT>`,
    '</TimeML>',
  ].join('\n');
}
