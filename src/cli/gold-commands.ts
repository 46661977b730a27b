/** `gold anchor|check`: tooling for the real-news gold set (docs/annotation.md). */
import type { Command } from 'commander';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { convertWorkFile } from '../eval/news/convert.js';
import { readNewsText } from '../eval/news/text.js';
import { spanMatches } from '../eval/news/anchor.js';
import type { NewsGold, GoldSpan } from '../eval/news/types.js';
import { repoRoot } from '../util/paths.js';
import { scoreArticle, sumScores } from '../eval/news/score.js';
import { formatMisses, formatSummary, summaryRows } from '../eval/news/report.js';
import { evaluateNews, newsGoldLanguages, type NewsSet } from '../eval/news/run.js';

const goldDir = join(repoRoot, 'test', 'gold', 'news');

function readJson(path: string): Record<string, unknown> {
  try { return JSON.parse(readFileSync(path, 'utf8')); } catch (e) { throw new Error(`${path}: ${(e as Error).message}`); }
}

/** Every span of a gold file, with where it sits, for the drift check. */
function spans(g: NewsGold): Array<[string, GoldSpan]> {
  const out: Array<[string, GoldSpan]> = [];
  g.roles.forEach((r, i) => out.push([`roles[${i}]`, r.at]));
  g.sources.forEach((s, i) => { s.mentions.forEach((m, k) => out.push([`sources[${i}].mentions[${k}]`, m])); if (s.reason) out.push([`sources[${i}].reason`, s.reason]); });
  g.quotes.forEach((q, i) => { out.push([`quotes[${i}]`, q.at]); if (q.cue) out.push([`quotes[${i}].cue`, q.cue]); });
  g.responses.forEach((r, i) => out.push([`responses[${i}]`, r.at]));
  g.relations.forEach((r, i) => out.push([`relations[${i}]`, r.at]));
  g.time.forEach((t, i) => out.push([`time[${i}]`, t.at]));
  return out;
}

export function registerGoldCommands(program: Command): void {
  const gold = program.command('gold').description('tools for the real-news gold set (see docs/annotation.md)');

  gold.command('anchor')
    .description('turn annotation working files (spans written as anchors) into backchannel.news-gold/1 files with offsets; lists every problem with its place')
    .argument('<work...>', 'working files (JSON, one article each, with "file": "de/003_….txt")')
    .option('--out <dir>', 'write the gold files here (default: only check)')
    .option('--status <status>', 'who made it: pass-a, pass-b, adjudicated', 'pass-a')
    .action(async (works: string[], o: { out?: string; status: string }) => {
      for (const w of works) {
        try {
          const work = readJson(w);
          const news = await readNewsText(String(work.file));
          const { gold, errors, warnings } = convertWorkFile(work, news.text, o.status);
          for (const e of errors) process.stderr.write(`${w}: ${e}\n`);
          for (const e of warnings) process.stderr.write(`${w}: warning: ${e}\n`);
          if (errors.length) { process.exitCode = 1; continue; }
          const n = `q ${gold.quotes.length}, src ${gold.sources.length}, roles ${gold.roles.length}, rel ${gold.relations.length}, time ${gold.time.length}`;
          if (o.out) {
            mkdirSync(o.out, { recursive: true });
            const target = join(o.out, basename(w).replace(/\.work\.json$|\.json$/, '') + '.json');
            writeFileSync(target, JSON.stringify(gold, null, 1) + '\n');
            process.stdout.write(`${w}: ok (${n}) → ${target}\n`);
          } else process.stdout.write(`${w}: ok (${n})\n`);
        } catch (e) {
          process.stderr.write(`${w}: ${(e as Error).message}\n`);
          process.exitCode = 1;
        }
      }
    });

  gold.command('compare')
    .description('agreement of two annotation passes (folders of working files with the same names): per layer, and every disagreement, for adjudication')
    .argument('<a>', 'pass A folder')
    .argument('<b>', 'pass B folder')
    .option('--layers <list>', 'only these layers in the disagreement list (quote,source,role,relation,time)')
    .action(async (a: string, b: string, o: { layers?: string }) => {
      const scores = [];
      for (const f of readdirSync(a).filter((x) => x.endsWith('.work.json')).sort()) {
        if (!existsSync(join(b, f))) { process.stdout.write(`${f}: only in ${a}\n`); continue; }
        const wa = readJson(join(a, f)), wb = readJson(join(b, f));
        const news = await readNewsText(String(wa.file));
        const ga = convertWorkFile(wa, news.text, 'pass-a'), gb = convertWorkFile(wb, news.text, 'pass-b');
        if (ga.errors.length || gb.errors.length) { process.stdout.write(`${f}: anchor problems (run gold anchor on it)\n`); continue; }
        scores.push(scoreArticle(news.text, ga.gold, gb.gold));
      }
      process.stdout.write(formatSummary('agreement (A as gold, B as prediction)', sumScores(scores), scores.length));
      process.stdout.write(formatMisses(scores, o.layers?.split(',')));
    });

  gold.command('check')
    .description('check that the committed gold files still point at the words they were made for')
    .argument('[dir]', 'gold folder', goldDir)
    .action(async (dir: string) => {
      let files = 0, bad = 0;
      for (const lang of newsGoldLanguages(dir)) {
        for (const f of readdirSync(join(dir, lang)).filter((x) => x.endsWith('.json'))) {
          const g = readJson(join(dir, lang, f)) as unknown as NewsGold;
          const news = await readNewsText(g.file);
          files++;
          for (const [where, s] of spans(g)) if (!spanMatches(news.text, s)) { bad++; process.stderr.write(`${lang}/${f}: ${where} no longer matches "${s.check}"\n`); }
        }
      }
      process.stdout.write(`${files} gold files, ${bad} drifted spans\n`);
      if (bad) process.exitCode = 1;
    });
}

