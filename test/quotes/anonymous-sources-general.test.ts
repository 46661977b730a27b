/**
 * Anonymous sources from general news vocabulary (issue 13: anonymous sources with the right count). Each mechanism is
 * pinned with sentences invented for this test, run through the whole pipeline, in both languages where it applies.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

const anonymous = (text: string, language: 'de' | 'en') => analyzeSync(text, { language }).sources.filter((s) => !s.named);
/** The anonymous source whose description is `d`, with its count. */
const count = (text: string, language: 'de' | 'en', d: string) => {
  const got = anonymous(text, language);
  const s = got.find((x) => x.description === d);
  if (!s) throw new Error(`no source "${d}" in ${JSON.stringify(got.map((x) => x.description))}`);
  return s.count;
};

describe('sourcing nouns beyond officials and diplomats', () => {
  it('de: insiders, confidants, experts, documents', () => {
    expect(count('Ein Gewährsmann sagte der Zeitung, die Firma Brenkwald sei zahlungsunfähig.', 'de', 'Ein Gewährsmann')).toBe(1);
    expect(count('Ein Kenner der Materie sagte, der Verkauf der Werft sei geplatzt.', 'de', 'Ein Kenner der Materie')).toBe(1);
    expect(count('Ein Parteifreund des Ministers sagte, er werde sein Amt behalten.', 'de', 'Ein Parteifreund des Ministers')).toBe(1);
    expect(count('Laut einem internen Papier will die Stadt Lindau bei den Schulen sparen.', 'de', 'einem internen Papier')).toBe(1);
    expect(count('Zwei Völkerrechtler sagten, der Beschluss verstoße gegen geltendes Recht.', 'de', 'Zwei Völkerrechtler')).toBe(2);
  });

  it('en: strategists, confidants, drafts', () => {
    expect(count('A Republican strategist said the race in Ohio was tightening.', 'en', 'A Republican strategist')).toBe(1);
    expect(count('A confidant of the chancellor said she was unhappy with the plan.', 'en', 'A confidant of the chancellor')).toBe(1);
    expect(count('According to a draft of the agreement, the tariffs will rise in May.', 'en', 'a draft of the agreement')).toBe(1);
    expect(count('Democratic strategists worry the party is losing ground in the suburbs.', 'en', 'Democratic strategists')).toBeNull();
  });

  it('a source noun inside a name is part of the name ("the United Nations", „die Vereinigten Staaten“)', () => {
    expect(anonymous('The United Nations said the convoy had been stopped at the border.', 'en')).toEqual([]);
    expect(anonymous('Die Vereinten Nationen erklärten, der Konvoi sei an der Grenze gestoppt worden.', 'de')).toEqual([]);
  });
});

describe('qualifiers that make people a source ("familiar with", "close to")', () => {
  it('en: any object after the qualifier belongs to the phrase', () => {
    expect(count('A person close to the prime minister said she was weighing a reshuffle.', 'en', 'A person close to the prime minister')).toBe(1);
    expect(count('Two people familiar with the bank\'s plans said a sale was likely.', 'en', 'Two people familiar with the bank\'s plans')).toBe(2);
    expect(count('Officials briefed on the inquiry said charges were unlikely.', 'en', 'Officials briefed on the inquiry')).toBeNull();
  });

  it('en: a demonstrative before a qualifier names people ("those close to the president")', () => {
    expect(count('Those close to the governor say she is frustrated.', 'en', 'Those close to the governor')).toBeNull();
    expect(count('Those familiar with the matter say the talks are at an impasse.', 'en', 'Those familiar with the matter')).toBeNull();
  });
});

