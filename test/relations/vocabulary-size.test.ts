/**
 * Issue 14 item 2: the vocabulary is broad — at least MIN_LEMMAS verb and event-noun lemmas per event type
 * (docs/ontology.md; refinements such as consult/visit count towards their type) and language, from
 * lang/<code>/relations/vocabulary.json. The types where a language has fewer general words are listed below
 * with the reason; an exception that is no longer needed fails too, so the list stays honest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, predicateType } from '../../src/relations/ontology.js';
import { langDir } from '../../src/util/paths.js';

/** The target: 20 lemmas per event type and language where the language has them. */
const MIN_LEMMAS = 20;

/** Types a language does not have 20 general lemmas for (not PLOVER types: the guideline's additions). */
const EXCEPTIONS: Record<string, Record<string, string>> = {
  de: {
    elect: 'wählen, wiederwählen, abwählen, küren, bestätigen; Wahl, Wiederwahl, Abwahl, Kür, Stichwahl — German has no more words for electing someone to an office',
    pardon: 'begnadigen, amnestieren, verzeihen, rehabilitieren; Begnadigung, Amnestie, Gnadenerlass, Straferlass … — a narrow legal act',
  },
  en: {
    elect: 'elect, re-elect, reelect, vote in; election of, re-election of — the other candidates (choose, win, return) mean other things too often',
    pardon: 'pardon, amnesty, commute, absolve, exonerate, reprieve; clemency, commutation … — a narrow legal act',
  },
};

interface Entry { verbs?: string[]; nouns?: string[] }

function lemmasPerType(lang: string): Map<string, Set<string>> {
  const file = JSON.parse(readFileSync(join(langDir(lang), 'relations', 'vocabulary.json'), 'utf8')) as { types: Record<string, Entry> };
  const out = new Map<string, Set<string>>();
  for (const [predicate, t] of Object.entries(file.types)) {
    const set = out.get(predicateType(predicate)) ?? new Set<string>();
    for (const e of [...(t.verbs ?? []).map((v) => `v:${v}`), ...(t.nouns ?? []).map((n) => `n:${n}`)]) set.add(e.split(/\s+/)[0].toLowerCase());
    out.set(predicateType(predicate), set);
  }
  return out;
}

describe('relation vocabulary size (issue 14)', () => {
  for (const lang of ['de', 'en']) {
    const counts = lemmasPerType(lang);
    it.each(EVENT_TYPES.map((t) => [t]))(`${lang} %s: at least ${MIN_LEMMAS} lemmas, or a listed exception`, (type) => {
      const n = counts.get(type)?.size ?? 0;
      if (EXCEPTIONS[lang]?.[type]) expect(n, `${lang} ${type} has ${n} lemmas now: drop the exception`).toBeLessThan(MIN_LEMMAS);
      else expect(n, `${lang} ${type}`).toBeGreaterThanOrEqual(MIN_LEMMAS);
    });
  }
});
