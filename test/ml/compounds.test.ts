import { describe, expect, it } from 'vitest';
import { FeatureExtractor, STRIDE } from '../../src/ml/features.js';
import { GAZ, LexiconBuilder } from '../../src/ml/lexicon.js';
import { addTrainTypes } from '../../src/ml/resources.js';
import { mix } from '../../src/util/hash.js';

// invented training sentences: "Varnia" is a place twice, "Quell" an organisation, "Orlo" a first name (gazetteer)
const train = [
  { tokens: ['Sie', 'reist', 'nach', 'Varnia', '.'], tags: ['O', 'O', 'O', 'B-LOC', 'O'] },
  { tokens: ['In', 'Varnia', 'regnet', 'es', '.'], tags: ['O', 'B-LOC', 'O', 'O', 'O'] },
  { tokens: ['Quell', 'baut', 'ab', ',', 'sagt', 'Quell', '.'], tags: ['B-ORG', 'O', 'O', 'O', 'O', 'B-ORG', 'O'] },
  { tokens: ['Das', 'Tagebuch', 'liegt', 'hier', '.'], tags: ['O', 'O', 'O', 'O', 'O'] },
];

function lexicon(withTypes: boolean) {
  const b = new LexiconBuilder();
  for (const w of ['Tagebuch', 'Elemente', 'Reise']) b.cluster[b.id(w)] = 7; // known common nouns
  b.addFlag('Orlo', GAZ.FIRST);
  if (withTypes) addTrainTypes(b, train);
  return b.build();
}

function featureSet(fx: FeatureExtractor, word: string): Set<number> {
  const out = fx.extract([word]);
  return new Set(Array.from(out.subarray(0, STRIDE)).filter((h) => h !== 0));
}

describe('compound and genitive name features', () => {
  const lex = lexicon(true);
  const fx = new FeatureExtractor(lex);

  it('learns the usual type of a word from the training names', () => {
    expect(lex.hasTrainTypes).toBe(true);
    expect((lex.data.flags[lex.index.get('Varnia')!] >>> GAZ.TRAIN_TYPE_SHIFT) & 7).toBe(2); // LOC
    expect((lex.data.flags[lex.index.get('Quell')!] >>> GAZ.TRAIN_TYPE_SHIFT) & 7).toBe(3); // ORG
    expect(lex.index.has('Sie')).toBe(false); // never inside a name
  });

  it('marks a compound whose first part is a name and whose rest is a known word', () => {
    expect(featureSet(fx, 'Varniatagebuch').has(mix(88, 2))).toBe(true);
    expect(featureSet(fx, 'Quell-Elemente').has(mix(88, 3))).toBe(true);
    expect(featureSet(fx, 'Orloreise').has(mix(88, 6))).toBe(true); // gazetteer first name
    // the rest must be a known word, and a name at the end is not a prefix
    expect(featureSet(fx, 'Varniaxyzqq').has(mix(88, 2))).toBe(false);
    expect(featureSet(fx, 'Tagebuchvarnia').has(mix(88, 2))).toBe(false);
    // the rest may itself be a compound ending in a known word
    expect(featureSet(fx, 'Varniainselreise').has(mix(88, 2))).toBe(true);
    // hyphenated, first part not a known name: unknown word (9) or a common word (10)
    expect(featureSet(fx, 'Zyxo-Reise').has(mix(88, 9))).toBe(true);
    expect(featureSet(fx, 'Tagebuch-Reise').has(mix(88, 10))).toBe(true);
  });

  it('marks genitives of names and hyphenated words ending in a name', () => {
    expect(featureSet(fx, 'Varnias').has(mix(90, 8 + 2))).toBe(true);
    expect(featureSet(fx, 'Varniaes').has(mix(90, 8 + 2))).toBe(true);
    expect(featureSet(fx, 'Ost-Varnia').has(mix(90, 2))).toBe(true);
    expect(featureSet(fx, 'Tagebuchs').has(mix(90, 8 + 2))).toBe(false);
  });

  it('does not let a word see its own training type (only its compounds do)', () => {
    const plain = new FeatureExtractor(lexicon(false));
    for (const w of ['Varnia', 'Quell']) expect([...featureSet(fx, w)].sort()).toEqual([...featureSet(plain, w)].sort());
  });
});
