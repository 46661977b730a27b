/**
 * The tagger: UPOS (greedy left to right), then the FEATS string as one class per UPOS (left to right, with every
 * UPOS known), then the lemma as an edit-rule class per UPOS. All three are averaged perceptrons over hashed
 * atoms (./features.ts). A full-form lexicon restricts the FEATS classes to those its analyses allow and offers
 * lemmas first (./lemma in ../lemma). One model file holds the weights, the label sets, the lexicon and the
 * word classes. A frozen model tags from cached partial sums (./cached-scores.ts); the plain atom-by-atom path
 * serves training and is the reference the cached one is tested against.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hashStr } from '../../util/hash.js';
import { packBin, unpackBin } from '../binfile.js';
import { FormLexicon } from '../lexicon/form-lexicon.js';
import { applyRule, parseRule, ruleApplies, type EditRule } from '../lemma/edit-rule.js';
import { clauseAtoms, clauseKinds, type ClauseKinds } from './clause-atoms.js';
import { FiniteClauseRule, type FiniteClauseOpeners } from './finite-clause.js';
import { CaseAgreement } from './case-agreement.js';
import { SubjectPersonRule, type SubjectPersons } from './subject-person.js';
import { SentenceVerbRule } from './sentence-verb.js';
import { isFiniteFeats } from './finite-clause.js';
import { FeatureContext, LEXICON_GROUP, featsContext, featsKey, featsOtherAtoms, lemmaFeatsAtom, lemmaKey, rightContext, upos2Key, uposContext, type WordInfo, type WordSums } from './features.js';
import { CachedScorer } from './cached-scores.js';
import { FrozenWeights, type WeightReader } from './weights.js';
import { WordClasses } from './word-classes.js';
import { TagDictionary } from './tag-dictionary.js';

export interface TaggerLabels {
  upos: string[];
  /** FEATS classes per UPOS index ('' = no features). */
  feats: string[][];
  /** Edit rules (global table) and the rule ids seen per UPOS. */
  rules: string[];
  lemmaClasses: number[][];
}

export interface TaggerOptions {
  /** Restrict FEATS classes to those the lexicon's analyses allow (when any is allowed). */
  lexiconFeats: boolean;
  /** Prefer lemmas the lexicon lists for the form and UPOS. */
  lexiconLemmas: boolean;
  /** Tag UPOS twice, the second time seeing the first pass's tags on the right. */
  twoPass?: boolean;
  /** Restrict only verbs' FEATS classes to the lexicon's analyses (lexiconFeats does every word's); absent in older files. */
  lexiconFeatsVerbs?: boolean;
  /** Clause atoms for verbs' FEATS (./clause-atoms.ts); absent in older files. */
  clauseAtoms?: boolean;
  /** When tagging (not in training): a noun's FEATS keep the one gender the lexicon gives its form. */
  lexiconGender?: boolean;
  /** When tagging: the clause openers after which a clause-final verb stays finite (./finite-clause.ts); absent = off. */
  finiteClauseOpeners?: FiniteClauseOpeners;
  /** When tagging: determiner, adjectives and noun of a noun phrase take one Case, chosen jointly (./case-agreement.ts). */
  caseAgreement?: boolean;
  /** When tagging: the pronouns whose Person and Number an adjacent finite verb takes (./subject-person.ts); absent = off. */
  subjectPersons?: SubjectPersons;
  /** When tagging: verbs keep only FEATS classes whose Mood and Tense the lexicon's analyses of the form allow; absent = off. */
  lexiconMoodTense?: boolean;
  /** When tagging: a sentence with no verb gets one, finite, from a word whose runner-up UPOS is a verb (./sentence-verb.ts). */
  sentenceVerb?: boolean;
}

export interface TaggerMeta {
  lang: string;
  trainedOn: string[];
  seed: number;
  epochs: number;
  [k: string]: unknown;
}

export interface TagResult {
  upos: string[];
  feats: string[];
  lemmas: string[];
  /** Per word, the runner-up UPOS of the last UPOS pass (what the parser's ambiguity atoms read). */
  uposAlt: string[];
  /** Per word, the best UPOS score minus the runner-up's (weight units of the model). */
  uposMargin: number[];
}

