import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Store } from '../../src/corpus/store.js';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { loadNetwork, type Network } from '../../src/corpus/network.js';
import { graphml } from '../../src/corpus/exports/graphml.js';
import { gexf } from '../../src/corpus/exports/gexf.js';
import { csvField, csvTables } from '../../src/corpus/exports/csv.js';
import { parseDocuments } from '../../src/contract/documents.js';
import { Writable } from 'node:stream';
import { FTM_REQUIRED, ftmEntities, ftmProblems, type FtmEntity } from '../../src/corpus/exports/ftm.js';
import { exportCorpus } from '../../src/corpus/exports/index.js';
import { validateAnalysis } from '../../src/contract/validate.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';

let store: Store;
let net: Network;
beforeAll(async () => {
  store = await openTestStore(':memory:');
  await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
  // a name that needs escaping in XML and quoting in CSV
  await store.db.updateTable('actors').set({ name: 'Stiftung "Nordbrücke" & Partner, <Hamburg>' }).where('id', '=', 'org:stiftung-nordbrücke').execute();
  net = await loadNetwork(store.db);
});
afterAll(() => store.close());

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute'].includes(name) });

describe('GraphML', () => {
  it('is well-formed XML with every node and edge', () => {
    const xml = [...graphml(net)].join('');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const g = doc.graphml.graph;
    expect(g.node).toHaveLength(net.nodes.length);
    expect(g.edge).toHaveLength(net.edges.length + net.comentions.length);
    const ids = new Set(g.node.map((n: { '@id': string }) => n['@id']));
    for (const e of g.edge) expect(ids.has(e['@source']) && ids.has(e['@target'])).toBe(true);
    const keys = new Set(doc.graphml.key.map((k: { '@id': string }) => k['@id']));
    for (const n of g.node) for (const d of n.data) expect(keys.has(d['@key'])).toBe(true);
    const stiftung = g.node.find((n: { '@id': string }) => n['@id'] === 'org:stiftung-nordbrücke');
    expect(stiftung.data.find((d: { '@key': string }) => d['@key'] === 'label')['#text']).toBe('Stiftung "Nordbrücke" & Partner, <Hamburg>');
  });
});

describe('GEXF', () => {
  it('is well-formed GEXF 1.3 with declared attributes', () => {
    const xml = [...gexf(net)].join('');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.gexf['@version']).toBe('1.3');
    const g = doc.gexf.graph;
    expect(g.nodes.node).toHaveLength(net.nodes.length);
    expect(g.edges.edge).toHaveLength(net.edges.length + net.comentions.length);
    const declared = new Set(g.attributes.find((a: { '@class': string }) => a['@class'] === 'edge').attribute.map((a: { '@id': string }) => a['@id']));
    for (const e of g.edges.edge) for (const v of e.attvalues.attvalue) expect(declared.has(v['@for'])).toBe(true);
    expect(g.edges.edge.filter((e: { '@type': string }) => e['@type'] === 'undirected')).toHaveLength(0);
  });
});

/** Minimal RFC 4180 reader, to check what we write. */
function readCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') (f += '"'), i++;
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(f), (f = '');
    else if (c === '\r' && s[i + 1] === '\n') row.push(f), rows.push(row), (row = []), (f = ''), i++;
    else f += c;
  }
  return rows;
}

