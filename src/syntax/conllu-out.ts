/**
 * CoNLL-U from an analysis' syntax layer (`backchannel analyze --format conllu`). Offsets go into MISC as
 * `TokenRange=start:end` (UDPipe's convention) on each surface token: on the multiword-token line for a
 * contraction, on the word line otherwise; `SpaceAfter=No` where the next token follows without a space.
 */
import type { Analysis, SyntaxOut } from '../contract/schema.js';
import { emptySentence, writeConllu, type Sentence } from './conllu.js';

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function analysisToConllu(a: Analysis): string {
  if (!a.syntax) throw new Error('the analysis has no syntax layer (no tagger model for its language?)');
  return syntaxToConllu(a.document.text, a.document.id, a.syntax);
}

export function syntaxToConllu(text: string, docId: string, syntax: SyntaxOut): string {
  const out: Sentence[] = syntax.sentences.map((s, si) => {
    const n = s.words.length;
    const c = emptySentence(n);
    c.comments = [...(si === 0 ? [`# newdoc id = ${docId}`] : []), `# sent_id = ${si + 1}`, `# text = ${oneLine(text.slice(s.start, s.end))}`];
    for (let i = 0; i < n; i++) {
      const w = s.words[i];
      c.forms[i] = w.form;
      c.lemmas[i] = w.lemma || '_';
      c.upos[i] = w.upos;
      c.feats[i] = w.feats;
      c.heads[i] = w.head;
      c.deprels[i] = w.deprel;
    }
    // Group words by surface token (contraction words share their token's offsets).
    for (let i = 0; i < n; ) {
      let j = i;
      while (j + 1 < n && s.words[j + 1].start === s.words[i].start && s.words[j + 1].end === s.words[i].end) j++;
      const w = s.words[i];
      const next = s.words[j + 1];
      const misc = `TokenRange=${w.start}:${w.end}` + (next && next.start === w.end ? '|SpaceAfter=No' : '');
      if (j > i) c.multiwords.push({ first: i + 1, last: j + 1, form: text.slice(w.start, w.end), feats: '', misc });
      else c.misc[i] = misc;
      i = j + 1;
    }
    return c;
  });
  return writeConllu(out);
}
