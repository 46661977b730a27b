import { describe, expect, it } from 'vitest';
import { docOf, sentencesOf } from '../helpers.js';

describe('sentence segmentation (German)', () => {
  it('keeps ordinals before months and after articles inside the sentence', () => {
    expect(sentencesOf('Die Wahl findet am 5. November statt. Danach wird gezählt.')).toEqual([
      'Die Wahl findet am 5. November statt.',
      'Danach wird gezählt.',
    ]);
    expect(sentencesOf('Er erinnerte an den 2. Weltkrieg. Niemand widersprach.')).toHaveLength(2);
  });
  it('does not split after z.B., Dr., Nr. and initials', () => {
    expect(sentencesOf('Länder wie z.B. Frankreich stimmten zu. Dr. Müller war dagegen.')).toEqual([
      'Länder wie z.B. Frankreich stimmten zu.',
      'Dr. Müller war dagegen.',
    ]);
    expect(sentencesOf('Die Rede hielt John F. Kennedy in Berlin. Sie wurde berühmt.')).toHaveLength(2);
  });
  it('keeps a multi-sentence quotation with its attribution', () => {
    const s = sentencesOf('„Das ist falsch. Wir bleiben dabei“, sagte sie. Dann ging sie.');
    expect(s).toEqual(['„Das ist falsch. Wir bleiben dabei“, sagte sie.', 'Dann ging sie.']);
  });
  it('ends a sentence at a closing quote that follows the period', () => {
    expect(sentencesOf('Er sagte: "Wir kommen wieder." Die Sitzung endete.')).toEqual(['Er sagte: "Wir kommen wieder."', 'Die Sitzung endete.']);
  });
  it('treats a stand-alone short line as a heading of its own', () => {
    const d = docOf('Der erste Absatz endet hier.\n\nZWISCHENTITEL\n\nDer zweite Absatz.');
    expect(d.paragraphs.map((p) => p.heading)).toEqual([false, true, false]);
    expect(d.sentences).toHaveLength(3);
  });
  it('splits on question and exclamation marks', () => {
    expect(sentencesOf('Wer zahlt? Niemand! So ist es.')).toHaveLength(3);
  });
});

describe('sentence segmentation (English)', () => {
  it('keeps U.S. Steel, Mr. and initials together', () => {
    expect(sentencesOf('The deal for U.S. Steel was blocked. Mr. Smith objected.', 'en')).toEqual([
      'The deal for U.S. Steel was blocked.',
      'Mr. Smith objected.',
    ]);
    expect(sentencesOf('George W. Bush spoke. He left.', 'en')).toEqual(['George W. Bush spoke.', 'He left.']);
  });
  it('splits after U.S. when a typical sentence opener follows', () => {
    expect(sentencesOf('He moved to the U.S. The family followed.', 'en')).toHaveLength(2);
  });
  it('keeps a quote interrupted by attribution in one sentence', () => {
    expect(sentencesOf('"We are ready," she said, "and we will act." Others disagreed.', 'en')).toHaveLength(2);
  });
  it('splits at a number at the end of a sentence', () => {
    expect(sentencesOf('The law passed in 2019. It expired later.', 'en')).toHaveLength(2);
  });
});

describe('offsets', () => {
  it('every sentence and token points into the canonical text', () => {
    const d = docOf('Premierminister Fumio Kishida reiste am 5. April nach Washington. „Wir sind bereit“, sagte er.');
    for (const t of d.tokens) expect(d.text.slice(t.start, t.end)).toBe(t.text);
    for (const s of d.sentences) {
      expect(d.tokens[s.tokenStart].start).toBe(s.start);
      expect(d.tokens[s.tokenEnd - 1].end).toBe(s.end);
    }
  });
});
