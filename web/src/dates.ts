/** Dates of varying precision (2024, 2024-05, 2024-05-17), compared at the precision of the bound (as the server does). */
export function inRange(date: string, from: string | null, to: string | null): boolean {
  if (from && date.slice(0, from.length) < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to.slice(0, date.length)) return false;
  return true;
}

/** The time slider's steps: distinct months (or years, for year-only dates), in order. */
export function monthSteps(dates: Iterable<string>): string[] {
  const s = new Set<string>();
  for (const d of dates) s.add(d.slice(0, 7));
  return [...s].sort();
}
