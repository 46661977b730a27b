import { describe, expect, it } from 'vitest';
import { quotesOf, sourceOf } from './helpers.js';

describe('direct quotes and their speakers', () => {
  it('finds the speaker after the quote, German and English', () => {
    const de = quotesOf('„Die Brücke wird im Mai fertig“, sagte Bürgermeisterin Eva Roth.', 'de').layer;
    expect(de.quotes).toHaveLength(1);
    expect(de.quotes[0].kind).toBe('direct');
    expect(de.quotes[0].text).toBe('Die Brücke wird im Mai fertig');
    expect(sourceOf(de, 'Brücke')?.description).toContain('Eva Roth');
    const en = quotesOf('"The bridge will open in May," Mayor Eva Roth said.', 'en').layer;
    expect(sourceOf(en, 'bridge')?.description).toContain('Eva Roth');
    const inv = quotesOf('"The bridge will open in May," said Eva Roth, the mayor.', 'en').layer;
    expect(sourceOf(inv, 'bridge')?.description).toContain('Eva Roth');
  });

  it('finds the speaker before a colon', () => {
    const de = quotesOf('Auf die Frage nach den Kosten sagte der Minister Paul Kern: „Das bezahlen wir aus dem Haushalt.“', 'de').layer;
    expect(sourceOf(de, 'Haushalt')?.description).toContain('Paul Kern');
    const head = quotesOf('Kern: „Wir zahlen das aus dem Haushalt“\n\nDer Minister äußerte sich am Montag.', 'de').layer;
    expect(sourceOf(head, 'Haushalt')?.description).toBe('Kern');
  });

  it('joins a quote interrupted by its attribution', () => {
    const { layer } = quotesOf('„Wir haben lange verhandelt“, sagte Ole Brandt, „und am Ende hat es sich gelohnt.“', 'de');
    expect(layer.quotes).toHaveLength(1);
    expect(layer.quotes[0].text).toContain('lange verhandelt');
    expect(layer.quotes[0].text).toContain('gelohnt');
    expect(layer.sources[0].description).toBe('Ole Brandt');
  });

  it('resolves a pronoun speaker to the last compatible speaker', () => {
    const text = 'Ole Brandt sagte, die Verhandlungen seien schwierig gewesen.\n\n„Am Ende zählt das Ergebnis“, sagte er.';
    const { layer } = quotesOf(text, 'de');
    const q = layer.quotes.find((x) => x.text.includes('Ergebnis'))!;
    expect(layer.sources.find((s) => s.id === q.source)?.description).toBe('Ole Brandt');
    const en = quotesOf('Anna Weiss said the talks were hard. "In the end the result counts," she said.', 'en').layer;
    expect(sourceOf(en, 'result counts')?.description).toBe('Anna Weiss');
  });

  it('continues the last speaker for an unattributed quote that opens a sentence', () => {
    const { layer } = quotesOf('"We will appeal," said lawyer Tom Reed. "This ruling cannot stand."', 'en');
    expect(sourceOf(layer, 'cannot stand')?.description).toContain('Tom Reed');
  });

  it('makes a partial quote inside reported speech a mixed quote', () => {
    const { layer } = quotesOf('Die Behörde erklärte, sie prüfe den Fall "mit großer Sorgfalt" und melde sich bald.', 'de');
    expect(layer.quotes).toHaveLength(1);
    expect(layer.quotes[0].kind).toBe('mixed');
    expect(layer.quotes[0].text).toContain('"mit großer Sorgfalt"');
  });

  it('never makes a quote of a mere quoted term', () => {
    // Rule: no reporting cue attaches, and a term marker precedes it or it has at most three words.
    const de = quotesOf('Die sogenannte \'Gruppe\' traf sich am Montag in Bonn. Der "Kompromiss" hielt nicht lange.', 'de').layer;
    expect(de.quotes).toHaveLength(0);
    expect(de.terms.map((t) => t.text)).toEqual(['Gruppe', 'Kompromiss']);
    const marker = quotesOf('Das sogenannte „Gesetz zur Stärkung der Wettbewerbsfähigkeit“ tritt im Juli in Kraft.', 'de').layer;
    expect(marker.quotes).toHaveLength(0);
    const title = quotesOf('The report, titled "A Future Worth Building," was published on Monday.', 'en').layer;
    expect(title.quotes).toHaveLength(0);
    // With a cue, even a short quoted fragment is speech.
    const cue = quotesOf('Der Minister sagte, der Plan sei "nicht tragbar".', 'de').layer;
    expect(cue.quotes).toHaveLength(1);
    expect(cue.quotes[0].kind).toBe('mixed');
  });
});

