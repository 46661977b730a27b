/** `export --format …`: one entry point that writes any export format to a file, a folder (CSV) or a stream. */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { CorpusDb } from '../store.js';
import { loadNetwork } from '../network.js';
import { graphml } from './graphml.js';
import { gexf } from './gexf.js';
import { csvTables, type CsvTable } from './csv.js';
import { ftmEntities } from './ftm.js';

/** `gexf-1.2` is GEXF 1.2draft, the version networkx reads. */
export const EXPORT_FORMATS = ['ftm', 'graphml', 'gexf', 'gexf-1.2', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The stored analysis documents (backchannel.analysis/1), one JSON document per line, in ingest order. */
export async function* analysisLines(db: CorpusDb): AsyncGenerator<string> {
  const rows = await db.selectFrom('articles').select(['analysis']).orderBy('seq').execute();
  for (const r of rows) yield r.analysis + '\n';
}

async function* ftmLines(db: CorpusDb): AsyncGenerator<string> {
  for await (const e of ftmEntities(db)) yield JSON.stringify(e) + '\n';
}

async function pipe(chunks: AsyncIterable<string> | Iterable<string>, out: Writable): Promise<void> {
  for await (const c of chunks) if (!out.write(c)) await once(out, 'drain');
}

/**
 * Writes the export. `out` is a file path (a folder for csv: nodes.csv and edges.csv), or null for the given
 * stream. CSV is two tables: `table` picks one (for a stream, or as the one file `out`).
 */
export async function exportCorpus(db: CorpusDb, format: ExportFormat, out: string | null, stream: Writable = process.stdout, opts: { table?: CsvTable } = {}): Promise<string[]> {
  if (format === 'csv') {
    const t = csvTables(await loadNetwork(db));
    if (opts.table) {
      if (!out) {
        await pipe([t[opts.table]], stream);
        return [];
      }
      writeFileSync(out, t[opts.table]);
      return [out];
    }
    if (!out) throw new Error('CSV is two tables (nodes and edges): pick one for stdout with --table nodes or --table edges, or give --out FOLDER for both');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'nodes.csv'), t.nodes);
    writeFileSync(join(out, 'edges.csv'), t.edges);
    return [join(out, 'nodes.csv'), join(out, 'edges.csv')];
  }
  const chunks =
    format === 'graphml' ? graphml(await loadNetwork(db)) : format === 'gexf' ? gexf(await loadNetwork(db)) : format === 'gexf-1.2' ? gexf(await loadNetwork(db), { version: '1.2draft' }) : format === 'ftm' ? ftmLines(db) : analysisLines(db);
  if (!out) {
    await pipe(chunks, stream);
    return [];
  }
  const file = createWriteStream(out);
  await pipe(chunks, file);
  file.end();
  await once(file, 'finish');
  return [out];
}
