import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this module holding package.json (works from src/ and dist/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lang'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('backchannel: cannot find the package root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const repoRoot: string = findRoot();
export const langDir = (lang: string): string => join(repoRoot, 'lang', lang);
export const modelsDir: string = join(repoRoot, 'models');
/** ../shared beside the checkout: public data and the seed corpus (never copied into the repo). */
export const sharedDir: string = process.env.BACKCHANNEL_SHARED ? resolve(process.env.BACKCHANNEL_SHARED) : resolve(repoRoot, '..', 'shared');
