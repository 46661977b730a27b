/**
 * Output file names for `analyze --out DIR/`: one per article, never two alike. The name keeps the input's
 * place under the folder it was found in ("a/report.txt" → "a/report.json"), a JSON Lines row its line
 * ("batch.jsonl:12" → "batch-12.json"); when two inputs still map to one name ("x.txt" and "x.md"), the later
 * one gets a suffix ("x~2.json") and the caller says so. Names compare case-insensitively, as on macOS.
 */
import { basename, extname, relative, sep } from 'node:path';

export class OutputNames {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>();

  /** `roots`: the folders named on the command line, to keep each file's path below its folder. */
  constructor(private readonly roots: string[], private readonly ext: string) {}

  /** The relative output path for an article, and the origin that already held its preferred name, if any. */
  allocate(file: string, origin: string): { name: string; takenBy: string | null } {
    const stem = this.stem(file, origin);
    let takenBy: string | null = null;
    for (let n = 1; ; n++) {
      const name = `${stem}${n > 1 ? `~${n}` : ''}.${this.ext}`;
      const key = name.toLowerCase();
      const holder = this.files.get(key) ?? (this.dirs.has(key) ? `the folder ${name}` : this.parentTaken(key));
      if (holder === undefined) {
        this.files.set(key, origin);
        const parts = key.split('/');
        for (let i = 1; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
        return { name, takenBy };
      }
      takenBy ??= holder;
    }
  }

  private parentTaken(key: string): string | undefined {
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const holder = this.files.get(parts.slice(0, i).join('/'));
      if (holder !== undefined) return holder;
    }
    return undefined;
  }

  private stem(file: string, origin: string): string {
    const root = this.roots.find((r) => file.startsWith(r.endsWith(sep) ? r : r + sep));
    const rel = file === '-' ? 'stdin' : root ? relative(root, file) : basename(file);
    const parts = rel.split(sep).filter((p) => p && p !== '.' && p !== '..');
    const last = parts.pop() ?? 'article';
    const ext = extname(last);
    parts.push(ext && ext !== last ? last.slice(0, -ext.length) : last);
    // The row of a batch: "batch.jsonl:12" → 12, "list.json[3]" → 3.
    const row = origin.startsWith(file) ? /^(?::(\d+)|\[(\d+)\])$/.exec(origin.slice(file.length)) : null;
    if (row) parts[parts.length - 1] += `-${row[1] ?? row[2]}`;
    return parts.map(safeSegment).join('/');
  }
}

/** A file-system-safe path segment: letters, digits, '.', '_', '-'; never hidden, never empty, never too long. */
function safeSegment(s: string): string {
  const t = s.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_').slice(0, 120);
  return t || '_';
}
