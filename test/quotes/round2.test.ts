/**
 * Mechanisms added after the second blind round (each pinned with sentences written for this test):
 * participles on a main clause, sentence-initial capitals in English, definite person descriptions that are
 * also source nouns, members of a joint source, prepositional objects after a verb, "the company" further back,
 * and the new lexicon entries (refusals, "nach Informationen aus").
 */
import { describe, expect, it } from 'vitest';
import { quotesOf, sourceOf } from './helpers.js';

describe('second blind round mechanisms', () => {
  it('gives ", saying …" the subject of its main clause, not a phrase after it', () => {
    const { layer } = quotesOf('Harlow Foods Ltd. raised its dividend on Friday, saying several of its rivals had lost market share.', 'en');
    const s = sourceOf(layer, 'several of its rivals had lost market share');
    expect(s?.description).toBe('Harlow Foods Ltd.');
  });

  it('takes no sentence-initial common noun for a name in English ("Revenue for …")', () => {
    const text = 'Harlow Foods Ltd. raised its dividend on Friday, saying sales were strong. The shares rose 3%.\n\n'
      + 'Profit for the year will reach about $2 billion, the company said in a statement.';
    const { layer } = quotesOf(text, 'en', [{ id: 'org:harlow', type: 'organization', name: 'Harlow Foods Ltd.' }]);
    const s = sourceOf(layer, 'Profit for the year will reach');
    expect(s?.description).not.toMatch(/^Profit/);
    expect(s?.entity).toBe('org:harlow');
  });

  it('reads "the company" as the latest organisation that spoke, but never as a document', () => {
    const text = 'The insurer Norvik said on Monday it would cut 200 jobs. Shares fell.\n\n'
      + 'Costs rose by a tenth last year, the company said.';
    const { layer } = quotesOf(text, 'en', [{ id: 'org:norvik', type: 'organization', name: 'Norvik' }]);
    expect(sourceOf(layer, 'Costs rose by a tenth')?.entity).toBe('org:norvik');
    const docs = 'The papers show the agency knew of the leak. Nothing was done.\n\nThe leak was serious, the company said.';
    expect(sourceOf(quotesOf(docs, 'en').layer, 'The leak was serious')?.description).toBe('the company');
  });

  it('refers "die Managerin" back to the last person, though "Managerin" is also a source noun', () => {
    const text = 'Firmenchefin Selin Aksoy sprach von einer harten Zeit. „Wir halten Kurs“, sagte die Managerin.';
    const { layer } = quotesOf(text, 'de', [{ id: 'person:aksoy', type: 'person', name: 'Selin Aksoy', gender: 'f' }]);
    expect(sourceOf(layer, 'Wir halten Kurs')?.entity).toBe('person:aksoy');
    // a plural verb keeps a plural group a group
    const pl = quotesOf('Firmenchefin Selin Aksoy sprach von einer harten Zeit. „Wir halten Kurs“, sagten die Managerinnen.', 'de',
      [{ id: 'person:aksoy', type: 'person', name: 'Selin Aksoy', gender: 'f' }]);
    expect(sourceOf(pl.layer, 'Wir halten Kurs')?.entity ?? null).toBeNull();
  });

  it('keeps one member of a joint source apart from the joint source', () => {
    const text = 'Zoll und Bundespolizei teilten mit, die Ware sei beschlagnahmt worden. Der Zoll wollte den Wert nicht bestätigen.';
    const { layer } = quotesOf(text, 'de');
    const zoll = layer.sources.find((s) => s.description === 'Der Zoll');
    expect(zoll?.responses?.[0]?.kind).toBe('declined');
    expect(layer.sources.find((s) => s.description === 'Zoll und Bundespolizei')?.responses).toBeUndefined();
  });

  it('takes no prepositional object after the verb for its speaker ("berichtete von …")', () => {
    const text = 'Eine Nachbarin, die alles gesehen hatte, berichtete von lauten Stimmen und einem Knall.';
    const { layer } = quotesOf(text, 'de');
    expect(layer.sources.some((s) => /^von /.test(s.description))).toBe(false);
    expect(layer.quotes.some((q) => q.text.startsWith('Eine Nachbarin'))).toBe(false);
  });

  it('reads "nach Informationen aus X" as a source cue and "did not return a call" as a non-answer', () => {
    const de = quotesOf('Nach Informationen aus Bankenkreisen plant die Sparkasse eine Fusion.', 'de').layer;
    expect(de.sources.map((s) => s.description)).toContain('Bankenkreisen');
    const en = quotesOf('Its chairman, Paul Ewing, did not return a phone call seeking comment.', 'en').layer;
    expect(en.sources.flatMap((s) => s.responses ?? []).map((r) => r.kind)).toContain('no_response');
  });

  it('reads a quoted phrase inside the object of "nannte" as mixed speech, but not a self-chosen name', () => {
    const { layer } = quotesOf('Ökonomin Ruth Brandl nannte die Entscheidung "mutig, aber spät".', 'de');
    const q = layer.quotes.find((x) => x.text.includes('mutig, aber spät'));
    expect(q?.kind).toBe('mixed');
    expect(sourceOf(layer, 'mutig, aber spät')?.description).toContain('Ruth Brandl');
    expect(quotesOf('Der Verein nannte sich "Freunde des Hafens".', 'de').layer.quotes).toHaveLength(0);
  });

  it('finds the subject with its apposition between commas before the verb ("…, a spokesman, Ravi Menon, said.")', () => {
    for (const tail of ['a spokesman, Ravi Menon, told Reuters.', 'Ravi Menon, a spokesman, said.']) {
      const { layer } = quotesOf(`The port will reopen on Thursday after repairs, ${tail}`, 'en');
      expect(sourceOf(layer, 'The port will reopen on Thursday')?.description).toContain('Ravi Menon');
    }
  });

  it('takes the anonymity reason of a headless quantifier sentence ("Die beiden wollten anonym bleiben") for the group', () => {
    const text = 'Drei mit dem Vorgang vertraute Personen sagten, der Vertrag sei unterschrieben. '
      + 'Die drei wollten anonym bleiben, weil die Gespräche vertraulich seien.';
    const s = quotesOf(text, 'de').layer.sources.find((x) => x.count === 3);
    expect(s?.anonymityReason?.text).toContain('anonym bleiben');
  });

  it('reads "einem von ihnen zufolge" as a one-member part of the last group', () => {
    const { layer } = quotesOf('Vier Diplomaten sagten, das Treffen sei abgesagt. Einem von ihnen zufolge gab es Streit um die Tagesordnung.', 'de');
    const part = sourceOf(layer, 'gab es Streit');
    expect(part?.count).toBe(1);
    expect(layer.sources.find((s) => s.id === part?.parent)?.count).toBe(4);
  });

  it('resolves "der 58-Jährige" to an unnamed person opening a later sentence than the last speaker', () => {
    const text = 'Bürgermeisterin Jana Roth sagte, die Straße bleibe gesperrt. Ein Busfahrer, der jeden Morgen hier vorbeikommt, '
      + 'zeigte sich verärgert. „Das ist die dritte Sperrung in diesem Jahr“, sagte der 58-Jährige.';
    const { layer } = quotesOf(text, 'de', [{ id: 'person:roth', type: 'person', name: 'Jana Roth', gender: 'f' }]);
    expect(sourceOf(layer, 'dritte Sperrung')?.description).toBe('Ein Busfahrer');
  });

  it('strips a dateline after a long headline the text layer kept as text', () => {
    const text = 'Versorger Nordlicht erhöht die Strompreise zum Jahresbeginn um elf Prozent – Verbraucherschützer sind empört\n\n'
      + 'KIEL (Agentur) - Der Versorger Nordlicht hebt seine Preise an. Die Beschaffungskosten seien gestiegen, teilte das Unternehmen am Montag in Kiel mit.';
    const { layer } = quotesOf(text, 'de', [{ id: 'loc:kiel', type: 'location', name: 'KIEL', aliases: ['Kiel'] }]);
    const s = sourceOf(layer, 'Beschaffungskosten seien gestiegen');
    expect(s?.entity ?? null).not.toBe('loc:kiel');
    expect(s?.mentions.map((m) => m.text)).toContain('Der Versorger Nordlicht');
  });
});
