/**
 * General rules that keep clause fragments, names and non-statements out of the quotes and sources:
 * verb forms inside names, negated verbs, infinitives with "zu"/"to", descriptions that must be noun phrases,
 * correlative subjects, channels right after the verb, time adverbials before "that".
 */
import { describe, expect, it } from 'vitest';
import { makeEntityLayer } from '../../src/entities/layer.js';
import { loadQuoteLexicon } from '../../src/quotes/lexicon.js';
import { findQuoteSpans } from '../../src/quotes/marks.js';
import { chunkNP, nounPhraseIn } from '../../src/quotes/phrases.js';
import { buildView, textOf, VERB_CUE, VERB_ONLY, type DocView } from '../../src/quotes/view.js';
import { docOf } from '../helpers.js';
import { quotesOf } from './helpers.js';

function viewOf(text: string, language: string): DocView {
  const doc = docOf(text, language);
  return buildView(doc, loadQuoteLexicon(language), makeEntityLayer([], []), findQuoteSpans(doc.text, doc.paragraphs));
}
const tok = (v: DocView, word: string) => v.doc.tokens.findIndex((t) => t.text === word);

const hasVerb = /\b(hat|haben|sich|zu|has|have|was|said|sagte|sagten)\b/i;

describe('rules against bogus statements and sources', () => {
  it('takes no capitalised verb form inside a name for a cue ("United States")', () => {
    const text = 'Norway\'s new envoy to the United States, Ola Berg, met Commerce Secretary Tim Vance on Monday to ask for lower duties, two Norwegian officials said.';
    const { layer } = quotesOf(text, 'en');
    expect(layer.quotes).toHaveLength(1);
    expect(layer.quotes[0].cue?.text).toBe('said');
    expect(layer.quotes[0].text).toContain('Ola Berg');
    expect(layer.sources.map((s) => s.description)).toEqual(['two Norwegian officials']);
  });

  it('reports nothing from a negated verb ("has not confirmed", "bestätigte nicht")', () => {
    const en = quotesOf('The minister wants to visit Rome in May, but the palace has not confirmed a date, according to the aides, who asked not to be named.', 'en').layer;
    expect(en.quotes.map((q) => q.cue?.text)).toEqual(['according to']);
    const de = quotesOf('Das Ministerium bestätigte nicht, dass der Termin im Mai stattfinden werde. Der Sprecher sagte, man prüfe alle Optionen.', 'de').layer;
    expect(de.quotes.map((q) => q.cue?.text)).toEqual(['sagte']);
    // "nicht nur" negates nothing
    const nur = quotesOf('Die Ministerin betonte nicht nur, dass die Kasse leer sei, sondern auch, dass gespart werden müsse.', 'de').layer;
    expect(nur.quotes).toHaveLength(1);
  });

  it('takes no infinitive with "zu"/"to" for a statement, and a refusal stays a refusal', () => {
    const { layer } = quotesOf('Die Botschaft in Rom lehnte es im Namen der Gesandten ab, sich zu Fragen im Zusammenhang mit der Abstimmung zu äußern.', 'de');
    expect(layer.quotes).toHaveLength(0);
    for (const s of layer.sources) expect(s.description).not.toMatch(/\bsich\b|\bzu\b/);
    const en = quotesOf('The embassy declined to comment on matters related to the vote.', 'en').layer;
    expect(en.quotes).toHaveLength(0);
  });

  it('keeps every source description a noun phrase: a clause opening with its auxiliary has its subject after it', () => {
    const text = [
      'Oslo sorgt sich um die Handelspolitik.',
      'Bei Treffen mit Beratern, die das Land für einflussreich hält, hat es die Vorzüge fester Bündnisse betont, sagten zwei der norwegischen Diplomaten.',
    ].join(' ');
    const { layer } = quotesOf('Vier norwegische Diplomaten gaben Auskunft. ' + text, 'de');
    for (const s of layer.sources) expect(s.description).not.toMatch(hasVerb);
    const q = layer.quotes.find((x) => x.text.includes('Vorzüge'));
    expect(q).toBeDefined();
    expect(layer.sources.find((s) => s.id === q!.source)?.description).toBe('zwei der norwegischen Diplomaten');
  });

  it('reads "Sowohl … als auch …" as one coordinated subject', () => {
    const { layer } = quotesOf('Sowohl das dänische als auch das schwedische Außenministerium erklärten, sie würden die Lage genau beobachten.', 'de');
    expect(layer.quotes).toHaveLength(1);
    const s = layer.sources.find((x) => x.id === layer.quotes[0].source)!;
    expect(s.description).toMatch(/^Sowohl .*Außenministerium$/);
  });

  it('takes a channel right after the verb for no speaker ("sagte der Zeitung X")', () => {
    const text = 'Die frühere Ministerin Eva Roth, die heute eine Stiftung in Kiel leitet, sagte der Zeitung Nordkurier, Berlin habe zu lange gezögert.';
    const { layer } = quotesOf(text, 'de');
    expect(layer.quotes).toHaveLength(1);
    expect(layer.quotes[0].text).toBe('Berlin habe zu lange gezögert');
    expect(layer.quotes[0].channel).toBe('Nordkurier');
    expect(layer.sources.find((s) => s.id === layer.quotes[0].source)?.description).toContain('Eva Roth');
  });

  it('skips a time adverbial between the verb and "that"', () => {
    const text = 'Former finance minister Ann Lee, who now advises a Toronto law firm, said last week that Ottawa should widen its contacts.';
    const { layer } = quotesOf(text, 'en');
    expect(layer.quotes).toHaveLength(1);
    expect(layer.quotes[0].text).toBe('Ottawa should widen its contacts');
    expect(layer.sources.find((s) => s.id === layer.quotes[0].source)?.description).toContain('Ann Lee');
  });
});

