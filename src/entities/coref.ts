/**
 * References that are not names: capitals as places or as governments, age descriptions ("der 77-Jährige"),
 * definite role and organisation descriptions ("des Botschafters", "die Partei"), and the pronouns
 * "er/sie/he/she" — each resolved only where the text makes the link safe:
 *  - a pronoun inside quotation marks is never resolved (the speaker's "er" is not the narrator's);
 *  - antecedents are persons outside quotes, in the same sentence before the pronoun or in the one before it;
 *  - German "sie" next to a plural verb ("sie sagten") is "they"; "Sie" mid-sentence is the polite "you";
 *  - a female pronoun needs a person known to be female or a sole candidate; a male one skips known females.
 */
import type { Ctx, Cand } from './context.js';
import type { CandIndex } from './cand-index.js';
import type { RolePhrase } from './roles.js';
import { orgHeadAt } from './org-phrases.js';

export interface Gender { get(entity: string): 'm' | 'f' | undefined; set(entity: string, g: 'm' | 'f'): void }

/** Capitals and countries used as places ("in Tokio", "a Tokyo-based", "nach Peking") rather than as actors. */
export function markLocative(ctx: Ctx, cands: Cand[]): void {
  const { low, lex, toks } = ctx;
  for (const c of cands) {
    if (c.target?.kind !== 'country' || c.kind === 'demonym') continue;
    // "Brüssel unterschätze …": as an actor the capital is an organisation (data: lang/_shared/metonyms.tsv).
    const meton = c.kind === 'capital' ? lex.metonyms.get(c.surface) : undefined;
    let j = c.tokenStart - 1;
    if (j >= 0 && lex.determiners.has(low[j])) j--;
    const prepBefore = j >= 0 && (lex.locative.has(low[j]) || lex.placeVerbs.has(low[j])) && toks[j].end <= c.start;
    const basedAfter = c.tokenEnd < toks.length && lex.basedIn.has(low[c.tokenEnd]);
    const basedGlued = /-based$/i.test(toks[c.tokenStart].text);
    if (prepBefore || basedAfter || basedGlued) c.locative = true;
    else if (meton) { c.target = meton; c.type = meton.type; }
  }
}

/** Salient person antecedent for token t: same sentence before t (nearest), else the previous sentence (first). */
export function antecedent(ctx: Ctx, idx: CandIndex, t: number, ok: (c: Cand) => boolean): Cand | null {
  const sent = ctx.sentOf[t];
  const isPerson = (c: Cand) => c.type === 'person' && !!c.entity && c.kind !== 'pronoun' && ok(c);
  const pronounQuoted = ctx.quoted[t] === 1;
  const usable = (c: Cand) => isPerson(c) && (pronounQuoted || !ctx.quoted[c.tokenStart]);
  for (let j = t - 1; j >= 0 && ctx.sentOf[j] === sent; j--) {
    const c = ctx.excluded[j] ? null : idx.endingAt(j, usable);
    if (c) return c;
  }
  // Previous sentence(s): the first person mentioned (the likely subject), at most two sentences back.
  for (let back = 1; back <= 2; back++) {
    const s = ctx.doc.sentences[sent - back];
    if (!s) break;
    for (let j = s.tokenStart; j < s.tokenEnd; j++) {
      const c = ctx.excluded[j] ? null : idx.startingAt(j, usable);
      if (c) return c;
    }
  }
  return null;
}

/** Persons mentioned in the window the antecedent search looks at (for ambiguity checks). */
function personsInWindow(ctx: Ctx, idx: CandIndex, t: number): Set<string> {
  const out = new Set<string>();
  const sent = ctx.sentOf[t];
  const s0 = ctx.doc.sentences[Math.max(0, sent - 1)];
  for (let j = s0.tokenStart; j < t; j++) {
    for (const c of idx.byStart[j] ?? []) if (c.type === 'person' && c.entity && !ctx.quoted[j]) out.add(c.entity);
  }
  return out;
}

export function resolvePronouns(ctx: Ctx, idx: CandIndex, gender: Gender): Cand[] {
  const { toks, low, lex } = ctx;
  const out: Cand[] = [];
  for (let t = 0; t < toks.length; t++) {
    const g = lex.words.pronouns[low[t]];
    if (!g || ctx.quoted[t] || ctx.excluded[t]) continue;
    const sent = ctx.doc.sentences[ctx.sentOf[t]];
    // "Sie" capitalised mid-sentence: the polite "you".
    if (toks[t].text[0] !== low[t][0] && t !== sent.tokenStart) continue;
    if (lex.words.pluralVerbEndings.length && g === 'f' && nextToPluralVerb(ctx, t)) continue;
    const known = (c: Cand) => gender.get(c.entity!);
    const c = antecedent(ctx, idx, t, (x) => (g === 'm' ? known(x) !== 'f' : known(x) !== 'm'));
    if (!c) continue;
    if (g === 'f' && known(c) !== 'f' && personsInWindow(ctx, idx, t).size !== 1) continue;
    if (!gender.get(c.entity!)) gender.set(c.entity!, g);
    out.push({ start: toks[t].start, end: toks[t].end, tokenStart: t, tokenEnd: t + 1, type: 'person', kind: 'pronoun', genitive: false, surface: toks[t].text, key: low[t], source: 'rescan', entity: c.entity });
  }
  return out;
}

