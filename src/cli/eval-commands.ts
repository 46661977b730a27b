/** `eval actors|quotes|relations|time`: each stage's evaluation against its gold data, wired in one place. */
import type { Command } from 'commander';

function findOrCreate(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function registerEvalCommands(program: Command): void {
  findOrCreate(program, 'eval', 'evaluate a model or stage against gold data');
}
