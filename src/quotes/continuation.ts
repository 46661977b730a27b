/**
 * Whose words a continuing statement carries (a Konjunktiv sentence, a quote standing alone) when the sentence right
 * before it reports no statement the rules read but is about an actor: "Ähnlich äußerte sich Außenminister X. Dass …
 * sei …", "Die Ukraine meldete derweil 267 Angriffe. Dazu sei …", "X begrüßte das Urteil. „…“". The subject of that
 * sentence's main verb, by the parse, speaks when it names a person or an institution (or is a pronoun for one).
 */
import type { SyntaxLayer } from '../syntax/types.js';
import { analyzePhrase } from './phrase-info.js';
import { parseAt, phraseTokens } from './parse-subject.js';
import type { SourceRec, SourceRegistry } from './sources.js';
import { sentenceRange, type DocView } from './view.js';

/** Longest subject phrase (in tokens) taken as a speaker this way. */
const MAX_SUBJECT_TOKENS = 10;

/** The nsubj phrase of the main verb of Doc sentence k, by the parse; null when none. */
export function mainSubject(v: DocView, syn: SyntaxLayer, k: number): [number, number] | null {
  const [S, E] = sentenceRange(v, k);
  for (let t = S; t < E; t++) {
    const at = parseAt(syn, t);
    if (!at) continue;
    const { words } = at;
    const root = words.findIndex((w) => w.head === 0);
    // Of several subjects the parse hangs on the root („Das würde er wieder tun – aber er hatte …“), a name or a
    // personal pronoun before a determiner standing alone.
    const subjects = root < 0 ? [] : words.flatMap((w, i) => (w.head === root + 1 && w.deprel === 'nsubj' ? [i] : []));
    const s = subjects.find((i) => words[i].upos === 'PROPN' || words[i].upos === 'PRON' && /(?:^|\|)PronType=Prs/.test(words[i].feats)) ?? subjects[0] ?? -1;
    if (s < 0) return null;
    const r = phraseTokens(words, s);
    return r[1] - r[0] <= MAX_SUBJECT_TOKENS && r[0] >= S && r[1] <= E && !v.quoteOf[r[0]] ? r : null;
  }
  return null;
}

/**
 * The actor the sentence before token `at` is about, as a source, when that sentence holds no statement
 * (`reported` lists the sentences that do); null otherwise.
 */
export function previousSubjectSpeaker(v: DocView, registry: SourceRegistry, at: number, reported: Set<number>,
  syntaxOf: (() => SyntaxLayer | null) | undefined): SourceRec | null {
  const k = v.sentOf[at] - 1;
  if (k < 0 || reported.has(k)) return null;
  const syn = syntaxOf ? syntaxOf() : null;
  const r = syn ? mainSubject(v, syn, k) : null;
  if (!r) return null;
  const info = analyzePhrase(v, r[0], r[1]);
  const id = info.kind === 'pronoun' ? v.entities.resolvePronoun(r[0]) : info.kind === 'named' ? info.entity : null;
  const type = id ? v.entities.byId.get(id)?.type : undefined;
  if (type !== 'person' && type !== 'organization' && !(type === 'location' && v.entities.byId.get(id!)?.kind === 'country')) return null;
  return registry.resolvePhrase(r[0], r[1], 'any');
}
