/** The worker thread behind TimedAnalyzer: analyses one article per message, loading each language once. */
import { parentPort } from 'node:worker_threads';
import { analyzeArticle, prepareLanguage } from './analyze.js';
import { validateAnalysis } from '../contract/validate.js';
import { detectLanguage } from '../text/language.js';
import { normalizeText } from '../text/normalize.js';
import type { RawArticle } from '../text/types.js';
import type { WorkerReply, WorkerRequest } from './budget.js';

const ready = new Set<string>();

/** The language's resources and models, loaded by a tiny article: loading is no part of any document's time. */
async function warm(language: string): Promise<void> {
  if (ready.has(language)) return;
  await prepareLanguage(language);
  analyzeArticle({ text: 'Warm-up.', origin: '<warm-up>', language, published: null });
  ready.add(language);
}

parentPort!.on('message', async (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (msg.kind === 'prepare') {
      const raw = msg.raw;
      const language = raw.language ?? detectLanguage(normalizeText(raw.text)).language;
      await warm(language.toLowerCase().slice(0, 2));
      reply = { id: msg.id, ok: true };
    } else {
      reply = { id: msg.id, ok: true, analysis: validateAnalysis(analyzeArticle(msg.raw as RawArticle, msg.layers ?? {})) };
    }
  } catch (e) {
    reply = { id: msg.id, ok: false, message: (e as Error).message ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
