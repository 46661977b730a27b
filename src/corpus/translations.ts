/** placeholder, filled below */
import type { Transaction } from 'kysely';
import type { CorpusDatabase } from './db.js';
export async function markTranslations(_tx: Transaction<CorpusDatabase>): Promise<number> {
  return 0;
}
