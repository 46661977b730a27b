/**
 * Ties implied by role titles (issue 14, tie family): the owner of a role a possessive pronoun introduces, the
 * country of a bare state title under a dateline, party membership from an office of state named with a party.
 * Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { find, show } from './helpers.js';

function ties(text: string, language: string) {
  const a = analyzeSync(text, { language });
  const layer = { byId: new Map(a.entities.map((e) => [e.id, e])) };
  return { rels: a.relations, layer, listing: show(a.relations, layer).join('; ') };
}

describe('role ties', () => {
  it('de: "X, seinen jüngeren Bruder" is family of the sentence subject', () => {
    const { rels, layer, listing } = ties('Der Gouverneur Paul Hartmann begnadigte am Montag Tom Hartmann, seinen jüngeren Bruder, und mehrere Beamte.', 'de');
    expect(find(rels, layer, /Tom Hartmann/, 'family_of', /Paul Hartmann/).length + find(rels, layer, /Paul Hartmann/, 'family_of', /Tom Hartmann/).length, listing).toBe(1);
  });

  it('en: a bare state title under a capital dateline is of that capital\'s country', () => {
    const text = 'WASHINGTON President Ellen Marsh signed the new budget on Monday.\n\nCanada and Mexico welcomed the decision, and the United States will pay for the new border posts.';
    const { rels, layer, listing } = ties(text, 'en');
    expect(find(rels, layer, /Ellen Marsh/, 'leads', /United States/).length, listing).toBe(1);
    expect(find(rels, layer, /Ellen Marsh/, 'leads', /WASHINGTON/i).length, listing).toBe(0);
  });

  it('de: a bare title after a sentence naming only a foreign country is not of the article\'s country it acts on', () => {
    const text = 'Brasilien und Chile verhandeln über ein Abkommen. Chile hat den Vorschlag aus Brasilien zuvor geprüft. Brasilien will bis Juni unterzeichnen, sagte ein Sprecher in Brasília.\n\nPeru lehnte die Gespräche ab. Präsident Carlos Mendoza kritisierte Brasilien scharf.\n\nIn Brasilien wurde die Kritik zurückgewiesen.';
    const { rels, layer, listing } = ties(text, 'de');
    expect(find(rels, layer, /Carlos Mendoza/, 'leads', /Brasilien/).length, listing).toBe(0);
    expect(find(rels, layer, /Carlos Mendoza/, 'disapprove', /Brasilien/).length, listing).toBe(1);
  });

  it('de: an office of state named with a party is membership of the party', () => {
    const { rels, layer, listing } = ties('Der frühere SPD-Verteidigungsminister Jan Becker hat am Dienstag die Truppe in Litauen besucht.', 'de');
    expect(find(rels, layer, /Jan Becker/, 'member_of', /SPD/).length, listing).toBe(1);
    expect(find(rels, layer, /Jan Becker/, 'works_for', /SPD/).length, listing).toBe(0);
  });
});

describe('role ties from descriptions', () => {
  it('de: "der FDP-Politiker" after a named person is that person, and a member of the party', () => {
    const text = 'Die FDP hat am Montag in Berlin getagt. Danach sprach Jana Beispiel vor der Presse. Die FDP-Politikerin lobte den Beschluss.';
    const { rels, layer, listing } = ties(text, 'de');
    expect(find(rels, layer, /Jana Beispiel/, 'member_of', /FDP/).length, listing).toBe(1);
  });

  it('de: "ein Treffen der EU-Außenminister" is no description of the person named before', () => {
    const text = 'Die EU hat neue Sanktionen beschlossen. Jan Beispiel nahm an einem Treffen der EU-Außenminister in Brüssel teil.';
    const { rels, layer, listing } = ties(text, 'de');
    expect(find(rels, layer, /Jan Beispiel/, 'works_for', /EU/).length, listing).toBe(0);
  });

  it('de: a title that names its country ("Bundesaußenminister") decides the person\'s other bare titles too', () => {
    const text = 'Die Ukraine meldete neue Angriffe. In der Ukraine fiel erneut der Strom aus, die Ukraine bat um Hilfe.\n\nAuch Deutschland sagte Hilfe zu. Bundesaußenminister Jan Weber reiste am Montag nach Kiew. Außenminister Weber sagte, die Ukraine könne auf Hilfe zählen.';
    const { rels, layer, listing } = ties(text, 'de');
    expect(find(rels, layer, /Jan Weber/, 'works_for', /Deutschland/).length, listing).toBe(1);
    expect(find(rels, layer, /Jan Weber/, 'works_for', /Ukraine/).length, listing).toBe(0);
  });

  it('en: a country named as another person\'s office does not compete for a bare title', () => {
    const text = 'The United States announced new sanctions on Monday. The United States said the measures would last a year, and the United States will review them in June.\n\nSecretary of State Tom Hale later held talks with Russian President Ivan Petrov.';
    const { rels, layer, listing } = ties(text, 'en');
    expect(find(rels, layer, /Tom Hale/, 'works_for', /United States/).length, listing).toBe(1);
    expect(find(rels, layer, /Ivan Petrov/, 'leads', /Russia/).length, listing).toBe(1);
  });

  it('de: a country glued into a compound ("Ukraine-Politik") is a topic and leaves the article\'s country to a bare title', () => {
    const text = 'Deutschland will mehr Soldaten ausbilden. Deutschland plant dafür neue Kasernen, und Deutschland erhöht den Etat.\n\n"Wir müssen schneller werden", sagte Verteidigungsminister Paul Krämer mit Blick auf die Ukraine-Politik der Regierung.';
    const { rels, layer, listing } = ties(text, 'de');
    expect(find(rels, layer, /Paul Krämer/, 'works_for', /Deutschland/).length, listing).toBe(1);
  });

  it('en: the one country a sentence names before a bare title is the title\'s', () => {
    const text = 'Iran said on Sunday it would expand its oil exports. Iran expects new buyers in Asia, and Iran plans to sign contracts soon.\n\nIsrael\'s objection came in a note from the office of Prime Minister Dan Levi on Monday.';
    const { rels, layer, listing } = ties(text, 'en');
    expect(find(rels, layer, /Dan Levi/, 'leads', /Israel/).length, listing).toBe(1);
    expect(find(rels, layer, /Dan Levi/, 'leads', /Iran/).length, listing).toBe(0);
  });
});
