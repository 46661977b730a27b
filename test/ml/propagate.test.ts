import { describe, expect, it } from 'vitest';
import { propagateNames } from '../../src/ml/ner-stage.js';
import { NerModel } from '../../src/ml/model.js';
import { LexiconBuilder } from '../../src/ml/lexicon.js';
import { U32Map } from '../../src/util/hash.js';

const labels = ['O', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-PER', 'I-PER'];
const b = new LexiconBuilder();
b.cluster[b.id('Sommer')] = 3; // a frequent word (it has a cluster)
const model = new NerModel(labels, new U32Map(4), new Float32Array(0), new Float32Array((labels.length + 1) * labels.length), b.build(), { name: 't', version: '0', lang: 'de' });

function run(sentences: string[][], tags: string[][], pO = 0.6): string[][] {
  const t = tags.map((x) => [...x]);
  const conf = tags.map((x) => Float32Array.from(x, (tag) => (tag === 'O' ? pO : 0.95)));
  propagateNames(model, sentences, t, conf);
  return t;
}

describe('document pass for models without a trained one', () => {
  it('tags a name tagged confidently elsewhere, but not a surname on its own (the name-part pass does that)', () => {
    const s = [['Ilka', 'Brandhorst', 'sprach', 'in', 'Ostrava', '.'], ['Brandhorst', 'lobte', 'Ostrava', 'und', 'Ilka', 'Brandhorst', '.']];
    const tags = [['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O'], ['O', 'O', 'O', 'O', 'O', 'O', 'O']];
    expect(run(s, tags)[1]).toEqual(['O', 'O', 'B-LOC', 'O', 'B-PER', 'I-PER', 'O']);
  });

  it('leaves a frequent word alone when the model was sure it is no name', () => {
    const s = [['Sommer', 'kam', '.'], ['Im', 'Sommer', 'regnet', 'es', '.']];
    const tags = [['B-LOC', 'O', 'O'], ['O', 'O', 'O', 'O', 'O']];
    expect(run(s, tags, 1)[1]).toEqual(['O', 'O', 'O', 'O', 'O']);
    // when the model hesitated, the name is taken
    expect(run(s, tags, 0.6)[1][1]).toBe('B-LOC');
  });

  it('only learns from names the model tagged confidently', () => {
    const s = [['Sunro', 'kauft', '.'], ['Mit', 'Sunro', '.']];
    const tags = [['B-LOC', 'O', 'O'], ['O', 'O', 'O']];
    const t = tags.map((x) => [...x]);
    const conf = [Float32Array.from([0.7, 0.6, 0.6]), Float32Array.from([0.6, 0.6, 0.6])];
    propagateNames(model, s, t, conf);
    expect(t[1]).toEqual(['O', 'O', 'O']);
  });

  it('skips names the document tags with two types equally often, and lower-case words', () => {
    const s = [['Varna', 'siegte', '.'], ['In', 'Varna', '.'], ['Varna', 'und', 'varna', '.']];
    const tags = [['B-ORG', 'O', 'O'], ['O', 'B-LOC', 'O'], ['O', 'O', 'O', 'O']];
    expect(run(s, tags)[2]).toEqual(['O', 'O', 'O', 'O']);
  });
});
