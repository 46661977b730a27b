/** Actor page: roles with dates and status, relations grouped by type with evidence, quotes, sourcing, merges. */
import { api, type ActorPage } from '../api';
import { Evidence } from '../components/Evidence';
import { Status } from '../components/Status';
import { useApi } from '../hooks';
import { href } from '../router';

function groupRelations(rel: ActorPage['relations']): [string, ActorPage['relations']][] {
  const m = new Map<string, ActorPage['relations']>();
  for (const r of rel) {
    const type = r.predicate.split('/')[0];
    (m.get(type) ?? m.set(type, []).get(type)!).push(r);
  }
  return [...m.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

export function Actor({ id }: { id: string }) {
  const r = useApi('actor:' + id, () => api.actor(id));
  const p = r.data;
  return (
    <Status loading={r.loading} error={r.error}>
      {p && (
        <article class="actor-page">
          <header>
            <h1 data-testid="actor-name">
              <span class={'dot type-' + p.actor.type} />
              {p.actor.name}
            </h1>
            <p class="meta">
              {p.actor.type}
              {p.actor.kind ? ' · ' + p.actor.kind : ''} · {p.actor.mentions} mentions in {p.actor.articles} articles · degree {p.actor.degree}
              {p.actor.firstDate ? ` · ${p.actor.firstDate} – ${p.actor.lastDate}` : ''}
            </p>
            <p class="actions">
              <a class="button" href={href('network', null, { ego: p.actor.id, depth: 2 })}>Network around {p.actor.name}</a>{' '}
              <a class="button" href={href('channels', null, { from: p.actor.id })}>Channels from here</a>{' '}
              <a class="button" href={href('home', null, { q: p.actor.name })}>Articles</a>
            </p>
            {p.aliases.length > 0 && <p class="aliases">Also: {p.aliases.join(' · ')}</p>}
            <p class="sourcing" data-testid="sourcing">
              Relations sourced: {p.sourcing.named ?? 0} named, {p.sourcing.anonymous ?? 0} anonymous, {p.sourcing.reporter ?? 0} reporter's own voice
            </p>
          </header>

          <section>
            <h2>Roles</h2>
            {p.roles.length === 0 ? (
              <p class="empty">No roles stated.</p>
            ) : (
              <table class="roles">
                <thead>
                  <tr><th>Role</th><th>Of</th><th>Status</th><th>Date</th><th>Evidence</th></tr>
                </thead>
                <tbody>
                  {p.roles.map((x, i) => (
                    <tr key={i}>
                      <td>{x.title}</td>
                      <td>{x.of ?? ''}</td>
                      <td>{x.status ?? ''}</td>
                      <td>{x.published ?? ''}</td>
                      <td>
                        “{x.evidence}” — <a href={href('article', x.articleId)}>{x.article}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section>
            <h2>Relations</h2>
            {p.relations.length === 0 && <p class="empty">No stated relations.</p>}
            {groupRelations(p.relations).map(([type, rels]) => (
              <details key={type} open class="relation-group">
                <summary>
                  {type} ({rels.length})
                </summary>
                {rels.map((x, i) => (
                  <div key={i} class="relation">
                    <p class="tie">
                      {x.direction === 'out' ? `${p.actor.name} ${x.predicate} ` : ''}
                      <a href={href('actor', x.otherId)}>{x.other}</a>
                      {x.direction === 'in' ? ` ${x.predicate} ${p.actor.name}` : ''}
                    </p>
                    <Evidence sentence={x.sentence} articleId={x.articleId} title={x.article} date={x.date} modality={x.modality} support={x.support} sourceLabel={x.source} />
                  </div>
                ))}
              </details>
            ))}
          </section>

          <section>
            <h2>Quotes by {p.actor.name}</h2>
            {p.quotesBy.length === 0 && <p class="empty">None.</p>}
            <ul class="quotes">
              {p.quotesBy.map((q, i) => (
                <li key={i}>
                  <q>{q.text}</q> <span class="meta">{q.kind} · <a href={href('article', q.articleId)}>{q.article}</a> {q.published ?? ''}</span>
                </li>
              ))}
            </ul>
            <h2>Quotes about {p.actor.name}</h2>
            {p.quotesAbout.length === 0 && <p class="empty">None.</p>}
            <ul class="quotes">
              {p.quotesAbout.map((q, i) => (
                <li key={i}>
                  <q>{q.text}</q> <span class="meta">— {q.speaker ?? 'unknown'} · <a href={href('article', q.articleId)}>{q.article}</a> {q.published ?? ''}</span>
                </li>
              ))}
            </ul>
          </section>

          <section>
            <details>
              <summary>Why these mentions are one actor ({p.merges.length})</summary>
              <ul class="merges">
                {p.merges.map((m, i) => (
                  <li key={i}>
                    “{m.name}” in <a href={href('article', m.articleId)}>{m.article}</a> {m.published ?? ''}: {m.reason}
                    {m.evidence ? ` (${m.evidence})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          </section>
        </article>
      )}
    </Status>
  );
}
