/**
 * German speaker attribution (issue 13, news-dev speaker classes of round 3), each pinned with sentences written
 * for this test and run through the whole pipeline (entities, the lazy parse).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { quoteWith, speakerOf } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'de' });


describe('the clause of the reporting verb', () => {
  it('a dash before the subject opens a clause of its own: its subject speaks, not the first clause\'s', () => {
    const a = run('Die Bundeswehr hat nach eigenen Angaben fast alle Boote gestoppt – der Einsatzleiter Markus Brenner gab die Zahl der Boote mit „mehr als 40“ an und sprach von einem „großen Erfolg“. Keines der Boote habe die Küste erreicht.');
    expect(speakerOf(a, '„mehr als 40“').name).toBe('Markus Brenner');
    expect(speakerOf(a, 'Keines der Boote').name).toBe('Markus Brenner');
  });
});

describe('"hieß es" and its kin: the source sits inside the cue phrase', () => {
  it('"Von polnischer Seite hieß es, …": the country whose side speaks', () => {
    const a = run('Die Gespräche in Warschau endeten ohne Ergebnis. Von polnischer Seite hieß es, man werde die Vorschläge in Ruhe prüfen.');
    expect(speakerOf(a, 'man werde die Vorschläge').name).toBe('Polen');
  });

  it('"heißt es jetzt aus Regierungskreisen:" with an adverb between', () => {
    const a = run('Zu dem Vorwurf heißt es jetzt aus Berliner Regierungskreisen: Die Ministerien würden alle Zahlen noch einmal prüfen.');
    expect(quoteWith(a, 'Die Ministerien würden').text).toMatch(/^Die Ministerien würden/);
  });

  it('"Aus Regierungskreisen war zu hören, …" and "hatte es aus X geheißen, …": content after the phrase', () => {
    const a = run('Aus italienischen Regierungskreisen war zu hören, es gebe noch keine Einigung über den Haushalt. Zunächst hatte es aus der Koalition geheißen, der Streit sei beigelegt.');
    expect(quoteWith(a, 'es gebe noch keine Einigung').text).toMatch(/^es gebe/);
    expect(quoteWith(a, 'der Streit sei beigelegt').text).toMatch(/^der Streit/);
  });

  it('a quote after "…, hieß es von X:" is X\'s, as is the Konjunktiv sentence after it', () => {
    const a = run('Mit seinem Alleingang habe der Präsident dem Plan eher geschadet, hieß es von Finanzministerin Anna Kowalska: „Ich halte nichts davon, Pläne erst öffentlich zu machen und dann zu prüfen.“ Solche Fragen müssten zuerst im Kabinett besprochen werden.');
    expect(speakerOf(a, 'Ich halte nichts davon').name).toBe('Anna Kowalska');
    expect(speakerOf(a, 'Solche Fragen müssten').name).toBe('Anna Kowalska');
  });
});

describe('the subject by the parse, checked against the case', () => {
  it('a fronted object is no subject: the pronoun after the auxiliary speaks ("Den … Plan hat sie als „…“ bezeichnet")', () => {
    const a = run('Die Richterin Eva Lindqvist kritisiert die Reform seit Monaten. Den von Minister Paul Hart vorgelegten Plan hat sie als "gefährlich" bezeichnet.');
    expect(speakerOf(a, 'gefährlich').name).toBe('Eva Lindqvist');
  });
});

describe('a speaking pronoun after a quote', () => {
  it('"„…“, ergänzte er" goes on with the speaker of the statement before it in the paragraph', () => {
    const a = run('Mit seinem Alleingang habe Präsident Jan Novak dem Vorhaben geschadet, hieß es von Minister Tomas Berger: „Ich halte nichts davon, Pläne erst öffentlich zu machen.“ Solche Fragen müssten im Kabinett besprochen werden. „Wenn der Weg frei ist, lohnt es sich aber“, ergänzte er.');
    expect(speakerOf(a, 'Wenn der Weg frei ist').name).toBe('Tomas Berger');
  });
});
