/**
 * Reading analysis documents from a file's text: one JSON document, or JSON Lines (one document per line,
 * what `export --format json` writes, whatever the file is called). A line that is not JSON is named.
 */
export function parseDocuments(text: string, name: string): unknown[] {
  const jsonLines = /\.(jsonl|ndjson)$/i.test(name);
  if (!jsonLines) {
    try {
      return [JSON.parse(text)];
    } catch (err) {
      // more than one line of JSON: read it as JSON Lines
      if (text.trim().split('\n').filter((l) => l.trim()).length < 2) throw err;
    }
  }
  const docs: unknown[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      docs.push(JSON.parse(line));
    } catch (err) {
      throw new Error(`line ${i + 1} is not JSON (${(err as Error).message}); a file holds one JSON document or one per line (JSON Lines)`);
    }
  });
  return docs;
}
