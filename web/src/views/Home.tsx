/** Search: actor autocomplete (pick one → its page) and article search by words (Enter). */
import { api } from '../api';
import { ActorSearch } from '../components/ActorSearch';
import { Status } from '../components/Status';
import { useApi } from '../hooks';
import { go, href } from '../router';

export function Home({ q }: { q: string }) {
  const stats = useApi('stats', api.stats);
  const top = useApi('top', () => api.topActors(15));
  const found = useApi(q ? 'q:' + q : null, () => api.articles({ q, limit: 50 }));
  return (
    <section class="home">
      <h1>Search</h1>
      {stats.data && (
        <p class="stats" data-testid="stats">
          {stats.data.articles} articles · {stats.data.actors} actors · {stats.data.edges} edges
          {stats.data.firstDate ? ` · ${stats.data.firstDate} – ${stats.data.lastDate}` : ''}
        </p>
      )}
      <ActorSearch
        id="search"
        label="Actor or words"
        placeholder="a name (Trump, Albers …) — or words, then Enter to search articles"
        initial={q}
        onPick={(a) => go('actor', a.id)}
        onSubmitText={(text) => go('home', null, { q: text })}
      />
      {q && (
        <Status loading={found.loading} error={found.error}>
          <h2>Articles with “{q}”: {found.data?.total ?? 0}</h2>
          <ul class="articles" data-testid="article-results">
            {found.data?.items.map((a) => (
              <li key={a.id}>
                <a href={href('article', a.id)}>{a.title ?? a.id.slice(0, 12)}</a>
                <span class="meta">
                  {a.source ?? ''} {a.published ?? ''} {a.duplicateOf ? '(syndicated copy)' : ''}
                </span>
              </li>
            ))}
          </ul>
        </Status>
      )}
      <h2>Best connected actors</h2>
      <Status loading={top.loading} error={top.error}>
        <ul class="actors">
          {top.data?.items.map((a) => (
            <li key={a.id}>
              <span class={'dot type-' + a.type} />
              <a href={href('actor', a.id)}>{a.name}</a> <span class="meta">{a.type} · degree {a.degree} · {a.articles} articles</span>
            </li>
          ))}
        </ul>
      </Status>
    </section>
  );
}
