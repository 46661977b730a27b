/** The JSON API, typed as the web app uses it. Errors come back as { statusCode, error, message }. */
export interface ActorNode {
  id: string;
  name: string;
  type: string;
  kind: string | null;
  mentions: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  degree: number;
}

export interface ViewEdge {
  source: string;
  target: string;
  family: 'tie' | 'event' | 'mixed' | 'comention';
  relations: number;
  articles: number;
  outlets: number;
  named: number;
  anonymous: number;
  reporter: number;
  predicates: Record<string, number>;
  firstDate: string | null;
  lastDate: string | null;
  dates: string[];
}

export interface NetworkAnswer {
  nodes: ActorNode[];
  edges: ViewEdge[];
  capped: boolean;
  edgesCapped: boolean;
  limit: number;
  totalNodes: number;
  totalEdges: number;
  ego: string | null;
}

export interface ActorPage {
  actor: ActorNode;
  aliases: string[];
  roles: { title: string; of: string | null; status: string | null; evidence: string; article: string; articleId: string; published: string | null }[];
  quotesBy: { text: string; kind: string; article: string; articleId: string; published: string | null }[];
  quotesAbout: { text: string; speaker: string | null; article: string; articleId: string; published: string | null }[];
  relations: { direction: 'out' | 'in'; other: string; otherId: string; predicate: string; modality: string; support: string; source: string | null; sentence: string; article: string; articleId: string; date: string | null }[];
  merges: { article: string; articleId: string; published: string | null; name: string; reason: string; evidence: string }[];
  sourcing: Record<string, number>;
}

export interface HopEvidence {
  subject: string;
  object: string;
  predicate: string;
  modality: string;
  support: string;
  sourceLabel: string | null;
  sentence: string;
  articleId: string;
  title: string | null;
  source: string | null;
  published: string | null;
  date: string | null;
}

export interface ChannelPath {
  actors: { id: string; name: string; type: string }[];
  hops: { from: string; to: string; layer: 'relation' | 'comention'; strength: number; evidence: HopEvidence[] }[];
  cost: number;
}

export interface ChannelsAnswer {
  from: { id: string; name: string };
  to: { id: string; name: string };
  paths: ChannelPath[];
}

export interface DatedEvent {
  date: string | null;
  subject: string;
  object: string;
  subjectName: string;
  objectName: string;
  predicate: string;
  modality: string;
  support: string;
  sourceLabel: string | null;
  sentence: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
}

export interface Span { start: number; end: number; text: string }
export interface Analysis {
  document: { id: string; language: string; title: string | null; published: string | null; source: string | null; url: string | null; text: string };
  entities: { id: string; type: string; kind: string | null; name: string; mentions: Span[] }[];
  sources: { id: string; description: string; named: boolean; entity: string | null }[];
  quotes: { id: string; kind: string; text: string; start: number; end: number; speaker: string | null; source: string | null; cue: Span | null }[];
  relations: { id: string; subject: string; object: string; predicate: string; modality: string; evidence: Span }[];
  timeline: { id: string; text: string; start: number; end: number; value: string | null }[];
}

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

/** GET /api/story (src/watch/story.ts): what happened between two actors or their circles. */
export interface StoryEntry {
  kind: 'contact' | 'attempt' | 'tie' | 'statement' | 'role';
  date: string | null;
  firstReported: string | null;
  summary: string;
  sentence: string;
  sources: { articleId: string; title: string | null; outlet: string | null; published: string | null }[];
}
export interface StoryAnswer { a: { id: string; name: string }; b: { id: string; name: string }; entries: StoryEntry[] }

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
