import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { completeNameParts, type NamePartWords } from '../../src/ml/name-parts.js';
import { GAZ, LexiconBuilder } from '../../src/ml/lexicon.js';

const b = new LexiconBuilder();
for (const w of ['Grace', 'Lao']) b.addFlag(w, GAZ.FIRST);
const lex = b.build();
const words: NamePartWords = { months: new Set(['May', 'June']), datePreceders: new Set(['in', 'since']), stopwords: new Set(['the']) };

function run(sentences: string[][], tags: string[][]): string[][] {
  const t = tags.map((x) => [...x]);
  completeNameParts(lex, words, sentences, t, tags.map((x) => new Float32Array(x.length).fill(0.9)));
  return t;
}
const O = (s: string[]) => s.map(() => 'O');

describe('name parts the model reads as common words', () => {
  it('a known first name takes the capitalised word after it as surname, and the surname is a person elsewhere', () => {
    const s = [['Minister', 'Grace', 'June', 'spoke', '.'], ['June', 'said', 'the', 'plan', 'stands', '.'], ['Critics', 'attacked', 'June', "'s", 'plan', '.']];
    const t = run(s, [['O', 'B-PER', 'O', 'O', 'O'], O(s[1]), O(s[2])]);
    expect(t[0]).toEqual(['O', 'B-PER', 'I-PER', 'O', 'O']);
    expect(t[1][0]).toBe('B-PER');
    expect(t[2][2]).toBe('B-PER');
  });

  it('keeps the month where it reads as a date', () => {
    const s = [['Grace', 'June', 'spoke', '.'], ['The', 'vote', 'is', 'on', 'June', '5', '.'], ['Prices', 'rose', 'in', 'June', '.'], ['Since', 'June', 'nothing', 'moved', '.']];
    const t = run(s, [['B-PER', 'O', 'O', 'O'], O(s[1]), O(s[2]), O(s[3])]);
    expect(t[0]).toEqual(['B-PER', 'I-PER', 'O', 'O']);
    expect(t.slice(1).flat().every((x) => x === 'O')).toBe(true);
  });

  it('takes no surname before another capitalised word, after a name that is no first name, or a function word', () => {
    const s = [['Lao', 'Prime', 'Minister', 'Sone', 'came', '.'], ['Kerrow', 'May', 'left', '.'], ['Grace', 'The', 'end', '.'], ['May', 'came', '.']];
    const t = run(s, [['B-PER', 'O', 'O', 'B-PER', 'O', 'O'], ['B-PER', 'O', 'O', 'O'], ['B-PER', 'O', 'O', 'O'], O(s[3])]);
    expect(t[0]).toEqual(['B-PER', 'O', 'O', 'B-PER', 'O', 'O']);
    expect(t[1]).toEqual(['B-PER', 'O', 'O', 'O']);
    expect(t[2]).toEqual(['B-PER', 'O', 'O', 'O']);
    expect(t[3]).toEqual(['O', 'O', 'O']);
  });
});

describe('runNer completes name parts with the English model', () => {
  const hasEn = existsSync(new URL('../../models/ner-en.bin', import.meta.url));
  it.runIf(hasEn)('tags the surname "May" of a person named in full, but not the month', async () => {
    const { buildDoc } = await import('../../src/text/index.js');
    const { runNer } = await import('../../src/ml/ner-stage.js');
    const text = 'Theresa May, the interior minister, was chosen as party leader on Monday.\n\n'
      + 'The 61-year-old May won the final ballot after her last rival pulled out. Both May and her rival had campaigned since April.\n\n'
      + 'May will take office on Wednesday. Her critics said in May that she moved too slowly.';
    const doc = buildDoc({ text, language: 'en', origin: 'test' });
    const per = runNer(doc).filter((m) => m.type === 'PER');
    const mays = [...text.matchAll(/\bMay\b/g)].map((m) => m.index!);
    expect(mays.map((o) => per.some((m) => m.start <= o && o < m.end))).toEqual([true, true, true, true, false]);
  });
});
