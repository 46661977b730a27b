/** Which files of a folder `ingest` takes: articles only; a folder's own documents are skipped with a note. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { collectArticles, nonArticleReason, type SkippedInput } from '../../src/corpus/input.js';

describe('ingest input rule', () => {
  it('takes articles and skips index, changelog and list-like Markdown with a reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-input-'));
    const prose = 'Die Hafenbehörde hat am Montag zwei neue Liegeplätze eröffnet. Ein Sprecher sagte, die Arbeiten hätten zwei Jahre gedauert und seien im Zeitplan geblieben.';
    writeFileSync(join(dir, 'INDEX.md'), '# Articles\n\n- [Port](port.md)\n- [Rail](rail.md)\n- [Court](court.md)\n');
    writeFileSync(join(dir, 'CHANGELOG.txt'), 'Version 2: added three articles about the port.\n');
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\n## Sources\n\n- port authority\n- rail operator\n- the court\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    writeFileSync(join(dir, 'port.md'), `# Neue Liegeplätze\n\n${prose}\n`);
    writeFileSync(join(dir, 'rail.md'), `---\ntitle: Bahn\n---\n- a list item in an article with front matter\n\n${prose}\n`);
    writeFileSync(join(dir, 'court.txt'), prose + '\n');
    writeFileSync(join(dir, 'batch.jsonl'), JSON.stringify({ text: prose, language: 'de' }) + '\n');
    const skipped: SkippedInput[] = [];
    const items = await collectArticles([dir], (s) => skipped.push(s));
    const taken = items.filter((i) => i.ok).map((i) => basename((i as { article: { origin: string } }).article.origin).replace(/:\d+$/, '')).sort();
    expect(taken).toEqual(['batch.jsonl', 'court.txt', 'port.md', 'rail.md']);
    expect(skipped.map((s) => basename(s.origin)).sort()).toEqual(['CHANGELOG.txt', 'INDEX.md', 'notes.md']);
    expect(skipped.find((s) => s.origin.endsWith('notes.md'))!.reason).toMatch(/mostly headings, lists/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('never judges HTML or JSON by the text rule', () => {
    expect(nonArticleReason('index.html', '<html></html>')).toBeNull();
    expect(nonArticleReason('readme.json', '[]')).toBeNull();
  });
});
