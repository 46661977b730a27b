/** A fixture corpus in a temp folder and a server over it on 127.0.0.1 (a free port), for API and browser tests. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/corpus/store.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import { WEB_ROOT } from '../../src/server/serve-command.js';
import { buildFixtureStore } from './corpus-fixture.js';
import { testDbTarget } from '../store/target.js';

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

export async function startFixtureServer(opts: Partial<ServerOptions> = {}, listen = true): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bc-serve-'));
  const store = await buildFixtureStore(await testDbTarget(join(dir, 'corpus.db')));
  const app = await buildServer(store, { webRoot: WEB_ROOT, ...opts });
  const url = listen ? await app.listen({ host: '127.0.0.1', port: 0 }) : '';
  return {
    app,
    store,
    url,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The browser tests need the built web app: `npm test` builds it; alone, run `npm run build` first. */
export function assertWebBuilt(): void {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`the web app is not built at ${WEB_ROOT}: run \`npm run build\``);
}
