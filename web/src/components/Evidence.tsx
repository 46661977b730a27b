/** One evidence sentence with its article link, date, modality and sourcing. */
import { href } from '../router';

interface Props {
  sentence: string;
  articleId: string;
  title: string | null;
  date?: string | null;
  modality?: string;
  support?: string;
  sourceLabel?: string | null;
  outlet?: string | null;
}

export function Evidence(p: Props) {
  return (
    <blockquote class="evidence">
      <p class="sentence">{p.sentence || '(co-mentioned in one paragraph)'}</p>
      <footer>
        <a href={href('article', p.articleId)}>{p.title ?? p.articleId.slice(0, 12)}</a>
        {p.outlet ? ` · ${p.outlet}` : ''}
        {p.date ? ` · ${p.date}` : ''}
        {p.modality && p.modality !== 'asserted' ? ` · ${p.modality}` : ''}
        {p.support ? ` · ${p.support === 'anonymous' ? 'anonymous source' + (p.sourceLabel ? ` (${p.sourceLabel})` : '') : p.support === 'named' ? 'named source' + (p.sourceLabel ? ` (${p.sourceLabel})` : '') : 'reporter'}` : ''}
      </footer>
    </blockquote>
  );
}