describe('CSV', () => {
  it('writes one row per node and edge, quoting what needs it', () => {
    const t = csvTables(net);
    const nodes = readCsv(t.nodes);
    const edges = readCsv(t.edges);
    expect(nodes).toHaveLength(net.nodes.length + 1);
    expect(edges).toHaveLength(net.edges.length + net.comentions.length + 1);
    expect(new Set(nodes.map((r) => r.length)).size).toBe(1);
    expect(new Set(edges.map((r) => r.length)).size).toBe(1);
    expect(nodes.some((r) => r[1] === 'Stiftung "Nordbrücke" & Partner, <Hamburg>')).toBe(true);
  });

  it('guards against spreadsheet formulas in text values, not in numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+49 30 1234')).toBe("'+49 30 1234");
    expect(csvField('-anti-Assad')).toBe("'-anti-Assad");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField('Plain name')).toBe('Plain name');
  });

  it('writes one table to a stream with --table, and refuses to mix two', async () => {
    let out = '';
    const sink = new Writable({ write(c, _e, cb) { out += String(c); cb(); } });
    await exportCorpus(store.db, 'csv', null, sink, { table: 'edges' });
    expect(out.split('\r\n')[0]).toMatch(/^source,target,directed,weight,layer/);
    expect(out).not.toMatch(/^id,label/m);
    await expect(exportCorpus(store.db, 'csv', null, sink)).rejects.toThrow(/--table nodes or --table edges/);
  });

  it('writes nodes.csv and edges.csv into a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-csv-'));
    const files = await exportCorpus(store.db, 'csv', dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['nodes.csv', 'edges.csv']);
  });
});

describe('FollowTheMoney', () => {
  let records: FtmEntity[];
  beforeAll(async () => {
    records = [];
    for await (const e of ftmEntities(store.db)) records.push(e);
  });

  it('carries every required property and resolves every reference', () => {
    expect(ftmProblems(records)).toEqual([]);
    for (const r of records) for (const vs of Object.values(r.properties)) for (const v of vs) expect(typeof v).toBe('string');
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('maps actors and ties to fitting schemas', () => {
    const bySchema = (s: string) => records.filter((r) => r.schema === s);
    const named = (s: string, name: string) => bySchema(s).find((r) => r.properties.name?.includes(name));
    expect(named('Person', 'Helena Duarte')).toBeTruthy();
    expect(named('PublicBody', 'Deutschland')?.properties.country).toEqual(['de']);
    expect(named('Organization', 'Instituto Atlântico')).toBeTruthy();
    const idOf = (name: string) => records.find((r) => r.properties.name?.includes(name))!.id;
    const rep = bySchema('Representation').find((r) => r.properties.agent[0] === idOf('Thomas Brenner'));
    expect(rep?.properties.client).toEqual([idOf('Deutschland')]);
    expect(bySchema('Employment').some((r) => r.properties.employee[0] === idOf('Karin Albers') && r.properties.employer[0] === idOf('Deutschland'))).toBe(true);
    expect(bySchema('Directorship').some((r) => r.properties.director[0] === idOf('Paulo Verani'))).toBe(true);
    expect(bySchema('Associate').some((r) => r.properties.person[0] === idOf('Rafael Monteiro') && r.properties.relationship[0] === 'advises')).toBe(true);
    const meet = bySchema('UnknownLink').find((r) => r.properties.subject[0] === idOf('Thomas Brenner'));
    expect(meet?.properties.role).toEqual(['consult/meet']);
    expect(meet?.properties.description?.[0]).toMatch(/Prado/);
    expect(bySchema('Article')).toHaveLength(9);
    expect(bySchema('Article').filter((a) => a.properties.notes?.[0]?.startsWith('syndicated copy'))).toHaveLength(1);
    expect(bySchema('Mention').length).toBeGreaterThan(30);
    for (const r of records) expect(Object.keys(FTM_REQUIRED)).toContain(r.schema);
  });
});

describe('analysis documents', () => {
  it('exports every stored analysis as a valid contract document, one per line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bc-json-')), 'analyses.jsonl');
    await exportCorpus(store.db, 'json', file);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(9);
    for (const l of lines) validateAnalysis(JSON.parse(l));
  });

  it('is read back by `validate` (parseDocuments) also when the file is called .json', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bc-json-')), 'analyses.json');
    await exportCorpus(store.db, 'json', file);
    const docs = parseDocuments(readFileSync(file, 'utf8'), file);
    expect(docs).toHaveLength(9);
    for (const d of docs) validateAnalysis(d);
    expect(() => parseDocuments('{"a": 1}\n{"b": ', 'x.json')).toThrow(/line 2 is not JSON/);
  });
});
