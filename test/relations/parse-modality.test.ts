/**
 * Modality of verb triggers read off the dependency parse (issue 14, item 3): Konjunktiv II and modal auxiliaries,
 * future and plans, attempts and failures, negation scope. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { find, show } from './helpers.js';

function modalityOf(text: string, language: string, subject: RegExp, type: string, object: RegExp) {
  const a = analyzeSync(text, { language });
  const layer = { byId: new Map(a.entities.map((e) => [e.id, e])) };
  const hits = find(a.relations, layer, subject, type, object);
  return { modality: hits.map((r) => r.modality).join(','), listing: show(a.relations, layer).join('; ') };
}

/** Per language: the people every sentence names (subject meets object) and the cases: name, sentence, expected modality. */
const LANGUAGES: { lang: string; name: string; subject: RegExp; object: RegExp; cases: [string, string, string][] }[] = [
  {
    lang: 'de', name: 'German', subject: /Anna Beispiel/, object: /Paul Muster/,
    cases: [
      ['Konjunktiv II with würde', 'Kanzlerin Anna Beispiel würde den Präsidenten Paul Muster gern in Rom treffen.', 'hypothetical'],
      ['könnte', 'Die Ministerin Anna Beispiel könnte Paul Muster schon im Mai treffen.', 'hypothetical'],
      ['Konjunktiv II of haben with a participle', 'Ohne den Streik hätte Anna Beispiel den Kanzler Paul Muster am Montag getroffen.', 'hypothetical'],
      ['will … treffen is a plan', 'Die Ministerin Anna Beispiel will Paul Muster in der kommenden Woche in Wien treffen.', 'planned'],
      ['versuchte, … zu treffen is an attempt', 'Die Ministerin Anna Beispiel versuchte am Montag, Paul Muster in Wien zu treffen.', 'attempted'],
      ['konnte … nicht is a failure', 'Die Ministerin Anna Beispiel konnte Paul Muster am Montag in Wien nicht treffen.', 'failed'],
      ['nicht on the verb negates it', 'Die Ministerin Anna Beispiel traf Paul Muster am Montag in Wien nicht.', 'negated'],
      ['a negation in a relative clause does not reach the main verb', 'Die Ministerin Anna Beispiel, die das Abkommen nicht unterschrieben hat, traf am Montag Paul Muster in Wien.', 'asserted'],
    ],
  },
  {
    lang: 'en', name: 'English', subject: /Anna Example/, object: /Paul Sample/,
    cases: [
      ['would', 'Foreign Minister Anna Example would meet President Paul Sample in Rome.', 'hypothetical'],
      ['will meet is a plan', 'Foreign Minister Anna Example will meet President Paul Sample in Rome next week.', 'planned'],
      ['is expected to', 'Foreign Minister Anna Example is expected to meet President Paul Sample in Rome.', 'planned'],
      ['tried to is an attempt', 'Foreign Minister Anna Example tried to meet President Paul Sample in Rome on Monday.', 'attempted'],
      ['failed to', 'Foreign Minister Anna Example failed to meet President Paul Sample in Rome on Monday.', 'failed'],
      ['could not is a failure', 'Foreign Minister Anna Example could not meet President Paul Sample in Rome on Monday.', 'failed'],
      ['did not', 'Foreign Minister Anna Example did not meet President Paul Sample in Rome on Monday.', 'negated'],
      ['a negation in a relative clause does not reach the main verb', 'Foreign Minister Anna Example, who has not signed the accord, met President Paul Sample in Rome on Monday.', 'asserted'],
    ],
  },
];

for (const { lang, name, subject, object, cases } of LANGUAGES) {
  describe(`modality from the parse: ${name}`, () => {
    it.each(cases)('%s', (_, text, expected) => {
      const { modality, listing } = modalityOf(text, lang, subject, 'consult', object);
      expect(modality, listing).toBe(expected);
    });
  });
}
