/**
 * Upper bounds of an arc's best label score, per direction and (head UPOS, dependent UPOS), measured by parsing
 * sentences with the finished model. A labelled move scores its move weights plus the best label of its arc, and
 * label scoring is three quarters of the decoder's time; the decoder skips it for a move whose move score plus
 * this bound cannot beat the best move already scored (./model.ts `score`). Measured on the training sentences,
 * a bound can be exceeded on new text, so a margin is added; the decisions this changes are rare (EWT dev, bounds
 * from half of the sentences tested on the other half: 4 of 25,147 configurations at a margin of 10 % of the
 * largest bound, 0 with the largest bound alone), while about 60 % of the label scorings are skipped.
 * Stored in the model file's header, with UPOS names.
 */
import { mix } from '../../util/hash.js';
import { ROOT_ATOM, posAtom, type ParserInput } from './features.js';

/** Margin added to every bound, as a share of the largest bound of its direction (see above for how it was set). */
export const BOUND_MARGIN_SHARE = 0.1;

/** The head name of the root in the stored form. */
const ROOT_NAME = '<root>';

export interface ArcBoundsJson {
  /** Per direction (LEFT, RIGHT): the bound for tag pairs not listed (the largest measured, plus the margin). */
  fallback: [number, number];
  /** Per direction: [head UPOS, dependent UPOS, bound] (margin included). */
  pairs: [Array<[string, string, number]>, Array<[string, string, number]>];
}

const atomOf = (upos: string): number => (upos === ROOT_NAME ? ROOT_ATOM : posAtom(upos));

export class ArcBounds {
  private readonly byPair: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];

  constructor(readonly json: ArcBoundsJson) {
    for (let dir = 0; dir < 2; dir++) for (const [h, d, b] of json.pairs[dir]) this.byPair[dir].set(mix(atomOf(h), atomOf(d)), b);
  }

  /** The bound of an arc in direction dir (0 = LEFT) between words with these UPOS atoms (SentenceAtoms.pos). */
  bound(dir: number, headAtom: number, depAtom: number): number {
    return this.byPair[dir].get(mix(headAtom, depAtom)) ?? this.json.fallback[dir];
  }
}

/** Collects the best label score of every arc scored while parsing, per direction and tag pair. */
export class ArcBoundsRecorder {
  private readonly max = [new Map<string, number>(), new Map<string, number>()];
  private upos: readonly string[] = [];

  /** Call before parsing each sentence. */
  sentence(input: ParserInput): void {
    this.upos = input.upos;
  }

  /** An arc h → d (word slots, 0 = root) of direction dir had `best` as its best label score. */
  arc(dir: number, h: number, d: number, best: number): void {
    const key = `${h === 0 ? ROOT_NAME : this.upos[h - 1]}\t${this.upos[d - 1]}`;
    const m = this.max[dir];
    const was = m.get(key);
    if (was === undefined || best > was) m.set(key, best);
  }

  bounds(): ArcBounds {
    const fallback = [0, 1].map((dir) => {
      let top = 0;
      for (const v of this.max[dir].values()) top = Math.max(top, v);
      return top;
    });
    const margin = fallback.map((top) => top * BOUND_MARGIN_SHARE);
    const round = (x: number) => Math.ceil(x * 1000) / 1000;
    const pairs = [0, 1].map((dir) => [...this.max[dir].entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => { const [h, d] = k.split('\t'); return [h, d, round(v + margin[dir])] as [string, string, number]; }));
    return new ArcBounds({ fallback: [round(fallback[0] + margin[0]), round(fallback[1] + margin[1])], pairs: pairs as ArcBoundsJson['pairs'] });
  }
}
