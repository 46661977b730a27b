/** German names cited in the nominative (the one implementation lives in src/references/citation-form.ts). */
import { citationForm } from '../../references/citation-form.js';

/** The nominative form of a German name (unchanged when nothing in it is an inflected adjective). */
export function germanNominative(name: string): string {
  return citationForm('de', name);
}