describe('counts set by quantities', () => {
  it('en: "a number of", "dozens of" state no number; "a couple of" two', () => {
    expect(count('A number of lawmakers criticized the decision to close the port.', 'en', 'A number of lawmakers')).toBeNull();
    expect(count('Dozens of protesters said they would return on Sunday.', 'en', 'Dozens of protesters')).toBeNull();
    expect(count('A couple of aides said the senator was exhausted.', 'en', 'A couple of aides')).toBe(2);
  });

  it('de: „eine Reihe von“ states no number, „ein Dutzend“ twelve', () => {
    expect(count('Eine Reihe von Abgeordneten kritisierte den Entwurf scharf.', 'de', 'Eine Reihe von Abgeordneten')).toBeNull();
    expect(count('Ein Dutzend Diplomaten sagten, die Abstimmung werde verschoben.', 'de', 'Ein Dutzend Diplomaten')).toBe(12);
  });

  it('de: a bare plural is no single person whatever the tagger says ("Kritiker bemängeln")', () => {
    expect(count('Kritiker bemängeln, dass die Reform zu spät komme.', 'de', 'Kritiker')).toBeNull();
  });
});

describe('phrases that read as names but are groups', () => {
  it('de: an adjective opening the sentence is no name („Unbestätigten Berichten zufolge“)', () => {
    expect(count('Unbestätigten Berichten zufolge gab es in Karsten mehrere Verletzte.', 'de', 'Unbestätigten Berichten')).toBeNull();
    expect(count('Ehemalige Mitarbeiter werfen der Firma vor, Daten manipuliert zu haben.', 'de', 'Ehemalige Mitarbeiter')).toBeNull();
  });

  it('de: a genitive quantifier is no name („Vertreter beider Seiten“)', () => {
    expect(count('Vertreter beider Seiten sagten, das Treffen sei konstruktiv gewesen.', 'de', 'Vertreter beider Seiten')).toBeNull();
  });
});

describe('one source per group', () => {
  it('en: a speaker phrase cut at the relative clause and the phrase asking for anonymity are one source', () => {
    const got = anonymous('A European diplomat who asked not to be named said the sanctions would be extended.', 'en');
    expect(got).toHaveLength(1);
    expect(got[0].count).toBe(1);
  });

  it('de: a medium inside a speaking group\'s phrase is no source of its own', () => {
    const got = anonymous('Personen aus dem Umfeld der Ministerin sagten, sie sei enttäuscht.', 'de');
    expect(got.map((s) => s.description)).toEqual(['Personen aus dem Umfeld der Ministerin']);
  });

  it('de: a counted group seen in passing is a source when it holds a view („Zwei Diplomaten bestätigten den Vorgang“)', () => {
    expect(count('Zwei Diplomaten bestätigten der Zeitung den Vorgang.', 'de', 'Zwei Diplomaten')).toBe(2);
  });
});

describe('cited sources and described possessors', () => {
  it('en: the object of "citing" is a source, the outlet citing it is none', () => {
    const got = anonymous('The newspaper, citing unnamed officials, reported that the plan had been shelved.', 'en');
    expect(got.map((s) => s.description)).toContain('unnamed officials');
  });

  it('de: the complement of „unter Berufung auf“ is a source', () => {
    const got = anonymous('Die Zeitung berichtete unter Berufung auf Sicherheitskreise, der Täter sei bekannt gewesen.', 'de');
    expect(got.map((s) => s.description)).toContain('Sicherheitskreise');
  });

  it('en: "quoted in Swedish media" names a channel, no cited source', () => {
    const got = anonymous('The minister was quoted in Norwegian media as saying that the border would stay open.', 'en');
    expect(got.map((s) => s.description)).not.toContain('Norwegian media');
  });

  it('en: a source noun after a described possessor is that possessor\'s people ("the president\'s aides")', () => {
    expect(count('The president\'s aides said he was frustrated by the delay.', 'en', 'The president\'s aides')).toBeNull();
    expect(count('The governor\'s spokesman said the budget was balanced.', 'en', 'The governor\'s spokesman')).toBe(1);
  });
});

