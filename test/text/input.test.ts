import { describe, expect, it } from 'vitest';
import { decodeArticles, fromFrontMatterText } from '../../src/text/input.js';
import { buildDoc, InputError } from '../../src/text/index.js';
import { detectLanguage } from '../../src/text/language.js';
import { normalizeText } from '../../src/text/normalize.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('front matter', () => {
  it('reads title, published, language and the body', () => {
    const r = fromFrontMatterText('---\ntitle: "Ein Titel"\npublished: 2024-02-02\nlanguage: de\n---\nDer Text.', 'a.txt');
    expect(r.ok && r.article).toMatchObject({ title: 'Ein Titel', published: '2024-02-02', language: 'de', text: 'Der Text.' });
  });
  it('reports an unclosed block with the file name', () => {
    const r = fromFrontMatterText('---\ntitle: x\nDer Text.', 'a.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.origin).toContain('a.txt');
  });
});

describe('bad input', () => {
  it('refuses an empty file', () => {
    const [r] = decodeArticles(new Uint8Array(0), 'e.txt', '.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/empty/);
  });
  it('refuses a binary file', () => {
    const [r] = decodeArticles(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'b.txt', '.txt');
    expect(!r.ok && r.problem.message).toMatch(/binary/);
  });
  it('refuses invalid UTF-8, naming the line and suggesting a conversion', () => {
    const bytes = new Uint8Array([...enc('Zeile eins\nGr'), 0xfc, ...enc('ße\n')]);
    const [r] = decodeArticles(bytes, 'l.txt', '.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.origin).toBe('l.txt:2');
      expect(r.problem.message).toMatch(/invalid UTF-8.*iconv/);
    }
  });
  it('refuses a file over the size limit', () => {
    const [r] = decodeArticles(enc('x'.repeat(2000)), 'big.txt', '.txt', { maxBytes: 1000 });
    expect(!r.ok && r.problem.message).toMatch(/over the limit/);
  });
  it('reads UTF-16 with a byte-order mark', () => {
    const s = 'Hallo Welt, das ist ein Text.';
    const u16 = new Uint8Array(2 + s.length * 2);
    u16[0] = 0xff; u16[1] = 0xfe;
    for (let i = 0; i < s.length; i++) { u16[2 + 2 * i] = s.charCodeAt(i); u16[3 + 2 * i] = 0; }
    const [r] = decodeArticles(u16, 'u.txt', '.txt');
    expect(r.ok && r.article.text).toBe(s);
  });
  it('keeps the good lines of a truncated JSON Lines batch and names the bad line', () => {
    const items = decodeArticles(enc('{"text":"Erster Text.","published":"2024-01-01"}\n{"text":"Zweiter\n{"text": "abgeschn'), 'b.jsonl', '.jsonl');
    expect(items.filter((i) => i.ok)).toHaveLength(1);
    const bad = items.filter((i) => !i.ok).map((i) => (!i.ok ? i.problem.origin : ''));
    expect(bad).toEqual(['b.jsonl:2', 'b.jsonl:3']);
  });
  it('rejects an impossible publication date and an unknown language', () => {
    expect(() => buildDoc({ text: 'Ein Text.', origin: 'x.txt', published: '2024-02-30' })).toThrow(InputError);
    expect(() => buildDoc({ text: 'Ein Text.', origin: 'x.txt', language: 'xx' })).toThrow(/unsupported language/);
  });
});

describe('HTML', () => {
  it('extracts the article text and metadata from a saved page', () => {
    const para = (s: string) => `<p>${s}</p>`;
    const body = [
      'Die Regierung in Berlin hat am Montag neue Pläne für den Haushalt vorgestellt, die in den kommenden Wochen im Parlament beraten werden sollen.',
      'Finanzminister Erik Beispiel sagte, die Ausgaben für Verteidigung würden steigen, während bei der Verwaltung gespart werden solle.',
      'Die Opposition kritisierte die Pläne als unausgewogen und kündigte Widerstand im Haushaltsausschuss an.',
    ].map(para).join('');
    const html = `<!doctype html><html lang="de"><head><title>Haushalt</title><meta property="article:published_time" content="2025-01-13T10:00:00Z"></head><body><nav><a href="/">Start</a> Menü Menü</nav><article><h1>Neue Haushaltspläne</h1>${body}</article><footer>Impressum Datenschutz</footer></body></html>`;
    const [r] = decodeArticles(enc(html), 'page.html', '.html');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.article.published).toBe('2025-01-13');
      expect(r.article.language).toBe('de');
      expect(r.article.text).toContain('Finanzminister Erik Beispiel sagte');
      expect(r.article.text).not.toContain('Impressum');
      expect(r.article.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('normalisation and language', () => {
  it('normalises to NFC and folds exotic spaces without shifting text', () => {
    expect(normalizeText('\ufeffCafe\u0301\u00a0Bar\r\n')).toBe('Café Bar');
  });
  it('detects German and English with confidence', () => {
    const de = detectLanguage('Die Regierung hat am Montag erklärt, dass sie die Pläne nicht unterstützen werde.');
    const en = detectLanguage('The government said on Monday that it would not support the plans of the opposition.');
    expect(de.language).toBe('de');
    expect(en.language).toBe('en');
    expect(de.confidence).toBeGreaterThan(0.5);
    expect(en.confidence).toBeGreaterThan(0.5);
  });
});
