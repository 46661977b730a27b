/**
 * Attribution on the parse (issue 13, item 3), on sentences written for these tests: reported mood read from the
 * tagger's Mood wherever the main verb stands, reporting verbs' clausal complements, speakers that are no entity,
 * silent anonymous groups, and wire datelines that are never speakers.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import type { Analysis } from '../../src/contract/schema.js';

const run = (text: string, language: 'de' | 'en'): Analysis => analyzeSync(text, { language, published: '2025-03-01' });
const speakerOf = (a: Analysis, fragment: string): string | null => {
  const q = a.quotes.find((x) => x.text.includes(fragment));
  if (!q) return 'no quote';
  if (q.speaker) return a.entities.find((e) => e.id === q.speaker)?.name ?? null;
  const s = a.sources.find((x) => x.id === q.source);
  return s ? `[${s.description}]` : null;
};

describe('attribution on the parse', () => {
  it('reads a Konjunktiv I main clause after a fronted clause as the last speaker\'s words', () => {
    const a = run('Die Ministerin Karla Stein sagte am Montag, die Verhandlungen liefen gut. '
      + 'Wenn die Gegenseite weiter zögere, sei eine Einigung bis zum Sommer aber kaum erreichbar.', 'de');
    expect(speakerOf(a, 'Einigung bis zum Sommer')).toBe('Karla Stein');
  });

  it('gives a speaking office without an entity an organisation entity of its own', () => {
    const a = run('Die Nordland-Fraktion bestätigte am Dienstag, dass zwei Abgeordnete an der Reise teilnehmen würden.', 'de');
    const name = speakerOf(a, 'zwei Abgeordnete');
    expect(name).toBe('Nordland-Fraktion');
    expect(a.entities.find((e) => e.name === 'Nordland-Fraktion')?.attributes.origin).toBe('quotes');
  });

  it('never takes a capitals-only wire dateline run into the text for the speaker', () => {
    const a = run('ALPHAVILLE/BETATOWN The Eastland opposition said on Monday it would not attend the talks in Betatown, '
      + 'citing a lack of guarantees.', 'en');
    const q = a.quotes.find((x) => x.text.startsWith('it would not attend'));
    expect(q).toBeDefined();
    const who = q!.speaker ? a.entities.find((e) => e.id === q!.speaker)?.name : null;
    expect(who).toBe('Eastland');
    expect(a.sources.some((s) => /ALPHAVILLE|BETATOWN/.test(s.description))).toBe(false);
  });

  it('records a group that holds a view without being quoted as an anonymous source', () => {
    const a = run('Der Streit um die Hafengebühren dauert an. Beobachter rechnen damit, dass die Gespräche bald scheitern.', 'de');
    expect(a.sources.some((s) => !s.named && /Beobachter/.test(s.description))).toBe(true);
  });

  it('counts "der Sprecher" as one by the tagger\'s Number', () => {
    const a = run('Der Streit dauert an. Die Lage sei ernst, sagte der Sprecher des Hafenamtes am Abend.', 'de');
    const s = a.sources.find((x) => !x.named && /Sprecher/.test(x.description));
    expect(s?.count).toBe(1);
  });
});