describe('people who speak in news beyond officials', () => {
  it('de: refugees, prisoners, farmers', () => {
    expect(count('Flüchtlinge berichteten von Misshandlungen in den Lagern bei Korvan.', 'de', 'Flüchtlinge')).toBeNull();
    expect(count('Ein Häftling sagte, die Wärter hätten ihn geschlagen.', 'de', 'Ein Häftling')).toBe(1);
    expect(count('Landwirte kritisieren, dass die Preise zu niedrig seien.', 'de', 'Landwirte')).toBeNull();
    expect(count('Gewerkschafter kritisieren, dass die Löhne zu niedrig seien.', 'de', 'Gewerkschafter')).toBeNull();
  });

  it('en: refugees, prisoners, inspectors; a stated reason for anonymity', () => {
    expect(count('Refugees said they had been beaten at the border near Talvik.', 'en', 'Refugees')).toBeNull();
    expect(count('A prisoner said the guards had tortured him.', 'en', 'A prisoner')).toBe(1);
    expect(count('Two virologists said the outbreak was under control.', 'en', 'Two virologists')).toBe(2);
    const got = anonymous('A regulator, who was not allowed to speak publicly, said the bank would be fined.', 'en');
    expect(got[0]?.anonymityReason).not.toBeNull();
  });
});

describe('phrase boundaries of anonymous sources', () => {
  it('en: the object after a qualifier belongs to the phrase in every position', () => {
    expect(count('The merger could be announced on Monday, according to two sources with knowledge of the negotiations.', 'en',
      'two sources with knowledge of the negotiations')).toBe(2);
  });

  it('de: an attribute opening with a preposition between article and noun („eine mit der Sache vertraute Person“)', () => {
    expect(count('Der Versicherer prüft einen Verkauf, sagte eine mit der Sache vertraute Person.', 'de',
      'eine mit der Sache vertraute Person')).toBe(1);
    expect(count('Ein mit den Plänen vertrauter Beamter sagte, die Reform komme im Herbst.', 'de',
      'Ein mit den Plänen vertrauter Beamter')).toBe(1);
  });

  it('de: a dative attribute between article and noun („eine der Regierung nahestehende Quelle“)', () => {
    expect(count('Eine der Regierung nahestehende Quelle sagte, der Minister werde zurücktreten.', 'de',
      'Eine der Regierung nahestehende Quelle')).toBe(1);
    expect(count('Das Gesetz komme im Herbst, sagte ein dem Kanzler nahestehender Abgeordneter.', 'de',
      'ein dem Kanzler nahestehender Abgeordneter')).toBe(1);
  });

  it('de: a place adjective before a source noun is no name („in Berliner Regierungskreisen“)', () => {
    expect(count('In Berliner Regierungskreisen wird damit gerechnet, dass der Gipfel scheitert.', 'de', 'Berliner Regierungskreisen')).toBeNull();
  });
});

describe('a quantifier speaking on its own', () => {
  it('is an unnamed group of no stated number ("Some said", „Andere sagten“), never a named source', () => {
    const en = analyzeSync('The levy was approved on Monday. Some said the levy went too far.', { language: 'en' }).sources;
    expect(en.find((s) => s.description === 'Some')).toMatchObject({ named: false, count: null });
    const de = analyzeSync('Die Abgabe wurde am Montag gebilligt. Andere sagten, sie gehe zu weit.', { language: 'de' }).sources;
    expect(de.find((s) => s.description === 'Andere')).toMatchObject({ named: false, count: null });
  });
});

describe('a phrase opened by "both" / „beide“ is a pair already known', () => {
  it('en: named people or a coordination of names are no new anonymous group', () => {
    expect(anonymous('Chancellor Anna Berg met President Tom Reyes in Lisbon. Both leaders voiced concern about the tariffs and said the talks would go on.', 'en')).toEqual([]);
    expect(anonymous('Both the finance and defence ministers had threatened to quit before the vote.', 'en')).toEqual([]);
  });

  it('de: the pair refers back to the group of two last spoken of', () => {
    expect(anonymous('Kanzlerin Anna Berg traf Präsident Tom Reyes in Lissabon. Die beiden Politiker sagten, die Gespräche gingen weiter.', 'de')).toEqual([]);
    const got = anonymous('Zwei Diplomaten sagten am Montag, die Gespräche seien gescheitert. Beide Diplomaten sagten, sie rechneten mit neuen Zöllen.', 'de');
    expect(got.map((s) => [s.description, s.count, s.mentions.length])).toEqual([['Zwei Diplomaten', 2, 2]]);
  });
});

