/** Countries and well-known places under any of their names (ISO tables, GeoNames capitals, the place variants). */
import { fold, nameData } from './data.js';

/** The stable actor id a place name stands for: country:XX, location:capital-xx or location:city-…, or null. */
export function placeId(name: string, kind: string | null): string | null {
  const d = nameData();
  const f = fold(name);
  // a region or state of the same name is not the country (Georgia the US state)
  if (kind === null || kind === 'country') {
    const iso = d.countryNames.get(f);
    if (iso) return `country:${iso}`;
  }
  if (kind === null || kind === 'city' || kind === 'capital') {
    const key = d.placeNames.get(f);
    if (key) return `location:${key}`;
  }
  return null;
}

/** The display name of a country or listed place in a language, or null when the tables have none. */
export function placeDisplayName(id: string, language: string): string | null {
  const d = nameData();
  const lang = language === 'de' ? 'de' : 'en';
  if (id.startsWith('country:')) return d.countryDisplay.get(id.slice(8))?.[lang] ?? null;
  if (id.startsWith('location:')) return d.placeDisplay.get(id.slice(9))?.[lang] ?? null;
  return null;
}
