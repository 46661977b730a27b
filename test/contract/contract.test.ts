import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline/analyze.js';
import { validateAnalysis, analysisJsonSchema, ContractError } from '../../src/contract/validate.js';
import { renderBrief } from '../../src/brief/render.js';
import { VERSION } from '../../src/version.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/util/paths.js';

const text = 'BERLIN (Beispiel) - Außenministerin Anna Beispiel traf am Dienstag ihren Amtskollegen. "Wir sind einig", sagte sie.';

describe('backchannel.analysis/1', () => {
  it('an analysis validates, with every array present', async () => {
    const a = await analyze(text, { published: '2025-03-14' });
    expect(validateAnalysis(a)).toBeTruthy();
    for (const k of ['entities', 'sources', 'quotes', 'relations', 'timeline', 'flags'] as const) expect(Array.isArray(a[k])).toBe(true);
    expect(a.schema).toBe('backchannel.analysis/1');
    expect(a.document.language).toBe('de');
    expect(a.document.dateline).toBe('BERLIN (Beispiel) -');
  });
  it('rejects a span that does not match the text', async () => {
    const a = await analyze(text, { published: '2025-03-14' });
    const bad = structuredClone(a);
    bad.flags.push({ kind: 'x', text: 'nope', start: 0, end: 4, note: '' });
    expect(() => validateAnalysis(bad)).toThrow(ContractError);
  });
  it('rejects a relation pointing at an unknown entity', async () => {
    const a = await analyze(text, { published: '2025-03-14' });
    const bad = structuredClone(a);
    bad.relations.push({ id: 'r999', subject: 'person:nobody', object: 'person:nobody', predicate: 'consult', family: 'event', modality: 'asserted', time: null, attribution: null, evidence: { start: 0, end: 6, text: 'BERLIN' }, confidence: 0.5 });
    expect(() => validateAnalysis(bad)).toThrow(/unknown entity/);
  });
  it('rejects a truncated document', () => {
    expect(() => validateAnalysis({ schema: 'backchannel.analysis/1', document: { id: 'x' } })).toThrow(ContractError);
  });
  it('exports a JSON Schema that names every top-level field', () => {
    const s = analysisJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(s.properties).sort()).toEqual(['document', 'entities', 'flags', 'meta', 'quotes', 'relations', 'schema', 'sources', 'sourcing', 'syntax', 'timeline']);
    expect(s.required).toContain('timeline');
  });
  it('the brief renders in both formats', async () => {
    const a = await analyze(text, { published: '2025-03-14' });
    expect(renderBrief(a, 'markdown')).toMatch(/^# /);
    expect(renderBrief(a, 'text')).toMatch(/\nActors \(\d+\)\n-+/);
  });
  it('VERSION matches package.json', () => {
    expect(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version).toBe(VERSION);
  });
});
