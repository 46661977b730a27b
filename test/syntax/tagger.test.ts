import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConllu, type Sentence } from '../../src/syntax/conllu.js';
import { trainTagger } from '../../src/syntax/tagger/train.js';
import { TaggerModel } from '../../src/syntax/tagger/model.js';
import { FormLexicon } from '../../src/syntax/lexicon/form-lexicon.js';
import { unionFeats } from '../../src/syntax/lexicon/lexicon-file.js';
import { WordClasses } from '../../src/syntax/tagger/word-classes.js';
import { applyRule, parseRule, ruleApplies, ruleOf } from '../../src/syntax/lemma/edit-rule.js';
import { defaultTaggerPath, expandContractions } from '../../src/syntax/tagger/index.js';
import { readTreebank, treebankAvailable } from '../../src/syntax/treebanks.js';
import {
  rightContext, rightPrevAtom, rightSelfAtom, rightTagAtoms, rightWordAtoms, uposContext, uposFirstAtom, uposNeighbourAtoms, uposPairAtoms, uposTagAtoms,
} from '../../src/syntax/tagger/features.js';

// A tiny German treebank written for these tests (heads are irrelevant to the tagger).
const row = (id: number, form: string, lemma: string, upos: string, feats: string): string =>
  `${id}\t${form}\t${lemma}\t${upos}\t_\t${feats || '_'}\t0\tdep\t_\t_`;
const sent = (words: Array<[string, string, string, string]>): string => words.map((w, i) => row(i + 1, ...w)).join('\n') + '\n\n';
const NOM = 'Case=Nom|Gender=Masc|Number=Sing';
const FIN3 = 'Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin';
const SUB3 = 'Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin';
const TINY = [
  sent([['Der', 'der', 'DET', 'Case=Nom|Definite=Def|Gender=Masc|Number=Sing|PronType=Art'], ['Hund', 'Hund', 'NOUN', NOM], ['bellt', 'bellen', 'VERB', FIN3], ['.', '.', 'PUNCT', '']]),
  sent([['Er', 'er', 'PRON', 'Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs'], ['sagt', 'sagen', 'VERB', FIN3], [',', ',', 'PUNCT', ''], ['der', 'der', 'DET', 'Case=Nom|Definite=Def|Gender=Masc|Number=Sing|PronType=Art'], ['Hund', 'Hund', 'NOUN', NOM], ['sei', 'sein', 'AUX', SUB3], ['müde', 'müde', 'ADJ', 'Degree=Pos'], ['.', '.', 'PUNCT', '']]),
  sent([['Die', 'der', 'DET', 'Case=Nom|Definite=Def|Gender=Fem|Number=Plur|PronType=Art'], ['Häuser', 'Haus', 'NOUN', 'Case=Nom|Gender=Neut|Number=Plur'], ['stehen', 'stehen', 'VERB', 'Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin'], ['leer', 'leer', 'ADJ', 'Degree=Pos'], ['.', '.', 'PUNCT', '']]),
  sent([['Sie', 'sie', 'PRON', 'Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs'], ['habe', 'haben', 'AUX', SUB3], ['gebellt', 'bellen', 'VERB', 'VerbForm=Part'], [',', ',', 'PUNCT', ''], ['sagt', 'sagen', 'VERB', FIN3], ['er', 'er', 'PRON', 'Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs'], ['.', '.', 'PUNCT', '']]),
  sent([['Ich', 'ich', 'PRON', 'Case=Nom|Number=Sing|Person=1|PronType=Prs'], ['habe', 'haben', 'VERB', 'Mood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin'], ['Häuser', 'Haus', 'NOUN', 'Case=Acc|Gender=Neut|Number=Plur'], ['.', '.', 'PUNCT', '']]),
].join('');

const tiny = (): Sentence[] => readConllu(TINY, 'tiny');
const train = (seed: number, lexicon = FormLexicon.empty()): TaggerModel =>
  trainTagger({ lang: 'de', sentences: tiny(), lexicon, classes: WordClasses.empty(), options: { lexiconFeats: true, lexiconLemmas: true, twoPass: true }, trainedOn: ['tiny'], epochs: 40, seed, log: process.env.DBG ? console.log : undefined });

