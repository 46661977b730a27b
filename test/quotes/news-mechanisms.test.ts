/**
 * The mechanisms added for real news (issue 13, news-dev error classes), each pinned with sentences written for this
 * test, run through the whole pipeline (real entity layer, the lazy parse).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import type { Analysis } from '../../src/contract/schema.js';

const run = (text: string, language: 'de' | 'en') => analyzeSync(text, { language });

function quoteWith(a: Analysis, words: string) {
  const q = a.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" among ${a.quotes.map((x) => JSON.stringify(x.text)).join(', ')}`);
  return q;
}
/** The speaker's entity name, else the source's description. */
function speakerOf(a: Analysis, words: string): string | null {
  const q = quoteWith(a, words);
  const s = a.sources.find((x) => x.id === q.source);
  const id = q.speaker ?? s?.entity ?? null;
  return a.entities.find((e) => e.id === id)?.name ?? s?.description ?? null;
}
const sourceOf = (a: Analysis, words: string) => a.sources.find((x) => x.id === quoteWith(a, words).source) ?? null;

describe('reporting verbs and their subjects', () => {
  it('en: a named subject before any parenthesis speaks ("X, 41, said …", "X, speaking in …, said …")', () => {
    const a = run('Jana Novak, 41, said the plan had failed completely. Tom Reed, speaking in Boston on Monday, said the talks would resume soon.', 'en');
    expect(speakerOf(a, 'the plan had failed')).toBe('Jana Novak');
    expect(speakerOf(a, 'the talks would resume')).toBe('Tom Reed');
    expect(a.quotes.some((q) => q.text.includes('speaking in Boston'))).toBe(false);
  });

  it('de: one finite form serves several separable verbs ("gab … bekannt", "gab … zu")', () => {
    const a = run('Die Firma Holmberg gab am Montag bekannt, dass sie das Werk schließen werde. Der Chef gab später zu, dass er davon gewusst habe.', 'de');
    expect(quoteWith(a, 'das Werk schließen werde').cue?.text).toBe('gab');
    expect(quoteWith(a, 'davon gewusst habe').cue?.text).toBe('gab');
  });

  it('de: a verb-second prefield ends at its finite auxiliary', () => {
    const a = run('Premierministerin Lena Brandt hatte am Montag erklärt: „Wir bleiben bei unserem Kurs, was auch kommt.“', 'de');
    expect(speakerOf(a, 'Wir bleiben bei unserem Kurs')).toBe('Lena Brandt');
  });

  it('de: a lone adverbial word before the verb leaves the subject after it', () => {
    const a = run('Derweil kündigte Ministerin Karla Stein an, dass die Schulen am Montag wieder öffnen würden.', 'de');
    expect(speakerOf(a, 'die Schulen am Montag')).toBe('Karla Stein');
  });

  it('en: an introductory phrase is skipped before the subject', () => {
    const a = run('In an interview with a radio station, Mayor Paul Ortiz said the bridge would reopen in May. '
      + 'Asked about the delay, Paul Ortiz said: "We are working on it day and night."', 'en');
    expect(speakerOf(a, 'the bridge would reopen')).toBe('Paul Ortiz');
    expect(speakerOf(a, 'We are working on it')).toBe('Paul Ortiz');
  });

  it('en: a coordinated reporting verb shares the sentence subject when nobody spoke before it', () => {
    const a = run('Senator Maria Lopez welcomed the agreement on Tuesday and said it would create thousands of jobs.', 'en');
    expect(speakerOf(a, 'it would create thousands of jobs')).toBe('Maria Lopez');
  });

  it('en: a row of verbs after commas shares the subject; it is no inverted attribution', () => {
    const a = run('In a long interview, Governor Ben Cole called for new taxes, said he opposed the pipeline plan, and said he would run again.', 'en');
    expect(speakerOf(a, 'he opposed the pipeline plan')).toBe('Ben Cole');
    expect(a.quotes.some((q) => q.text.startsWith('In a long interview'))).toBe(false);
  });

  it('en: the subject of a reporting verb in an embedded clause comes from the parse', () => {
    const a = run('The talks collapsed over reforms that Prime Minister Anna Berg says she needs to win the vote.', 'en');
    expect(speakerOf(a, 'she needs to win the vote')).toBe('Anna Berg');
  });
});

describe('account cues and reported speech without a verb of saying', () => {
  it('de: "nach eigenen Angaben" — the clause subject speaks; "nach Angaben der X" — X; "nach Berichten" — the reports', () => {
    const a = run('Die Feuerwehr hat nach eigenen Angaben zwölf Menschen aus dem Gebäude gerettet. '
      + 'Nach Angaben der Polizei brannte die Halle vollständig aus. Nach Berichten brach das Feuer am Abend aus.', 'de');
    expect(speakerOf(a, 'zwölf Menschen aus dem Gebäude')).toMatch(/Feuerwehr/);
    expect(speakerOf(a, 'brannte die Halle vollständig aus')).toMatch(/Polizei/);
    const reports = sourceOf(a, 'brach das Feuer am Abend aus');
    expect(reports?.named).toBe(false);
  });

  it('de: "X zufolge" takes the noun phrase before it, even mid-clause', () => {
    const a = run('Das Einsatzgebiet umfasst Behördenangaben zufolge drei Provinzen im Norden des Landes.', 'de');
    expect(quoteWith(a, 'drei Provinzen im Norden').cue?.text).toMatch(/zufolge/);
  });

  it('de: "demnach" continues the last speaker\'s account', () => {
    const a = run('Verkehrsminister Ole Hagen sagte, die Brücke sei seit dem Morgen gesperrt. Auch der Tunnel wurde demnach geschlossen.', 'de');
    expect(speakerOf(a, 'Auch der Tunnel wurde demnach geschlossen')).toBe('Ole Hagen');
  });

  it('de: Konjunktiv I after a reporting verb continues the speech even when that verb carried no statement', () => {
    const a = run('Ministerin Rita Falk nannte den Plan gefährlich. Man werde ihn auf keinen Fall unterstützen.', 'de');
    expect(speakerOf(a, 'Man werde ihn auf keinen Fall unterstützen')).toBe('Rita Falk');
  });
});

