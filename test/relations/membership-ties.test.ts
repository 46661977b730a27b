/**
 * Issue 14, ties: membership verbs and phrases, allies that are countries, party words next to a person, and the
 * phrasal triggers of the vocabulary. Sentences written for this test (invented names).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { find, show } from './helpers.js';

function rels(text: string, language: string) {
  const a = analyzeSync(text, { language });
  const layer = { byId: new Map(a.entities.map((e) => [e.id, e])) };
  return { rels: a.relations, layer, listing: show(a.relations, layer).join('; ') };
}

describe('membership verbs', () => {
  it('de: a separable verb is found beside the bare verb triggers.json gives the type („gehört … an“)', () => {
    const { rels: r, layer, listing } = rels('Lisa Brenner gehört der Partei Volt an.', 'de');
    expect(find(r, layer, /Lisa Brenner/, 'member_of', /Volt/).map((x) => x.modality), listing).toEqual(['asserted']);
  });
  it('de: joining in the past is a membership that holds („trat … bei“), not a former one', () => {
    const { rels: r, layer, listing } = rels('Lisa Brenner trat im Mai der Partei Volt bei.', 'de');
    expect(find(r, layer, /Lisa Brenner/, 'member_of', /Volt/).map((x) => `${x.predicate} ${x.modality}`), listing).toEqual(['member_of/join asserted']);
  });
  it('de: „zählt zu“ and „ist Teil der“ are membership; „kein Teil“ is negated', () => {
    const a = rels('Norwegen zählt zur Gruppe der Sieben.', 'de');
    expect(find(a.rels, a.layer, /Norwegen/, 'member_of', /Gruppe der Sieben/).length, a.listing).toBe(1);
    const b = rels('Die Commerzbank ist kein Teil der Allianz.', 'de');
    expect(find(b.rels, b.layer, /Commerzbank/, 'member_of', /Allianz/).map((x) => x.modality), b.listing).toEqual(['negated']);
  });
  it('en: "is part of" is membership', () => {
    const { rels: r, layer, listing } = rels('Chile is part of the Pacific Alliance.', 'en');
    expect(find(r, layer, /Chile/, 'member_of', /Pacific Alliance/).length, listing).toBe(1);
  });
});

describe('compound titles', () => {
  it('de: a compound prefix the entities stage left unmarked names an actor of the article („Bundestagsabgeordnete“)', () => {
    const a = rels('Der Bundestagsabgeordnete Jan Ort sprach in Kiel. Der Bundestag tagte am Abend.', 'de');
    expect(find(a.rels, a.layer, /Jan Ort/, 'member_of', /Bundestag/).length, a.listing).toBe(1);
    const b = rels('Der Bundestag tagte. Die Bundestagspräsidentin Lea Ott eröffnete die Sitzung.', 'de');
    expect(find(b.rels, b.layer, /Lea Ott/, 'leads', /Bundestag/).length, b.listing).toBe(1);
  });
  it('de: no actor of that name, no tie', () => {
    const { rels: r, layer, listing } = rels('Der Landtagsabgeordnete Jan Ort sprach in Kiel.', 'de');
    expect(find(r, layer, /Jan Ort/, 'member_of', /.*/).length, listing).toBe(0);
  });
});

describe('allies', () => {
  it('de: a country is the ally („Syrien ist ein enger Verbündeter der Hisbollah“)', () => {
    const { rels: r, layer, listing } = rels('Syrien ist ein enger Verbündeter der Hisbollah.', 'de');
    expect(find(r, layer, /Syrien/, 'close_to', /Hisbollah/).length, listing).toBe(1);
  });
  it('de: a compound names whose ally („dem Hamas-Verbündeten Iran“)', () => {
    const { rels: r, layer, listing } = rels('Norwegen verhandelte mit dem Hamas-Verbündeten Iran.', 'de');
    expect(find(r, layer, /Iran/, 'close_to', /Hamas/).length, listing).toBe(1);
  });
  it('en: "its allies Norway and Chile" are allies of the sentence subject, each of them', () => {
    const { rels: r, layer, listing } = rels('Washington sought to reassure its allies Norway and Chile.', 'en');
    expect(find(r, layer, /Norway/, 'close_to', /United States/).length, listing).toBe(1);
    expect(find(r, layer, /Chile/, 'close_to', /United States/).length, listing).toBe(1);
  });
  it('en: "Moscow\'s ally Belarus", "Chile, a key ally of Brazil"', () => {
    const a = rels('The talks angered Moscow\'s ally Belarus.', 'en');
    expect(find(a.rels, a.layer, /Belarus/, 'close_to', /Russia/).length, a.listing).toBe(1);
    const b = rels('Chile, a key ally of Brazil, voted no.', 'en');
    expect(find(b.rels, b.layer, /Chile/, 'close_to', /Brazil/).length, b.listing).toBe(1);
  });
  it('en: the name after "allies of" is whose allies they are, not a name before the title', () => {
    const { rels: r, layer, listing } = rels('The tariff angers Republicans and also allies of Washington.', 'en');
    expect(find(r, layer, /.*/, 'close_to', /Republican/).length, listing).toBe(0);
  });
});

