// The graph exports load in the tools people use: networkx (Debian's python3-networkx, installed by .ci/run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/corpus/store.js';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { loadNetwork, type Network } from '../../src/corpus/network.js';
import { graphml } from '../../src/corpus/exports/graphml.js';
import { gexf } from '../../src/corpus/exports/gexf.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';

// Debian's interpreter, not a user's pyenv: that is the one python3-networkx installs into.
const python = '/usr/bin/python3';
const hasNetworkx = existsSync(python) && (() => { try { execFileSync(python, ['-c', 'import networkx'], { stdio: 'ignore' }); return true; } catch { return false; } })();

let store: Store;
let net: Network;
let dir: string;
beforeAll(async () => {
  store = await openTestStore(':memory:');
  await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
  net = await loadNetwork(store.db, { comentions: true });
  dir = mkdtempSync(join(tmpdir(), 'bc-exports-'));
});
afterAll(() => store.close());

function networkxCounts(reader: 'read_graphml' | 'read_gexf', path: string): { nodes: number; edges: number; comention: number } {
  const code = `import json, sys, networkx as nx
g = nx.${reader}(sys.argv[1])
layers = [d.get('layer') for _, _, d in g.edges(data=True)]
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "comention": layers.count("comention")}))`;
  return JSON.parse(execFileSync(python, ['-c', code, path], { encoding: 'utf8' }));
}

describe.runIf(hasNetworkx || process.env.CI)('graph exports in networkx', () => {
  it('GraphML loads with the store\'s node and edge counts', () => {
    const path = join(dir, 'g.graphml');
    writeFileSync(path, [...graphml(net)].join(''));
    const c = networkxCounts('read_graphml', path);
    expect(net.edges.length).toBeGreaterThan(0);
    expect(c).toEqual({ nodes: net.nodes.length, edges: net.edges.length + net.comentions.length, comention: net.comentions.length });
  });
  it('GEXF 1.2draft (the version networkx reads) loads with the store\'s node and edge counts', () => {
    const path = join(dir, 'g.gexf');
    writeFileSync(path, [...gexf(net, { version: '1.2draft' })].join(''));
    const c = networkxCounts('read_gexf', path);
    expect(c).toEqual({ nodes: net.nodes.length, edges: net.edges.length + net.comentions.length, comention: net.comentions.length });
  });
});

it('networkx is there to check the exports (CI installs python3-networkx)', () => {
  if (!hasNetworkx) console.warn('python3-networkx is missing: the export consumer tests were skipped (apt-get install python3-networkx)');
  expect(hasNetworkx || !process.env.CI).toBe(true);
});