/** The runner-up class of s[0..width) after `best`, and the margin between them. */
export function runnerUp(s: Float64Array, width: number, best: number): { alt: number; margin: number } {
  let alt = best === 0 ? 1 : 0;
  for (let c = 0; c < width; c++) if (c !== best && s[c] > s[alt]) alt = c;
  return { alt, margin: width > 1 ? s[best] - s[alt] : Infinity };
}

/** Parsed FEATS class: (name, value) pairs. */
type ParsedFeats = Array<[string, string]>;

export class TaggerModel {
  readonly fx: FeatureContext;
  readonly featsHash: Int32Array[];
  private readonly featsParsed: ParsedFeats[][];
  readonly parsedRules: EditRule[];
  /** Lexicon UPOS id per model UPOS (-1: the lexicon has no entries of its group). */
  private readonly lexUposOf: Int32Array;
  private ctx: number[] = [];
  /** UPOS ids that count as nominals (subjects) and as verbs for the subject atoms. */
  private readonly nominal: Uint8Array;
  private readonly verbal: Uint8Array;
  /** Tables of the clause atoms, when the options ask for them. */
  private readonly clause: ClauseKinds | null;
  private scores = new Float64Array(256);

  constructor(
    readonly labels: TaggerLabels,
    public weights: WeightReader,
    readonly lexicon: FormLexicon,
    readonly classes: WordClasses,
    readonly tagDict: TagDictionary,
    public options: TaggerOptions,
    public meta: TaggerMeta,
  ) {
    this.fx = new FeatureContext(lexicon, classes, tagDict);
    this.featsHash = labels.feats.map((fs) => Int32Array.from(fs, (f) => hashStr(f)));
    this.featsParsed = labels.feats.map((fs) => fs.map((f) => (f ? f.split('|').map((p) => p.split('=') as [string, string]) : [])));
    this.parsedRules = labels.rules.map(parseRule);
    this.nominal = Uint8Array.from(labels.upos, (u) => (u === 'PRON' ? 2 : u === 'NOUN' || u === 'PROPN' ? 1 : 0));
    this.verbal = Uint8Array.from(labels.upos, (u) => (u === 'VERB' || u === 'AUX' ? 1 : 0));
    this.clause = options.clauseAtoms ? clauseKinds(labels.upos, this.featsHash, labels.feats) : null;
    this.lexUposOf = Int32Array.from(labels.upos, (u) => {
      const g = LEXICON_GROUP[u];
      return g === undefined ? -1 : lexicon.uposNames.indexOf(g);
    });
    const widest = Math.max(labels.upos.length, ...labels.feats.map((f) => f.length), ...labels.lemmaClasses.map((c) => c.length), 1);
    this.scores = new Float64Array(widest);
  }

  get nUpos(): number { return this.labels.upos.length; }
  /** Weights are final: word-only score sums may be cached. */
  get frozen(): boolean { return this.weights instanceof FrozenWeights; }

  /** Add the rows of `keys` (mapped through the task key) into s[0..width). */
  private addRows(s: Float64Array, keys: ArrayLike<number>, width: number, task: number, u: number): void {
    const w = this.weights;
    for (let k = 0; k < keys.length; k++) {
      const a = keys[k];
      const r = w.row(task === TASK_UPOS ? a : task === TASK_FEATS ? featsKey(a, u) : task === TASK_LEMMA ? lemmaKey(a, u) : upos2Key(a));
      if (r >= 0) w.addRow(r, s, 0, width);
    }
  }

  /** Scores of a task, atom by atom: the word's own atoms plus the context atoms (training, and the reference for tests). */
  private taskScores(local: Uint32Array, context: readonly number[], width: number, task: number, u: number): Float64Array {
    const s = this.scores;
    s.fill(0, 0, width);
    this.addRows(s, local, width, task, u);
    this.addRows(s, context, width, task, u);
    return s;
  }

  /** UPOS scores at i; `atomsOut` gets every atom used (for the trainer's update). */
  uposScores(ws: readonly WordInfo[], i: number, p1: number, p2: number, atomsOut: number[]): Float64Array {
    uposContext(ws, i, p1, p2, atomsOut);
    const s = this.taskScores(ws[i].atoms, atomsOut, this.nUpos, TASK_UPOS, 0);
    if (!this.frozen) for (const a of ws[i].atoms) atomsOut.push(a);
    return s;
  }

