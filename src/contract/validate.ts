import { z } from 'zod';
import { AnalysisSchema, type Analysis } from './schema.js';

export class ContractError extends Error {
  constructor(message: string, readonly issues: z.core.$ZodIssue[]) {
    super(message);
    this.name = 'ContractError';
  }
}

/** Validates shape, then the invariants a schema cannot express: offsets inside the text and spans that match it. */
export function validateAnalysis(value: unknown): Analysis {
  const parsed = AnalysisSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ContractError(`invalid analysis: ${first?.path.join('.') || '(root)'}: ${first?.message}`, parsed.error.issues);
  }
  const a = parsed.data;
  const problems = offsetProblems(a);
  if (problems.length) throw new ContractError(`invalid analysis: ${problems[0]}`, []);
  return a;
}

function offsetProblems(a: Analysis): string[] {
  const text = a.document.text;
  const out: string[] = [];
  const check = (where: string, s: { start: number; end: number; text?: string }) => {
    if (s.start > s.end || s.end > text.length) out.push(`${where}: span ${s.start}-${s.end} outside the text (${text.length})`);
    else if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) out.push(`${where}: span text does not match the document at ${s.start}-${s.end}`);
  };
  a.entities.forEach((e, i) => {
    e.mentions.forEach((m, j) => check(`entities[${i}].mentions[${j}]`, m));
    e.roles.forEach((r, j) => check(`entities[${i}].roles[${j}].evidence`, r.evidence));
  });
  a.sources.forEach((s, i) => s.mentions.forEach((m, j) => check(`sources[${i}].mentions[${j}]`, m)));
  a.quotes.forEach((q, i) => check(`quotes[${i}]`, { start: q.start, end: q.end }));
  a.relations.forEach((r, i) => check(`relations[${i}].evidence`, r.evidence));
  a.timeline.forEach((t, i) => check(`timeline[${i}]`, t));
  a.flags.forEach((f, i) => check(`flags[${i}]`, f));
  a.syntax?.sentences.forEach((s, i) => {
    check(`syntax.sentences[${i}]`, s);
    s.words.forEach((w, j) => {
      check(`syntax.sentences[${i}].words[${j}]`, w);
      if (w.head > s.words.length) out.push(`syntax.sentences[${i}].words[${j}].head: ${w.head} beyond the sentence's ${s.words.length} words`);
    });
  });
  const ids = new Set(a.entities.map((e) => e.id));
  const sourceIds = new Set(a.sources.map((s) => s.id));
  const timeIds = new Set(a.timeline.map((t) => t.id));
  a.relations.forEach((r, i) => {
    if (!ids.has(r.subject)) out.push(`relations[${i}].subject: unknown entity ${r.subject}`);
    if (!ids.has(r.object)) out.push(`relations[${i}].object: unknown entity ${r.object}`);
    if (r.time && !timeIds.has(r.time)) out.push(`relations[${i}].time: unknown timeline item ${r.time}`);
    if (r.attribution && !sourceIds.has(r.attribution)) out.push(`relations[${i}].attribution: unknown source ${r.attribution}`);
  });
  a.quotes.forEach((q, i) => {
    if (q.speaker && !ids.has(q.speaker)) out.push(`quotes[${i}].speaker: unknown entity ${q.speaker}`);
    if (q.source && !sourceIds.has(q.source)) out.push(`quotes[${i}].source: unknown source ${q.source}`);
  });
  return out;
}

export function analysisJsonSchema(): unknown {
  return z.toJSONSchema(AnalysisSchema, { target: 'draft-2020-12' });
}
