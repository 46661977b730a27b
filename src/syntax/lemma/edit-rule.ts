/**
 * Lemma edit rules: how a form becomes its lemma, as in UDPipe/spaCy's edit-tree lemmatizers, flattened to one
 * level. The longest common substring of form and lemma is kept; the rule replaces the part before it and the
 * part after it (both recorded literally, so a rule applies only to forms that have them) and may lower-case the
 * first letter ("Die" -> "der"). "Häuser" -> "Haus" is "Hä"->"Ha" before "us" and "er"->"" after it.
 */

const SEP = '\u0001';

export interface EditRule {
  lower: boolean;
  prefixFrom: string;
  prefixTo: string;
  suffixFrom: string;
  suffixTo: string;
}

const lowerFirst = (s: string): string => (s.length ? s[0].toLowerCase() + s.slice(1) : s);

/** [start in a, start in b, length] of the longest common substring (first one found). */
function longestCommon(a: string, b: string): [number, number, number] {
  let best: [number, number, number] = [0, 0, 0];
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : 0;
      if (cur[j] > best[2]) best = [i - cur[j], j - cur[j], cur[j]];
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best;
}

/** The rule that turns `form` into `lemma`, as a compact string key. */
export function ruleOf(form: string, lemma: string): string {
  const lower = form.length > 0 && lemma.length > 0 && form[0] !== lemma[0] && form[0].toLowerCase() === lemma[0];
  const f = lower ? lowerFirst(form) : form;
  const [i, j, k] = longestCommon(f, lemma);
  if (k === 0) return [lower ? 'L' : '', f, lemma, '', ''].join(SEP);
  return [lower ? 'L' : '', f.slice(0, i), lemma.slice(0, j), f.slice(i + k), lemma.slice(j + k)].join(SEP);
}

export function parseRule(key: string): EditRule {
  const [l, prefixFrom, prefixTo, suffixFrom, suffixTo] = key.split(SEP);
  return { lower: l === 'L', prefixFrom, prefixTo, suffixFrom, suffixTo };
}

/**
 * Whether the rule applies to the form (applyRule would not return null), without building any string: a tagger
 * tests every rule of a UPOS on each new form, and most do not apply.
 */
export function ruleApplies(form: string, r: EditRule): boolean {
  const pl = r.prefixFrom.length, sl = r.suffixFrom.length, n = form.length;
  if (n < pl + sl) return false;
  if (!r.lower || n === 0) return form.startsWith(r.prefixFrom) && form.endsWith(r.suffixFrom);
  // The form with its first letter lower-cased, compared in place.
  const first = form[0].toLowerCase();
  if (first.length !== 1) return applyRule(form, r) !== null; // a letter whose lower case is longer ("İ")
  if (pl > 0 && (r.prefixFrom[0] !== first || !form.startsWith(r.prefixFrom.slice(1), 1))) return false;
  if (sl === 0) return true;
  if (n - sl > 0) return form.endsWith(r.suffixFrom);
  return r.suffixFrom[0] === first && form.endsWith(r.suffixFrom.slice(1));
}

/** The lemma, or null when the rule does not apply to the form. */
export function applyRule(form: string, r: EditRule): string | null {
  const f = r.lower ? lowerFirst(form) : form;
  if (f.length < r.prefixFrom.length + r.suffixFrom.length) return null;
  if (!f.startsWith(r.prefixFrom) || !f.endsWith(r.suffixFrom)) return null;
  return r.prefixTo + f.slice(r.prefixFrom.length, f.length - r.suffixFrom.length) + r.suffixTo;
}

/** The identity rule (lemma = form). */
export const IDENTITY_RULE = ruleOf('x', 'x');
