import { test } from 'vitest';
import { buildDoc } from '../../src/text/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';
test('scratch', () => {
const raw = readFileSync(join(sharedDir, 'corpus/seed/japan-trump-outreach.de.txt'),'utf8');
const d = buildDoc({ text: raw, origin: 'seed' });
console.log(d.language, d.tokens.length, d.sentences.length, d.byline, d.dateline, d.title);
console.log(d.tokens.slice(0,80).map(t=>t.text).join('|'));
console.log(d.text.slice(0,100));
});