describe('tagger', () => {
  const model = train(7);

  it('fits a tiny treebank perfectly (UPOS, FEATS, lemmas)', () => {
    for (const s of tiny()) {
      const r = model.tag(s.forms);
      expect(r.upos).toEqual(s.upos);
      expect(r.feats).toEqual(s.feats);
      expect(r.lemmas).toEqual(s.lemmas);
    }
  });

  it('trains deterministically for a fixed seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-tagger-'));
    try {
      model.save(join(dir, 'a.bin'));
      train(7).save(join(dir, 'b.bin'));
      expect(readFileSync(join(dir, 'a.bin')).equals(readFileSync(join(dir, 'b.bin')))).toBe(true);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('gives identical output after save and load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-tagger-'));
    try {
      model.save(join(dir, 'm.bin'));
      const loaded = TaggerModel.load(join(dir, 'm.bin'));
      const probe = [['Der', 'Hund', 'sei', 'leer', '.'], ['Ich', 'sagt', 'Häuser', 'unbekanntes', 'Wort'], ['habe', ',', 'er']];
      for (const forms of [...tiny().map((s) => s.forms), ...probe]) expect(loaded.tag(forms)).toEqual(model.tag(forms));
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('restricts FEATS to what the lexicon allows', () => {
    // "bellte" is unseen in training; the lexicon says it is a finite past verb.
    const lex = FormLexicon.build([{ form: 'bellte', upos: 'VERB', lemma: 'bellen', feats: 'Mood=Ind,Sub|Number=Sing|Person=1,3|Tense=Past|VerbForm=Fin' }]);
    const m = train(7, lex);
    const r = m.tag(['Der', 'Hund', 'bellte', '.']);
    expect(r.upos[2]).toBe('VERB');
    // the only VERB class with Tense=Past? none was seen, so the allowed ones: finite Ind/Sub singular
    expect(r.feats[2]).toMatch(/VerbForm=Fin/);
    expect(r.lemmas[2]).toBe('bellen');
  });
});

describe('cached tagging (frozen models)', () => {
  const model = train(7);
  const probes = [['Der', 'Hund', 'sei', 'leer', '.'], ['Ich', 'sagt', 'Häuser', 'unbekanntes', 'Wort'], ['habe', ',', 'er'], ['Er'], []];

  it('gives the tags of the plain atom-by-atom path', () => {
    for (const forms of [...tiny().map((s) => s.forms), ...probes]) expect(model.tag(forms)).toEqual(model.tagPlain(forms));
  });

  it('gives the plain path\'s tags with the committed model on real sentences', () => {
    if (!existsSync(defaultTaggerPath('de')) || !treebankAvailable('de-gsd', 'test')) return;
    const m = TaggerModel.load(defaultTaggerPath('de'));
    const sents = readTreebank('de-gsd', 'test').slice(0, 300).map((s) => s.forms);
    for (const forms of sents) expect(m.tag(forms)).toEqual(m.tagPlain(forms));
  });

  it('groups exactly the atoms of uposContext and rightContext', () => {
    const ws = ['Der', 'alte', 'Hund', 'sei', 'müde', '.'].map((f) => model.fx.info(f));
    const first = Int32Array.from([3, 0, 7, 2, 0, 12]);
    const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
    for (let i = 0; i < ws.length; i++) {
      const p1 = i > 0 ? first[i - 1] : -1;
      const p2 = i > 1 ? first[i - 2] : -1;
      const plain: number[] = [];
      uposContext(ws, i, p1, p2, plain);
      rightContext(first, i, p1, plain, ws[i].lowerHash);
      const grouped: number[] = [];
      const part: number[] = [];
      const neighbour = [i - 2, i - 1, i + 1, i + 2];
      neighbour.forEach((j, role) => { uposNeighbourAtoms(j >= 0 && j < ws.length ? ws[j] : null, role, part); grouped.push(...part); });
      uposTagAtoms(p2, p1, part); grouped.push(...part);
      if (i === 0) grouped.push(uposFirstAtom(ws[i]));
      uposPairAtoms(ws, i, p1, part); grouped.push(...part);
      const r1 = i + 1 < ws.length ? first[i + 1] : -2;
      rightTagAtoms(r1, i + 2 < ws.length ? first[i + 2] : -2, part); grouped.push(...part);
      grouped.push(rightPrevAtom(p1, r1), rightSelfAtom(r1, first[i]));
      rightWordAtoms(p1, r1, ws[i].lowerHash, part); grouped.push(...part);
      expect(sorted(grouped)).toEqual(sorted(plain));
    }
  });
});