  /**
   * Second UPOS pass: the same atoms plus the first pass's tags on the right (what follows decides "in" ADP vs
   * ADV, "that" SCONJ vs PRON), with its own weights.
   */
  upos2Scores(ws: readonly WordInfo[], i: number, p1: number, p2: number, first: Int32Array, atomsOut: number[]): Float64Array {
    uposContext(ws, i, p1, p2, atomsOut);
    rightContext(first, i, p1, atomsOut, ws[i].lowerHash);
    const s = this.taskScores(ws[i].atoms, atomsOut, this.nUpos, TASK_UPOS2, 0);
    if (!this.frozen) for (const a of ws[i].atoms) atomsOut.push(a);
    return s;
  }

  /** Candidate FEATS classes of word wi as UPOS u: all classes, or those the lexicon allows when any is. */
  featsCandidates(wi: WordInfo, u: number): Int32Array | null {
    if (!(this.options.lexiconFeats || (this.options.lexiconFeatsVerbs && this.verbal[u]))) return null;
    return this.lexiconClasses(wi, u, RESTRICTING_FEATURES, '_fc');
  }

  /** The classes of UPOS u whose values of `features` the lexicon's analyses of the form allow (null: no analysis, or none allowed). */
  private lexiconClasses(wi: WordInfo, u: number, features: ReadonlySet<string>, slot: '_fc' | '_mt'): Int32Array | null {
    if (wi.lexIdx < 0 || this.lexUposOf[u] < 0) return null;
    const holder = wi as WordInfo & { _fc?: (Int32Array | null)[]; _mt?: (Int32Array | null)[] };
    const cache = holder[slot] ?? (holder[slot] = []);
    if (cache[u] !== undefined) return cache[u];
    const lex = this.lexicon;
    const allowed = new Map<string, Set<string>>();
    for (let e = lex.starts[wi.lexIdx]; e < lex.starts[wi.lexIdx + 1]; e++) {
      if (lex.entUpos[e] !== this.lexUposOf[u]) continue;
      for (const [name, values] of this.lexiconFeats(lex.entFeats[e])) {
        if (!features.has(name)) continue;
        let set = allowed.get(name);
        if (!set) allowed.set(name, (set = new Set()));
        for (const v of values) set.add(v);
      }
    }
    let result: Int32Array | null = null;
    if (allowed.size > 0) {
      const ok: number[] = [];
      const classes = this.featsParsed[u];
      for (let k = 0; k < classes.length; k++) {
        if (classes[k].every(([n, v]) => !allowed.has(n) || allowed.get(n)!.has(v))) ok.push(k);
      }
      if (ok.length > 0) result = Int32Array.from(ok);
    }
    cache[u] = result;
    return result;
  }

  /**
   * With `lexiconGender`, the chosen FEATS class k of a noun with its Gender replaced by the one gender the lexicon
   * gives the form ("Amt": Neut), when the label set has that class; otherwise k. German nouns have a fixed gender that
   * context rarely shows; the other features (Case, Number) stay as chosen.
   */
  withLexiconGender(wi: WordInfo, u: number, k: number): number {
    if (!this.options.lexiconGender) return k;
    const g = this.lexiconGenderOf(wi, u);
    if (g === null) return k;
    const f = this.labels.feats[u][k];
    const m = /(^|\|)Gender=([^|]*)/.exec(f);
    if (!m || m[2] === g) return k;
    const swapped = f.slice(0, m.index) + `${m[1]}Gender=${g}` + f.slice(m.index + m[0].length);
    const index = this.featsIndex[u] ?? (this.featsIndex[u] = new Map(this.labels.feats[u].map((c, j) => [c, j])));
    return index.get(swapped) ?? k;
  }
  private featsIndex: Array<Map<string, number> | undefined> = [];

