/**
 * The characters a rule's pattern can start with, read off the regular expression's source, so the
 * scanner tries at each word start only the rules that can begin with its character (a speed-up only:
 * when the analysis cannot tell, the rule is tried everywhere). Lower-cased: rules match case-insensitively,
 * and for case-sensitive ones the lower-cased set is a superset.
 */

/** null = any character (or a construct this reader does not follow). */
type Chars = Set<string> | null;
interface First { chars: Chars; nullable: boolean }

const DIGITS = '0123456789';
const SPACES = ' \t\n\r\f\v\u00a0\u2009\u202f';

const union = (a: Chars, b: Chars): Chars => (a === null || b === null ? null : new Set([...a, ...b]));
const of = (s: string): Set<string> => new Set([...s].map((c) => c.toLowerCase()));

export function firstChars(src: string): Set<string> | null {
  let i = 0;

  const alt = (): First => {
    let chars: Chars = new Set();
    let nullable = false;
    for (;;) {
      const s = seq();
      chars = union(chars, s.chars);
      nullable ||= s.nullable;
      if (src[i] !== '|') return { chars, nullable };
      i++;
    }
  };

  const seq = (): First => {
    let chars: Chars = new Set();
    let open = true; // still collecting: every atom so far could be empty
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const a = atom();
      const q = quantifier();
      if (open) {
        chars = union(chars, a.chars);
        if (!(a.nullable || q)) open = false;
      }
    }
    return { chars, nullable: open };
  };

  /** Skips a quantifier; true when it allows zero repetitions. */
  const quantifier = (): boolean => {
    const c = src[i];
    let zero = false;
    if (c === '?' || c === '*') { zero = true; i++; }
    else if (c === '+') i++;
    else if (c === '{') {
      const m = /^\{(\d*)(?:,\d*)?\}/.exec(src.slice(i));
      if (!m) return false;
      zero = m[1] === '' || m[1] === '0';
      i += m[0].length;
    } else return false;
    if (src[i] === '?') i++; // lazy
    return zero;
  };

  const atom = (): First => {
    const c = src[i];
    if (c === '(') {
      i++;
      let look = false;
      if (src[i] === '?') {
        const rest = src.slice(i, i + 3);
        if (rest.startsWith('?:')) i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) { i += 2; look = true; }
        else if (rest.startsWith('?<=') || rest.startsWith('?<!')) { i += 3; look = true; }
        else if (rest.startsWith('?<')) i = src.indexOf('>', i) + 1;
        else throw new Error('unknown group');
      }
      const inner = alt();
      if (src[i] !== ')') throw new Error('unclosed group');
      i++;
      return look ? { chars: new Set(), nullable: true } : inner;
    }
    if (c === '[') return charClass();
    if (c === '\\') return escape();
    if (c === '.') { i++; return { chars: null, nullable: false }; }
    if (c === '^' || c === '$') { i++; return { chars: new Set(), nullable: true }; }
    i++;
    return { chars: of(c), nullable: false };
  };

  const escape = (): First => {
    const e = src[i + 1];
    i += 2;
    if (e === 'd') return { chars: of(DIGITS), nullable: false };
    if (e === 's') return { chars: of(SPACES), nullable: false };
    if (e === 'b' || e === 'B') return { chars: new Set(), nullable: true };
    if (e === 'p' || e === 'P') { i = src.indexOf('}', i) + 1; return { chars: null, nullable: false }; }
    if (e === 'w' || e === 'W' || e === 'D' || e === 'S' || e === 'u' || e === 'x') return { chars: null, nullable: false };
    return { chars: of(e), nullable: false };
  };

  const charClass = (): First => {
    i++;
    if (src[i] === '^') {
      i = src.indexOf(']', i + 1) + 1;
      return { chars: null, nullable: false };
    }
    let chars: Chars = new Set();
    let prev: string | null = null;
    while (i < src.length && src[i] !== ']') {
      let c = src[i];
      if (c === '\\') {
        const e = src[i + 1];
        i += 2;
        if (e === 'd') { chars = union(chars, of(DIGITS)); prev = null; continue; }
        if (e === 's') { chars = union(chars, of(SPACES)); prev = null; continue; }
        if (e === 'p' || e === 'P' || e === 'w' || e === 'W' || e === 'D' || e === 'S') { chars = null; prev = null; if (e === 'p' || e === 'P') i = src.indexOf('}', i) + 1; continue; }
        c = e;
      } else i++;
      if (c === '-' && prev !== null && src[i] !== ']') {
        let to = src[i];
        if (to === '\\') { to = src[i + 1]; i++; }
        i++;
        const range: string[] = [];
        for (let k = prev.charCodeAt(0); k <= to.charCodeAt(0) && range.length < 512; k++) range.push(String.fromCharCode(k));
        chars = union(chars, of(range.join('')));
        prev = null;
        continue;
      }
      chars = union(chars, of(c));
      prev = c;
    }
    i++;
    return { chars, nullable: false };
  };

  try {
    const r = alt();
    if (i !== src.length || r.nullable) return null;
    return r.chars;
  } catch {
    return null;
  }
}
