/** GET /api/export?format=: the CLI's exports, streamed (nothing is written to disk). */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS, exportCorpus, type ExportFormat } from '../../corpus/exports/index.js';
import { CSV_TABLES, type CsvTable } from '../../corpus/exports/csv.js';
import { errorResponses } from '../schemas.js';
import type { RouteContext } from '../context.js';

const CONTENT: Record<ExportFormat, { type: string; file: string }> = {
  ftm: { type: 'application/x-ndjson; charset=utf-8', file: 'corpus.ftm.jsonl' },
  graphml: { type: 'application/xml; charset=utf-8', file: 'corpus.graphml' },
  gexf: { type: 'application/xml; charset=utf-8', file: 'corpus.gexf' },
  'gexf-1.2': { type: 'application/xml; charset=utf-8', file: 'corpus.gexf12.gexf' },
  csv: { type: 'text/csv; charset=utf-8', file: 'corpus.csv' },
  json: { type: 'application/x-ndjson; charset=utf-8', file: 'corpus.analyses.jsonl' },
};

export function exportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: { format: ExportFormat; table?: CsvTable } }>('/api/export', {
    schema: {
      summary: 'Export the corpus',
      description: 'ftm: FollowTheMoney JSON Lines (Aleph); graphml, gexf (1.3): Gephi; gexf-1.2: networkx; csv: one table, `table` nodes or edges (text values a spreadsheet would run as formulas start with an apostrophe); json: the analysis documents, one per line.',
      tags: ['corpus'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['format'],
        properties: { format: { type: 'string', enum: [...EXPORT_FORMATS] }, table: { type: 'string', enum: [...CSV_TABLES], description: 'csv: which table (nodes by default)' } },
      },
      response: {
        200: { description: 'the export, streamed', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        ...errorResponses(400),
      },
    },
  }, async (req, reply) => {
    const c = CONTENT[req.query.format];
    const stream = new PassThrough();
    const table = req.query.format === 'csv' ? req.query.table ?? 'nodes' : undefined;
    exportCorpus(ctx.store.db, req.query.format, null, stream, { table }).then(
      () => stream.end(),
      (err: Error) => {
        req.log.error(err);
        stream.destroy(err);
      },
    );
    const file = table ? `corpus.${table}.csv` : c.file;
    return reply.type(c.type).header('content-disposition', `attachment; filename="${file}"`).send(stream);
  });
}
