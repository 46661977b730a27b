/** Shapes shared by the argument finder, the role ties and the drafts (a file below them, so they import no circle). */

export type ArgVia = 'mention' | 'pronoun' | 'affiliation' | 'circle' | 'antecedent' | 'inherited' | 'dual';

export interface Arg {
  entity: string;
  /** Mention index in layer.mentions, or -1 when the argument was derived without a mention. */
  mention: number;
  via: ArgVia;
}

export interface SlotHit {
  args: Arg[];
  /** The slot filled both ends ("Treffen zwischen A und B"): args[0] is the subject, the rest objects. */
  pair?: boolean;
}