describe('a group inside what someone else reports is no source', () => {
  it('en: the reporter is the authority for the clause', () => {
    expect(anonymous('He said all the nations that signed the treaty could agree that it worked.', 'en')).toEqual([]);
    expect(anonymous('Rossi told reporters the budget was tight, adding that several states saw little point in more spending.', 'en')).toEqual([]);
    expect(anonymous('Analysts say the streets are calm as people fear new clashes.', 'en').map((s) => s.description)).toEqual(['Analysts']);
  });

  it('de: „sagte, viele Beobachter rechneten …“ names no source besides the speaker', () => {
    expect(anonymous('Der Minister Karl Brenner sagte, viele Beobachter rechneten mit einer Einigung.', 'de')).toEqual([]);
  });

  it('a group holding a view in its own clause stays a source', () => {
    expect(anonymous('Analysts expect a deal in the autumn.', 'en').map((s) => s.description)).toEqual(['Analysts']);
  });
});

describe('a noun that names a person or an institution („Militär“)', () => {
  it('de: a person after an indefinite article or an adjective, counted one', () => {
    expect(count('Ein ranghoher Militär sagte, die Truppen würden bis Mai abgezogen.', 'de', 'Ein ranghoher Militär')).toBe(1);
    expect(count('Ein Militär sagte, der Plan für den Abzug sei gescheitert.', 'de', 'Ein Militär')).toBe(1);
  });

  it('de: with a definite article the institution, no anonymous source', () => {
    expect(anonymous('Das Militär teilte mit, die Truppen würden bis Mai abgezogen.', 'de')).toEqual([]);
    expect(anonymous('Das ranghohe Militär teilte mit, die Truppen würden bis Mai abgezogen.', 'de')).toEqual([]);
  });
});

describe('a group after a verb the tagger read as an infinitive („damit rechnen Beobachter“)', () => {
  it('de: the verb in second place after a dash is the finite plural, the group its subject', () => {
    expect(count('Die Zölle könnten im Mai steigen - damit rechnen Experten.', 'de', 'Experten')).toBeNull();
    expect(count('Die Stadt Lindau will ab Mai sparen - das begrüßen Fachleute.', 'de', 'Fachleute')).toBeNull();
  });

  it('de: an infinitive clause with „um … zu“ names no group', () => {
    expect(anonymous('Die Firma will die Preise senken, um Kunden zu gewinnen.', 'de')).toEqual([]);
  });
});

describe('a source-noun form before a name is its attribute ("the official Daily Courier newspaper")', () => {
  it('en: the named medium speaks, no anonymous official', () => {
    expect(anonymous('The official Daily Courier newspaper said the plan was weak.', 'en')).toEqual([]);
  });

  it('en: an official with an adjective or an affiliation stays an anonymous source', () => {
    expect(count('A senior official said the plan was weak.', 'en', 'A senior official')).toBe(1);
    expect(count('White House officials said the plan was weak.', 'en', 'White House officials')).toBeNull();
  });
});

describe('a one-person description with a name in apposition is the named person', () => {
  it('de/en: „Die frühere Sprecherin des Landtags, Anna Weber, rät …“ names no anonymous source', () => {
    expect(anonymous('Die frühere Sprecherin des Landtags, Anna Weber, rät dem Minister, nicht erneut anzutreten.', 'de')).toEqual([]);
    expect(anonymous('The former speaker of the assembly, Anna Weber, urged the minister not to run again.', 'en')).toEqual([]);
  });
});