describe('the mechanisms behind those rules', () => {
  it('marks verbs: cue, verb that reports nothing (negated, infinitive), no verb (capitalised inside a sentence)', () => {
    const de = viewOf('Die Botschaft lehnte es ab, sich zu äußern. Er sagte nicht, wann. Sie sagte, das Sagen habe er.', 'de');
    expect(de.verbMask[tok(de, 'äußern')]).toBe(VERB_ONLY);
    expect(de.verbMask[tok(de, 'sagte')]).toBe(VERB_ONLY);
    expect(de.verbMask[de.doc.tokens.findLastIndex((t) => t.text === 'sagte')]).toBe(VERB_CUE);
    expect(de.verbMask[tok(de, 'Sagen')]).toBe(0);
    const en = viewOf('Officials in the United States said nothing. He did not say when. They declined to comment.', 'en');
    expect(en.verbMask[tok(en, 'States')]).toBe(0);
    expect(en.verbMask[tok(en, 'said')]).toBe(VERB_CUE);
    expect(en.verbMask[tok(en, 'say')]).toBe(VERB_ONLY);
  });

  it('chunks a correlative subject whole ("Sowohl … als auch …", "weder … noch …")', () => {
    const v = viewOf('Sowohl das dänische als auch das schwedische Außenministerium erklärten dies.', 'de');
    expect(textOf(v, 0, chunkNP(v, 0, v.lower.length))).toBe('Sowohl das dänische als auch das schwedische Außenministerium');
    const w = viewOf('Weder die Reederei noch der Hafenbetreiber äußerten sich.', 'de');
    expect(textOf(w, 0, chunkNP(w, 0, w.lower.length))).toBe('Weder die Reederei noch der Hafenbetreiber');
  });

  it('accepts only noun phrases as source descriptions', () => {
    const v = viewOf('Danach hat es die Vorzüge fester Bündnisse betont. Man lehnte es ab, sich zu Fragen der Wahl zu äußern.', 'de');
    const hat = tok(v, 'hat');
    const np = nounPhraseIn(v, hat, tok(v, 'betont'));
    expect(np && textOf(v, np[0], np[1])).toBe('es');
    expect(nounPhraseIn(v, tok(v, 'sich'), tok(v, 'äußern'))).toBeNull();
    expect(nounPhraseIn(v, tok(v, 'Vorzüge') - 1, tok(v, 'Vorzüge') + 3)).toEqual([tok(v, 'Vorzüge') - 1, tok(v, 'Vorzüge') + 3]);
  });
});

