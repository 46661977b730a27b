/** Relations whose argument is a description resolved by the shared resolver; sentences written for this test. */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relationsOf(text: string, language: 'de' | 'en'): string[] {
  const a = analyzeSync(text, { language });
  const name = (id: string) => a.entities.find((e) => e.id === id)?.name ?? id;
  return a.relations.map((r) => `${name(r.subject)} ${r.predicate} ${name(r.object)}`);
}

describe('description arguments', () => {
  it('de: "der US-Präsident" is the person introduced as US-Präsident, and the demonym of the object is not his', () => {
    const rs = relationsOf('US-Präsident Donald Trump drohte mit Zöllen. Kanzlerin Anna Weber sagte, Europa werde reagieren. '
      + 'Am Abend traf der US-Präsident den französischen Präsidenten Emmanuel Macron.', 'de');
    expect(rs).toContain('Donald Trump consult/meet Emmanuel Macron');
    expect(rs).toContain('Emmanuel Macron leads Frankreich');
    expect(rs).not.toContain('Donald Trump leads Frankreich');
  });

  it('de: "der Präsident den französischen Staatschef": the object\'s demonym is no genitive of the subject\'s role', () => {
    const rs = relationsOf('US-Präsident Donald Trump drohte mit Zöllen. Am Abend traf der Präsident den französischen Staatschef Emmanuel Macron.', 'de');
    expect(rs).not.toContain('Donald Trump leads Frankreich');
  });
});
