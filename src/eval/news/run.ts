/** Runs the pipeline over the real-news gold set (news-dev / news-test) and scores it per article and language. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle, prepareLanguage } from '../../pipeline/analyze.js';
import { readInputFile } from '../../text/input.js';
import { repoRoot } from '../../util/paths.js';
import { goldShapeOf } from './from-analysis.js';
import { scoreArticle, sumScores, type ArticleScore } from './score.js';
import { newsDir, readNewsText, textHash } from './text.js';
import type { NewsGold } from './types.js';

export type NewsSet = 'news-dev' | 'news-test';
export const newsGoldDir = join(repoRoot, 'test', 'gold', 'news');

/** The split of ../shared/corpus/news/README.md: every third file by number is test. */
export const inSet = (file: string, set: NewsSet): boolean => {
  const n = Number(/(\d{3})_/.exec(file)?.[1] ?? NaN);
  return set === 'news-test' ? n % 3 === 0 : n % 3 !== 0;
};

/** The language folders of the gold set (de/, en/ …; a README beside them is no language). */
export function newsGoldLanguages(dir = newsGoldDir): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((l) => statSync(join(dir, l)).isDirectory()).sort() : [];
}

export function readNewsGold(set: NewsSet, dir = newsGoldDir): NewsGold[] {
  const out: NewsGold[] = [];
  for (const lang of newsGoldLanguages(dir)) {
    for (const f of readdirSync(join(dir, lang)).filter((x) => x.endsWith('.json')).sort()) {
      const g = JSON.parse(readFileSync(join(dir, lang, f), 'utf8')) as NewsGold;
      if (inSet(g.file, set)) out.push(g);
    }
  }
  return out;
}

export interface NewsEval { set: NewsSet; articles: ArticleScore[]; byLanguage: Record<string, ReturnType<typeof sumScores> & { articles: number }> }

export async function evaluateNews(set: NewsSet, dir = newsGoldDir): Promise<NewsEval> {
  const articles: ArticleScore[] = [];
  const byLang = new Map<string, ArticleScore[]>();
  for (const gold of readNewsGold(set, dir)) {
    const news = await readNewsText(gold.file);
    if (textHash(news.text) !== gold.textHash) throw new Error(`${gold.file}: the article's text changed since it was annotated (run backchannel gold check)`);
    const item = (await readInputFile(join(newsDir, gold.file)))[0];
    if (!item?.ok) throw new Error(`${gold.file}: cannot read`);
    const lang = gold.file.slice(0, 2);
    await prepareLanguage(lang);
    const analysis = analyzeArticle({ ...item.article, language: item.article.language ?? lang });
    const score = scoreArticle(news.text, gold, goldShapeOf(analysis, gold.file));
    articles.push(score);
    byLang.set(lang, [...(byLang.get(lang) ?? []), score]);
  }
  const byLanguage = Object.fromEntries([...byLang].map(([l, s]) => [l, { ...sumScores(s), articles: s.length }]));
  return { set, articles, byLanguage };
}