describe('resolution rules found on held-out articles', () => {
  it('resolves a bare institution noun to the institution named as subject just before ("die Behörde", "the company")', () => {
    const de = quotesOf('Die Staatsanwaltschaft Kiel hat Anklage erhoben. Die Beschuldigten hätten Gelder veruntreut, teilte die Behörde mit.', 'de').layer;
    expect(de.sources.find((s) => s.id === de.quotes[0].source)?.description).toContain('Staatsanwaltschaft Kiel');
    const en = quotesOf('Northern Rail Lines cut 40 trains on Monday after a signal failure, the company said.', 'en').layer;
    expect(en.sources.find((s) => s.id === en.quotes[0].source)?.description).toBe('Northern Rail Lines');
    // a compound names its own institution
    const own = quotesOf('Die Stadtwerke erhöhen die Preise. Das Finanzministerium erklärte, man prüfe den Fall.', 'de').layer;
    expect(own.sources.find((s) => s.id === own.quotes[0].source)?.description).toBe('Das Finanzministerium');
  });

  it('continues reported speech in the Konjunktiv after any subject, and after impersonal source phrases', () => {
    const { layer } = quotesOf('Die Runde habe sich geeinigt, hieß es aus Regierungskreisen. Offen sei aber, wer zahle. Das Geld werde knapp.', 'de');
    expect(layer.quotes).toHaveLength(3);
    const src = new Set(layer.quotes.map((q) => q.source));
    expect(src.size).toBe(1);
    expect(layer.sources[0].description).toBe('Regierungskreisen');
  });

  it('gives a colon-introduced quote to the named subject of its clause', () => {
    const { layer } = quotesOf('Ein Sprecher sagte, man prüfe alles. Berger hält das für Unsinn: "Eine Prüfung ersetzt keine Politik."', 'de');
    const q = layer.quotes.find((x) => x.text.includes('Prüfung ersetzt'))!;
    expect(layer.sources.find((s) => s.id === q.source)?.description).toBe('Berger');
  });

  it('takes a short quoted whole sentence for speech, not a term', () => {
    const { layer } = quotesOf('"He could stay here a month," Anne Roe said. "I notice."', 'en');
    expect(layer.terms).toHaveLength(0);
    expect(layer.quotes.map((q) => q.text)).toContain('I notice.');
  });

  it('keeps indirect content that goes on after an interrupting attribution', () => {
    const { layer } = quotesOf('Ships under cheap flags, she said, were often registered in countries that never cooperate.', 'en');
    expect(layer.quotes[0].text).toContain('were often registered');
  });

  it('reports with "called"/"nannte" only around a quoted phrase', () => {
    const yes = quotesOf('The embassy called the plan "piracy dressed up as law" in a post.', 'en').layer;
    expect(yes.quotes).toHaveLength(1);
    expect(yes.sources.find((s) => s.id === yes.quotes[0].source)?.description).toBe('The embassy');
    const no = quotesOf('They joined a group called "Friends of the Lake and the River" last year.', 'en').layer;
    expect(no.quotes.every((q) => q.source === null)).toBe(true);
  });

  it('lets "show" report only for documents', () => {
    expect(quotesOf('The port plans more checks, the documents show.', 'en').layer.quotes).toHaveLength(1);
    expect(quotesOf('The projections show inflation returning to the target next year.', 'en').layer.quotes).toHaveLength(0);
  });

  it('reads "einer von ihnen" and a bare "Both" as the group spoken of last', () => {
    const de = quotesOf('Drei Ermittler sagten, der Schaden sei hoch. Einer von ihnen sagte, viele Fälle seien verjährt.', 'de').layer;
    const three = de.sources.find((s) => s.count === 3)!;
    expect(de.sources.find((s) => s.count === 1)?.parent).toBe(three.id);
    const en = quotesOf('Two European diplomats said the talks had stalled. Both spoke on condition of anonymity to discuss private talks.', 'en').layer;
    expect(en.sources).toHaveLength(1);
    expect(en.sources[0].anonymityReason).not.toBeNull();
  });

  it('takes an unnamed spokesperson as the antecedent of the next sentence\'s pronoun', () => {
    const { layer } = quotesOf('Ein Sprecher der Kasse bestätigte, dass sie klagen wolle. Weitere Angaben machte er nicht.', 'de');
    const s = layer.sources.find((x) => x.count === 1)!;
    expect(s.responses?.map((r) => r.kind)).toEqual(['declined']);
  });
});

