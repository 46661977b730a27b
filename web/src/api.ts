/**
 * The JSON API, typed as the web app uses it: the answers' types are the server's own (type-only imports, erased at build),
 * so a change on the server that the app does not follow fails `tsc -p web/tsconfig.json`. Errors come back as
 * { statusCode, error, message }.
 */
import type { ActorNode } from '../../src/corpus/network.js';
import type { ActorProfile } from '../../src/corpus/profile.js';
import type { ChannelPath, HopEvidence } from '../../src/corpus/channels.js';
import type { NetworkView, ViewEdge } from '../../src/server/network-view.js';
import type { Story, StoryEntry } from '../../src/watch/story.js';
import type { Analysis } from '../../src/contract/schema.js';
import type { DatedEvent as StoredEvent } from '../../src/corpus/queries.js';

export type { ActorNode, ChannelPath, HopEvidence, ViewEdge, StoryEntry, Analysis };
/** GET /api/timeline: a stored dated relation with both actors' display names. */
export type DatedEvent = StoredEvent & { subjectName: string; objectName: string };
export type NetworkAnswer = NetworkView;
export type StoryAnswer = Story;
/** GET /api/actors/:id: the profile plus how the actor's relations are sourced (named, anonymous, reporter). */
export type ActorPage = Omit<ActorProfile, 'actor'> & { actor: ActorNode; sourcing: Record<string, number> };

export interface ChannelsAnswer {
  from: { id: string; name: string };
  to: { id: string; name: string };
  paths: ChannelPath[];
}

export interface Span { start: number; end: number; text: string }

export interface ArticleItem { id: string; title: string | null; source: string | null; url: string | null; published: string | null; language: string; duplicateOf: string | null }

export interface Stats { articles: number; actors: number; relations: number; edges: number; firstDate: string | null; lastDate: string | null; predicates: string[]; allowIngest: boolean }

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | undefined | null>;

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? '?' + s : '';
}

async function answer<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body && typeof body.message === 'string' ? body.message : null) ?? `HTTP ${res.status}`);
  return body as T;
}

export async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(path + query(params), { signal, headers: { accept: 'application/json' } }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }));
}

export const api = {
  stats: () => get<Stats>('/api/stats'),
  suggest: (q: string, signal?: AbortSignal) => get<{ items: ActorNode[] }>('/api/actors', { q, limit: 8 }, signal),
  topActors: (limit: number) => get<{ items: ActorNode[] }>('/api/actors', { sort: 'degree', limit }),
  actor: (id: string) => get<ActorPage>('/api/actors/' + encodeURIComponent(id)),
  network: (p: Params) => get<NetworkAnswer>('/api/network', p),
  channels: (p: Params) => get<ChannelsAnswer>('/api/channels', p),
  timeline: (actor: string, pair?: string) => get<{ events: DatedEvent[] }>('/api/timeline', { actor, pair }),
  story: (a: string, b: string) => get<StoryAnswer>('/api/story', { a, b }),
  articles: (p: Params) => get<{ total: number; items: ArticleItem[] }>('/api/articles', p),
  article: (id: string) => get<{ article: ArticleItem; analysis: Analysis; actorOf: Record<string, string>; brief: string }>('/api/articles/' + encodeURIComponent(id)),
  analyze: (body: { text: string; published?: string; language?: string }) => post<{ analysis: Analysis; brief: string }>('/api/analyze', body),
};
