/**
 * The built web app (dist/web), read once at start into memory and served from there. Requests are looked
 * up by URL in that table; no request value ever becomes a file path.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Largest web app we load into memory; the real one is a few hundred KiB. */
const MAX_BYTES = 32 * 1024 * 1024;

interface Asset { body: Buffer; type: string; immutable: boolean }

export function loadWebAssets(root: string): Map<string, Asset> {
  const out = new Map<string, Asset>();
  let total = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {
        walk(file);
        continue;
      }
      const type = TYPES[extname(name).toLowerCase()];
      if (!type) continue;
      const body = readFileSync(file);
      total += body.length;
      if (total > MAX_BYTES) throw new Error(`web app at ${root} is larger than ${MAX_BYTES} bytes`);
      const url = '/' + relative(root, file).split(sep).join('/');
      // Vite puts content-hashed files under assets/: they never change, so browsers may keep them
      out.set(url, { body, type, immutable: url.startsWith('/assets/') });
    }
  };
  walk(root);
  return out;
}

export function webRoutes(app: FastifyInstance, root: string | null): void {
  const assets = root && existsSync(join(root, 'index.html')) ? loadWebAssets(root) : null;
  const index = assets?.get('/index.html');
  app.get('/docs', { schema: { hide: true } }, (_req, reply) => reply.redirect('/#/api'));
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/')) return reply.code(404).send(errorBody(404, `no route GET ${path}`));
    if (!assets || !index) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build` (the JSON API is at /api/…, its description at /openapi.json).\n');
    }
    const asset = path === '/' ? index : assets.get(path);
    if (!asset) return reply.code(404).send(errorBody(404, `no file ${path}`));
    reply.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.type(asset.type).send(asset.body);
  });
}
