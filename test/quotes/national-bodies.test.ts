/**
 * German speakers named by a nationality adjective and a state-body head ("das schwedische Außenamt", "die
 * iranischen Revolutionsgarden"): no entity of the NER, yet a name the article cites them by. They become speaker
 * entities with the adjective in its strong form; media and companies so described stay descriptions.
 * Sentences written for this test (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import type { Analysis } from '../../src/contract/schema.js';

const run = (text: string) => analyzeSync(text, { language: 'de', published: '2025-03-01' });

function speakerEntity(a: Analysis, words: string) {
  const q = a.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" among ${a.quotes.map((x) => JSON.stringify(x.text)).join(', ')}`);
  const s = a.sources.find((x) => x.id === q.source);
  return a.entities.find((x) => x.id === (q.speaker ?? s?.entity ?? null)) ?? null;
}

describe('a nationality adjective and a state-body head name a speaker', () => {
  it('"Laut schwedischem Außenamt …": the office speaks, its adjective in the strong neuter form', () => {
    const a = run('In der Hauptstadt kam es am Abend zu Ausschreitungen. Laut schwedischem Außenamt sind alle Mitarbeiter der Vertretung in Sicherheit.');
    const e = speakerEntity(a, 'alle Mitarbeiter der Vertretung');
    expect(e?.name).toBe('schwedisches Außenamt');
    expect(e?.attributes.origin).toBe('quotes');
  });

  it('"Nach Angaben der iranischen Revolutionsgarden …": a plural body keeps a plural strong form', () => {
    const a = run('Bei dem Angriff wurde ein Lager zerstört. Nach Angaben der iranischen Revolutionsgarden wurden dabei drei Soldaten verletzt.');
    expect(speakerEntity(a, 'drei Soldaten verletzt')?.name).toBe('iranische Revolutionsgarden');
  });

  it('"die Revolutionsgarden" as the subject of a speech verb name the body (a compound of a state-body head)', () => {
    const a = run('Die Revolutionsgarden erklärten am Morgen, die Übung werde noch zwei Tage dauern.');
    expect(speakerEntity(a, 'die Übung werde')?.name).toBe('Revolutionsgarden');
  });

  it('"nach Angaben des Auswärtigen Amtes": the genitive head loses its whole ending, the adjective takes the strong form', () => {
    const a = run('Das Konsulat in Lirana bleibt nach Angaben des Auswärtigen Amtes bis auf Weiteres geschlossen.');
    expect(a.entities.map((e) => e.name)).toContain('Auswärtiges Amt');
    expect(a.entities.some((e) => /Amte\b|Auswärtigen/.test(e.name))).toBe(false);
  });

  it('a newspaper so described stays a description: it stands for an outlet named elsewhere', () => {
    const a = run('Die dänische Tageszeitung meldete am Sonntag, das Werk werde bis zum Sommer geschlossen.');
    expect(speakerEntity(a, 'das Werk werde')).toBeNull();
  });
});
