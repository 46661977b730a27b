/**
 * Derives lang/_shared/geo/countries.tsv from ../shared/data/geo-country-capital-names (i18n-iso-countries
 * names, MIT; GeoNames capitals, CC BY 4.0). Run after changing the filters:
 *   npx tsc -p tsconfig.json && node dist/src/entities/build/geo-table.js
 * Output columns: iso2, iso3, German names, English names, capital (GeoNames ascii name), capital names —
 * name lists joined by "|", the display name first. Capital alternate names are untagged by language in
 * GeoNames, so we keep only Latin-script, mixed-case names of 3–30 letters that name no country and no
 * other capital, minus the reviewed stoplist lang/_shared/geo/capital-stoplist.txt.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedDir } from '../../util/paths.js';

const src = join(sharedDir, 'data', 'geo-country-capital-names');
const outDir = join(repoRoot, 'lang', '_shared', 'geo');

type Names = Record<string, string | string[]>;
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Official forms like "Syrien, Arabische Republik" are not how news text names a country. */
const usable = (n: string) => !n.includes(',');

/** The display name: the shortest written-out form ("Vereinigte Staaten" rather than "… von Amerika", not "USA"). */
function ordered(names: string[]): string[] {
  const good = names.filter(usable);
  const words = good.filter((n) => /\p{Ll}/u.test(n));
  const display = words.length ? words.reduce((a, b) => (b.length < a.length ? b : a)) : good[0];
  return [display, ...good.filter((n) => n !== display)];
}

function main(): void {
  const de = JSON.parse(readFileSync(join(src, 'i18n-iso-countries.de.json'), 'utf8')).countries as Names;
  const en = JSON.parse(readFileSync(join(src, 'i18n-iso-countries.en.json'), 'utf8')).countries as Names;
  const codes = JSON.parse(readFileSync(join(src, 'i18n-iso-countries.codes.json'), 'utf8')) as string[][];
  const iso3 = new Map(codes.map((c) => [c[0], c[1]]));
  const stopPath = join(outDir, 'capital-stoplist.txt');
  const stop = new Set(existsSync(stopPath)
    ? readFileSync(stopPath, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
    : []);

  const countryNames = new Set<string>();
  for (const v of [...Object.values(de), ...Object.values(en)]) for (const n of list(v)) countryNames.add(n.toLowerCase());

  const capitals = new Map<string, { ascii: string; names: string[] }>();
  const nameCount = new Map<string, number>();
  const rows = readFileSync(join(src, 'geonames-capitals.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  for (const row of rows) {
    const f = row.split('\t');
    const [name, ascii, cc, alt] = [f[1], f[2], f[3], f[11] ?? ''];
    if (capitals.has(cc)) continue; // rows are sorted by population: keep the largest PPLC per country
    const names = new Set<string>([name, ascii]);
    for (const a of alt.split(',')) {
      const n = a.trim();
      if (n.length < 3 || n.length > 30) continue;
      if (!/^[\p{Script=Latin}][\p{Script=Latin}\p{M} '’.-]*$/u.test(n)) continue;
      if (!/^\p{Lu}/u.test(n) || !/\p{Ll}/u.test(n)) continue; // mixed case: no IATA codes, no lower-case transliterations
      if (n.split(/[ -]/).length > 3) continue;
      names.add(n);
    }
    const kept = [...names].filter((n) => !countryNames.has(n.toLowerCase()) && !stop.has(n));
    for (const n of kept) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
    capitals.set(cc, { ascii, names: kept });
  }

  const lines = ['# iso2\tiso3\tnames_de\tnames_en\tcapital\tcapital_names  (derived by src/entities/build/geo-table.ts; GeoNames CC BY 4.0, i18n-iso-countries MIT)'];
  for (const cc of Object.keys(en).sort()) {
    const cap = capitals.get(cc);
    const capNames = cap ? cap.names.filter((n) => nameCount.get(n) === 1 || n === cap.ascii) : [];
    lines.push([cc, iso3.get(cc) ?? '', ordered(list(de[cc])).join('|'), ordered(list(en[cc])).join('|'), cap?.ascii ?? '', capNames.join('|')].join('\t'));
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'countries.tsv'), lines.join('\n') + '\n');
  console.log(`wrote ${lines.length - 1} countries to ${join(outDir, 'countries.tsv')}`);
}

main();
