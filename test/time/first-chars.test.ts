import { describe, expect, it } from 'vitest';
import { firstChars } from '../../src/time/first-chars.js';
import { loadTimeRules } from '../../src/time/rules.js';
import { readTimeTable } from '../../src/time/eval.js';

describe('time: first characters of a pattern', () => {
  it('reads literals, groups, optional parts, classes and lookarounds', () => {
    expect([...firstChars('(?:vor|In) \\d')!].sort()).toEqual(['i', 'v']);
    expect([...firstChars('(?:the\\s+)?next')!].sort()).toEqual(['n', 't']);
    expect([...firstChars("(?<![\\p{L}])['’][0-9]0s")!].sort()).toEqual(["'", '’']);
    expect([...firstChars('(?<q>a|b)?[c-e]x')!].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(firstChars('(?:a)?\\p{L}x')).toBeNull();
    expect(firstChars('(?:x)?')).toBeNull(); // can match the empty string: no first character
  });

  // Every rule, run on its own at every word start of every table sentence: where it matches, the
  // character there is among the ones the analysis gave it (the scanner skips rules otherwise).
  it.each(['de', 'en'])('agrees with every rule of %s on the expression tables', (lang) => {
    const set = loadTimeRules(lang)!;
    const sentences = [...readTimeTable(lang), ...readTimeTable(lang, 'heldout')].map((r) => r.text);
    let checked = 0;
    for (const rule of set.rules) {
      const first = firstChars(rule.sticky.source);
      for (const s of sentences) {
        for (let i = 0; i < s.length; i++) {
          rule.sticky.lastIndex = i;
          if (!rule.sticky.test(s)) continue;
          checked++;
          if (first) expect(first.has(s[i].toLowerCase()), `${rule.name} at "${s.slice(i, i + 20)}"`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});
