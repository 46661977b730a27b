/**
 * Attachment scores as the CoNLL 2018 shared task's evaluation script computes them with gold tokenization:
 * every syntactic word counts (punctuation included); LAS compares the universal part of the relation only
 * ("nsubj:pass" and "nsubj" are the same label).
 */

export interface AttachmentCounts {
  words: number;
  /** Words with the right head. */
  heads: number;
  /** Words with the right head and the right universal relation. */
  labelled: number;
}

export const emptyCounts = (): AttachmentCounts => ({ words: 0, heads: 0, labelled: 0 });

/** The universal relation of a label: the part before ':'. */
export function universalRelation(label: string): string {
  const i = label.indexOf(':');
  return i < 0 ? label : label.slice(0, i);
}

/** Adds one sentence's comparison to `counts`. */
export function countAttachments(
  counts: AttachmentCounts,
  gold: { heads: ArrayLike<number>; deprels: readonly string[] },
  predicted: { heads: ArrayLike<number>; deprels: readonly string[] },
): void {
  const n = gold.heads.length;
  if (predicted.heads.length !== n) throw new Error(`attachment scores: ${predicted.heads.length} predicted words for ${n} gold words`);
  for (let i = 0; i < n; i++) {
    counts.words++;
    if (gold.heads[i] !== predicted.heads[i]) continue;
    counts.heads++;
    if (universalRelation(gold.deprels[i]) === universalRelation(predicted.deprels[i])) counts.labelled++;
  }
}

/** UAS and LAS in percent. */
export function attachmentScores(c: AttachmentCounts): { uas: number; las: number } {
  return { uas: c.words ? (100 * c.heads) / c.words : 0, las: c.words ? (100 * c.labelled) / c.words : 0 };
}