  /**
   * The FEATS candidates of word i: the lexicon's (featsCandidates), kept finite at a clause end (finiteClauseOpeners),
   * with the lexicon's Mood and Tense (lexiconMoodTense), with the person of an adjacent subject pronoun (subjectPersons).
   */
  private featsChoice(ws: readonly WordInfo[], upos: ArrayLike<number>, fHash: ArrayLike<number>, i: number, scores: Float64Array): Int32Array | null {
    let cand = this.featsCandidates(ws[i], upos[i]);
    if (!this.verbal[upos[i]]) return cand;
    if (i === this.forcedVerb) {
      const fin = (cand ? Array.from(cand) : this.labels.feats[upos[i]].map((_, k) => k)).filter((k) => isFiniteFeats(this.labels.feats[upos[i]][k]));
      if (fin.length > 0) cand = Int32Array.from(fin);
    }
    const openers = this.options.finiteClauseOpeners;
    if (openers) {
      if (this.finiteRule?.openers !== openers) this.finiteRule = { openers, rule: new FiniteClauseRule(openers, this.labels.upos, this.labels.feats, this.featsHash, this.lexicon) };
      cand = this.finiteRule.rule.candidates(ws, upos, fHash, i, cand, this.lexicon);
    }
    if (this.options.lexiconMoodTense) {
      const lex = this.lexiconClasses(ws[i], upos[i], MOOD_TENSE, '_mt');
      const both = lex && cand ? lex.filter((k) => cand!.includes(k)) : lex;
      if (both && both.length > 0) cand = both;
    }
    const persons = this.options.subjectPersons;
    if (!persons) return cand;
    if (this.personRule?.learnt !== persons) this.personRule = new SubjectPersonRule(persons, this.labels.feats, this.labels.upos.indexOf('PRON'));
    return this.personRule.candidates(ws, upos, i, cand, scores, () => this.lexiconClasses(ws[i], upos[i], MOOD_TENSE, '_mt'));
  }
  private personRule: SubjectPersonRule | null = null;
  private finiteRule: { openers: FiniteClauseOpeners; rule: FiniteClauseRule } | null = null;

  /** With `caseAgreement`: the table, and per word its FEATS scores and candidates while a sentence is tagged. */
  private agreementFor(n: number): { agree: CaseAgreement; scores: (Float64Array | null)[]; cands: (Int32Array | null)[] } | null {
    if (!this.options.caseAgreement) return null;
    this.agreement ??= new CaseAgreement(this.labels.upos, this.labels.feats);
    return { agree: this.agreement, scores: new Array<Float64Array | null>(n).fill(null), cands: new Array<Int32Array | null>(n).fill(null) };
  }
  private agreement: CaseAgreement | null = null;
  /** Per word position, a reused buffer for its FEATS scores (no allocation per word). */
  private scoreBuffers: Float64Array[] = [];

  /** A copy of the first `width` scores of s in word i's buffer. */
  private keepScores(i: number, s: Float64Array, width: number): Float64Array {
    let b = this.scoreBuffers[i];
    if (!b || b.length < width) b = this.scoreBuffers[i] = new Float64Array(Math.max(width, this.scores.length));
    for (let k = 0; k < width; k++) b[k] = s[k];
    return b;
  }

  /** Joint Case of the noun phrases (agreementFor), then the FEATS hashes again. */
  private agreeCases(ag: ReturnType<TaggerModel['agreementFor']>, ws: readonly WordInfo[], upos: Int32Array, fIdx: Int32Array, fHash: Int32Array): void {
    if (!ag) return;
    ag.agree.repair(upos, fIdx, ag.scores, ag.cands, (i, k) => (k < 0 ? fIdx[i] : this.withLexiconGender(ws[i], upos[i], k)));
    for (let i = 0; i < fIdx.length; i++) fHash[i] = this.featsHash[upos[i]][fIdx[i]];
  }

  /** The one Gender value the lexicon gives a noun form (all its noun entries agree, one value each), or null. */
  private lexiconGenderOf(wi: WordInfo, u: number): string | null {
    if (wi.lexIdx < 0 || this.labels.upos[u] !== 'NOUN' || this.lexUposOf[u] < 0) return null;
    const holder = wi as WordInfo & { _lg?: string | null };
    if (holder._lg !== undefined) return holder._lg;
    const lex = this.lexicon;
    let gender: string | null = null;
    for (let e = lex.starts[wi.lexIdx]; e < lex.starts[wi.lexIdx + 1] && gender !== '*'; e++) {
      if (lex.entUpos[e] !== this.lexUposOf[u]) continue;
      const g = this.lexiconFeats(lex.entFeats[e]).find(([n]) => n === 'Gender')?.[1];
      gender = !g || g.length !== 1 || (gender !== null && gender !== g[0]) ? '*' : g[0];
    }
    holder._lg = gender === '*' ? null : gender;
    return holder._lg;
  }

