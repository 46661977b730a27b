/** Hunspell (WebAssembly) spell checkers per language, loaded once; the dictionary package is named in lang/<code>/text/spelling.json. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langDir } from '../util/paths.js';

export interface SpellChecker {
  spell(word: string): boolean;
  nounsCapitalized: boolean;
}

interface SpellingConfig { dictionary: string; nounsCapitalized?: boolean; separablePrefixes?: string[] }

const loaded = new Map<string, SpellChecker | null>();
const loading = new Map<string, Promise<SpellChecker | null>>();

export function spellChecker(lang: string): SpellChecker | null | undefined {
  return loaded.get(lang);
}

export async function loadSpellChecker(lang: string): Promise<SpellChecker | null> {
  if (loaded.has(lang)) return loaded.get(lang)!;
  let p = loading.get(lang);
  if (!p) {
    p = load(lang).then((c) => { loaded.set(lang, c); return c; });
    loading.set(lang, p);
  }
  return p;
}

async function load(lang: string): Promise<SpellChecker | null> {
  const cfgPath = join(langDir(lang), 'text', 'spelling.json');
  if (!existsSync(cfgPath)) return null;
  const cfg = JSON.parse(readFileSync(cfgPath, 'utf8')) as SpellingConfig;
  const { loadModule } = await import('hunspell-asm');
  const dict = (await import(cfg.dictionary)).default as { aff: Uint8Array; dic: Uint8Array };
  const factory = await loadModule();
  const aff = factory.mountBuffer(dict.aff, `${lang}.aff`);
  const dic = factory.mountBuffer(dict.dic, `${lang}.dic`);
  const h = factory.create(aff, dic);
  const cache = new Map<string, boolean>();
  const prefixes = (cfg.separablePrefixes ?? []).slice().sort((a, b) => b.length - a.length);
  return {
    nounsCapitalized: cfg.nounsCapitalized ?? false,
    spell(word: string) {
      let v = cache.get(word);
      if (v === undefined) {
        v = h.spell(word) || prefixes.some((p) => word.length > p.length + 2 && word.startsWith(p) && h.spell(word.slice(p.length)));
        cache.set(word, v);
      }
      return v;
    },
  };
}
