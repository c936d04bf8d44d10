/**
 * calico-gen's entry point: picks the command, runs it, turns what escapes into an exit status.
 * Commands are loaded lazily so that `synth` never pays for the Kubernetes client.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Flags } from './args';
import { completionCommand, completionFlags } from './completion';
import type { CliIo, Command } from './io';
import { EXIT_FAILURE, EXIT_OK } from './io';
import { findProjectRoot } from './project';
import { oneLineError } from '../util/errors';

export interface CommandModule {
  flags: Flags;
  run: Command;
}

interface CommandEntry {
  summary: string;
  load: () => CommandModule;
}

/** A command's module: its flag table and its function. */
function commandModule(file: string, run: string): CommandModule {
  const exported = require(file) as { flags: Flags } & Record<string, Command>;
  return { flags: exported.flags, run: exported[run]! };
}

export const commands: Record<string, CommandEntry> = {
  synth: { summary: 'validate the definitions, then write generated/<cluster>/ (--check compares instead)', load: () => commandModule('./commands/synth', 'synth') },
  validate: { summary: 'check definitions, or hand-written values files and Calico manifests', load: () => commandModule('./commands/validate', 'validate') },
  capacity: { summary: 'IPAM capacity per cluster, pool and address family', load: () => commandModule('./commands/capacity', 'capacity') },
  diff: { summary: 'desired state against the live cluster, a saved dump or the Helm release', load: () => commandModule('./commands/diff', 'diff') },
  import: { summary: 'turn an existing helmfile values tree into cluster definitions', load: () => commandModule('./commands/import', 'importCommand') },
  review: { summary: 'what a change does to each cluster between two git revisions', load: () => commandModule('./commands/review', 'review') },
  completion: {
    summary: 'print the shell completion script: completion bash|zsh',
    load: () => ({ flags: completionFlags, run: (argv, io) => completionCommand(argv, io, () => Object.entries(commands).map(([name, entry]) => ({ name, flags: entry.load().flags }))) }),
  },
};


export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: calico-gen <command> [options]',
    '       calico-gen --version',
    '',
    'commands:',
    ...lines,
    '',
    'Run `calico-gen <command> --help` for a command\'s options and exit statuses. Run from any folder',
    'of the project: calico-gen finds it upward (the folder holding clusters/ beside package.json or',
    'node_modules/).',
    '',
  ].join('\n');
}

export function version(): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  return `calico-gen ${manifest.version}\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? EXIT_OK : EXIT_FAILURE;
  }
  if (name === '--version') {
    io.stdout.write(version());
    return EXIT_OK;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`calico-gen: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return EXIT_FAILURE;
  }
  try {
    return await command.load().run(rest, inProject(io));
  } catch (error) {
    if (rest.includes('--debug')) io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    io.stderr.write(`calico-gen: ${oneLineError(error, rest.includes('--debug'))}\n`);
    return EXIT_FAILURE;
  }
}

/**
 * The project the working directory is in. Run from a folder inside it, the process moves to its
 * root, as the caches and the paths in messages are the project's; only when `io` is the process's
 * own (a caller with another working directory keeps its process where it is).
 */
function inProject(io: CliIo): CliIo {
  const root = findProjectRoot(io.cwd);
  if (root !== undefined && root !== io.cwd && io.cwd === process.cwd()) process.chdir(root);
  return { ...io, projectRoot: root };
}
