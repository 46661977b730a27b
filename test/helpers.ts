import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../src/util/paths.js';
import { buildDoc } from '../src/text/index.js';
import type { Doc } from '../src/text/types.js';

export const seedPath = join(sharedDir, 'corpus', 'seed', 'japan-trump-outreach.de.txt');
export const hasShared = existsSync(seedPath);

export function docOf(text: string, language = 'de', published: string | null = '2024-02-02'): Doc {
  return buildDoc({ text, origin: 'test', language, published });
}

export function sentencesOf(text: string, language = 'de'): string[] {
  const d = docOf(text, language);
  return d.sentences.map((s) => d.text.slice(s.start, s.end));
}

export function readSeed(): string {
  return readFileSync(seedPath, 'utf8');
}
