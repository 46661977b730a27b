/**
 * Clause atoms for a verb's FEATS (Mood, VerbForm, Person): what the verb's clause looks like so far. German decides
 * finiteness and Konjunktiv by position and agreement, not by form: "kommen" is finite in "wenn Freunde vorbei
 * kommen" and an infinitive after "will … kommen"; "habe" is Konjunktiv with "er" and indicative with "ich".
 * The clause is the stretch back to the nearest punctuation or conjunction (by predicted UPOS); no word lists.
 */
import { mix } from '../../util/hash.js';
import type { WordInfo } from './features.js';

/** Template ids (features.ts keeps 70–79 free for these). */
const C = { OPEN: 70, FIRST: 71, STATE: 72, SUBJ: 73, LEX: 74, LEXRIGHT: 75, MOODBEFORE: 76 } as const;

const BOS = 0x5eed0001;

/** Per-model tables the atoms need. */
export interface ClauseKinds {
  /** Per UPOS id: 1 punctuation, 2 subordinating, 3 coordinating conjunction (a clause opens after it), else 0. */
  boundary: Uint8Array;
  /** Per UPOS id: 2 pronoun, 1 noun or proper noun, else 0. */
  nominal: Uint8Array;
  /** Per UPOS id: 1 verb or auxiliary. */
  verbal: Uint8Array;
  /** Hashes of the FEATS classes that are finite (VerbForm=Fin or a Mood), as in TaggerModel.featsHash. */
  finite: ReadonlySet<number>;
  /** Hashes of the FEATS classes with Mood=Sub. */
  subjunctive: ReadonlySet<number>;
}

export function clauseKinds(upos: readonly string[], featsHash: readonly Int32Array[], feats: readonly string[][]): ClauseKinds {
  const finite = new Set<number>();
  const subjunctive = new Set<number>();
  feats.forEach((fs, u) => fs.forEach((f, k) => {
    if (f.includes('VerbForm=Fin') || f.includes('Mood=')) finite.add(featsHash[u][k]);
    if (f.includes('Mood=Sub')) subjunctive.add(featsHash[u][k]);
  }));
  return {
    boundary: Uint8Array.from(upos, (u) => (u === 'PUNCT' ? 1 : u === 'SCONJ' ? 2 : u === 'CCONJ' ? 3 : 0)),
    nominal: Uint8Array.from(upos, (u) => (u === 'PRON' ? 2 : u === 'NOUN' || u === 'PROPN' ? 1 : 0)),
    verbal: Uint8Array.from(upos, (u) => (u === 'VERB' || u === 'AUX' ? 1 : 0)),
    finite,
    subjunctive,
  };
}

/** Most words between the clause's start and the verb that the atoms tell apart. */
const LENGTH_CAP = 4;
/** Most following verbs of the same cluster told apart. */
const CLUSTER_CAP = 2;

/**
 * Appends the clause atoms of the verb at i: the clause opener (with whether a finite verb came before in the
 * clause), the clause's first word, the verb's position (clause-final? how many verbs follow in its cluster? how
 * far from the opener?), and the lexicon's verb analyses with the clause's first nominal (the subject of a verb-final
 * clause, "dass ich … tangiere"), with the nominal right after ("kochen wir") and with the mood of the sentence's
 * previous finite verb.
 */
export function clauseAtoms(ws: readonly WordInfo[], upos: ArrayLike<number>, featsHash: ArrayLike<number>, i: number, k: ClauseKinds, out: number[]): void {
  const n = ws.length;
  let finiteBefore = 0;
  let subject = BOS;
  let open = BOS;
  let j = i - 1;
  for (; j >= 0; j--) {
    const u = upos[j];
    if (k.boundary[u]) { open = mix(k.boundary[u], ws[j].lowerHash); break; }
    if (k.verbal[u] && k.finite.has(featsHash[j])) finiteBefore = 1;
    if (k.nominal[u]) subject = k.nominal[u] === 2 ? mix(u, ws[j].lowerHash) : u;
  }
  const len = i - j - 1;
  const f = j + 1;
  const first = f < i ? mix(upos[f], k.nominal[upos[f]] === 2 || k.verbal[upos[f]] ? ws[f].lowerHash : 0) : BOS;
  let r = i + 1;
  while (r < n && k.verbal[upos[r]]) r++;
  const end = r >= n ? 2 : k.boundary[upos[r]] ? 1 : 0;
  const right = r < n && end === 0 && k.nominal[upos[r]] ? (k.nominal[upos[r]] === 2 ? mix(upos[r], ws[r].lowerHash) : upos[r]) : BOS;
  const lex = ws[i].lexVerb;
  // Konjunktiv context: reported speech keeps to the subjunctive ("Es werde … und gehe …")
  let moodBefore = 0;
  for (let b = i - 1; b >= 0 && moodBefore === 0; b--) if (k.verbal[upos[b]] && k.finite.has(featsHash[b])) moodBefore = k.subjunctive.has(featsHash[b]) ? 2 : 1;
  const state = mix(mix(finiteBefore, end), mix(Math.min(len, LENGTH_CAP), Math.min(r - i - 1, CLUSTER_CAP)));
  out.push(
    mix(C.OPEN, mix(open, finiteBefore)),
    mix(C.FIRST, mix(first, finiteBefore)),
    mix(C.STATE, state),
    mix(C.SUBJ, mix(subject, lex)),
    mix(C.LEX, mix(lex, state)),
    mix(C.LEXRIGHT, mix(right, lex)),
    mix(C.MOODBEFORE, mix(moodBefore, lex)),
  );
}