  private parsedLexFeats = new Map<number, Array<[string, string[]]>>();
  /** A lexicon FEATS union, parsed once per distinct string. */
  private lexiconFeats(id: number): Array<[string, string[]]> {
    let p = this.parsedLexFeats.get(id);
    if (!p) {
      p = this.lexicon.featsNames[id].split('|').filter(Boolean).map((part) => {
        const eq = part.indexOf('=');
        return [part.slice(0, eq), part.slice(eq + 1).split(',')] as [string, string[]];
      });
      this.parsedLexFeats.set(id, p);
    }
    return p;
  }
  private parsedLexRules: Array<EditRule | undefined> = [];

  featsScores(ws: readonly WordInfo[], upos: ArrayLike<number>, featsHash: ArrayLike<number>, adpHash: number, i: number, atomsOut: number[]): Float64Array {
    const u = upos[i];
    featsContext(ws, upos, featsHash, adpHash, i, atomsOut, this.verbal[u] ? this.nominal : undefined, this.verbal[u] ? this.verbal : undefined);
    if (this.clause && this.verbal[u]) clauseAtoms(ws, upos, featsHash, i, this.clause, atomsOut);
    const s = this.taskScores(ws[i].atoms, atomsOut, this.labels.feats[u].length, TASK_FEATS, u);
    if (!this.frozen) for (const a of ws[i].atoms) atomsOut.push(a);
    return s;
  }

  /** Lemma rule candidates (indices into lemmaClasses[u]) that apply to the form; lexicon-backed ones when known. */
  lemmaCandidates(wi: WordInfo, u: number): { applicable: Int32Array; lexical: Int32Array | null; lexLemma: string | null } {
    type Cached = { applicable: Int32Array; lexical: Int32Array | null; lexLemma: string | null };
    const holder = wi as WordInfo & { _lc?: (Cached | undefined)[] };
    const cache = holder._lc ?? (holder._lc = []);
    const hit = cache[u];
    if (hit) return hit;
    const classes = this.labels.lemmaClasses[u];
    const app: number[] = [];
    const lemmas: string[] = [];
    for (let k = 0; k < classes.length; k++) {
      const rule = this.parsedRules[classes[k]];
      if (!ruleApplies(wi.form, rule)) continue;
      app.push(k);
      lemmas.push(applyRule(wi.form, rule)!);
    }
    let lexical: Int32Array | null = null;
    let lexLemma: string | null = null;
    if (this.options.lexiconLemmas && wi.lexIdx >= 0 && this.lexUposOf[u] >= 0) {
      const lex = this.lexicon;
      const known = new Set<string>();
      for (let e = lex.starts[wi.lexIdx]; e < lex.starts[wi.lexIdx + 1]; e++) {
        if (lex.entUpos[e] !== this.lexUposOf[u]) continue;
        const rid = lex.entRule[e];
        const rule = this.parsedLexRules[rid] ?? (this.parsedLexRules[rid] = parseRule(lex.ruleNames[rid]));
        const l = applyRule(wi.lexForm, rule);
        if (l !== null) { known.add(l); lexLemma ??= l; }
      }
      const ok = app.filter((_, j) => known.has(lemmas[j]));
      if (ok.length > 0) lexical = Int32Array.from(ok);
    }
    const r = { applicable: Int32Array.from(app), lexical, lexLemma };
    cache[u] = r;
    return r;
  }

  lemmaScores(wi: WordInfo, u: number, featsHash: number, atomsOut: number[]): Float64Array {
    atomsOut.length = 0;
    atomsOut.push(lemmaFeatsAtom(featsHash));
    const s = this.taskScores(wi.lemmaAtoms, atomsOut, this.labels.lemmaClasses[u].length, TASK_LEMMA, u);
    if (!this.frozen) for (const a of wi.lemmaAtoms) atomsOut.push(a);
    return s;
  }

  /** The lemma of word wi as UPOS u with the given FEATS hash. */
  lemmaOf(wi: WordInfo, u: number, featsHash: number): string {
    const cand = this.lemmaCandidates(wi, u);
    const pool = cand.lexical ?? cand.applicable;
    if (pool.length === 0) return cand.lexLemma ?? wi.form;
    if (cand.lexical === null && cand.lexLemma !== null) return cand.lexLemma;
    const s = this.lemmaScores(wi, u, featsHash, this.ctx);
    let best = pool[0];
    for (let j = 1; j < pool.length; j++) if (s[pool[j]] > s[best]) best = pool[j];
    return applyRule(wi.form, this.parsedRules[this.labels.lemmaClasses[u][best]]) ?? wi.form;
  }

