/** What every route module is handed: the store, the shared corpus cache and the server's options. */
import type { Store } from '../corpus/store.js';
import type { CorpusCache } from './corpus-cache.js';

export interface ServerOptions {
  /** Accept POST /api/articles (writes to the store). Off by default: the server is read-only. */
  allowIngest: boolean;
  /** Largest request body in bytes (413 beyond). */
  bodyLimit: number;
  /** Analyses (and ingests) per client per minute (429 beyond). */
  analyzeRatePerMinute: number;
  /** Folder of the built web app; null serves the API only. */
  webRoot: string | null;
  /** Log requests (pino) to stderr. */
  logger: boolean;
}

export interface RouteContext {
  store: Store;
  cache: CorpusCache;
  options: ServerOptions;
}
