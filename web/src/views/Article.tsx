/** Article view: the text with every span, and the brief beside it. */
import { api } from '../api';
import { AnnotatedText } from '../components/AnnotatedText';
import { Status } from '../components/Status';
import { useApi } from '../hooks';
import { href, safeUrl } from '../router';
import { briefAsText } from '../brief';

export function Article({ id }: { id: string }) {
  const r = useApi('article:' + id, () => api.article(id));
  const d = r.data;
  return (
    <Status loading={r.loading} error={r.error}>
      {d && (
        <div class="article-view">
          <article>
            <h1 data-testid="article-title">{d.article.title ?? d.analysis.document.title ?? 'Untitled'}</h1>
            <p class="meta">
              {d.article.source ?? 'outlet unknown'} · {d.article.published ?? 'date unknown'} · {d.article.language}
              {safeUrl(d.article.url) ? (
                <>
                  {' · '}
                  <a href={safeUrl(d.article.url)!} rel="noopener noreferrer nofollow" target="_blank">original</a>
                </>
              ) : d.article.url ? (
                <span class="meta"> · {d.article.url}</span>
              ) : null}
              {d.article.duplicateOf && (
                <>
                  {' · syndicated copy of '}
                  <a href={href('article', d.article.duplicateOf)}>the original</a>
                </>
              )}
            </p>
            <AnnotatedText analysis={d.analysis} actorOf={d.actorOf} />
          </article>
          <aside class="brief-box">
            <h2>Brief</h2>
            <pre class="brief" data-testid="brief">{briefAsText(d.brief)}</pre>
          </aside>
        </div>
      )}
    </Status>
  );
}