  /** Tag one sentence of word forms. */
  tag(forms: readonly string[]): TagResult {
    return this.frozen ? this.tagCached(forms) : this.tagPlain(forms);
  }

  private cachedScorer: CachedScorer | null = null;
  private scorer(): CachedScorer {
    if (this.cachedScorer?.weights !== this.weights) {
      this.cachedScorer = new CachedScorer(this.weights, this.nUpos, this.labels.feats.map((f) => f.length));
    }
    return this.cachedScorer;
  }

  /** UPOS alone (no FEATS, no lemma): what the NER features read; the same tags as tag(). */
  tagUpos(forms: readonly string[]): string[] {
    if (!this.frozen) return this.tagPlain(forms).upos;
    const { upos } = this.uposCached(forms);
    return Array.from(upos, (u) => this.labels.upos[u]);
  }

  /** Word infos, cached sums and UPOS indices of a sentence (frozen models). */
  private uposCached(forms: readonly string[]): { ws: WordInfo[]; sums: WordSums[]; upos: Int32Array; alt: Int32Array; margin: number[] } {
    const sc = this.scorer();
    const n = forms.length;
    const N = this.nUpos;
    const ws = new Array<WordInfo>(n);
    const sums = new Array<WordSums>(n);
    for (let i = 0; i < n; i++) {
      ws[i] = this.fx.info(forms[i]);
      sums[i] = sc.sums(ws[i]);
    }
    const s = this.scores;
    const upos = new Int32Array(n);
    const alt = new Int32Array(n);
    const margin = new Array<number>(n);
    const last = this.options.twoPass ? 1 : 0;
    // The runner-up of the last pass only.
    const pick = (i: number, pass: number): void => {
      upos[i] = argmaxOf(s, null, N);
      if (pass !== last) return;
      const r = runnerUp(s, N, upos[i]);
      alt[i] = r.alt;
      margin[i] = r.margin;
    };
    for (let i = 0; i < n; i++) {
      sc.upos(ws, sums, i, i > 0 ? upos[i - 1] : -1, i > 1 ? upos[i - 2] : -1, 0, null, s);
      pick(i, 0);
    }
    if (this.options.twoPass) {
      const first = upos.slice();
      for (let i = 0; i < n; i++) {
        sc.upos(ws, sums, i, i > 0 ? upos[i - 1] : -1, i > 1 ? upos[i - 2] : -1, 1, first, s);
        pick(i, 1);
      }
    }
    this.sentenceVerb(ws, upos, alt, margin);
    return { ws, sums, upos, alt, margin };
  }

  /** With `sentenceVerb`: the word made the sentence's verb, kept for featsChoice (-1: none). */
  private sentenceVerb(ws: readonly WordInfo[], upos: Int32Array, alt: Int32Array, margin: number[]): void {
    this.forcedVerb = -1;
    if (!this.options.sentenceVerb) return;
    this.verbRule ??= new SentenceVerbRule(this.verbal, this.lexicon);
    this.forcedVerb = this.verbRule.repair(ws, upos, alt, margin, this.lexicon);
  }
  private verbRule: SentenceVerbRule | null = null;
  private forcedVerb = -1;