describe('lemma edit rules', () => {
  it('turns forms into lemmas and applies only where the rule fits', () => {
    const pairs: Array<[string, string]> = [['Häuser', 'Haus'], ['Die', 'der'], ['abgearbeitet', 'abarbeiten'], ['running', 'run'], ['x', 'x'], ['went', 'go']];
    for (const [f, l] of pairs) expect(applyRule(f, parseRule(ruleOf(f, l)))).toBe(l);
    expect(applyRule('Mäuse', parseRule(ruleOf('Häuser', 'Haus')))).toBeNull();
    expect(applyRule('Hunde', parseRule(ruleOf('Tage', 'Tag')))).toBe('Hund');
  });

  it('ruleApplies agrees with applyRule (the committed German rules on real and made-up forms)', () => {
    const forms = ['Häuser', 'Die', 'die', 'D', 'abgearbeitet', 'İstanbul', 'Ärzte', 'x', '', 'Sagte', 'sagte'];
    if (existsSync(defaultTaggerPath('de')) && treebankAvailable('de-gsd', 'test')) {
      for (const s of readTreebank('de-gsd', 'test').slice(0, 150)) forms.push(...s.forms);
    }
    const rules = existsSync(defaultTaggerPath('de')) ? TaggerModel.load(defaultTaggerPath('de')).parsedRules : [parseRule(ruleOf('Die', 'der')), parseRule(ruleOf('Häuser', 'Haus'))];
    let applicable = 0;
    for (const f of forms) {
      for (const r of rules) {
        const applies = ruleApplies(f, r);
        expect(applies).toBe(applyRule(f, r) !== null);
        if (applies) applicable++;
      }
    }
    expect(applicable).toBeGreaterThan(0);
  });
});

describe('lexicon', () => {
  it('merges feature values of analyses', () => {
    expect(unionFeats(['Case=Nom|Number=Sing', 'Case=Acc|Number=Sing', 'Case=Dat,Gen|Gender=Fem'])).toBe('Case=Acc,Dat,Gen,Nom|Gender=Fem|Number=Sing');
  });
  it('finds forms and their analyses', () => {
    const lex = FormLexicon.build([
      { form: 'Haus', upos: 'NOUN', lemma: 'Haus', feats: 'Case=Acc,Nom' },
      { form: 'sei', upos: 'VERB', lemma: 'sein', feats: 'Mood=Sub' },
    ]);
    const k = lex.find('sei');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(lex.featsNames[lex.entFeats[lex.starts[k]]]).toBe('Mood=Sub');
    expect(lex.find('Hund')).toBe(-1);
  });
});

describe('contractions', () => {
  it('splits German preposition+article tokens into words and maps them back', () => {
    const r = expandContractions(['Im', 'Haus', 'zum', 'Beispiel'], 'de');
    expect(r.words).toEqual(['In', 'dem', 'Haus', 'zu', 'dem', 'Beispiel']);
    expect(Array.from(r.tokenOf)).toEqual([0, 0, 1, 2, 2, 3]);
    expect(expandContractions(['im'], 'en').words).toEqual(['im']);
  });
});