describe('party words next to a person', () => {
  it('en: "Republican candidate X" ties X to the party the article calls "Republican Party"', () => {
    const { rels: r, layer, listing } = rels('Republican presidential candidate Mara Vance spoke in Ohio. The Republican Party met in June.', 'en');
    expect(find(r, layer, /Mara Vance/, 'member_of', /.*/).map((x) => layer.byId.get(x.object)?.name), listing).toEqual(['Republican Party']);
  });
  it('en: "Ana Ruiz, a Democrat," and "Conservative Tom Hale" with the party named elsewhere', () => {
    const a = rels('Senator Ana Ruiz, a Democrat, voted no. The Democrats lost the vote.', 'en');
    expect(find(a.rels, a.layer, /Ana Ruiz/, 'member_of', /Democrat/).length, a.listing).toBe(1);
    const b = rels('Conservative Tom Hale lost to the Liberal Party. The Conservative Party blamed the weather.', 'en');
    expect(find(b.rels, b.layer, /Tom Hale/, 'member_of', /Conservative Party/).length, b.listing).toBe(1);
  });
  it('en: "then-Republican contender X", "Democratic U.S. President X"', () => {
    const a = rels('In 2012, Tel Aviv hosted then-Republican contender Mara Vance. The Republican Party was pleased.', 'en');
    expect(find(a.rels, a.layer, /Mara Vance/, 'member_of', /Republican Party/).length, a.listing).toBe(1);
    const b = rels('Democratic U.S. President Tom Hale spoke. The Democratic Party agreed.', 'en');
    expect(find(b.rels, b.layer, /Tom Hale/, 'member_of', /Democratic Party/).length, b.listing).toBe(1);
  });
  it('de: a capitalised prefix makes a description, not a status („MAGA-Republikaner“ is no party word)', () => {
    const { rels: r, layer, listing } = rels('Lena Ott sprach mit Tom Beck. Der MAGA-Republikaner lobte sie. Die Republikaner jubelten.', 'de');
    expect(find(r, layer, /Lena Ott/, 'member_of', /Republikaner/).length, listing).toBe(0);
  });
  it('en: a lower-case word is an outlook, not a party', () => {
    const { rels: r, layer, listing } = rels('The conservative critic Ana Ruiz spoke on Monday. The Conservative Party won.', 'en');
    expect(find(r, layer, /Ana Ruiz/, 'member_of', /.*/).length, listing).toBe(0);
  });
  it('de: „den Republikaner X“, „der grüne Kanzlerkandidat X“, „CSU-Mann X“', () => {
    const a = rels('Lena Ott besuchte den Republikaner Tom Beck in Florida.', 'de');
    expect(find(a.rels, a.layer, /Tom Beck/, 'member_of', /Republikaner/).length, a.listing).toBe(1);
    const b = rels('Der grüne Kanzlerkandidat Jan Ort sprach in Kiel. Die Grünen verloren dennoch.', 'de');
    expect(find(b.rels, b.layer, /Jan Ort/, 'member_of', /Grün/).length, b.listing).toBe(1);
    const c = rels('Der CSU-Mann Paul Weiland warnte vor Zöllen. Die CSU tagte in Bamberg.', 'de');
    expect(find(c.rels, c.layer, /Paul Weiland/, 'member_of', /CSU/).length, c.listing).toBe(1);
  });
  it('de: no party named in the article, no tie; a pronoun before a comma is no apposition', () => {
    const a = rels('Der konservative Politiker Jan Ort sprach in Kiel.', 'de');
    expect(find(a.rels, a.layer, /Jan Ort/, 'member_of', /.*/).length, a.listing).toBe(0);
    const b = rels('Jan Ort sprach in Kiel. Seiner Partei riet er, die Grünen sollten mutiger auftreten.', 'de');
    expect(find(b.rels, b.layer, /Jan Ort/, 'member_of', /Grün/).length, b.listing).toBe(0);
  });
});

