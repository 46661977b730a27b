/**
 * A sentence with no verb at all (`sentenceVerb`, tagging only): when the UPOS passes found no VERB or AUX, the word
 * whose runner-up UPOS is a verb, whose form the lexicon lists as a finite verb, and whose margin is smallest (under a
 * bound) becomes that verb, finite ("Die Firma überzeugt durch …" with "überzeugt" tagged ADJ, "Damit meine ich …" with
 * "meine" tagged DET). Verbless fragments stay as they are when no word qualifies ("Super Beratung!").
 */
import type { FormLexicon } from '../lexicon/form-lexicon.js';
import type { WordInfo } from './features.js';

/**
 * Largest UPOS margin (weight units of tagger-de) at which a word is re-tagged. Set on the 4-fold CV over GSD dev,
 * where the rule fired 4 times: right at margins 3,550 and 36,397, and at 57,601 ("stationierten", VERB in GSD), wrong
 * at 60,432 ("in meinen bisherigen …" as a verb); a word the tagger is that sure of is left alone.
 */
export const MAX_MARGIN = 50_000;

export class SentenceVerbRule {
  private readonly lexVerbIds: number[];
  private readonly lexFinite: boolean[];

  constructor(private readonly verbal: Uint8Array, lexicon: FormLexicon) {
    this.lexVerbIds = ['VERB', 'AUX'].map((u) => lexicon.uposNames.indexOf(u)).filter((u) => u >= 0);
    this.lexFinite = lexicon.featsNames.map((f) => /(^|\|)Mood=[^|]*(Ind|Sub)/.test(f));
  }

  /** The word re-tagged as its runner-up verb UPOS (upos and alt swapped), or -1. */
  repair(ws: readonly WordInfo[], upos: Int32Array, alt: Int32Array, margin: number[], lexicon: FormLexicon): number {
    for (let i = 0; i < upos.length; i++) if (this.verbal[upos[i]]) return -1;
    let best = -1;
    for (let i = 0; i < upos.length; i++) {
      if (!this.verbal[alt[i]] || margin[i] > MAX_MARGIN || !this.finiteVerbForm(ws[i], lexicon)) continue;
      if (best < 0 || margin[i] < margin[best]) best = i;
    }
    if (best >= 0) [upos[best], alt[best]] = [alt[best], upos[best]];
    return best;
  }

  /** Whether the lexicon lists the form (as looked up: the form, else its lower case) as a finite verb. */
  private finiteVerbForm(wi: WordInfo, lexicon: FormLexicon): boolean {
    if (wi.lexIdx < 0) return false;
    for (let e = lexicon.starts[wi.lexIdx]; e < lexicon.starts[wi.lexIdx + 1]; e++) {
      if (this.lexVerbIds.includes(lexicon.entUpos[e]) && this.lexFinite[lexicon.entFeats[e]]) return true;
    }
    return false;
  }
}
