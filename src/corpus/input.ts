/** The corpus reads its input through the text layer's readers (files, folders, JSON Lines, HTML, stdin). */
import { listInputs, readInputFile, type InputItem } from '../text/input.js';

export type { InputItem };

/** Every article and every input problem under the given paths, file by file, in a stable order. */
export async function* readArticles(paths: string[]): AsyncIterable<InputItem> {
  const { files, problems } = await listInputs(paths);
  for (const problem of problems) yield { ok: false, problem };
  for (const f of files) yield* await readInputFile(f);
}

/** All of it at once: the progress bar wants the total before the first article is analysed. */
export async function collectArticles(paths: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readArticles(paths)) out.push(item);
  return out;
}
