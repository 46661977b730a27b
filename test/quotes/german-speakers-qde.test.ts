/**
 * German speaker attribution, issue 13 (qde round): possessive offices, channels after a reporting verb, account
 * nouns that need an owner. Sentences written for this test, run through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { quoteWith, speakerOf } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'de' });

describe('a possessive office speaks for the person the possessive points to', () => {
  it('"erklärte sein Büro" is the office of the man named before, known also as "<Name>s Büro"', () => {
    const a = run('Der Bürgermeister Paul Hartmann will den Hafen ausbauen. Die Pläne seien mit dem Land abgestimmt, erklärte sein Büro am Montag. Der Bau solle im Herbst beginnen.');
    const s = speakerOf(a, 'Die Pläne seien');
    expect(s.name).toBe('Büro (Paul Hartmann)');
    expect(s.aliases).toContain('Hartmanns Büro');
    expect(speakerOf(a, 'Der Bau solle').name).toBe('Büro (Paul Hartmann)');
  });

  it('"ihr Ministerium" needs a woman: a man named before is no possessor', () => {
    const a = run('Die Ministerin Lena Kroll reiste nach Rom. Die Gespräche seien gut verlaufen, teilte ihr Ministerium mit.');
    expect(speakerOf(a, 'Die Gespräche seien').name).toBe('Ministerium (Lena Kroll)');
    const b = run('Der Minister Jan Kroll reiste nach Rom. Die Gespräche seien gut verlaufen, teilte ihr Ministerium mit.');
    expect(speakerOf(b, 'Die Gespräche seien').name).not.toBe('Ministerium (Jan Kroll)');
  });
});

describe('a cue phrase after a quote\'s reporting verb is its channel', () => {
  it('"„…“, sagte X laut einer Mitteilung der Partei": X speaks the quote, no second statement', () => {
    const a = run('Die Einigung steht. „Das ist ein guter Tag für die Stadt. Wir haben lange verhandelt“, sagte Tobias Wendt laut einer Mitteilung seiner Partei.');
    expect(speakerOf(a, 'Das ist ein guter Tag').name).toBe('Tobias Wendt');
    expect(a.quotes.filter((q) => q.text.includes('guter Tag'))).toHaveLength(1);
  });
});

describe('account nouns that need an owner', () => {
  it('"nach Worten ringen" names no source', () => {
    const a = run('Die Wahl lässt den Politologen Erik Sand nach Worten ringen: „So etwas habe ich noch nie gesehen“, sagt Sand.');
    expect(a.sources.some((s) => /Worten/.test(s.description ?? ''))).toBe(false);
    expect(speakerOf(a, 'So etwas habe ich').name).toBe('Erik Sand');
  });

  it('"nach seinen Worten" still names its owner\'s account', () => {
    const a = run('Der Minister Olaf Brandt besuchte das Werk. Nach seinen Worten sei die Produktion gesichert.');
    expect(quoteWith(a, 'die Produktion gesichert').text).toMatch(/Produktion gesichert/);
  });
});
