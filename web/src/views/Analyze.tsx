/** Paste an article: analysed on the server, nothing stored; the brief and the annotated text come back. */
import { useState } from 'preact/hooks';
import { api, type Analysis } from '../api';
import { AnnotatedText } from '../components/AnnotatedText';
import { briefAsText } from '../brief';

export function Analyze() {
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [language, setLanguage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ analysis: Analysis; brief: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.analyze({ text, published: published || undefined, language: language || undefined }));
    } catch (err) {
      setResult(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="analyze-view">
      <h1>Analyse an article</h1>
      <p class="meta">Paste the text (a front-matter block with title, source, published is read). Nothing is stored.</p>
      <form onSubmit={submit}>
        <textarea id="paste" rows={14} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} placeholder="Paste an article here…" />
        <div class="row">
          <label>
            Published <input id="published" type="date" value={published} onInput={(e) => setPublished((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            Language{' '}
            <select id="language" value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}>
              <option value="">detect</option>
              <option value="de">German</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="submit" id="analyze" disabled={busy || !text.trim()}>{busy ? 'Analysing…' : 'Analyse'}</button>
        </div>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {result && (
        <div class="article-view">
          <article>
            <AnnotatedText analysis={result.analysis} actorOf={{}} />
          </article>
          <aside class="brief-box">
            <h2>Brief</h2>
            <pre class="brief" data-testid="brief">{briefAsText(result.brief)}</pre>
          </aside>
        </div>
      )}
    </section>
  );
}
