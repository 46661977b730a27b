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

describe('descriptions and names the entity layer now links', () => {
  it('"der inzwischen 84-Jährige": an age description with an adverb before the age is the person described', () => {
    const a = run('Der Politologe Aaron Fink hat viele Präsidenten kommen sehen. Er lehrte lange an einer Universität in Boston. Die neue Regierung überrascht ihn trotzdem: „Ich habe viele Kabinette beraten“, erzählt der inzwischen 84-Jährige bei einem Besuch in seinem Garten. „Ein solches Chaos kannte ich bisher nicht.“');
    expect(speakerOf(a, 'Ich habe viele Kabinette').name).toBe('Aaron Fink');
    expect(speakerOf(a, 'Ein solches Chaos').name).toBe('Aaron Fink');
  });

  it('"Präsidentin (Maria) Lopez": the surname after a bracketed given name is a person, and so are its later mentions', () => {
    const a = run('Die Branche ist besorgt über die von Präsidentin (Maria) Lopez angekündigten Zölle. Lopez will die Abgaben verdoppeln. Die Gebühren würden die heimische Industrie stärken, sagte sie in einer Rede.');
    expect(speakerOf(a, 'Die Gebühren würden').name).toBe('Lopez');
  });
});

describe('a bare institution word refers back to the compound named before', () => {
  it('„Die Kommission“ after the „Enquete-Kommission“ speaks under the compound\'s name (a focus particle after it too)', () => {
    const a = run('Der Bundestag hatte eine Enquete-Kommission eingesetzt. Sie tagte drei Jahre lang. Die Kommission empfiehlt, die Zusammenarbeit der Ministerien zu verbessern. Die Kommission etwa warnt, dass das Geld nicht reichen werde.');
    expect(speakerOf(a, 'die Zusammenarbeit der Ministerien').name).toBe('Enquete-Kommission');
    expect(speakerOf(a, 'das Geld nicht reichen').name).toBe('Enquete-Kommission');
  });
});

describe('a name in apposition between commas before a verb-first clause', () => {
  it('„Der Regionaldirektor für Asien, Jonas Weber, äußerte …“: Weber speaks, and the description is no content', () => {
    const a = run('In der Stadt fiel der Strom aus. Der Rotkreuz-Regionaldirektor für Asien, Jonas Weber, äußerte Sorgen um die „Lage in den Krankenhäusern, in denen die Notstromaggregate bald ausfallen“. Ein Ausfall könne „schlimme Folgen“ haben.');
    expect(a.quotes.some((q) => q.text.startsWith('Der Rotkreuz-Regionaldirektor'))).toBe(false);
    expect(speakerOf(a, 'Ein Ausfall könne').name).toBe('Jonas Weber');
  });
});

describe('institutions named by the article\'s words', () => {
  it('a state body named after its country is also known by the base form of the article\'s phrase', () => {
    const a = run('Frankreich reagierte zurückhaltend. Man prüfe die Lage genau, teilte das französische Außenministerium mit. Russland habe in der Nacht viele Drohnen gestartet, erklärten die ukrainischen Luftstreitkräfte.');
    expect(speakerOf(a, 'Man prüfe die Lage').aliases).toContain('französisches Außenministerium');
    expect(speakerOf(a, 'Russland habe in der Nacht').aliases).toContain('ukrainische Luftstreitkräfte');
  });

  it('„Die Miliz“ refers back to the one organisation of the sentence before, not to a capitalised noun opening it', () => {
    const a = run('In der Provinz wird wieder gekämpft. Grund dafür war ein Vorstoß der Taliban im Süden. Die Miliz hat nach eigenen Angaben am Montag die Stadt Kundus erobert.');
    expect(speakerOf(a, 'Die Miliz hat').name).toBe('Taliban');
  });
});

describe('subjects the word order hides', () => {
  it('„Den Plan nannte er „…““: the pronoun after the verb speaks, the fronted phrase is the object', () => {
    const a = run('Der Minister Olaf Brandt lobte die Einigung. Den Plan für neue Schulen nannte er „das wichtigste Vorhaben der Stadt seit Jahren“.');
    expect(speakerOf(a, 'das wichtigste Vorhaben').name).toBe('Olaf Brandt');
  });

  it('„Und versichert, dass …“ opening a sentence shares the subject of the sentence before', () => {
    const a = run('Karl Bremer besucht am Dienstag ein Stahlwerk in Hamilton. Dort spricht er mit den Arbeitern über die neuen Zölle. Und versichert, dass seine Regierung schon an einer Lösung arbeite.');
    expect(speakerOf(a, 'seine Regierung schon').name).toBe('Karl Bremer');
  });

  it('„… beendete die Sitzung mit den Worten „…““: the clause\'s subject speaks the quote', () => {
    const a = run('Die Stimmung im Saal war angespannt. Karl Bremer beendete die Sitzung mit den Worten „Wir haben alles gesagt, was zu sagen war“ und verließ den Saal.');
    expect(speakerOf(a, 'Wir haben alles gesagt').name).toBe('Karl Bremer');
  });
});

describe('quotes that go on with the words before them', () => {
  it('„…, sagte X weiter, „…““: the quote after the attribution\'s comma is X\'s', () => {
    const a = run('Die Partei will regieren. Bis zur Wahl wolle man um alle Wähler werben, sagte Jonas Brandt weiter, „damit wir wieder gestalten können“.');
    expect(speakerOf(a, 'damit wir wieder').name).toBe('Jonas Brandt');
  });

  it('a quote inside a sentence with no cue, right after a reported sentence, goes on with its speaker', () => {
    const a = run('„Frühere Regierungen glaubten an Bündnisse. Sie glaubten an Institutionen“, so die Politologin Ina Falk. Der neue Präsident dagegen „hat keine klare Vorstellung von den eigenen Interessen“.');
    expect(speakerOf(a, 'hat keine klare Vorstellung').name).toBe('Ina Falk');
  });
});

describe('the subject of the sentence before a standing quote', () => {
  it('„so wie viele …“ compares and reports nobody; of two parsed subjects the pronoun speaks', () => {
    const a = run('Tom Harris betreibt seit Jahren einen Imbiss am Markt.\n\nBei der Abstimmung votierte Harris für den Austritt, so wie viele seiner Nachbarn. Das würde er sofort wieder tun - nur hatte er sich mehr versprochen. „Alles ist teurer geworden. Und frei fühlen wir uns auch nicht.“');
    expect(a.quotes.some((q) => q.text.startsWith('Bei der Abstimmung'))).toBe(false);
    expect(speakerOf(a, 'Alles ist teurer').name).toBe('Tom Harris');
  });
});
