import { describe, expect, it } from 'vitest';
import { readConllu } from '../../src/syntax/conllu.js';
import { scoreSyntax } from '../../src/syntax/eval.js';

// Written for this test. Gold: 5 words; the prediction differs in chosen places, counted by hand below.
const GOLD = [
  '1\tSie\tsie\tPRON\t_\tCase=Nom|Number=Sing|Person=3\t2\tnsubj\t_\t_',
  '2\tsagte\tsagen\tVERB\t_\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_',
  '3\ter\ter\tPRON\t_\tCase=Nom|Number=Sing|Person=3\t4\tnsubj\t_\t_',
  '4\tsei\tsein\tAUX\t_\tMood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t2\tccomp\t_\t_',
  '5\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_',
  '', ''].join('\n');
const PRED = [
  '1\tSie\tSie\tPRON\t_\tCase=Acc|Number=Sing|Person=3\t2\tnsubj:pass\t_\t_', // lemma wrong, Case wrong, LAS right (subtype ignored)
  '2\tsagte\tsagen\tVERB\t_\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_', // all right
  '3\ter\ter\tDET\t_\tCase=Nom|Number=Sing|Person=3\t2\tnsubj\t_\t_', // UPOS wrong, head wrong
  '4\tsei\tsein\tAUX\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t2\tadvcl\t_\t_', // Mood wrong, head right, label wrong
  '5\t.\t.\tPUNCT\t_\tTypo=Yes\t2\tpunct\t_\t_', // gold lemma "_" counts as right; Typo is not a universal feature
  '', ''].join('\n');

describe('syntax scorer', () => {
  it('agrees with a hand-computed case', () => {
    const r = scoreSyntax(readConllu(GOLD), readConllu(PRED));
    expect(r.words).toBe(5);
    expect(r.upos).toEqual({ correct: 4, total: 5 });
    expect(r.lemma).toEqual({ correct: 4, total: 5 });
    expect(r.ufeats).toEqual({ correct: 3, total: 5 }); // words 1 and 4 differ
    expect(r.moodFinite).toEqual({ correct: 1, total: 2 });
    expect(r.features.Case).toEqual({ correct: 1, total: 2 });
    expect(r.features.Typo).toEqual({ correct: 0, total: 1 });
    expect(r.uas).toEqual({ correct: 4, total: 5 });
    expect(r.las).toEqual({ correct: 3, total: 5 });
  });
  it('leaves UAS/LAS out when the prediction has no heads', () => {
    const pred = readConllu(PRED);
    for (const s of pred) s.heads.fill(-1);
    const r = scoreSyntax(readConllu(GOLD), pred);
    expect(r.uas).toBeNull();
    expect(r.las).toBeNull();
  });
  it('refuses predictions with other words', () => {
    const short = readConllu('1\tSie\tsie\tPRON\t_\t_\t0\troot\t_\t_\n\n');
    expect(() => scoreSyntax(readConllu(GOLD), short)).toThrow(/5 gold words but 1 predicted/);
  });
});
