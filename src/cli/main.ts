/**
 * calico-gen's entry point: picks the command, runs it, turns what escapes into an exit status.
 * Commands are loaded lazily so that `synth` never pays for the Kubernetes client.
 */
import type { CliIo, Command } from './io';
import { EXIT_FAILURE } from './io';
import { oneLineError } from '../util/errors';

const commands: Record<string, { summary: string; load: () => Command }> = {
  synth: { summary: 'validate the definitions, then write generated/<cluster>/ (--check compares instead)', load: () => require('./commands/synth').synth },
  validate: { summary: 'check definitions, or hand-written values files and Calico manifests', load: () => require('./commands/validate').validate },
  capacity: { summary: 'IPAM capacity per cluster and pool', load: () => require('./commands/capacity').capacity },
  diff: { summary: 'desired state against the live cluster, a saved dump or the Helm release', load: () => require('./commands/diff').diff },
  import: { summary: 'turn an existing helmfile values tree into cluster definitions', load: () => require('./commands/import').importCommand },
  review: { summary: 'what a change does to each cluster between two git revisions', load: () => require('./commands/review').review },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: calico-gen <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun \`calico-gen <command> --help\` for a command's options.\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : EXIT_FAILURE;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`calico-gen: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return EXIT_FAILURE;
  }
  try {
    return await command.load()(rest, io);
  } catch (error) {
    if (rest.includes('--debug')) io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    io.stderr.write(`calico-gen: ${oneLineError(error, rest.includes('--debug'))}\n`);
    return EXIT_FAILURE;
  }
}
