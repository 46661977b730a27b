/**
 * Scoring syntactic annotation against gold, on gold tokenization (word for word), the way the CoNLL 2018 shared
 * task script does: UPOS exact; UFeats on the universal features only; lemma exact (a gold `_` counts as right);
 * UAS/LAS over every word, punctuation included, with relation subtypes ignored for LAS (`nmod:poss` = `nmod`).
 * Beyond the script: accuracy per feature, and Mood on finite verbs (gold Mood present or VerbForm=Fin).
 */
import { featValue, parseFeats, type Sentence } from './conllu.js';

/** The universal features the CoNLL 2018 script compares for UFeats. */
export const UNIVERSAL_FEATURES = new Set([
  'PronType', 'NumType', 'Poss', 'Reflex', 'Foreign', 'Abbr', 'Gender', 'Animacy', 'Number', 'Case', 'Definite', 'Degree',
  'VerbForm', 'Mood', 'Tense', 'Aspect', 'Voice', 'Evident', 'Polarity', 'Person', 'Polite',
]);

export interface Count { correct: number; total: number }
export interface SyntaxScores {
  words: number;
  sentences: number;
  upos: Count;
  ufeats: Count;
  lemma: Count;
  /** Per feature: words where gold or prediction has the feature, right when the values agree. */
  features: Record<string, Count>;
  moodFinite: Count;
  /** Present when the prediction has heads. */
  uas: Count | null;
  las: Count | null;
}

const universal = (feats: string): string =>
  parseFeats(feats).filter(([n]) => UNIVERSAL_FEATURES.has(n)).map(([n, v]) => `${n}=${v}`).sort().join('|');
const mainRel = (d: string): string => {
  const c = d.indexOf(':');
  return c < 0 ? d : d.slice(0, c);
};
const inc = (c: Count, ok: boolean): void => { c.total++; if (ok) c.correct++; };
const zero = (): Count => ({ correct: 0, total: 0 });

/** Compare predicted sentences to gold ones; both must have the same words. */
export function scoreSyntax(gold: readonly Sentence[], pred: readonly Sentence[]): SyntaxScores {
  if (gold.length !== pred.length) throw new Error(`scoreSyntax: ${gold.length} gold sentences but ${pred.length} predicted`);
  const r: SyntaxScores = { words: 0, sentences: gold.length, upos: zero(), ufeats: zero(), lemma: zero(), features: {}, moodFinite: zero(), uas: null, las: null };
  const hasHeads = pred.some((p) => p.heads.some((h) => h >= 0));
  if (hasHeads) { r.uas = zero(); r.las = zero(); }
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s];
    const p = pred[s];
    if (g.forms.length !== p.forms.length) throw new Error(`scoreSyntax: sentence ${s + 1} has ${g.forms.length} gold words but ${p.forms.length} predicted`);
    for (let i = 0; i < g.forms.length; i++) {
      r.words++;
      inc(r.upos, g.upos[i] === p.upos[i]);
      inc(r.ufeats, universal(g.feats[i]) === universal(p.feats[i]));
      inc(r.lemma, g.lemmas[i] === '_' || g.lemmas[i] === p.lemmas[i]);
      const names = new Set([...parseFeats(g.feats[i]), ...parseFeats(p.feats[i])].map(([n]) => n));
      for (const n of names) inc((r.features[n] ??= zero()), featValue(g.feats[i], n) === featValue(p.feats[i], n));
      const gm = featValue(g.feats[i], 'Mood');
      if (gm !== '' || featValue(g.feats[i], 'VerbForm') === 'Fin') inc(r.moodFinite, gm === featValue(p.feats[i], 'Mood'));
      if (r.uas && r.las) {
        const headOk = g.heads[i] === p.heads[i];
        inc(r.uas, headOk);
        inc(r.las, headOk && mainRel(g.deprels[i]) === mainRel(p.deprels[i]));
      }
    }
  }
  return r;
}

export const pct = (c: Count | null): string => (c && c.total ? (100 * c.correct / c.total).toFixed(2) : '–');

/** A readable table of the scores. */
export function formatSyntaxScores(title: string, r: SyntaxScores, tokensPerSecond: number | null, featureNames: readonly string[] = ['Mood', 'Tense', 'VerbForm', 'Person', 'Number', 'Case', 'Gender']): string {
  const lines = [
    title,
    `  words ${r.words}, sentences ${r.sentences}`,
    `  UPOS        ${pct(r.upos)}`,
    `  UFeats      ${pct(r.ufeats)}`,
    `  Lemma       ${pct(r.lemma)}`,
    `  Mood (finite verbs) ${pct(r.moodFinite)}  (${r.moodFinite.correct}/${r.moodFinite.total})`,
    ...featureNames.filter((n) => r.features[n]).map((n) => `  ${n.padEnd(11)} ${pct(r.features[n])}  (${r.features[n].total} words)`),
    `  UAS         ${pct(r.uas)}`,
    `  LAS         ${pct(r.las)}`,
  ];
  if (tokensPerSecond !== null) lines.push(`  speed       ${Math.round(tokensPerSecond).toLocaleString('en')} words/s`);
  return lines.join('\n');
}
