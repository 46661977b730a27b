/**
 * Generators for the property tests: random Unicode (lone surrogates, controls, format and bidi characters
 * included), news-like word streams (our own words, no dataset text), front matter with any line ending,
 * JSON of every shape, and HTML trees with hostile parts. FUZZ=1 (npm run fuzz) runs many more cases.
 */
import fc from 'fast-check';

/** Cases per property: a few in the normal test run, many under `npm run fuzz`. */
export const runs = (normal: number, fuzz: number): number => (process.env.FUZZ ? Math.round(fuzz * Number(process.env.FUZZ_SCALE ?? 1)) : normal);

/** A short report line per property (cases, seconds, the slowest case per KB): the fuzz run's record. */
export function report(name: string, cases: number, ms: number, extra = ''): void {
  process.stderr.write(`fuzz: ${name}: ${cases} cases in ${(ms / 1000).toFixed(1)} s${extra ? ` · ${extra}` : ''}\n`);
}

// Characters that have caused trouble or could: controls, format and bidi marks, odd spaces, soft hyphen,
// combining marks, surrogate halves, quotes of every kind, emoji with joiners.
const SPECIALS = [
  '\u0000', '\u0007', '\u001b', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u00a0', '\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
  '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u2060', '\ufeff', '\ufffd', '\ud800', '\udfff', '\u0301', 'e\u0301', '\r', '\r\n', '\t',
  '„', '“', '”', '"', "'", '‚', '‘', '’', '»', '«', '‹', '›', '(', ')', '[', ']', '–', '—', '-', '…', '...', '\n', '\n\n', ' ', '  ',
  '👍🏽', '👨‍👩‍👧', 'ß', 'İ', 'ﬁ', '<', '>', '&', '*', '_', '#', '`', '|',
];

// Words we wrote for the generator: names, roles, reporting verbs, dates and function words of both languages.
const WORDS = (
  'die der das und oder nicht mit dem den ein eine sagte erklärte betonte teilte mit laut zufolge Regierung Bundesregierung Minister Ministerin '
  + 'Kanzler Präsident Präsidentin Sprecher Sprecherin Beamte Diplomaten Berlin Paris Tokio Washington Moskau Deutschland Frankreich Japan USA EU '
  + 'Anna Beispiel Erik Muster Karl Probe Olaf Merkel Macron Biden Trump Kishida Montag Dienstag Januar März 2024 2023 vor drei Jahren seit gestern '
  + 'am 5. November z.B. Dr. U.S. the a of and or not said told according to officials official spokesman minister president government '
  + 'Monday Friday January last week next year in on at with met talks agreed rejected planned Reuters dpa AP BBC anonymous condition '
  + 'he she they it his her their who which that because but while 14,9 1.000 3,5 Prozent percent US-Botschafter Nippon Steel CDU SPD'
).split(' ');
const PUNCT = ['.', ',', ';', ':', '!', '?', '.', '.', ','];

/** Any UTF-16 code unit, surrogate halves included. */
export const anyUnits = (maxLength = 200) => fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });
/** Any code point, as graphemes and binary. */
export const anyUnicode = (maxLength = 200) => fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'grapheme', maxLength }), anyUnits(maxLength));

/** News-like text: our words, punctuation and quotes, with special characters and random Unicode mixed in. */
export const newsLike = (maxTokens = 250, minTokens = 0) =>
  fc.array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
      { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
      { weight: 1, arbitrary: anyUnicode(6) },
    ),
    { minLength: minTokens, maxLength: maxTokens },
  ).chain((parts) => fc.array(fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')));

/** Front matter with random keys and values, any line ending, sometimes unclosed, then a body. */
export const frontMatterText = fc
  .tuple(
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom('title', 'source', 'url', 'published', 'date', 'language', 'lang', '# comment', ''), anyUnicode(10)), anyUnicode(30)), { maxLength: 6 }),
    fc.boolean(),
    fc.oneof(newsLike(60), anyUnicode(200)),
    fc.constantFrom('---', '--- ', '---\t', '----', ''),
  )
  .map(([nl, fields, closed, body, fence]) => [fence, ...fields.map(([k, v]) => (k ? `${k}: ${v}` : v)), ...(closed ? ['---'] : []), body].join(nl));

/** Values of any JSON type, for article fields. */
const jsonish = fc.oneof(fc.string(), anyUnicode(20), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));

/** An article-shaped object whose fields may have any type, or any JSON value at all. */
export const articleJson = fc.oneof(
  { weight: 4, arbitrary: fc.record({ text: fc.oneof({ weight: 3, arbitrary: newsLike(60) }, { weight: 1, arbitrary: jsonish }), title: jsonish, source: jsonish, url: jsonish, published: fc.oneof(jsonish, fc.constantFrom('2024-02-30', '2024-01-31', '1999-12-31T23:59:59Z', '0000-00-00')), language: fc.oneof(jsonish, fc.constantFrom('de', 'en', 'xx', 'DE-at')) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

/** A JSON Lines batch: lines of article objects, some cut off or replaced by garbage. */
export const jsonLinesText = fc
  .array(fc.oneof({ weight: 5, arbitrary: articleJson.map((o) => JSON.stringify(o) ?? 'null') }, { weight: 1, arbitrary: anyUnicode(40) }), { minLength: 1, maxLength: 5 })
  .chain((lines) => fc.tuple(fc.constant(lines), fc.nat({ max: 40 }), fc.boolean()))
  .map(([lines, cut, truncate]) => { const t = lines.join('\n'); return truncate ? t.slice(0, Math.max(0, t.length - cut)) : t; });

const TAGS = ['div', 'p', 'span', 'article', 'section', 'main', 'h1', 'h2', 'li', 'ul', 'a', 'b', 'blockquote', 'table', 'tr', 'td', 'script', 'style', 'noscript', 'svg', 'template', 'iframe'];
const ATTRS = ['', ' class="content"', ' id="article"', ' onerror="alert(1)"', ' href="javascript:alert(1)"', ' lang="de"', ' style="display:none"', ' hidden'];

/** Random HTML trees (hostile attributes, scripts, unclosed tags), inside a page with random metadata. */
export const htmlPage = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: fc.oneof(newsLike(40), anyUnicode(20)).map((t) => t.replace(/</g, '&lt;')) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(([t, a, kids, close]) => `<${t}${a}>${kids.join('')}${close ? `</${t}>` : ''}`) },
      { weight: 1, arbitrary: fc.constantFrom('<br>', '<img src=x onerror=alert(1)>', '<!-- c -->', '<!--', '</div>', '<', '<p', '&amp;', '&#0;', '<![CDATA[x]]>') },
    ),
  }))
  .node.chain((body) => fc.tuple(fc.constant(body), fc.constantFrom('', '2024-02-30', '2024-01-15T10:00:00Z', 'yesterday'), fc.constantFrom('', 'de', 'en', 'x'), fc.boolean()))
  .map(([body, date, lang, doctype]) => `${doctype ? '<!doctype html>' : ''}<html${lang ? ` lang="${lang}"` : ''}><head><title>T</title>${date ? `<meta property="article:published_time" content="${date}">` : ''}</head><body>${body}</body></html>`);