describe('phrasal triggers', () => {
  it('de: „zur Seite stehen“ is support, „in Kontakt stehen“ contact', () => {
    const a = rels('Die Ukraine steht Polen zur Seite.', 'de');
    expect(find(a.rels, a.layer, /Ukraine/, 'support', /Polen/).length, a.listing).toBe(1);
    const b = rels('Kanzler Olaf Brenner steht mit Emmanuel Macron in Kontakt.', 'de');
    expect(find(b.rels, b.layer, /Olaf Brenner/, 'consult', /Macron/).length, b.listing).toBe(1);
  });
  it('en: "at odds with" is disapproval', () => {
    const { rels: r, layer, listing } = rels('Norway has been at odds with Chile for years.', 'en');
    expect(find(r, layer, /Norway/, 'disapprove', /Chile/).length, listing).toBe(1);
  });
});

describe('affiliation after a name', () => {
  it('de: „Lea Ott von der Bertelsmann-Stiftung“ works for it; a passive agent is no affiliation', () => {
    const a = rels('„Das ist riskant“, sagt Lea Ott von der Bertelsmann-Stiftung.', 'de');
    expect(find(a.rels, a.layer, /Lea Ott/, 'works_for', /Bertelsmann/).length, a.listing).toBe(1);
    const b = rels('Tom Beck wurde am Montag von der Europäischen Kommission kritisiert.', 'de');
    expect(find(b.rels, b.layer, /Tom Beck/, 'works_for', /.*/).length, b.listing).toBe(0);
  });
  it('en: "Tom Hale of the Harbour Institute" works for it; "of the Green Party" is membership', () => {
    const a = rels('"The figures look weak," said Tom Hale of the Harbour Institute.', 'en');
    expect(find(a.rels, a.layer, /Tom Hale/, 'works_for', /Harbour Institute/).length, a.listing).toBe(1);
    const b = rels('Ana Ruiz of the Green Party voted no.', 'en');
    expect(find(b.rels, b.layer, /Ana Ruiz/, 'member_of', /Green Party/).length, b.listing).toBe(1);
  });
});

describe('role nouns', () => {
  it('de: „am“/„an der“ after a role name whom it is of (ofPreps in roles.json); a posting preposition does not', () => {
    const a = rels('Der Chefankläger am Internationalen Strafgerichtshof, Karim Bello, beantragte Haftbefehle.', 'de');
    expect(find(a.rels, a.layer, /Karim Bello/, 'works_for', /Strafgerichtshof/).length, a.listing).toBe(1);
    const b = rels('Die Professorin an der Universität Wien, Lea Ott, widersprach.', 'de');
    expect(find(b.rels, b.layer, /Lea Ott/, 'works_for', /Universität Wien/).length, b.listing).toBe(1);
    const c = rels('Der Botschafter an der Botschaft in Paris, Jan Ort, schwieg.', 'de');
    expect(find(c.rels, c.layer, /Jan Ort/, 'represents', /Botschaft/).length, c.listing).toBe(0);
  });
  it('de: „Irans geistliches Oberhaupt, X“ leads Iran', () => {
    const { rels: r, layer, listing } = rels('Irans geistliches Oberhaupt, Ali Hosseini, drohte Israel.', 'de');
    expect(find(r, layer, /Ali Hosseini/, 'leads', /Iran/).length, listing).toBe(1);
  });
});

describe('agent nouns of events', () => {
  it('de: „gilt als Unterstützer der Hamas“ is support, „Kritikerin von X“ disapproval', () => {
    const a = rels('Katar gilt als Unterstützer der Hamas.', 'de');
    expect(find(a.rels, a.layer, /Katar/, 'support', /Hamas/).length, a.listing).toBe(1);
    const b = rels('Lena Ott gilt als scharfe Kritikerin von Tom Beck.', 'de');
    expect(find(b.rels, b.layer, /Lena Ott/, 'disapprove', /Tom Beck/).length, b.listing).toBe(1);
  });
  it('en: "is a fierce critic of X", "is a backer of X"; without a copula no relation', () => {
    const a = rels('Ana Ruiz is a fierce critic of Tom Hale.', 'en');
    expect(find(a.rels, a.layer, /Ana Ruiz/, 'disapprove', /Tom Hale/).length, a.listing).toBe(1);
    const b = rels('Ana Ruiz is a backer of Tom Hale.', 'en');
    expect(find(b.rels, b.layer, /Ana Ruiz/, 'support', /Tom Hale/).length, b.listing).toBe(1);
    const c = rels('Ana Ruiz met critics of Tom Hale in Ohio.', 'en');
    expect(find(c.rels, c.layer, /Ana Ruiz/, 'disapprove', /Tom Hale/).length, c.listing).toBe(0);
  });
});