  /** Tagging with a frozen model: the same scores as tagPlain, from cached partial sums (./cached-scores.ts). */
  private tagCached(forms: readonly string[]): TagResult {
    const sc = this.scorer();
    const n = forms.length;
    const s = this.scores;
    const { ws, sums, upos, alt, margin } = this.uposCached(forms);
    const ag = this.agreementFor(n);
    const fIdx = new Int32Array(n);
    const fHash = new Int32Array(n);
    const ctx = this.ctx;
    const adp = this.adpIndex();
    let lastAdp = 0;
    let lastAdpAt = -99;
    for (let i = 0; i < n; i++) {
      const u = upos[i];
      ctx.length = 0;
      const verb = this.verbal[u] === 1;
      featsOtherAtoms(ws, upos, fHash, i - lastAdpAt <= ADP_REACH ? lastAdp : 0, i, ctx, verb ? this.nominal : undefined, verb ? this.verbal : undefined);
      if (this.clause && verb) clauseAtoms(ws, upos, fHash, i, this.clause, ctx);
      sc.feats(ws[i], sums[i], u, i > 0 ? upos[i - 1] : -1, i + 1 < n ? upos[i + 1] : -1, ctx, s);
      const cand = this.featsChoice(ws, upos, fHash, i, s);
      if (ag?.agree.needs(u)) { ag.scores[i] = this.keepScores(i, s, this.labels.feats[u].length); ag.cands[i] = cand; }
      fIdx[i] = this.withLexiconGender(ws[i], u, argmaxOf(s, cand, this.labels.feats[u].length));
      fHash[i] = this.featsHash[u][fIdx[i]];
      if (u === adp) { lastAdp = ws[i].lowerHash; lastAdpAt = i; }
    }
    this.agreeCases(ag, ws, upos, fIdx, fHash);
    const out: TagResult = { upos: new Array(n), feats: new Array(n), lemmas: new Array(n), uposAlt: Array.from(alt, (a) => this.labels.upos[a]), uposMargin: margin };
    for (let i = 0; i < n; i++) {
      const u = upos[i];
      out.upos[i] = this.labels.upos[u];
      out.feats[i] = this.labels.feats[u][fIdx[i]];
      out.lemmas[i] = this.lemmaCached(sc, ws[i], sums[i], u, fHash[i]);
    }
    return out;
  }

  /** lemmaOf with cached sums over the candidate rules only. */
  private lemmaCached(sc: CachedScorer, wi: WordInfo, sums: WordSums, u: number, featsHash: number): string {
    const cand = this.lemmaCandidates(wi, u);
    const pool = cand.lexical ?? cand.applicable;
    if (pool.length === 0) return cand.lexLemma ?? wi.form;
    if (cand.lexical === null && cand.lexLemma !== null) return cand.lexLemma;
    let best = 0;
    if (pool.length > 1) {
      const s = this.scores;
      sc.lemma(wi, sums, u, pool, this.labels.lemmaClasses[u].length, lemmaFeatsAtom(featsHash), s);
      for (let j = 1; j < pool.length; j++) if (s[j] > s[best]) best = j;
    }
    return applyRule(wi.form, this.parsedRules[this.labels.lemmaClasses[u][pool[best]]]) ?? wi.form;
  }

  /** Tagging atom by atom (training-time models; the reference the cached path is tested against). */
  tagPlain(forms: readonly string[]): TagResult {
    const n = forms.length;
    const ws = forms.map((f) => this.fx.info(f));
    const upos = new Int32Array(n);
    const alt = new Int32Array(n);
    const margin = new Array<number>(n);
    const fIdx = new Int32Array(n);
    const fHash = new Int32Array(n);
    const ctx = this.ctx;
    const last = this.options.twoPass ? 1 : 0;
    const pick = (s: Float64Array, i: number, pass: number): void => {
      upos[i] = argmaxOf(s, null, this.nUpos);
      if (pass !== last) return;
      const r = runnerUp(s, this.nUpos, upos[i]);
      alt[i] = r.alt;
      margin[i] = r.margin;
    };
    for (let i = 0; i < n; i++) pick(this.uposScores(ws, i, i > 0 ? upos[i - 1] : -1, i > 1 ? upos[i - 2] : -1, ctx), i, 0);
    if (this.options.twoPass) {
      const first = upos.slice();
      for (let i = 0; i < n; i++) pick(this.upos2Scores(ws, i, i > 0 ? upos[i - 1] : -1, i > 1 ? upos[i - 2] : -1, first, ctx), i, 1);
    }
    this.sentenceVerb(ws, upos, alt, margin);
    const adp = this.adpIndex();
    const ag = this.agreementFor(n);
    let lastAdp = 0;
    let lastAdpAt = -99;
    for (let i = 0; i < n; i++) {
      const u = upos[i];
      const s = this.featsScores(ws, upos, fHash, i - lastAdpAt <= ADP_REACH ? lastAdp : 0, i, ctx);
      const cand = this.featsChoice(ws, upos, fHash, i, s);
      if (ag?.agree.needs(u)) { ag.scores[i] = this.keepScores(i, s, this.labels.feats[u].length); ag.cands[i] = cand; }
      fIdx[i] = this.withLexiconGender(ws[i], u, argmaxOf(s, cand, this.labels.feats[u].length));
      fHash[i] = this.featsHash[u][fIdx[i]];
      if (u === adp) { lastAdp = ws[i].lowerHash; lastAdpAt = i; }
    }
    this.agreeCases(ag, ws, upos, fIdx, fHash);
    const out: TagResult = { upos: new Array(n), feats: new Array(n), lemmas: new Array(n), uposAlt: Array.from(alt, (a) => this.labels.upos[a]), uposMargin: margin };
    for (let i = 0; i < n; i++) {
      out.upos[i] = this.labels.upos[upos[i]];
      out.feats[i] = this.labels.feats[upos[i]][fIdx[i]];
      out.lemmas[i] = this.lemmaOf(ws[i], upos[i], fHash[i]);
    }
    return out;
  }