describe('indirect speech', () => {
  it('reads German "dass", Konjunktiv without "dass", "so X", "wie X sagte", "laut", "zufolge"', () => {
    const text = [
      'Die Ministerin Eva Roth sagte, dass die Schulen offen bleiben.',
      'Der Verband erklärte, die Preise seien zu hoch.',
      'Die Gespräche sind gescheitert, so drei beteiligte Diplomaten.',
      'Eine Einigung gilt als fern, wie zwei der Diplomaten sagten.',
      'Laut Polizei blieb die Demonstration friedlich.',
      'Dem Bericht zufolge stiegen die Kosten um ein Drittel.',
    ].join(' ');
    const { layer } = quotesOf(text, 'de');
    const by = (w: string) => layer.sources.find((s) => s.id === layer.quotes.find((q) => q.text.includes(w))?.source)?.description;
    expect(by('Schulen offen')).toContain('Eva Roth');
    expect(by('Preise seien')).toBe('Der Verband');
    expect(by('gescheitert')).toBe('drei beteiligte Diplomaten');
    expect(by('Einigung gilt')).toBe('zwei der Diplomaten');
    expect(by('friedlich')).toBe('Polizei');
    expect(by('Drittel')).toBe('Dem Bericht');
    expect(layer.quotes.every((q) => q.kind === 'indirect')).toBe(true);
    const two = layer.sources.find((s) => s.description === 'zwei der Diplomaten')!;
    expect(layer.sources.find((s) => s.id === two.parent)?.description).toBe('drei beteiligte Diplomaten');
  });

  it('reads English "said (that)", "according to", ", X said", "told"', () => {
    const text = [
      'The ministry said on Monday that exports had fallen.',
      'Prices will rise again, according to people familiar with the matter.',
      'The plan was dropped last week, two of the people said.',
      'Minister Jan Falk told Reuters the budget was balanced.',
    ].join(' ');
    const { layer } = quotesOf(text, 'en');
    const q = (w: string) => layer.quotes.find((x) => x.text.includes(w))!;
    const by = (w: string) => layer.sources.find((s) => s.id === q(w)?.source)?.description;
    expect(by('exports had fallen')).toBe('The ministry');
    expect(by('Prices will rise')).toBe('people familiar with the matter');
    expect(by('plan was dropped')).toBe('two of the people');
    expect(by('budget was balanced')).toContain('Jan Falk');
    expect(q('budget was balanced').channel).toBe('Reuters');
    expect(q('budget was balanced').text).toBe('the budget was balanced');
  });
});

describe('channels', () => {
  it('reads channel phrases outside the reported content', () => {
    const ch = (text: string, lang: string) => quotesOf(text, lang).layer.quotes.map((q) => q.channel);
    expect(ch('Ole Brandt sagte gegenüber Reuters, die Lage sei ernst.', 'de')).toEqual(['Reuters']);
    expect(ch('In einem Interview mit dem Sender Phoenix sagte Ole Brandt, die Lage sei ernst.', 'de')).toEqual(['Phoenix']);
    expect(ch('In einer Erklärung teilte das Ministerium mit, die Lage sei ernst.', 'de')).toEqual(['statement']);
    expect(ch('Senator Ann Cole wrote on X that the bill was dead.', 'en')).toEqual(['X']);
    expect(ch('The company said in a statement that sales rose.', 'en')).toEqual(['statement']);
    // A channel word inside the content is not the channel.
    expect(ch('Ole Brandt sagte, er habe gegenüber Reuters nichts gesagt.', 'de')).toEqual([null]);
  });
});
