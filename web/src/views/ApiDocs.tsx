/** The API described: every route of /openapi.json with its parameters and answers. */
import { get } from '../api';
import { Status } from '../components/Status';
import { useApi } from '../hooks';

interface Param { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string; enum?: string[]; default?: unknown; minimum?: number; maximum?: number; pattern?: string } }
interface Operation { summary?: string; description?: string; tags?: string[]; parameters?: Param[]; requestBody?: { content: Record<string, unknown> }; responses: Record<string, { description?: string }> }
interface Spec { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>> }

export function ApiDocs() {
  const r = useApi('openapi', () => get<Spec>('/openapi.json'));
  const s = r.data;
  return (
    <Status loading={r.loading} error={r.error}>
      {s && (
        <section class="api-docs">
          <h1>
            {s.info.title} API {s.info.version}
          </h1>
          <p>{s.info.description}</p>
          <p>
            The machine-readable description: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3).
          </p>
          {Object.entries(s.paths).flatMap(([path, ops]) =>
            Object.entries(ops).map(([method, op]) => (
              <article key={method + path} class="operation">
                <h2>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h2>
                {op.summary && <p class="summary">{op.summary}</p>}
                {op.description && <p class="meta">{op.description}</p>}
                {op.parameters && op.parameters.length > 0 && (
                  <table>
                    <thead>
                      <tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={p.in + p.name}>
                          <td><code>{p.name}</code>{p.required ? ' *' : ''}</td>
                          <td>{p.in}</td>
                          <td>
                            {p.schema?.enum ? p.schema.enum.join(' | ') : p.schema?.type ?? ''}
                            {p.schema?.default !== undefined ? ` = ${String(p.schema.default)}` : ''}
                            {p.schema?.minimum !== undefined ? ` ≥ ${p.schema.minimum}` : ''}
                            {p.schema?.maximum !== undefined ? ` ≤ ${p.schema.maximum}` : ''}
                          </td>
                          <td>{p.description ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {op.requestBody && <p>Body: {Object.keys(op.requestBody.content).join(', ')}</p>}
                <p class="meta">Answers: {Object.entries(op.responses).map(([code, x]) => `${code}${x.description ? ' ' + x.description : ''}`).join(' · ')}</p>
              </article>
            )),
          )}
        </section>
      )}
    </Status>
  );
}
