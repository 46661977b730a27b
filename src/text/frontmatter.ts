/** Front matter: an optional block between `---` lines at the top with `key: value` pairs (the corpus format). */
export interface FrontMatter {
  fields: Record<string, string>;
  body: string;
  /** Line number (1-based) where the body starts in the original input, for error messages. */
  bodyLine: number;
}

export class FrontMatterError extends Error {}

export function parseFrontMatter(input: string): FrontMatter {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Any line ending: Unix, Windows, and the old Mac's CR alone (which otherwise hides the whole block).
  if (!/^---[ \t]*(\r\n?|\n)/.test(text)) return { fields: {}, body: text, bodyLine: 1 };
  const lines = text.split(/\r\n?|\n/);
  const fields: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^---[ \t]*$/.test(line)) {
      return { fields, body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
    }
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) throw new FrontMatterError(`line ${i + 1}: front matter expects "key: value", got "${line.slice(0, 60)}"`);
    fields[m[1].toLowerCase()] = unquote(m[2].trim());
  }
  throw new FrontMatterError('line 1: front matter opened with "---" is never closed');
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v[0] === '"' && v.at(-1) === '"') || (v[0] === "'" && v.at(-1) === "'"))) return v.slice(1, -1);
  return v;
}
