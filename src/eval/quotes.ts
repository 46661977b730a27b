/**
 * Evaluation of the quotes stage against hand-written gold articles (test/gold/quotes/*.txt with
 * *.expected.json): the share of direct quotes and of indirect statements found and attributed to the right
 * speaker or source, quoted terms wrongly taken for quotes, and source records (counts, subsets, reasons,
 * refusals). `backchannel eval quotes` prints it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Entity, Quote, Source } from '../contract/schema.js';
import { analyzeSync } from '../pipeline/analyze.js';
import { parseFrontMatter } from '../text/frontmatter.js';
import { buildDoc } from '../text/index.js';
import { makeEntityLayer } from '../entities/layer.js';
import { extractQuotes } from '../quotes/index.js';

export interface GoldQuote { kind: 'direct' | 'indirect' | 'mixed'; text: string; speaker: string }
export interface GoldSource { description: string; count?: number; parent?: string; anonymityReason?: boolean; responses?: string[] }
export interface GoldFile { quotes: GoldQuote[]; terms?: string[]; sources?: GoldSource[] }

export interface Tally { gold: number; found: number; attributed: number; share: number }
export interface ArticleEval {
  file: string;
  language: string;
  direct: Tally;
  indirect: Tally;
  /** Predicted statements matching no gold quote (a precision proxy). */
  extra: number;
  predicted: number;
  termsWrong: string[];
  sources: { gold: number; ok: number; failures: string[] };
  misses: string[];
}
export interface QuoteEval {
  mode: 'pipeline' | 'quotes-only';
  articles: ArticleEval[];
  direct: Tally;
  indirect: Tally;
  byLanguage: Record<string, { direct: Tally; indirect: Tally }>;
  extra: number;
  predicted: number;
  termsWrong: number;
  sources: { gold: number; ok: number };
}

/** The floors the issue sets: share of direct quotes and indirect statements attributed correctly. */
export const QUOTE_FLOORS = { direct: 0.9, indirect: 0.75 };

interface Output { quotes: Quote[]; sources: Source[]; entities: Entity[] }

/**
 * Run the quotes stage on every gold article. `pipeline` (default) runs the whole analysis (NER and entities
 * included); `quotes-only` gives the quotes stage an empty entity layer, to measure it without the NER.
 */
