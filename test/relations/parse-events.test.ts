/**
 * Event coding on the dependency parse (issue 14): the error classes of the issue, on sentences written for this test
 * and run through the whole pipeline (NER, entities, the parse, relations). Each case says what must come out and,
 * where the old stage erred, what must not.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { buildDoc } from '../../src/text/index.js';
import { runSyntax } from '../../src/syntax/stage.js';
import { ParseView } from '../../src/relations/parse-view.js';

function relations(lang: string, text: string): string[] {
  const a = analyzeSync(text, { language: lang, published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]}(${r.modality}) ${name.get(r.object)}`);
}

/** A relation of the type between the two names, in either direction. */
const between = (rels: string[], a: string, type: string, b: string) =>
  rels.filter((r) => (r.startsWith(`${a} ${type}(`) && r.endsWith(`) ${b}`)) || (r.startsWith(`${b} ${type}(`) && r.endsWith(`) ${a}`)));

describe('event coding on the parse (German)', () => {
  it('a separable verb elsewhere in the clause: „sprach … nicht an“ is no talk, the opening noun is a meeting', () => {
    const out = relations('de', 'Bei dem Treffen mit Bundeskanzler Olaf Scholz sprach die Außenministerin Annalena Baerbock die Zölle nicht an.');
    expect(between(out, 'Annalena Baerbock', 'consult', 'Olaf Scholz'), out.join('; ')).toHaveLength(1);
    expect(out.join('; ')).toContain('consult(asserted)');
    expect(out.some((r) => /negated/.test(r)), out.join('; ')).toBe(false);
  });

  it('a pronoun subject after the verb (V2): „Am Montag traf er … Scholz“', () => {
    const out = relations('de', 'Emmanuel Macron ist seit 2017 Präsident Frankreichs. Am Montag traf er in Berlin Olaf Scholz.');
    expect(between(out, 'Emmanuel Macron', 'consult', 'Olaf Scholz'), out.join('; ')).toHaveLength(1);
  });

  it('a nominal event with a coordinated partner: „zu Gesprächen mit … Macron und … Stoltenberg“', () => {
    const out = relations('de', 'Joe Biden flog am Dienstag nach Paris, bevor er zu Gesprächen mit dem französischen Präsidenten Emmanuel Macron und NATO-Generalsekretär Jens Stoltenberg nach Brüssel weiterreiste.');
    expect(between(out, 'Joe Biden', 'consult', 'Emmanuel Macron'), out.join('; ')).not.toHaveLength(0);
    expect(between(out, 'Joe Biden', 'consult', 'Jens Stoltenberg'), out.join('; ')).not.toHaveLength(0);
  });

  it('a threat with a dative object', () => {
    const out = relations('de', 'Norwegen wies die Vorwürfe zurück. Russland hatte Norwegen zuvor offen gedroht.');
    expect(out).toContain('Russland threaten(asserted) Norwegen');
  });
});

describe('event coding on the parse (English)', () => {
  it('"after talks with X" takes the subject of the clause it opens', () => {
    const out = relations('en', 'After talks with French President Emmanuel Macron, German Chancellor Olaf Scholz flew home.');
    expect(between(out, 'Olaf Scholz', 'consult', 'Emmanuel Macron'), out.join('; ')).toHaveLength(1);
  });

  it('"a phone call between A and B" relates the two', () => {
    const out = relations('en', 'A phone call between Joe Biden and Xi Jinping took place on Monday.');
    expect(out).toContain('Joe Biden consult(asserted) Xi Jinping');
  });

  it('a pronoun subject: "He later met …"', () => {
    const out = relations('en', 'Antony Blinken arrived in Paris on Sunday. He later met Emmanuel Macron at the Elysee palace.');
    expect(out).toContain('Antony Blinken consult(asserted) Emmanuel Macron');
  });

  it('a coordinated second verb keeps the subject', () => {
    const out = relations('en', 'Joe Biden held a phone call with Xi Jinping on Monday and threatened Russia with new sanctions.');
    expect(out).toEqual(expect.arrayContaining(['Joe Biden consult(asserted) Xi Jinping', 'Joe Biden threaten(asserted) Russia']));
  });
});

describe('the parse view', () => {
  it('finds a separated particle and passive voice', () => {
    const doc = buildDoc({ text: 'Die Regierung lehnte den Vorschlag ab.', origin: 'test', language: 'de', published: null });
    const pv = ParseView.of(runSyntax(doc), 0)!;
    expect(pv).not.toBeNull();
    const verb = pv.words.findIndex((w) => w.form === 'lehnte');
    expect(pv.particle(verb)).toBe('ab');
    const en = buildDoc({ text: 'Vance was invited by Trump.', origin: 'test', language: 'en', published: null });
    const pe = ParseView.of(runSyntax(en), 0)!;
    expect(pe.passive(pe.words.findIndex((w) => w.form === 'invited'))).toBe(true);
  });
});
