/**
 * Language identification from each language's stop-word list (lang/<code>/text/stopwords.txt):
 * the share of tokens that are stop words of each language. Adding a language adds a list, no code.
 */
import { availableLanguages, textLangData } from './lang-data.js';

export interface LanguageGuess {
  language: string;
  confidence: number;
}

const WORD = /[\p{L}']+/gu;

export function detectLanguage(text: string, maxChars = 20_000): LanguageGuess {
  const langs = availableLanguages();
  const sample = text.length > maxChars ? text.slice(0, maxChars) : text;
  const counts = new Map<string, number>(langs.map((l) => [l, 0]));
  let total = 0;
  for (const m of sample.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    total++;
    for (const l of langs) if (textLangData(l).stopwords.has(w)) counts.set(l, counts.get(l)! + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [best, second] = ranked;
  if (!best || best[1] === 0) return { language: langs.includes('en') ? 'en' : langs[0], confidence: 0 };
  // Confidence: how clearly the best list beats the runner-up, damped for very short texts.
  const margin = best[1] / (best[1] + (second?.[1] ?? 0));
  const support = Math.min(1, best[1] / 8);
  return { language: best[0], confidence: Math.round(margin * support * 1000) / 1000 };
  void total;
}
