import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { buildDoc } from '../../src/text/index.js';
import { runSyntax } from '../../src/syntax/stage.js';
import { analysisToConllu } from '../../src/syntax/conllu-out.js';
import { miscValue, readConllu, surfaceTokens } from '../../src/syntax/conllu.js';
import { loadTagger } from '../../src/syntax/tagger/index.js';
import { parserFor } from '../../src/syntax/parser/index.js';
import { repoRoot } from '../../src/util/paths.js';

const EXAMPLES: Array<[string, string]> = [['de', 'examples/de-koalition-gespraeche.txt'], ['en', 'examples/en-trade-envoy.txt']];

describe.each(EXAMPLES)('the syntax layer (%s)', (lang, file) => {
  const ready = loadTagger(lang) !== null;
  const raw = { text: readFileSync(join(repoRoot, file), 'utf8'), origin: file, language: lang };

  it.skipIf(!ready)('is left out of the analysis unless asked for', () => {
    expect(analyzeArticle(raw).syntax).toBeUndefined();
    const a = analyzeArticle(raw, { syntax: true });
    expect(a.syntax!.sentences.length).toBeGreaterThan(3);
    expect(a.meta.models.tagger).toMatch(new RegExp(`^tagger-${lang}`));
  });

  it.skipIf(!ready)('maps every token of the Doc to its words', () => {
    const doc = buildDoc(raw);
    const layer = runSyntax(doc)!;
    doc.tokens.forEach((tok, t) => {
      const s = layer.sentences[layer.tokenSentence[t]];
      const w = s.words[layer.tokenWord[t]];
      expect(w.token).toBe(t);
      expect(doc.text.slice(w.start, w.end)).toBe(tok.text);
    });
  });

  it.skipIf(!ready)('writes CoNLL-U whose every token offset points at its text', () => {
    const a = analyzeArticle(raw, { syntax: true });
    const text = a.document.text;
    const sentences = readConllu(analysisToConllu(a), file);
    expect(sentences).toHaveLength(a.syntax!.sentences.length);
    let tokens = 0;
    let contractions = 0;
    sentences.forEach((s, si) => {
      const toks = surfaceTokens(s);
      for (const t of toks) {
        const misc = t.first === t.last ? s.misc[t.first - 1] : s.multiwords.find((m) => m.first === t.first)!.misc;
        const [start, end] = miscValue(misc, 'TokenRange').split(':').map(Number);
        expect(text.slice(start, end)).toBe(t.form);
        tokens++;
        if (t.last > t.first) contractions++;
      }
      const sent = a.syntax!.sentences[si];
      expect(s.forms).toEqual(sent.words.map((w) => w.form));
      if (parserFor(lang)) {
        expect(Array.from(s.heads).filter((h) => h === 0)).toHaveLength(1);
        for (const h of s.heads) expect(h).toBeLessThanOrEqual(s.forms.length);
      }
    });
    expect(tokens).toBeGreaterThan(50);
    if (lang === 'de') expect(contractions).toBeGreaterThan(0);
  });
});
