/** `eval actors|quotes|relations|time`: each stage's evaluation against its gold data, wired in one place (`eval ner` lives in src/ml). */
import { InvalidArgumentError, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { evaluateTimeTable } from '../time/eval.js';
import { TIME_SETS, evaluateTimeSet, formatTimeSet, type TimeSet } from '../eval/time.js';
import { evaluateEntities } from '../eval/entities.js';
import { evaluateQuotes, formatQuoteEval } from '../eval/quotes.js';
import { evaluateRelations } from '../eval/relations.js';
import { RELATION_SETS, evaluateRelationSet, formatRelationSet, type RelationSet } from '../eval/relation-sets.js';
import { repoRoot } from '../util/paths.js';
import { printNewsStageEval } from './gold-commands.js';

const goldDir = (stage: string, dir?: string) => (dir ? resolve(dir) : join(repoRoot, 'test', 'gold', stage));
const f3 = (x: number) => x.toFixed(3);

function findOrCreate(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function registerEvalCommands(program: Command): void {
  const ev = findOrCreate(program, 'eval', 'evaluate a model or a stage against gold data (ner, actors, quotes, relations, time)');

  ev.command('time')
    .description('the time stage against TIMEX3 gold: extent P/R/F1 (strict, relaxed), value accuracy and value F1, per type and language')
    .option('--set <set>', `tables (test/time/*.tsv: also row accuracy), news-dev or news-test (test/gold/news/<lang>/<NNN>.json; every third article is test)`, 'tables')
    .option('--lang <codes>', 'languages, comma-separated', 'de,en')
    .option('--gold <dir>', 'news gold folder (default test/gold/news)')
    .option('--errors', 'list misses, wrong values and false alarms')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  $ backchannel eval time                     # the expression tables
  $ backchannel eval time --set news-dev --errors
  $ backchannel eval time --set news-test --lang en`)
    .action(async (o: { set: string; lang: string; gold?: string; errors?: boolean; json?: boolean }) => {
      if (!TIME_SETS.includes(o.set as TimeSet)) throw new InvalidArgumentError(`--set expects ${TIME_SETS.join(', ')}, got "${o.set}"`);
      const langs = o.lang.split(',').map((l) => l.trim()).filter(Boolean);
      const result = await evaluateTimeSet(o.set as TimeSet, langs, o.gold ? resolve(o.gold) : undefined);
      const rows = o.set === 'tables' ? langs.map((l) => evaluateTimeTable(l)) : [];
      if (o.json) { process.stdout.write(JSON.stringify({ ...result, rows }, null, 2) + '\n'); return; }
      for (const s of rows) {
        process.stdout.write(`time ${s.lang}: ${s.correct}/${s.rows} = ${pct(s.accuracy)}\n`);
        for (const f of s.failures) process.stdout.write(`  line ${f.line}: "${f.sentence}" expected ${f.expected}, got ${f.got}\n`);
      }
      process.stdout.write(formatTimeSet(result, !!o.errors) + '\n');
    });

  ev.command('actors')
    .description('precision and recall of actors, roles and attributes on gold articles (test/gold/entities: <name>.txt + <name>.expected.json)')
    .option('--gold <dir>', 'gold folder')
    .option('--ner <mode>', 'model (the trained NER, end to end) or oracle (gold names: the entities stage alone)', 'model')
    .option('--set <set>', 'ours (the written gold articles), news-dev or news-test (the real-news gold, docs/annotation.md)', 'ours')
    .option('--errors', 'list every miss and false alarm')
    .option('--json', 'print JSON')
    .action(async (o: { gold?: string; ner: string; set: string; errors?: boolean; json?: boolean }) => {
      if (o.set !== 'ours') return printNewsStageEval('actors', o.set, o.errors);
      const r = evaluateEntities(goldDir('entities', o.gold), { ner: o.ner === 'oracle' ? 'oracle' : 'model' });
      if (o.json) { process.stdout.write(JSON.stringify(r, null, 2) + '\n'); return; }
      process.stdout.write(`actors on ${r.articles} gold articles (NER: ${o.ner})\n`);
      for (const [k, s] of [['actors', r.actors], ['roles', r.roles], ['attributes', r.attributes]] as const) {
        process.stdout.write(`  ${k.padEnd(11)} P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n`);
      }
      process.stdout.write(`  ${r.msPerArticle.toFixed(1)} ms per article in the entities stage\n`);
      if (o.errors) for (const e of r.errors) process.stdout.write(`  ${e}\n`);
    });

  ev.command('quotes')
    .description('share of direct and indirect statements attributed to the right speaker or source (test/gold/quotes)')
    .option('--gold <dir>', 'gold folder')
    .option('--mode <mode>', 'pipeline (end to end) or quotes-only (no entity layer)', 'pipeline')
    .option('--set <set>', 'ours (the written gold articles), news-dev or news-test (the real-news gold, docs/annotation.md)', 'ours')
    .option('--errors', 'with a news set: list every miss and false alarm')
    .option('--verbose', 'show every gold quote and what was found')
    .option('--json', 'print JSON')
    .action(async (o: { gold?: string; mode: string; set: string; errors?: boolean; verbose?: boolean; json?: boolean }) => {
      if (o.set !== 'ours') return printNewsStageEval('quotes', o.set, o.errors);
      const r = evaluateQuotes(goldDir('quotes', o.gold), o.mode === 'quotes-only' ? 'quotes-only' : 'pipeline');
      process.stdout.write(o.json ? JSON.stringify(r, null, 2) + '\n' : formatQuoteEval(r, !!o.verbose) + '\n');
    });

  ev.command('sources')
    .description('anonymous sources found and counted right on the real-news gold (news-dev or news-test)')
    .option('--set <set>', 'news-dev or news-test', 'news-dev')
    .option('--errors', 'list every miss and false alarm')
    .action((o: { set: string; errors?: boolean }) => printNewsStageEval('sources', o.set, o.errors));

  ev.command('relations')
    .description('precision and recall of relations: on our gold (test/gold/relations) strict = subject, type, object and modality, loose = without modality; with --set, typed and actor-pair P/R/F1 per family (tie, event) and language')
    .option('--set <set>', 'news-dev (tune on it), news-test (report only) or ours (test/gold/relations, in-sample); without it the strict/loose table of our gold')
    .option('--gold <dir>', 'gold folder')
    .option('--mode <mode>', 'pipeline (end to end) or oracle (gold actor list: the relations stage alone)', 'pipeline')
    .option('--errors', 'list false positives and misses per article')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  backchannel eval relations --set news-dev --errors     tune on the real-news dev split
  backchannel eval relations --set ours --mode oracle    the stage alone on our 18 articles
Typed: same type (refinement ignored) between the same two actors, either direction; pairs: any relation between them.
Ties implied by role titles in the news gold count as relations.`)
    .action(async (o: { set?: string; gold?: string; mode: string; errors?: boolean; json?: boolean }) => {
      if (o.mode !== 'oracle' && o.mode !== 'pipeline') throw new InvalidArgumentError(`--mode: pipeline or oracle, not "${o.mode}"`);
      if (o.set) {
        if (!RELATION_SETS.includes(o.set as RelationSet)) throw new InvalidArgumentError(`--set: one of ${RELATION_SETS.join(', ')}, not "${o.set}"`);
        const r = await evaluateRelationSet(o.set as RelationSet, o.mode, o.gold ? resolve(o.gold) : undefined);
        process.stdout.write(o.json ? JSON.stringify(r, null, 2) + '\n' : formatRelationSet(r, !!o.errors) + '\n');
        return;
      }
      const r = evaluateRelations(goldDir('relations', o.gold), o.mode === 'oracle' ? 'oracle' : 'pipeline');
      if (o.json) { process.stdout.write(JSON.stringify(r, null, 2) + '\n'); return; }
      process.stdout.write(`relations on ${r.articles} gold articles (${r.mode})\n`);
      for (const [k, s] of [['strict', r.strict], ['loose', r.loose]] as const) {
        process.stdout.write(`  ${k.padEnd(7)} P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n`);
      }
      if (o.errors) for (const a of r.perArticle) {
        for (const x of a.falsePositives) process.stdout.write(`  ${a.name}: false positive ${x}\n`);
        for (const x of a.misses) process.stdout.write(`  ${a.name}: missed ${x}\n`);
      }
    });
}
