/**
 * Person and Number of a finite verb from an adjacent subject pronoun (`subjectPersons`, tagging only). German
 * "-e" forms are Person=1 indicative or Person=3 Konjunktiv I ("halte", "habe"), plural past forms are indicative
 * or Konjunktiv II ("hörten"); a nominative pronoun next to the verb ("halte ich", "hörten wir", "ich habe") says
 * which person, and so which mood. Which pronouns do so is learnt from the gold training sentences (no word lists):
 * a pronoun form counts on a side of the verb when the verbs on that side of it agree with one Person and Number
 * nearly always. Right after a verb ("halte ich") the verb is finite too; right before it ("… wir gegessen haben")
 * a non-finite verb stays possible, so there only finite classes of another person are ruled out.
 */
import { hashStr, mix } from '../../util/hash.js';
import type { Sentence } from '../conllu.js';
import type { WordInfo } from './features.js';
import { isFiniteFeats } from './finite-clause.js';

/** Fewest verbs next to a pronoun on one side for it to count (set by eye: "man" 20 and 26 times in 1,800 sentences). */
const MIN_SEEN = 10;
/** Share of those verbs with the pronoun's one Person and Number ("ich" 146/146, "er" 115/115; "wir" 88/89; "es" 0.86 and 0.94 and "sie" are out). */
const MIN_SHARE = 0.97;
/** Key spaces of the two sides. */
const AFTER_VERB = 1;
const BEFORE_VERB = 2;

/** What the rule learnt: per key mix(side, pronoun form in lower case), the Person and Number ("1|Sing"); kept in the model's options. */
export type SubjectPersons = Array<[number, string]>;

const personOf = (feats: string): string => {
  const p = /(?:^|\|)Person=([^|]*)/.exec(feats)?.[1] ?? '';
  const n = /(?:^|\|)Number=([^|]*)/.exec(feats)?.[1] ?? '';
  return `${p}|${n}`;
};

function count(into: Map<number, Map<string, number>>, key: number, value: string): void {
  const m = into.get(key) ?? new Map<string, number>();
  m.set(value, (m.get(value) ?? 0) + 1);
  into.set(key, m);
}

/** Pronoun forms right after any verb (value: the verb's Person|Number, or '' when it is not finite) and right before finite verbs. */
export function learnSubjectPersons(sentences: readonly Sentence[]): SubjectPersons {
  const seen = new Map<number, Map<string, number>>();
  for (const s of sentences) {
    for (let i = 0; i < s.forms.length; i++) {
      if (s.upos[i] !== 'VERB' && s.upos[i] !== 'AUX') continue;
      const finite = isFiniteFeats(s.feats[i]);
      const value = finite ? personOf(s.feats[i]) : '';
      if (i + 1 < s.forms.length && s.upos[i + 1] === 'PRON') count(seen, mix(AFTER_VERB, hashStr(s.forms[i + 1].toLowerCase())), value);
      if (finite && i > 0 && s.upos[i - 1] === 'PRON') count(seen, mix(BEFORE_VERB, hashStr(s.forms[i - 1].toLowerCase())), value);
    }
  }
  const out: SubjectPersons = [];
  for (const [key, values] of seen) {
    const total = [...values.values()].reduce((a, b) => a + b, 0);
    const [best, n] = [...values].sort((a, b) => b[1] - a[1])[0];
    if (total >= MIN_SEEN && best !== '' && n / total >= MIN_SHARE) out.push([key, best]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The rule at tagging time, for one model's label sets. */
export class SubjectPersonRule {
  private readonly table: Map<number, string>;
  /** Per UPOS id and class: its Person|Number when finite, else ''. */
  private readonly classPerson: string[][];

  constructor(readonly learnt: SubjectPersons, feats: readonly string[][], private readonly pron: number) {
    this.table = new Map(learnt);
    this.classPerson = feats.map((fs) => fs.map((f) => (isFiniteFeats(f) ? personOf(f) : '')));
  }

  /**
   * The FEATS candidates of verb i (among `cand`, all classes when null). Before a learnt pronoun ("halte ich") the
   * verb is finite and takes its person; after one ("ich habe") only a verb whose best class is finite is changed, to
   * the pronoun's person. Among those classes, the ones whose Mood and Tense the lexicon allows when any ("hätte":
   * Sub, Past). `cand` unchanged when no learnt pronoun is adjacent or no class is left.
   */
  candidates(ws: readonly WordInfo[], upos: ArrayLike<number>, i: number, cand: Int32Array | null, scores: Float64Array, lexMoodTense: () => Int32Array | null): Int32Array | null {
    const next = i + 1 < ws.length && upos[i + 1] === this.pron ? this.table.get(mix(AFTER_VERB, ws[i + 1].lowerHash)) : undefined;
    const prev = i > 0 && upos[i - 1] === this.pron ? this.table.get(mix(BEFORE_VERB, ws[i - 1].lowerHash)) : undefined;
    const person = next ?? prev;
    if (person === undefined) return cand;
    const persons = this.classPerson[upos[i]];
    const pool = cand ? Array.from(cand) : persons.map((_, k) => k);
    if (next === undefined) {
      const best = pool.reduce((b, k) => (scores[k] > scores[b] ? k : b), pool[0]);
      if (persons[best] === '' || persons[best] === person) return cand;
    }
    const kept = pool.filter((k) => persons[k] === person);
    if (kept.length === 0) return cand;
    const lex = lexMoodTense();
    const both = lex ? kept.filter((k) => lex.includes(k)) : [];
    return Int32Array.from(both.length > 0 ? both : kept);
  }
}
