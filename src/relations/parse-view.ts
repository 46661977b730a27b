/**
 * The dependency parse of one sentence as the relations stage reads it: words with 0-based heads, their children,
 * and the few questions event coding asks (the preposition of a phrase, a separated verb particle, passive voice).
 * The parse comes from the syntax layer (src/syntax/); UD relations, subtypes kept ("nsubj:pass", "compound:prt").
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';

/** Relations inside a name or a list: no step away from the predicate. */
const FREE_EDGES = new Set(['flat', 'appos', 'conj', 'compound']);

export class ParseView {
  private children_: number[][] | null = null;
  /** Per word: its children (0-based word indices, in order); built on first use (most sentences hold no trigger). */
  get kids(): number[][] {
    if (!this.children_) {
      const kids: number[][] = this.words.map(() => []);
      this.words.forEach((w, i) => { if (w.head > 0) kids[w.head - 1].push(i); });
      this.children_ = kids;
    }
    return this.children_;
  }

  private constructor(readonly words: SyntaxWord[], private readonly layer: SyntaxLayer, private readonly sentence: number) {}

  /** The parse of the sentence holding doc token `token`, or null when it was not parsed. */
  static of(layer: SyntaxLayer | null, token: number): ParseView | null {
    if (!layer || token < 0 || token >= layer.tokenSentence.length) return null;
    const si = layer.tokenSentence[token];
    if (si < 0) return null;
    const words = layer.sentences[si].words;
    if (!words.length || words[0].head < 0) return null;
    return new ParseView(words, layer, si);
  }

  /** The first word of a doc token, or -1. */
  wordOf(token: number): number {
    return token >= 0 && token < this.layer.tokenSentence.length && this.layer.tokenSentence[token] === this.sentence ? this.layer.tokenWord[token] : -1;
  }
  /** 0-based head word, -1 for the root. */
  head(i: number): number { return this.words[i].head - 1; }
  /** The relation without its subtype ("nsubj" for "nsubj:pass"). */
  rel(i: number): string { const d = this.words[i].deprel; const c = d.indexOf(':'); return c < 0 ? d : d.slice(0, c); }
  lemma(i: number): string { return this.words[i].lemma.toLowerCase(); }
  feat(i: number, name: string): string | null {
    const f = this.words[i].feats;
    const at = f.indexOf(name + '=');
    if (at < 0 || (at > 0 && f[at - 1] !== '|')) return null;
    const end = f.indexOf('|', at);
    return f.slice(at + name.length + 1, end < 0 ? f.length : end);
  }

  /** Children with one of the relations (base relation, or the full "compound:prt" when it has a colon). */
  children(i: number, rels: readonly string[]): number[] {
    return this.kids[i].filter((k) => rels.includes(this.words[k].deprel) || rels.includes(this.rel(k)));
  }

  /** The preposition of a nominal ("mit" in "mit dem Kanzler"), lower case, or ''. */
  caseOf(i: number): string {
    for (const k of this.kids[i]) if (this.rel(k) === 'case' && k < i) return this.words[k].form.toLowerCase();
    return '';
  }

  /** A separated verb particle ("an" of "sprach … an", "out" of "reached out"), lower case, or ''. */
  particle(i: number): string {
    const ws = this.words;
    for (let k = i + 1; k < ws.length; k++) if (ws[k].head === i + 1 && ws[k].deprel === 'compound:prt') return ws[k].form.toLowerCase();
    return '';
  }

  /** Passive voice: the verb's features, a passive auxiliary or a passive subject. */
  passive(i: number): boolean {
    if (this.feat(i, 'Voice') === 'Pass') return true;
    return this.kids[i].some((k) => this.words[k].deprel === 'aux:pass' || this.words[k].deprel === 'nsubj:pass');
  }

  /**
   * Edges on the tree path between two words (through their lowest common head). Edges inside a name or a list
   * (flat, appos, conj, compound) are free: a third conjunct is as near its predicate as the first.
   */
  distance(a: number, b: number): number {
    const n = this.words.length;
    const up: number[] = [];
    const cost: number[] = [];
    for (let x = a, c = 0; x >= 0 && up.length <= n; c += this.edgeCost(x), x = this.head(x)) { up.push(x); cost.push(c); }
    for (let y = b, d = 0, steps = 0; y >= 0 && steps <= n; d += this.edgeCost(y), y = this.head(y), steps++) {
      const at = up.indexOf(y);
      if (at >= 0) return cost[at] + d;
    }
    return Infinity;
  }

  private edgeCost(i: number): number { return FREE_EDGES.has(this.rel(i)) ? 0 : 1; }

  isVerb(i: number): boolean { const u = this.words[i].upos; return u === 'VERB' || u === 'AUX'; }
  isNoun(i: number): boolean { const u = this.words[i].upos; return u === 'NOUN' || u === 'PROPN'; }
}
