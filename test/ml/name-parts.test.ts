import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { completeNameParts, type NamePartWords } from '../../src/ml/name-parts.js';
import { GAZ, LexiconBuilder } from '../../src/ml/lexicon.js';

const b = new LexiconBuilder();
for (const w of ['Grace', 'Lao']) b.addFlag(w, GAZ.FIRST);
b.cluster[b.id('Sommer')] = 3; // a frequent word (it has a cluster)
const lex = b.build();
const words: NamePartWords = { months: new Set(['May', 'June']), datePreceders: new Set(['in', 'since']), stopwords: new Set(['the']), ordinalSuffixes: ['st', 'nd', 'rd', 'th', '.'] };

function run(sentences: string[][], tags: string[][], pO = 0.9): string[][] {
  const t = tags.map((x) => [...x]);
  completeNameParts(lex, words, sentences, t, tags.map((x) => new Float32Array(x.length).fill(pO)));
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
    const s = [['Grace', 'June', 'spoke', '.'], ['The', 'vote', 'is', 'on', 'June', '5', '.'], ['Prices', 'rose', 'in', 'June', '.'], ['Since', 'June', 'nothing', 'moved', '.'],
      ['Rents', 'fell', 'by', 'the', '5th', 'June', 'deadline', '.'], ['Am', '5.', 'June', 'war', 'Ruhe', '.']];
    const t = run(s, [['B-PER', 'O', 'O', 'O'], ...s.slice(1).map(O)]);
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

  it('leaves a frequent word alone when the model was sure it is no name, unless it hesitated', () => {
    const s = [['Hildegard', 'Sommer', 'kam', '.'], ['Im', 'Sommer', 'regnet', 'es', '.']];
    const tags = [['B-PER', 'I-PER', 'O', 'O'], ['O', 'O', 'O', 'O', 'O']];
    expect(run(s, tags, 1)[1]).toEqual(['O', 'O', 'O', 'O', 'O']);
    expect(run(s, tags, 0.6)[1][1]).toBe('B-PER');
  });

  it('tags a surname next to a number that is no day ("June 5th" is a date, "June 5x" is not read as one)', () => {
    const s = [['Grace', 'June', 'spoke', '.'], ['June', '5x', 'left', '.']];
    const t = run(s, [['B-PER', 'O', 'O', 'O'], O(s[1])]);
    expect(t[1][0]).toBe('B-PER');
  });
});

describe('runNer completes name parts with the German model', () => {
  const hasDe = existsSync(new URL('../../models/ner-de.bin', import.meta.url));
  it.runIf(hasDe)('tags the surname of a person named in full where it stands alone', async () => {
    const { buildDoc } = await import('../../src/text/index.js');
    const { runNer } = await import('../../src/ml/ner-stage.js');
    const text = 'Die Bürgermeisterin Henrike Wolkenstein eröffnete am Montag die neue Brücke.\n\n'
      + 'Wolkenstein sagte, der Bau habe drei Jahre gedauert. Kritiker warfen Wolkenstein vor, die Kosten verschwiegen zu haben.';
    const doc = buildDoc({ text, language: 'de', origin: 'test' });
    const per = runNer(doc).filter((m) => m.type === 'PER');
    const hits = [...text.matchAll(/Wolkenstein/g)].map((m) => m.index!);
    expect(hits.map((o) => per.some((m) => m.start <= o && o < m.end))).toEqual([true, true, true]);
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
