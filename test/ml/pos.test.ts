import { describe, expect, it } from 'vitest';
import { trainPerceptron } from '../../src/ml/train.js';
import { Lexicon } from '../../src/ml/lexicon.js';
import { NerModel } from '../../src/ml/model.js';
import { POS_ATOMS, posAtoms, usesPos } from '../../src/ml/pos.js';
import { hashStr } from '../../src/util/hash.js';
import { loadTagger } from '../../src/syntax/tagger/index.js';
import { readTreebank } from '../../src/syntax/treebanks.js';
import type { LabeledSentence } from '../../src/ml/data.js';

const meta = { name: 'test', version: '0', lang: 'xx' };
const atom = (tag: string): number => hashStr(tag, 9) | 1;

/** Sentences where "Rosen" is a name only when its (given) tag says PROPN: words alone cannot tell. */
function ambiguous(n: number): LabeledSentence[] {
  const out: LabeledSentence[] = [];
  for (let i = 0; i < n; i++) {
    const name = i % 2 === 0;
    const tokens = ['heute', 'kam', 'Rosen', 'an'];
    const tags = ['O', 'O', name ? 'B-PER' : 'O', 'O'];
    const pos = Uint32Array.from(['ADV', 'VERB', name ? 'PROPN' : 'NOUN', 'ADP'], atom);
    out.push({ tokens, tags, doc: i, pos });
  }
  return out;
}

describe('POS features in the NER', () => {
  it('let the perceptron separate words that only their tag tells apart', () => {
    const data = ambiguous(40);
    const withPos = trainPerceptron(data, Lexicon.empty(), { epochs: 5, seed: 1, meta });
    for (const s of data) expect(withPos.tag(s.tokens, { pos: s.pos })).toEqual(s.tags);
    const without = trainPerceptron(data.map(({ pos: _pos, ...s }) => s), Lexicon.empty(), { epochs: 5, seed: 1, meta });
    const right = data.filter((s) => JSON.stringify(without.tag(s.tokens)) === JSON.stringify(s.tags)).length;
    expect(right).toBeLessThan(data.length);
  });

  it('survive a save/load round trip', () => {
    const data = ambiguous(20);
    const model = trainPerceptron(data, Lexicon.empty(), { epochs: 5, seed: 1, meta: { ...meta, pos: POS_ATOMS } });
    const loaded = NerModel.deserialize(model.serialize());
    expect(usesPos(loaded.meta)).toBe(true);
    for (const s of data) expect(loaded.tag(s.tokens, { pos: s.pos })).toEqual(s.tags);
  });

  it('refuse a model made with other atoms', () => {
    expect(usesPos({})).toBe(false);
    expect(() => usesPos({ pos: 'xpos/7' })).toThrow(/POS atoms/);
  });
});

describe('posAtoms', () => {
  const tagger = loadTagger('de');
  it.skipIf(!tagger)('gives a contraction the tags of its words ("im" = in + dem)', () => {
    const atoms = posAtoms(tagger!, 'de', ['Sie', 'wohnt', 'im', 'Norden', '.']);
    const words = tagger!.tagUpos(['Sie', 'wohnt', 'in', 'dem', 'Norden', '.']);
    expect(atoms).toEqual(Uint32Array.from([words[0], words[1], `${words[2]}+${words[3]}`, words[4], words[5]], atom));
  });

  it.skipIf(!tagger)('tagUpos gives the same tags as the full tagger', () => {
    let sentences;
    try { sentences = readTreebank('de-gsd', 'dev').slice(0, 150); } catch { return; }
    for (const s of sentences) expect(tagger!.tagUpos(s.forms)).toEqual(tagger!.tag(s.forms).upos);
  });
});
