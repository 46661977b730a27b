/**
 * Writing an output file so that it is whole or absent: the text goes to a temporary file beside it, is
 * synced, and replaces the target by a rename. On a full disk the temporary file is removed and the error
 * says why; the target (or its older version) is never left truncated.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeAtomic(target: string, text: string): void {
  // A device or a pipe (/dev/stdout, a FIFO) cannot be replaced: it is written straight.
  const st = statOrNull(target);
  if (st && !st.isFile() && !st.isDirectory()) {
    try { writeFileSync(target, text); } catch (e) { throw new Error(ioMessage(e)); }
    return;
  }
  if (st?.isDirectory()) throw new Error('cannot write: is a folder');
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx');
    const buf = Buffer.from(text, 'utf8');
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) try { closeSync(fd); } catch { /* already failing */ }
    rmSync(tmp, { force: true });
    throw new Error(ioMessage(e));
  }
}

function statOrNull(p: string) {
  try { return statSync(p); } catch { return null; }
}

function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOSPC' ? 'no space left on device' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied'
    : err.code === 'EDQUOT' ? 'disk quota exceeded' : err.code === 'EROFS' ? 'read-only file system' : err.code === 'EISDIR' ? 'is a folder' : err.message;
  return `cannot write: ${why}`;
}