export function registerNewsEvalCommand(program: Command): void {
  const ev = program.commands.find((c) => c.name() === 'eval') ?? program.command('eval');
  ev.command('news')
    .description('the whole pipeline against the real-news gold set (test/gold/news, docs/annotation.md): precision, recall, F1 per layer and language')
    .option('--set <set>', 'news-dev (tune on it) or news-test (report only)', 'news-dev')
    .option('--errors', 'list every miss and false alarm (with a few words of each span)')
    .option('--json', 'print JSON')
    .action(async (o: { set: string; errors?: boolean; json?: boolean }) => {
      if (o.set !== 'news-dev' && o.set !== 'news-test') throw new Error(`--set: expected news-dev or news-test, got "${o.set}"`);
      const r = await evaluateNews(o.set as NewsSet);
      if (o.json) { process.stdout.write(JSON.stringify(r, null, 1) + '\n'); return; }
      if (!r.articles.length) { process.stdout.write(`${o.set}: no gold files in test/gold/news yet\n`); return; }
      for (const [lang, t] of Object.entries(r.byLanguage)) process.stdout.write(formatSummary(`${o.set} ${lang}`, t, t.articles));
      if (o.errors) process.stdout.write(formatMisses(r.articles));
    });
}

/** Rows of the news scores that belong to one stage's eval command. */
const STAGE_ROWS: Record<string, { rows: string[]; layers: string[] }> = {
  quotes: { rows: ['quotes (found)', 'quotes (speaker right)', 'anonymous sources (found)', 'anonymous sources (count)'], layers: ['quote', 'source'] },
  sources: { rows: ['anonymous sources (found)', 'anonymous sources (count)'], layers: ['source'] },
  actors: { rows: ['actors (recall only)', 'roles'], layers: ['role'] },
};

/** `eval quotes|sources|actors --set news-dev|news-test`: that stage's rows of the real-news evaluation. */
export async function printNewsStageEval(stage: keyof typeof STAGE_ROWS, set: string, errors = false): Promise<void> {
  if (set !== 'news-dev' && set !== 'news-test') throw new Error(`--set: expected ours, news-dev or news-test, got "${set}"`);
  const r = await evaluateNews(set);
  if (!r.articles.length) { process.stdout.write(`${set}: no gold files in test/gold/news\n`); return; }
  const { rows, layers } = STAGE_ROWS[stage]!;
  for (const [lang, t] of Object.entries(r.byLanguage)) {
    const all = summaryRows(t);
    process.stdout.write(`${stage} ${set} ${lang}: ${t.articles} article(s)\n`);
    for (const k of rows) { const v = all[k]!; process.stdout.write(`  ${k.padEnd(26)} P ${v.p.toFixed(3)}  R ${v.r.toFixed(3)}  F1 ${v.f.toFixed(3)}\n`); }
  }
  if (errors) process.stdout.write(formatMisses(r.articles, layers));
}
