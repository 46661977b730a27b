/**
 * Case agreement in a noun phrase, decided jointly (`caseAgreement`, tagging only): determiner, adjectives and noun
 * of "dem alten Haus" share one Case, but the left-to-right FEATS decision takes each word alone, and in about one
 * noun phrase in six of the cross-validation quarters its words disagree where the gold ones agree. After FEATS, for
 * each span determiner? adjective* noun (by predicted UPOS, at least two words) the Case with the best sum over the
 * words of each word's best class with that Case is chosen, and each word takes its best class with that Case.
 */

const enum Role { NONE = 0, DET = 1, ADJ = 2, NOUN = 3 }

export class CaseAgreement {
  private readonly roles: Uint8Array;
  /** Per UPOS id and FEATS class: the Case value's id (-1 none). */
  private readonly caseOf: Int32Array[];
  /** Per UPOS id and FEATS class: the Number value's id (-1 none: agrees with either). */
  private readonly numberOf: Int32Array[];
  /** Per UPOS id and FEATS class: the id of its other features (all but Case, Number, Gender), kept when re-choosing. */
  private readonly restOf: Int32Array[];
  private readonly nCases: number;
  private readonly nNumbers: number;

  constructor(upos: readonly string[], feats: readonly string[][]) {
    this.roles = Uint8Array.from(upos, (u) => (u === 'DET' ? Role.DET : u === 'ADJ' ? Role.ADJ : u === 'NOUN' ? Role.NOUN : Role.NONE));
    const valueIds = (name: string): [Int32Array[], number] => {
      const ids = new Map<string, number>();
      const re = new RegExp(`(?:^|\\|)${name}=([^|]*)`);
      const of = feats.map((fs) => Int32Array.from(fs, (f) => {
        const m = re.exec(f);
        if (!m) return -1;
        if (!ids.has(m[1])) ids.set(m[1], ids.size);
        return ids.get(m[1])!;
      }));
      return [of, ids.size];
    };
    [this.caseOf, this.nCases] = valueIds('Case');
    [this.numberOf, this.nNumbers] = valueIds('Number');
    const rests = new Map<string, number>();
    this.restOf = feats.map((fs) => Int32Array.from(fs, (f) => {
      const rest = f.split('|').filter((p) => !/^(Case|Number|Gender)=/.test(p)).join('|');
      if (!rests.has(rest)) rests.set(rest, rests.size);
      return rests.get(rest)!;
    }));
  }

  /** Whether the word's FEATS scores are needed (it can be part of a span). */
  needs(u: number): boolean { return this.roles[u] !== Role.NONE; }

  /**
   * Re-chooses the FEATS classes `fIdx` of each span from the words' scores (`scores[i]`, null outside spans) and
   * candidates (`cands[i]`, null = all classes); `relabel(i, k)` lets the caller adjust a chosen class (noun gender).
   */
  repair(upos: ArrayLike<number>, fIdx: Int32Array, scores: ReadonlyArray<Float64Array | null>, cands: ReadonlyArray<Int32Array | null>, relabel: (i: number, k: number) => number): void {
    const n = fIdx.length;
    for (let i = 0; i < n; i++) {
      const r = this.roles[upos[i]];
      if (r !== Role.DET && r !== Role.ADJ) continue;
      let j = i + 1;
      while (j < n && this.roles[upos[j]] === Role.ADJ) j++;
      if (j >= n || this.roles[upos[j]] !== Role.NOUN) { i = j - 1; continue; }
      this.repairSpan(i, j, upos, fIdx, scores, cands, relabel);
      i = j;
    }
  }

  private repairSpan(from: number, to: number, upos: ArrayLike<number>, fIdx: Int32Array, scores: ReadonlyArray<Float64Array | null>, cands: ReadonlyArray<Int32Array | null>, relabel: (i: number, k: number) => number): void {
    let bestCase = -1;
    let bestTotal = -Infinity;
    for (let c = 0; c < this.nCases * this.nNumbers; c++) {
      let total = 0;
      for (let i = from; i <= to && total > -Infinity; i++) total += this.bestWithCase(i, c, upos, scores, cands, fIdx[i])[1];
      if (total > bestTotal) { bestTotal = total; bestCase = c; }
    }
    if (bestCase < 0) return;
    for (let i = from; i <= to; i++) fIdx[i] = relabel(i, this.bestWithCase(i, bestCase, upos, scores, cands, fIdx[i])[0]);
  }

  /**
   * The best class of word i with the Case and Number of c (case + cases × number) and its score ([-1, -Infinity] when
   * it has none); among those that keep the other features of the class chosen first (`chosen`) when there are any.
   */
  private bestWithCase(i: number, c: number, upos: ArrayLike<number>, scores: ReadonlyArray<Float64Array | null>, cands: ReadonlyArray<Int32Array | null>, chosen: number): [number, number] {
    const kept = this.bestOf(i, c, upos, scores, cands, this.restOf[upos[i]][chosen]);
    return kept[0] >= 0 ? kept : this.bestOf(i, c, upos, scores, cands, -1);
  }

  /** bestWithCase among the classes whose other features have id `rest` (-1: any). */
  private bestOf(i: number, c: number, upos: ArrayLike<number>, scores: ReadonlyArray<Float64Array | null>, cands: ReadonlyArray<Int32Array | null>, rest: number): [number, number] {
    const restOf = this.restOf[upos[i]];
    const s = scores[i];
    const caseOf = this.caseOf[upos[i]];
    const numberOf = this.numberOf[upos[i]];
    const want = c % this.nCases;
    const number = Math.floor(c / this.nCases);
    let best = -1;
    let score = -Infinity;
    if (!s) return [best, score];
    const cand = cands[i];
    const m = cand ? cand.length : caseOf.length;
    for (let x = 0; x < m; x++) {
      const k = cand ? cand[x] : x;
      if (caseOf[k] === want && (numberOf[k] === number || numberOf[k] < 0) && (rest < 0 || restOf[k] === rest) && s[k] > score) { score = s[k]; best = k; }
    }
    return [best, score];
  }
}
