/**
 * Self-training: tag unlabeled text (../shared/data/unlabeled-<lang>, split into sentences and tokens by our own
 * text layer, contractions expanded) with a first model, and train again on gold plus these silver sentences.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sharedDir } from '../../util/paths.js';
import { buildDoc } from '../../text/index.js';
import { emptySentence, type Sentence } from '../conllu.js';
import { expandContractions } from './index.js';
import type { TaggerModel } from './model.js';

/** Sentences longer than this are skipped (run-ons and lists tag badly and teach little). */
const MAX_SENTENCE_WORDS = 40;

/** Silver sentences of about `words` words from the unlabeled corpus, tagged by `model`. */
export function silverSentences(model: TaggerModel, lang: string, words: number): Sentence[] {
  const dir = join(sharedDir, 'data', `unlabeled-${lang}`);
  if (!existsSync(dir)) throw new Error(`self-training needs ${dir}`);
  const out: Sentence[] = [];
  let count = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt.gz')).sort()) {
    const lines = gunzipSync(readFileSync(join(dir, f))).toString('utf8').split('\n');
    for (const line of lines) {
      if (line.trim().length < 20) continue;
      const doc = buildDoc({ text: line, origin: f, language: lang, published: null });
      for (const s of doc.sentences) {
        const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text);
        const { words: forms } = expandContractions(tokens, lang);
        if (forms.length < 3 || forms.length > MAX_SENTENCE_WORDS) continue;
        const tags = model.tag(forms);
        const sent = emptySentence(forms.length);
        sent.forms = forms;
        sent.upos = tags.upos;
        sent.feats = tags.feats;
        sent.lemmas = tags.lemmas;
        out.push(sent);
        count += forms.length;
        if (count >= words) return out;
      }
    }
  }
  return out;
}
