#!/usr/bin/env node
/** Stand-alone entry for the NER commands (the main CLI registers the same commands). */
import { Command } from 'commander';
import { registerNerCommands } from './commands.js';

const program = new Command('backchannel-ner');
registerNerCommands(program);
program.parse(process.argv);
