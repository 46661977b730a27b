/**
 * Definite descriptions resolved through what the text said before: "des Botschafters" → the one entity
 * holding a role with that head; "die Partei" → the one party of the article. Only when exactly one
 * candidate exists.
 */
import type { ReferenceLexicon } from './lexicon.js';
import type { RefLink, TokenFacts } from './types.js';

/** A role phrase as the entities stage found it, reduced to what resolution needs. */
export interface RoleOccurrence {
  /** Head noun of the title ("botschafter"). */
  head: string;
  /** Entity holding the role here ("Botschafter John Doe"), or null for a bare description. */
  holder: string | null;
  /** A former or late holder ("Former governor Jerry Lin") does not compete with the current one. */
  former: boolean;
  /** A bare definite description that may refer back ("des Botschafters"; not "der ehemalige …", "Trumps Berater"). */
  open: boolean;
  /** Whom a country prefix or demonym says the role is of ("US-Präsident" → the US), or null. */
  of: string | null;
  tokStart: number;
  headEnd: number;
}

/** "the governor" is the one holding the office now; with no current holder, any single holder will do. */
export function roleDescriptions(phrases: RoleOccurrence[]): RefLink[] {
  const holders = new Map<string, Set<string>>(), current = new Map<string, Set<string>>();
  const firstHold = new Map<string, number>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  // "der US-Präsident" refers to a holder of "US-Präsident", not of any "Präsident": the country is part of the key.
  const key = (p: RoleOccurrence) => (p.of ? p.of + '|' : '') + p.head;
  for (const p of phrases) if (p.holder) {
    for (const k of p.of ? [p.head, key(p)] : [p.head]) {
      add(holders, k, p.holder);
      if (!p.former) add(current, k, p.holder);
      if (!firstHold.has(k + '|' + p.holder)) firstHold.set(k + '|' + p.holder, p.tokStart);
    }
  }
  const out: RefLink[] = [];
  for (const p of phrases) {
    if (p.holder || !p.open) continue;
    const cur = current.get(key(p));
    const hs = cur?.size ? cur : holders.get(key(p));
    if (!hs || hs.size !== 1) continue;
    const holder = [...hs][0];
    if ((firstHold.get(key(p) + '|' + holder) ?? Infinity) > p.tokStart) continue;
    out.push({ tokenStart: p.tokStart, tokenEnd: p.headEnd, entity: holder, type: 'person', kind: 'description' });
  }
  return out;
}

/** "die Partei", "the embassy": a definite organisation head whose kind only one organisation of the article has. */
export function organisationDescriptions(
  f: TokenFacts, refs: ReferenceLexicon, orgKinds: Map<string, string>, headAt: (t: number) => { kind: string; end: number } | null,
): RefLink[] {
  const byKind = new Map<string, Set<string>>();
  for (const [id, kind] of orgKinds) (byKind.get(kind) ?? byKind.set(kind, new Set()).get(kind)!).add(id);
  const out: RefLink[] = [];
  for (let t = 1; t < f.toks.length; t++) {
    if (f.excluded[t] || !refs.definite.has(f.low[t - 1])) continue;
    const h = headAt(t);
    if (!h) continue;
    const ids = byKind.get(h.kind);
    if (!ids || ids.size !== 1) continue;
    out.push({ tokenStart: t - 1, tokenEnd: h.end, entity: [...ids][0], type: 'organization', kind: 'description' });
  }
  return out;
}
