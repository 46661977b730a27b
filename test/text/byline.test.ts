import { describe, expect, it } from 'vitest';
import { docOf } from '../helpers.js';

describe('byline and dateline', () => {
  it('reads an English credit line with places and several cues', () => {
    const d = docOf('LONDON (Example News) - The talks failed.\n\n(Reporting by Ann Lee and Bo Chan in London; Additional reporting by Cy Dee in Paris; Editing by Di Eve)', 'en');
    expect(d.byline.reporters).toEqual(['Ann Lee', 'Bo Chan', 'Cy Dee']);
    expect(d.byline.editors).toEqual(['Di Eve']);
    expect(d.dateline?.place).toBe('LONDON');
    expect(d.dateline?.agency).toBe('Example News');
  });
  it('reads a German credit line', () => {
    const d = docOf('Die Gespräche scheiterten.\n\n(Berichte von Anna Muster, Ben Probe und Carla Test in Berlin; Bearbeitung durch Dora Beispiel)');
    expect(d.byline.reporters).toEqual(['Anna Muster', 'Ben Probe', 'Carla Test']);
    expect(d.byline.editors).toEqual(['Dora Beispiel']);
    expect(d.byline.span?.text.startsWith('(Berichte von')).toBe(true);
  });
  it('reads a "By A, B and C" line at the top', () => {
    const d = docOf('By Ann Lee, Bo Chan and Cy Dee\n\nThe talks failed on Monday.', 'en');
    expect(d.byline.reporters).toEqual(['Ann Lee', 'Bo Chan', 'Cy Dee']);
  });
  it('finds no byline in an ordinary text', () => {
    const d = docOf('Die Gespräche scheiterten am Montag in Berlin.');
    expect(d.byline.reporters).toEqual([]);
    expect(d.dateline).toBeNull();
  });
});

describe('headline before the dateline', () => {
  it('a long first line without final punctuation is a headline, and the dateline after it is found', () => {
    const d = docOf('Regional lawmakers approve a water-sharing deal after months of bitter talks between the three counties\n\nPHOENIX (Example Wire) - The state senate voted 17-13 on Monday.\n\nThe governor has not said whether she will sign it.', 'en');
    expect(d.paragraphs[0].heading).toBe(true);
    expect(d.dateline?.place).toBe('PHOENIX');
    expect(d.sentences[0].end).toBe(d.paragraphs[0].end);
  });
});
