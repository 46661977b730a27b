/**
 * Silver parser training data by agreement (tri-training, after Zhou & Li 2005 and Søgaard 2010): unlabeled text
 * (../shared/data/unlabeled-<lang>) is tagged by the committed tagger (the tags the parser sees at run time) and
 * parsed by two different parsers; a sentence is kept only when both give it the same tree, heads and relations.
 * The two parsers are trained on the same sentences as the parser that will learn from the silver ones (never on
 * held-out sentences, which would leak into the silver trees and flatter the held-out score).
 */
import { loadTagger } from '../tagger/index.js';
import { silverSentences } from '../tagger/self-training.js';
import type { ParserInput } from './features.js';
import { ParserWorkspace, type ParserModel } from './model.js';
import type { TrainSentence } from './train.js';

/** Shortest silver sentence kept (in words): very short ones are mostly headings and fragments. */
const MIN_SILVER_WORDS = 5;

/** Silver sentences from about `words` words of unlabeled text on which the given parsers agree. */
export function agreedSilver(lang: string, words: number, models: readonly ParserModel[], log: (line: string) => void): TrainSentence[] {
  const tagger = loadTagger(lang);
  if (!tagger) throw new Error(`--silver needs models/tagger-${lang}.bin`);
  if (models.length < 2) throw new Error('silver sentences need at least two parsers to agree');
  const parsers = models.map((m) => new ParserWorkspace(m));
  const out: TrainSentence[] = [];
  let seen = 0;
  for (const s of silverSentences(tagger, lang, words)) {
    if (s.forms.length < MIN_SILVER_WORDS) continue;
    seen++;
    const input: ParserInput = { forms: s.forms, upos: s.upos, feats: s.feats, lemmas: s.lemmas };
    const [first, ...rest] = parsers.map((ws) => ws.parse(input));
    const agree = rest.every((p) => p.deprels.every((d, i) => d === first.deprels[i] && p.heads[i] === first.heads[i]));
    if (agree) out.push({ input, heads: Int32Array.from(first.heads), deprels: first.deprels.slice() });
  }
  log(`silver: ${out.length} of ${seen} unlabeled sentences parsed alike by ${parsers.length} parsers (${out.reduce((n, s) => n + s.input.forms.length, 0)} words)`);
  return out;
}
