import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import {
  ConlluError, featValue, parseFeats, readConllu, sentenceText, surfaceTokens, writeConllu, commentValue,
} from '../../src/syntax/conllu.js';
import { sharedDir } from '../../src/util/paths.js';
import { readTreebank, trainingParts, heldOutPart, treebankFile } from '../../src/syntax/treebanks.js';

// Written for this test: a German sentence with a contraction ("im" = in + dem) and an English one with an empty node.
const SNIPPET = [
  '# sent_id = t1',
  '# text = Sie wohnt im Haus.',
  '1\tSie\tsie\tPRON\tPPER\tCase=Nom|Number=Sing|Person=3|PronType=Prs\t2\tnsubj\t_\t_',
  '2\twohnt\twohnen\tVERB\tVVFIN\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_',
  '3-4\tim\t_\t_\t_\t_\t_\t_\t_\t_',
  '3\tin\tin\tADP\tAPPR\t_\t5\tcase\t_\t_',
  '4\tdem\tder\tDET\tART\tCase=Dat|Definite=Def|Gender=Neut|Number=Sing|PronType=Art\t5\tdet\t_\t_',
  '5\tHaus\tHaus\tNOUN\tNN\tCase=Dat|Gender=Neut|Number=Sing\t2\tobl\t_\tSpaceAfter=No',
  '6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_',
  '',
  '# sent_id = t2',
  '1\tAnn\tAnn\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t2:nsubj|2.1:nsubj\t_',
  '2\tsang\tsing\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t0:root\t_',
  '2.1\tsang\tsing\tVERB\tVBD\t_\t_\t_\t2:conj\tCopyOf=2',
  '3\t_\t_\tPUNCT\tNFP\t_\t2\tpunct\t2:punct\t_',
  '',
  '',
].join('\n');

describe('CoNLL-U reader/writer', () => {
  it('reads words, multiword tokens, empty nodes and comments', () => {
    const [a, b] = readConllu(SNIPPET, 'snippet');
    expect(a.forms).toEqual(['Sie', 'wohnt', 'in', 'dem', 'Haus', '.']);
    expect(Array.from(a.heads)).toEqual([2, 0, 5, 5, 2, 2]);
    expect(a.upos[3]).toBe('DET');
    expect(a.xpos[2]).toBe('APPR');
    expect(a.feats[2]).toBe('');
    expect(a.multiwords).toEqual([{ first: 3, last: 4, form: 'im', feats: '', misc: '' }]);
    expect(commentValue(a, 'text')).toBe('Sie wohnt im Haus.');
    expect(b.empty.length).toBe(1);
    expect(b.empty[0].after).toBe(2);
    expect(b.forms[2]).toBe('_'); // a form that is literally "_" stays
    expect(b.deps[0]).toBe('2:nsubj|2.1:nsubj');
  });

  it('round-trips byte for byte', () => {
    const sents = readConllu(SNIPPET);
    expect(writeConllu(sents)).toBe(SNIPPET);
    expect(writeConllu(readConllu(writeConllu(sents)))).toBe(writeConllu(sents));
  });

  it('rebuilds surface tokens and text from multiword tokens and SpaceAfter', () => {
    const [a] = readConllu(SNIPPET);
    expect(surfaceTokens(a).map((t) => t.form)).toEqual(['Sie', 'wohnt', 'im', 'Haus', '.']);
    expect(sentenceText(a)).toBe('Sie wohnt im Haus.');
  });

  it('reads feature values without splitting', () => {
    const f = 'Case=Dat|Gender=Neut|Gender[psor]=Masc|Number=Sing';
    expect(featValue(f, 'Gender')).toBe('Neut');
    expect(featValue(f, 'Number')).toBe('Sing');
    expect(featValue(f, 'Mood')).toBe('');
    expect(parseFeats(f)[2]).toEqual(['Gender[psor]', 'Masc']);
  });

  it('names file and line on bad input', () => {
    const bad = '1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n3\tB\tb\tX\t_\t_\t1\tdep\t_\t_\n';
    expect(() => readConllu(bad, 'bad.conllu')).toThrow(ConlluError);
    expect(() => readConllu(bad, 'bad.conllu')).toThrow(/bad\.conllu:2:/);
    expect(() => readConllu('1\tA\ta\n', 'x.conllu')).toThrow(/x\.conllu:1: expected 10/);
    expect(() => readConllu('1\tA\ta\tX\t_\t_\t7\troot\t_\t_\n', 'y')).toThrow(/HEAD 7/);
  });
});

const hasUd = existsSync(join(sharedDir, 'data', 'ud', 'README.md'));
describe.skipIf(!hasUd)('treebanks in ../shared/data/ud', () => {
  it('round-trips every line of GSD dev (multiword tokens) and EWT dev (empty nodes)', () => {
    for (const file of [treebankFile('de-gsd', 'dev'), treebankFile('en-ewt', 'dev')]) {
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      expect(writeConllu(readConllu(text, file))).toBe(text);
    }
  });
  it('reads EWT dev with its counts from the README', () => {
    const s = readTreebank('en-ewt', 'dev');
    expect(s.length).toBe(2001);
    expect(s.reduce((n, x) => n + x.forms.length, 0)).toBe(25147);
    expect(s.reduce((n, x) => n + surfaceTokens(x).length, 0)).toBe(24787);
  });
  it('never trains German on GSD test', () => {
    const held = heldOutPart('de');
    expect(trainingParts('de').some((p) => p.treebank === held.treebank && p.split === held.split)).toBe(false);
  });
});