describe('sources', () => {
  it('de: a source noun at the end of a compound makes an anonymous source (Armeesprecher, Kommissionsmitglieder)', () => {
    const a = run('Ein Armeesprecher sagte, die Lage an der Grenze sei ruhig. Mehrere Kommissionsmitglieder kritisierten, der Bericht sei zu spät gekommen.', 'de');
    const one = sourceOf(a, 'die Lage an der Grenze sei ruhig');
    expect(one?.named).toBe(false);
    expect(one?.count).toBe(1);
    expect(sourceOf(a, 'der Bericht sei zu spät gekommen')?.named).toBe(false);
  });

  it('en: a singular source noun with no number word counts one; a collective one does not', () => {
    const a = run('The memo said the plant would close in May. Police said the road would stay closed until Friday.', 'en');
    expect(sourceOf(a, 'the plant would close')?.count).toBe(1);
    expect(sourceOf(a, 'the road would stay closed')?.count ?? null).toBeNull();
  });

  it('de: "einer von ihnen" belongs to the group mentioned last, spoken or not', () => {
    const a = run('Aus Parteikreisen verlautete, die Wahl werde verschoben. Vier Ermittler, die den Fall kennen, halten das für falsch. '
      + 'Einer von ihnen sagte, die Zahlen seien geschönt worden.', 'de');
    const part = sourceOf(a, 'die Zahlen seien geschönt');
    const whole = a.sources.find((s) => s.id === part?.parent);
    expect(whole?.description).toMatch(/Vier Ermittler/);
  });
});

describe('descriptions and relayed speech', () => {
  it('de: a description\'s head stands before its complement ("der Kanzlerkandidat von Partei A und Partei B")', () => {
    const a = run('Kanzlerkandidat Jonas Weber sprach am Abend in Köln. „Wir wollen bis Ostern regieren“, sagt der Kanzlerkandidat von CDU und CSU.', 'de');
    expect(speakerOf(a, 'Wir wollen bis Ostern regieren')).toBe('Jonas Weber');
  });

  it('de: "so der Republikaner" refers back to a person, not to the party', () => {
    const a = run('Senator Tom Hale sprach am Abend in Boston vor Anhängern. „Wir werden diese Wahl gewinnen“, so der Republikaner.', 'de');
    expect(speakerOf(a, 'Wir werden diese Wahl gewinnen')).toBe('Tom Hale');
  });

  it('relayed words: the one quoted speaks, the relaying medium is the channel', () => {
    const de = run('„Die Parteien müssen Vorschläge machen“, zitiert die Nachrichtenagentur AFP den Minister Jan Hollmann.', 'de');
    expect(speakerOf(de, 'Die Parteien müssen Vorschläge machen')).toBe('Jan Hollmann');
    expect(quoteWith(de, 'Die Parteien müssen').channel).toBe('AFP');
    const en = run('The state agency KCNA quoted Kim Jong Un as saying the launch was a great success.', 'en');
    expect(speakerOf(en, 'the launch was a great success')).toBe('Kim Jong Un');
    expect(quoteWith(en, 'the launch was a great success').channel).toBe('KCNA');
  });
});

describe('noun-phrase content, joined particles, adverbial prefields', () => {
  it('de/en: a content preposition right after the verb opens a noun-phrase content; elsewhere it opens nothing', () => {
    const de = run('Ministerin Karla Stein sprach am Montag von einer schweren Krise der Branche.', 'de');
    expect(speakerOf(de, 'einer schweren Krise der Branche')).toBe('Karla Stein');
    const en = run('Two officials spoke on condition of anonymity because they were not allowed to talk to reporters.', 'en');
    expect(en.quotes.some((q) => q.text.includes('anonymity because'))).toBe(false);
  });

  it('de: a separable verb with its particle joined at the clause end ("wie das Ministerium mitteilte") is a cue', () => {
    const a = run('Die Straße bleibt bis Freitag gesperrt, wie das Verkehrsministerium am Abend mitteilte.', 'de');
    expect(quoteWith(a, 'Die Straße bleibt bis Freitag gesperrt').cue?.text).toBe('mitteilte');
  });

  it('de: an adverb before a verb in the reported mood continues the last speaker ("Zudem sei …")', () => {
    const a = run('Der Ökonom Paul Brandl sagte, die Preise stiegen weiter. Zudem sei die Nachfrage nach Arbeitskräften groß.', 'de');
    expect(speakerOf(a, 'die Nachfrage nach Arbeitskräften groß')).toBe('Paul Brandl');
  });

  it('de: an infinitive before an inverted attribution reports nothing ("werde sich äußern, sagte X der Zeitung")', () => {
    const a = run('Sein Mandant werde sich vor Gericht umfassend äußern, sagte Anwalt Martin Kehl der Zeitung.', 'de');
    expect(a.quotes.some((q) => q.text.startsWith('sagte'))).toBe(false);
    expect(speakerOf(a, 'Sein Mandant werde sich')).toBe('Martin Kehl');
  });
});