  adpIndex(): number {
    return this.labels.upos.indexOf('ADP');
  }

  save(path: string): number {
    const w = this.weights as FrozenWeights;
    if (!(w instanceof FrozenWeights)) throw new Error('save: the model is still training (freeze it first)');
    const buf = packBin(
      { kind: 'backchannel-tagger', version: 2, weightScale: w.scale, labels: this.labels, options: this.options, meta: this.meta, lexicon: this.lexicon.toMeta(), branching: this.classes.branching },
      { w_keys: w.keys, w_starts: w.starts, w_packed: w.packed, ...this.lexicon.toArrays('lx_'), ...this.classes.toArrays(), ...this.tagDict.toArrays() },
    );
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, buf);
    return buf.length;
  }

  static load(path: string): TaggerModel {
    const { meta, arrays } = unpackBin(readFileSync(path), path);
    if (meta?.kind !== 'backchannel-tagger') throw new Error(`${path}: not a tagger model`);
    // Version 1 files hold dense float rows; they are quantised to the sparse int16 rows of version 2 on loading.
    const weights = arrays.w_packed
      ? new FrozenWeights(arrays.w_keys as Uint32Array, arrays.w_starts as Int32Array, arrays.w_packed as Int32Array, Number(meta.weightScale))
      : FrozenWeights.fromRows(arrays.w_keys as Uint32Array, arrays.w_offs as Int32Array, arrays.w_vals as Float32Array);
    return new TaggerModel(
      meta.labels, weights, FormLexicon.fromParts('lx_', arrays, meta.lexicon), WordClasses.fromArrays(arrays, meta.branching), TagDictionary.fromArrays(arrays), meta.options, meta.meta,
    );
  }
}

/**
 * The lexicon's features that restrict the FEATS classes. Case and Gender are left out: german-pos-dict lists
 * old dative forms ("dem Hause") where treebanks write "dem Haus", and GSD's Case/Gender come from a tagger; on the
 * German dev holdout restricting FEATS by the lexicon cost 2.5 points of Case accuracy (models/README.md); the
 * restriction is off by default (`--lexicon-feats`).
 */
const RESTRICTING_FEATURES = new Set(['Mood', 'Tense', 'VerbForm', 'Person', 'Number', 'Degree']);
/**
 * What `lexiconMoodTense` restricts for verbs ("hätte": Sub, Past; "fand": Past). Chosen by 4-fold CV: adding Person
 * (Mood 95.16) or Person and Number (94.99) did worse than Mood and Tense alone (95.33); all six restricting features
 * (`lexiconFeatsVerbs`) did worse still.
 */
const MOOD_TENSE = new Set(['Mood', 'Tense']);

const TASK_UPOS = 0;
const TASK_UPOS2 = 3;
const TASK_FEATS = 1;
const TASK_LEMMA = 2;

/** How far back (in words) a preposition still informs the case of a word: "mit dem sehr alten Mann". */
export const ADP_REACH = 4;

export function argmaxOf(s: Float64Array, cand: Int32Array | null, width: number): number {
  if (cand) {
    let best = cand[0];
    for (let j = 1; j < cand.length; j++) if (s[cand[j]] > s[best]) best = cand[j];
    return best;
  }
  let best = 0;
  for (let c = 1; c < width; c++) if (s[c] > s[best]) best = c;
  return best;
}
