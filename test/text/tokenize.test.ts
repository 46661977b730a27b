import { describe, expect, it } from 'vitest';
import { docOf } from '../helpers.js';

const toks = (s: string, lang = 'de') => docOf(s, lang).tokens.map((t) => t.text);

describe('tokenizer', () => {
  it('keeps compounds, names with apostrophes, ranges and decimal numbers whole', () => {
    expect(toks('Der US-Präsidentschaftskandidat O\'Brien nannte 2017-2021 und 14,9 Milliarden.')).toEqual([
      'Der', 'US-Präsidentschaftskandidat', "O'Brien", 'nannte', '2017-2021', 'und', '14,9', 'Milliarden', '.',
    ]);
  });
  it('keeps dotted abbreviations and attaches ordinal periods', () => {
    expect(toks('Etwa z.B. am 5. November.')).toEqual(['Etwa', 'z.B.', 'am', '5.', 'November', '.']);
  });
  it('splits English clitics like the CoNLL tokens', () => {
    expect(toks("Trump's aides don't agree.", 'en')).toEqual(['Trump', "'s", 'aides', 'do', "n't", 'agree', '.']);
  });
  it('separates quotes and brackets', () => {
    expect(toks('„Ja“ (sagte er)')).toEqual(['„', 'Ja', '“', '(', 'sagte', 'er', ')']);
  });
  it('keeps truncated compounds before und', () => {
    expect(toks('US- und EU-Vertreter')).toEqual(['US-', 'und', 'EU-Vertreter']);
  });
});
