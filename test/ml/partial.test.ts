import { describe, expect, it } from 'vitest';
import { trainPerceptron } from '../../src/ml/train.js';
import { Lexicon, LexiconBuilder, GAZ } from '../../src/ml/lexicon.js';
import { evaluate } from '../../src/ml/eval.js';
import { mulberry32 } from '../../src/util/hash.js';
import { labelDoc, type PartialSentence } from '../../src/ml/smartdata.js';
import { addDictionary, addMentionNames } from '../../src/ml/resources.js';
import type { LabeledSentence } from '../../src/ml/data.js';

const meta = { name: 'test', version: '0', lang: 'xx' };

/** Sentences with a person after "mr", a place after "in" or an organisation before "corp". */
function synthetic(seed: number, n: number, kinds: number[]): LabeledSentence[] {
  const r = mulberry32(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const out: LabeledSentence[] = [];
  for (let s = 0; s < n; s++) {
    const tokens: string[] = [];
    const tags: string[] = [];
    for (let p = 0; p < 3; p++) {
      tokens.push(pick(['the', 'saw', 'met', 'then'])); tags.push('O');
      const k = pick(kinds);
      if (k === 0) { tokens.push('mr', pick(['Anna', 'Boris', 'Chen'])); tags.push('O', 'B-PER'); }
      else if (k === 1) { tokens.push('in', pick(['Paris', 'Lima', 'Oslo'])); tags.push('O', 'B-LOC'); }
      else { tokens.push(pick(['Acme', 'Globex', 'Initech', 'Umbra', 'Vex']), 'corp'); tags.push('B-ORG', 'I-ORG'); }
    }
    out.push({ tokens, tags, doc: s });
  }
  return out;
}

/** Keeps only the organisation labels; lower-case words are known non-names, other capitalised words are free. */
function orgOnly(s: LabeledSentence): PartialSentence {
  return {
    tokens: s.tokens,
    tags: s.tags.map((t) => (t.endsWith('ORG') ? t : null)),
    free: s.tags.map((t, i) => !t.endsWith('ORG') && /^[A-Z]/.test(s.tokens[i])),
  };
}

describe('partially labelled training', () => {
  // the full set has no organisations; the partial set shows them with everything else unknown
  const full = synthetic(1, 80, [0, 1]);
  const partial = synthetic(3, 80, [0, 1, 2]).map(orgOnly);
  const test = synthetic(4, 60, [0, 1, 2]);
  const orgF1 = (m: ReturnType<typeof trainPerceptron>): number =>
    evaluate(test.map((s) => s.tags), test.map((s) => m.tag(s.tokens))).byType.ORG?.f1 ?? 0;

  it('learns a type from sentences where only that type is labelled', () => {
    const without = trainPerceptron(full, Lexicon.empty(), { epochs: 6, seed: 1, meta });
    const withPartial = trainPerceptron(full, Lexicon.empty(), { epochs: 6, seed: 1, meta, partial });
    expect(orgF1(withPartial)).toBeGreaterThan(0.95);
    expect(without.labels).not.toContain('B-ORG');
    expect(orgF1(without)).toBe(0);
  });

  it('keeps the fully labelled types', () => {
    const m = trainPerceptron(full, Lexicon.empty(), { epochs: 6, seed: 1, meta, partial });
    const r = evaluate(test.map((s) => s.tags), test.map((s) => m.tag(s.tokens)));
    expect(r.byType.PER.f1).toBeGreaterThan(0.95);
    expect(r.byType.LOC.f1).toBeGreaterThan(0.95);
  });

  it('is deterministic and refuses the bilou scheme', () => {
    const a = trainPerceptron(full, Lexicon.empty(), { epochs: 2, seed: 5, meta, partial });
    const b = trainPerceptron(full, Lexicon.empty(), { epochs: 2, seed: 5, meta, partial });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(() => trainPerceptron(full, Lexicon.empty(), { epochs: 1, seed: 1, meta, partial, scheme: 'bilou' })).toThrow();
  });
});

describe('SmartData document labelling', () => {
  const text = 'Gestern traf Anna Weber in Lindau die Firma Zwirn. Die münchner Presse schrieb es.\nNeue Zeile ohne Punkt';
  const at = (s: string): [number, number] => { const i = text.indexOf(s); return [i, i + s.length]; };
  const ms = [
    { start: at('Anna Weber')[0], end: at('Anna Weber')[1], type: 'PER' },
    { start: at('Lindau')[0], end: at('Lindau')[1], type: 'LOC' },
    { start: at('Zwirn')[0], end: at('Zwirn')[1], type: 'ORG' },
    { start: at('münchner')[0], end: at('münchner')[1], type: 'LOC' },
  ];
  const sents = labelDoc(text, ms);

  it('splits sentences at full stops and line breaks and tokenises punctuation apart', () => {
    expect(sents.map((s) => s.tokens.join(' '))).toEqual([
      'Gestern traf Anna Weber in Lindau die Firma Zwirn .',
      'Die münchner Presse schrieb es .',
      'Neue Zeile ohne Punkt',
    ]);
  });

  it('fixes capitalised mentions, frees lower-case mentions and other capitalised words', () => {
    const s = sents[0];
    expect(s.tags).toEqual([null, null, 'B-PER', 'I-PER', null, 'B-LOC', null, null, 'B-ORG', null]);
    expect(s.free).toEqual([true, false, false, false, false, false, false, true, false, false]);
    const m = sents[1];
    expect(m.tags[1]).toBeNull();
    expect(m.free[1]).toBe(true); // "münchner" may be LOCderiv in GermEval terms
  });
});

describe('spelling-dictionary classes', () => {
  it('tells dictionary nouns from dictionary names and unknown words', () => {
    const b = new LexiconBuilder();
    for (const w of ['Tische', 'Hauses', 'Merkel', 'Xqzvbrt']) b.id(w);
    expect(addDictionary(b, 'de')).toBe(true);
    const flag = (w: string): number => b.flags[b.id(w)];
    expect(flag('Tische') & GAZ.DICT_NOUN).toBeTruthy();
    expect(flag('Hauses') & GAZ.DICT_NOUN).toBeTruthy();
    expect(flag('Merkel') & GAZ.DICT_NAME).toBeTruthy();
    expect(flag('Merkel') & GAZ.DICT_NOUN).toBeFalsy();
    expect(flag('Xqzvbrt')).toBe(0);
  });
});

describe('names from another corpus as gazetteer entries', () => {
  it('adds single-token ORG/LOC names as flags and longer names as phrases', () => {
    const b = new LexiconBuilder();
    addMentionNames(b, [{
      tokens: ['Zwirn', 'und', 'Maple', 'Bank', 'in', 'Lindau', ',', 'sagte', 'Anna', 'Weber', '.'],
      tags: ['B-ORG', null, 'B-ORG', 'I-ORG', null, 'B-LOC', null, null, 'B-PER', 'I-PER', null],
      free: new Array(11).fill(false),
    }]);
    const lex = b.build();
    expect(lex.data.flags[lex.index.get('Zwirn')!]).toBe(GAZ.ORG);
    expect(lex.data.flags[lex.index.get('Lindau')!]).toBe(GAZ.CITY);
    expect(lex.phraseMap.get('Maple Bank')).toBe(2);
    expect(lex.phraseMap.get('Anna Weber')).toBe(1);
    expect(lex.index.has('und')).toBe(false);
  });
});
