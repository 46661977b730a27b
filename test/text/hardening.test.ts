/** Issue 17, the text layer and the readers: each case failed before its fix. */
import { describe, expect, it } from 'vitest';
import { decodeArticles, fromFrontMatterText } from '../../src/text/input.js';
import { normalizeText, normalizeField } from '../../src/text/normalize.js';
import { buildDoc } from '../../src/text/index.js';
import { htmlNestingDepth, MAX_HTML_DEPTH } from '../../src/text/html.js';
import { MAX_SENTENCE_TOKENS } from '../../src/text/segment.js';
import { analyzeSync } from '../../src/pipeline/analyze.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('Unicode hygiene (issue 17, defect 8)', () => {
  it('a zero-width space separates two words instead of gluing them', () => {
    expect(normalizeText('Angela\u200bMerkel')).toBe('Angela Merkel');
  });
  it('direction marks, bidi overrides and isolates are removed', () => {
    expect(normalizeText('Merkel\u200e sagte \u202egnirts\u202c und \u2067x\u2069.')).toBe('Merkel sagte gnirts und x.');
  });
  it('a soft hyphen inside a word is removed; elsewhere it stays (offsets of the news gold)', () => {
    expect(normalizeText('Bundes\u00adkanzler')).toBe('Bundeskanzler');
    expect(normalizeText('U.S. \u00adspending')).toBe('U.S. \u00adspending');
  });
  it('C1 control characters are removed and NEL, LS, PS break lines', () => {
    expect(normalizeText('a\u009b31mb\u0085c\u2028d\u2029e')).toBe('a31mb\nc\nd\n\ne');
  });
  it('metadata fields are one clean line', () => {
    expect(normalizeField(' Titel\n\u001b]0;pwned\u0007 mit\u202e Text ')).toBe('Titel ]0;pwned mit Text');
  });
  it('a left-to-right mark inside a name gives one actor, not two', () => {
    const text = 'Bundeskanzler Olaf Scholz traf am Montag Emmanuel Macron in Paris. Später sagte Olaf Sch\u200eolz, die Gespräche seien gut gewesen.';
    const a = analyzeSync(text, { language: 'de', published: '2024-01-01' });
    expect(a.entities.filter((e) => e.type === 'person').map((e) => `${e.name}:${e.mentions.length}`).sort()).toEqual(['Emmanuel Macron:1', 'Olaf Scholz:2']);
    // and a mark beside a name never ends up inside the actor's name
    const b = analyzeSync('Bundeskanzler Olaf\u200e Scholz traf am Montag Emmanuel Macron in Paris.', { language: 'de', published: '2024-01-01' });
    expect(b.entities.map((e) => e.name)).toContain('Olaf Scholz');
  });
});

describe('readers (issue 17, defect 8)', () => {
  it('random binary without NUL bytes is called binary, not Latin-1', () => {
    let x = 7;
    const bytes = new Uint8Array(4096).map(() => { x = (x * 1103515245 + 12345) >>> 0; return ((x >>> 16) % 255) + 1; });
    const [r] = decodeArticles(bytes, 'r.txt', '.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.message).toMatch(/binary/);
      expect(r.problem.message).not.toMatch(/Latin-1/);
    }
  });
  it('Latin-1 text still gets its hint', () => {
    const [r] = decodeArticles(Buffer.from('Die Gr\xfc\xdfe aus K\xf6ln und M\xfcnchen.', 'latin1'), 'l.txt', '.txt');
    expect(!r.ok && r.problem.message).toMatch(/Latin-1/);
  });
  it('front matter with CR-only line endings is read', () => {
    const r = fromFrontMatterText('---\rtitle: Ein Titel\rpublished: 2024-02-02\r---\rDer Text.', 'cr.txt');
    expect(r.ok && r.article).toMatchObject({ title: 'Ein Titel', published: '2024-02-02' });
    expect(r.ok && r.article.text.trim()).toBe('Der Text.');
  });
  it('a JSON field of the wrong type is named in a warning', () => {
    const [r] = decodeArticles(enc('{"text":"Der Text.","published":12345,"title":["x"]}\n'), 'b.jsonl', '.jsonl');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.article.published).toBeNull();
      expect(r.warnings).toEqual(['"title" is a list, expected a string: ignored', '"published" is a number, expected a string: ignored']);
    }
  });
  it('an HTML page with an impossible date is read without the date', () => {
    const body = '<p>' + 'Die Regierung in Berlin hat am Montag neue Pläne für den Haushalt vorgestellt. '.repeat(6) + '</p>';
    const [r] = decodeArticles(enc(`<!doctype html><html lang="de"><head><meta property="article:published_time" content="2024-02-30T10:00:00Z"></head><body><article>${body}</article></body></html>`), 'p.html', '.html');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.article.published).toBeNull();
  });
  it('HTML nested deeper than the cap is refused before parsing, with a message', () => {
    const html = `<html><body>${'<div>'.repeat(10000)}<p>Text</p>${'</div>'.repeat(10000)}</body></html>`;
    const [r] = decodeArticles(enc(html), 'deep.html', '.html');
    expect(!r.ok && r.problem.message).toMatch(/nested more than 256 elements deep/);
  });
  it('the depth scan counts nesting the way a parser builds it', () => {
    expect(htmlNestingDepth('<div><p>a<p>b<p>c</div><div><span></span></div>')).toBe(2);
    expect(htmlNestingDepth('<div><script>"<div><div><div>"</script></div>')).toBe(1);
    expect(htmlNestingDepth('<div><!-- <div><div> --></div>')).toBe(1);
    expect(htmlNestingDepth('<a'.repeat(1000))).toBe(0);
    expect(htmlNestingDepth('<b>'.repeat(MAX_HTML_DEPTH + 5), MAX_HTML_DEPTH)).toBe(MAX_HTML_DEPTH + 1);
  });
  it('an article longer than the per-article limit is refused, naming its row', () => {
    const items = decodeArticles(enc(`{"text":"kurz"}\n{"text":"${'x '.repeat(3000)}"}\n`), 'b.jsonl', '.jsonl', { maxArticleBytes: 4000 });
    expect(items[0].ok).toBe(true);
    expect(!items[1].ok && items[1].problem).toMatchObject({ origin: 'b.jsonl:2' });
    expect(!items[1].ok && items[1].problem.message).toMatch(/over the limit of .* for one article/);
  });
});

describe('sentences (issue 17, defect 3)', () => {
  it('a text without sentence punctuation is cut into bounded sentences', () => {
    const text = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? 'Regierung' : 'wort')).join(' ');
    const doc = buildDoc({ text, origin: 't', language: 'de' });
    expect(Math.max(...doc.sentences.map((s) => s.tokenEnd - s.tokenStart))).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(doc.sentences.reduce((n, s) => n + s.tokenEnd - s.tokenStart, 0)).toBe(doc.tokens.length);
  });
  it('prefers a comma in the second half of the window as the cut', () => {
    const words = Array.from({ length: 400 }, () => 'wort');
    words[200] = 'wort,';
    const doc = buildDoc({ text: words.join(' '), origin: 't', language: 'de' });
    expect(doc.text.slice(doc.sentences[0].start, doc.sentences[0].end).endsWith(',')).toBe(true);
  });
});