/** "sie sagten", "hätten sie": a neighbouring finite verb in the plural. */
function nextToPluralVerb(ctx: Ctx, t: number): boolean {
  const ends = ctx.lex.words.pluralVerbEndings;
  for (const k of [t - 1, t + 1]) {
    const w = ctx.low[k];
    if (!w || ctx.toks[k].text[0] !== w[0]) continue; // verbs are lower case
    if (ends.some((e) => w.endsWith(e)) || /^(sind|haben|hatten|wollen|werden|wurden|können|konnten|müssen|sollen)$/.test(w)) return true;
  }
  return false;
}

/** "der 77-Jährige", "the 77-year-old" → the salient person, with an age; "Trump, 77," → age only. */
export function ageDescriptions(ctx: Ctx, idx: CandIndex, ages: Map<string, number>): Cand[] {
  const { toks, low, lex } = ctx;
  const out: Cand[] = [];
  for (let t = 1; t < toks.length; t++) {
    if (ctx.excluded[t]) continue;
    const m = lex.ageDescription.exec(toks[t].text);
    if (m && lex.definite.has(low[t - 1])) {
      const c = antecedent(ctx, idx, t - 1, () => true);
      if (c) {
        ages.set(c.entity!, Number(m[1]));
        out.push({ start: toks[t - 1].start, end: toks[t].end, tokenStart: t - 1, tokenEnd: t + 1, type: 'person', kind: 'description', genitive: false, surface: ctx.text.slice(toks[t - 1].start, toks[t].end), key: low[t], source: 'rescan', entity: c.entity });
      }
      continue;
    }
    // Apposition: "Name, 77," / "Name (77)"
    if (lex.ageApposition.test(toks[t].text) && t + 1 < toks.length && /^[,)]$/.test(toks[t + 1].text) && /^[,(]$/.test(toks[t - 1].text)) {
      const c = idx.endingAt(t - 2, (x) => x.type === 'person' && !!x.entity && x.kind !== 'pronoun');
      const age = Number(toks[t].text);
      if (c && age >= 16 && age <= 110) ages.set(c.entity!, age);
    }
  }
  return out;
}

/**
 * Definite descriptions: "des Botschafters" → the one entity holding a role with that head; "die Partei" →
 * the one party in the article. Only when exactly one candidate exists.
 */
export function definiteDescriptions(ctx: Ctx, idx: CandIndex, phrases: RolePhrase[], orgKinds: Map<string, string>): Cand[] {
  const { toks, low, lex } = ctx;
  const out: Cand[] = [];
  // "the governor" is the one holding the office now: a former or late holder ("Former governor Jerry Lin")
  // does not compete with the current one; with no current holder, any single holder will do.
  const holdersByHead = new Map<string, Set<string>>();
  const currentByHead = new Map<string, Set<string>>();
  for (const p of phrases) if (p.holder) {
    (holdersByHead.get(p.hit.head) ?? holdersByHead.set(p.hit.head, new Set()).get(p.hit.head)!).add(p.holder);
    if (p.status !== 'former' && p.status !== 'late') (currentByHead.get(p.hit.head) ?? currentByHead.set(p.hit.head, new Set()).get(p.hit.head)!).add(p.holder);
  }
  const firstHold = new Map<string, number>();
  for (const p of phrases) if (p.holder) { const k = p.hit.head + '|' + p.holder; if (!firstHold.has(k)) firstHold.set(k, p.tokStart); }
  for (const p of phrases) {
    if (p.holder || p.possessor || p.ofCand || p.demonym || !p.determiner || !lex.definite.has(p.determiner)) continue;
    if (p.titleFrom !== p.hit.headStart) continue; // "der ehemalige nationale Sicherheitsberater …" is a new referent
    const cur = currentByHead.get(p.hit.head);
    const hs = cur?.size ? cur : holdersByHead.get(p.hit.head);
    if (!hs || hs.size !== 1) continue;
    const holder = [...hs][0];
    if ((firstHold.get(p.hit.head + '|' + holder) ?? Infinity) > p.tokStart) continue;
    const s = toks[p.tokStart].start, e = toks[p.hit.headEnd - 1].end;
    out.push({ start: s, end: e, tokenStart: p.tokStart, tokenEnd: p.hit.headEnd, type: 'person', kind: 'description', genitive: false, surface: ctx.text.slice(s, e), key: low[p.hit.headStart], source: 'rescan', entity: holder });
  }
  // Organisations: "die Partei", "die Botschaft", "the embassy".
  const byKind = new Map<string, Set<string>>();
  for (const [id, kind] of orgKinds) (byKind.get(kind) ?? byKind.set(kind, new Set()).get(kind)!).add(id);
  for (let t = 1; t < toks.length; t++) {
    if (ctx.excluded[t] || !lex.definite.has(low[t - 1]) || idx.covered[t]) continue;
    const h = orgHeadAt(ctx, t);
    if (!h) continue;
    const ids = byKind.get(h.head.kind);
    if (!ids || ids.size !== 1) continue;
    // Only a plain head ("die Partei", not "die Regierungspartei" when the party is the LDP? same kind: fine).
    if (h.end < toks.length && idx.startingAt(h.end)) continue;
    const s = toks[t - 1].start, e = toks[h.end - 1].end;
    out.push({ start: s, end: e, tokenStart: t - 1, tokenEnd: h.end, type: 'organization', kind: 'description', genitive: false, surface: ctx.text.slice(s, e), key: low[t], source: 'rescan', entity: [...ids][0] });
  }
  return out;
}
