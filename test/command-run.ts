/** Runs registered commander commands in-process and captures what they print, for the CLI tests. */
import { vi } from 'vitest';
import { Command } from 'commander';

export interface CommandResult { out: string; err: string; code: number }

/** A runner for the commands `register` adds; `extra` is appended to every call (e.g. `--db`, path). */
export function commandRunner(register: (program: Command) => void, extra: () => string[] = () => []) {
  return async (...args: string[]): Promise<CommandResult> => {
    const program = new Command().exitOverride();
    register(program);
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
    process.exitCode = 0;
    try {
      await program.parseAsync([...args, ...extra()], { from: 'user' });
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { out, err, code };
  };
}