export function evaluateQuotes(goldDir: string, mode: 'pipeline' | 'quotes-only' = 'pipeline'): QuoteEval {
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.txt')).sort();
  const articles: ArticleEval[] = [];
  for (const f of files) {
    const fm = parseFrontMatter(readFileSync(join(goldDir, f), 'utf8'));
    const gold = JSON.parse(readFileSync(join(goldDir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as GoldFile;
    const language = fm.fields.language ?? 'en';
    const published = fm.fields.published ?? null;
    let out: Output;
    if (mode === 'pipeline') {
      const a = analyzeSync(fm.body, { language, published, title: fm.fields.title ?? null, origin: f });
      out = { quotes: a.quotes, sources: a.sources, entities: a.entities };
    } else {
      const doc = buildDoc({ text: fm.body, origin: f, language, published });
      const q = extractQuotes(doc, makeEntityLayer([], []));
      out = { quotes: q.quotes, sources: q.sources, entities: [] };
    }
    articles.push(scoreArticle(basename(f), language, gold, out));
  }
  const sum = (pick: (a: ArticleEval) => Tally): Tally => tally(articles.map(pick));
  const byLanguage: QuoteEval['byLanguage'] = {};
  for (const lang of new Set(articles.map((a) => a.language))) {
    const as = articles.filter((a) => a.language === lang);
    byLanguage[lang] = { direct: tally(as.map((a) => a.direct)), indirect: tally(as.map((a) => a.indirect)) };
  }
  return {
    mode, articles, direct: sum((a) => a.direct), indirect: sum((a) => a.indirect), byLanguage,
    extra: articles.reduce((n, a) => n + a.extra, 0),
    predicted: articles.reduce((n, a) => n + a.predicted, 0),
    termsWrong: articles.reduce((n, a) => n + a.termsWrong.length, 0),
    sources: { gold: articles.reduce((n, a) => n + a.sources.gold, 0), ok: articles.reduce((n, a) => n + a.sources.ok, 0) },
  };
}

function tally(ts: Tally[]): Tally {
  const gold = ts.reduce((n, t) => n + t.gold, 0), found = ts.reduce((n, t) => n + t.found, 0);
  const attributed = ts.reduce((n, t) => n + t.attributed, 0);
  return { gold, found, attributed, share: gold ? attributed / gold : 1 };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The names a predicted quote's speaker goes by: entity name and aliases, source description and mentions. */
function speakerNames(q: Quote, out: Output): string[] {
  const names: string[] = [];
  const ent = (id: string | null) => out.entities.find((e) => e.id === id);
  const src = out.sources.find((s) => s.id === q.source);
  for (const e of [ent(q.speaker), ent(src?.entity ?? null)]) if (e) names.push(e.name, ...e.aliases);
  if (src) names.push(src.description, ...src.mentions.map((m) => m.text));
  return names.map(norm).filter(Boolean);
}

function speakerMatches(q: Quote, out: Output, expected: string): boolean {
  const want = norm(expected);
  return speakerNames(q, out).some((n) => n.includes(want) || (n.length >= 4 && want.includes(n)));
}

function scoreArticle(file: string, language: string, gold: GoldFile, out: Output): ArticleEval {
  const direct: Tally = { gold: 0, found: 0, attributed: 0, share: 0 };
  const indirect: Tally = { gold: 0, found: 0, attributed: 0, share: 0 };
  const misses: string[] = [];
  const matched = new Set<Quote>();
  for (const g of gold.quotes) {
    const t = g.kind === 'indirect' ? indirect : direct;
    t.gold++;
    const want = norm(g.text);
    const cands = out.quotes.filter((q) => norm(q.text).includes(want)
      && (g.kind === 'indirect' ? q.kind !== 'direct' : q.kind !== 'indirect'));
    cands.forEach((q) => matched.add(q));
    if (!cands.length) { misses.push(`not found (${g.kind}): ${g.text}`); continue; }
    t.found++;
    if (cands.some((q) => speakerMatches(q, out, g.speaker))) t.attributed++;
    else {
      const got = cands.map((q) => speakerNames(q, out)[0] ?? 'nobody').join(' / ');
      misses.push(`wrong speaker (${g.kind}): ${g.text} → ${got}, expected ${g.speaker}`);
    }
  }
  direct.share = direct.gold ? direct.attributed / direct.gold : 1;
  indirect.share = indirect.gold ? indirect.attributed / indirect.gold : 1;
  const termsWrong = (gold.terms ?? []).filter((term) => out.quotes.some((q) => norm(q.text) === norm(term)));
  const failures: string[] = [];
  let ok = 0;
  for (const gs of gold.sources ?? []) {
    const problem = checkSource(gs, out.sources);
    if (problem) failures.push(`${gs.description}: ${problem}`); else ok++;
  }
  return {
    file, language, direct, indirect,
    extra: out.quotes.filter((q) => !matched.has(q)).length, predicted: out.quotes.length,
    termsWrong, sources: { gold: (gold.sources ?? []).length, ok, failures }, misses,
  };
}

function findSource(sources: Source[], description: string): Source | undefined {
  const want = norm(description);
  const texts = (s: Source) => [s.description, ...s.mentions.map((m) => m.text)].map(norm);
  return sources.find((s) => texts(s).some((t) => t === want))
    ?? sources.find((s) => texts(s).some((t) => t.includes(want) || want.includes(t) && t.length >= 6));
}

function checkSource(gs: GoldSource, sources: Source[]): string | null {
  const s = findSource(sources, gs.description);
  if (!s) return 'no such source';
  if (gs.count !== undefined && s.count !== gs.count) return `count ${s.count}, expected ${gs.count}`;
  if (gs.parent !== undefined) {
    const p = findSource(sources, gs.parent);
    if (!p || s.parent !== p.id) return `parent ${s.parent ?? 'none'}, expected ${p?.id ?? gs.parent}`;
  }
  if (gs.anonymityReason) {
    const family = sources.filter((x) => x.id === s.id || x.parent === s.id || s.parent === x.id);
    if (!family.some((x) => x.anonymityReason)) return 'no anonymity reason';
  }
  for (const r of gs.responses ?? []) if (!(s.responses ?? []).some((x) => x.kind === r)) return `no ${r} response`;
  return null;
}

/** A plain-text report of an evaluation (for the CLI and the test log). */
export function formatQuoteEval(e: QuoteEval, verbose = false): string {
  const pct = (t: Tally) => `${(t.share * 100).toFixed(1)}% (${t.attributed}/${t.gold}, found ${t.found})`;
  const lines = [
    `quotes eval (${e.mode}) on ${e.articles.length} articles`,
    `  direct   attributed ${pct(e.direct)}   floor ${QUOTE_FLOORS.direct * 100}%`,
    `  indirect attributed ${pct(e.indirect)}   floor ${QUOTE_FLOORS.indirect * 100}%`,
  ];
  for (const [lang, t] of Object.entries(e.byLanguage)) lines.push(`  ${lang}: direct ${pct(t.direct)}, indirect ${pct(t.indirect)}`);
  lines.push(`  predicted statements ${e.predicted}, matching no gold quote ${e.extra}; quoted terms taken for quotes ${e.termsWrong}`);
  lines.push(`  sources ${e.sources.ok}/${e.sources.gold} as expected (count, subset, anonymity reason, refusals)`);
  if (verbose) for (const a of e.articles) {
    for (const m of [...a.misses, ...a.sources.failures.map((f) => `source ${f}`), ...a.termsWrong.map((t) => `term taken for a quote: ${t}`)]) {
      lines.push(`  ${a.file}: ${m}`);
    }
  }
  return lines.join('\n');
}
