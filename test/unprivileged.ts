/** Running the CLI as a user whom file permissions bind: as is, or as nobody when the tests run as root. */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/util/paths.js';

/** Spawn options for such a user, or null where nobody cannot run the bin (a checkout only root can read). */
export function unprivileged(): { uid?: number; gid?: number } | null {
  if (process.getuid?.() !== 0) return {};
  const probe = spawnSync(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), '--version'], { uid: 65534, gid: 65534, cwd: tmpdir(), timeout: 30_000 });
  return probe.status === 0 ? { uid: 65534, gid: 65534 } : null;
}
