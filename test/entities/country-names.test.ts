/** A country known only by its demonym is named by its usual short name (lang/<code>/entities/country-names.tsv). */
import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { docFrom, nerFromList } from './helpers.js';

const countryName = (text: string, lang: string, id: string) => {
  const doc = docFrom(text, lang);
  return extractEntities(doc, nerFromList(doc, [{ text: 'Tom Example', type: 'PER' }])).byId.get(id)?.name;
};

describe('country short names', () => {
  test('a British minister and a Syrian envoy make the actors Britain and Syria, not Great Britain and the Syrian Arab Republic', () => {
    expect(countryName('The British foreign secretary Tom Example met a Syrian envoy on Friday.', 'en', 'country:GB')).toBe('Britain');
    expect(countryName('The British foreign secretary Tom Example met a Syrian envoy on Friday.', 'en', 'country:SY')).toBe('Syria');
  });

  test('German: Syria is „Syrien“, also by its name in the text', () => {
    expect(countryName('Der syrische Gesandte traf am Freitag Tom Example.', 'de', 'country:SY')).toBe('Syrien');
    expect(countryName('Tom Example reiste am Freitag nach Syrien.', 'de', 'country:SY')).toBe('Syrien');
  });
});
