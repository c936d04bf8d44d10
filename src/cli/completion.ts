/**
 * `calico-gen completion bash|zsh`: a completion script written from the commands' flag tables,
 * so it offers exactly the flags each command parses. zsh runs the bash function through
 * bashcompinit, which zsh ships for this.
 */
import { parseArgs } from 'node:util';
import { commonOptions, usageError, type Flag, type Flags } from './args';
import { formatHelp } from './help';
import type { CliIo } from './io';
import { EXIT_OK } from './io';
import { UserError } from '../util/errors';

export interface CompletedCommand {
  name: string;
  flags: Flags;
}

const words = (items: readonly string[]) => items.join(' ');

function flagWords(flags: Flags): string[] {
  return Object.entries(flags).flatMap(([name, flag]) => [`--${name}`, ...(flag.short ? [`-${flag.short}`] : [])]);
}

/** `case` arms completing a flag's value: its choices, cluster names, or file names. */
function valueArms(command: CompletedCommand): string[] {
  const arms: string[] = [];
  for (const [name, flag] of Object.entries(command.flags) as [string, Flag][]) {
    if (flag.type !== 'string') continue;
    const patterns = [`${command.name}:--${name}`, ...(flag.short ? [`${command.name}:-${flag.short}`] : [])].join('|');
    if (flag.choices) arms.push(`    ${patterns}) COMPREPLY=( $(compgen -W "${words(flag.choices)}" -- "$cur") ); return ;;`);
    else if (name === 'cluster') arms.push(`    ${patterns}) COMPREPLY=( $(compgen -W "$(_calico_gen_clusters)" -- "$cur") ); return ;;`);
    else if (flag.path) arms.push(`    ${patterns}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;`);
    else arms.push(`    ${patterns}) return ;;`);
  }
  return arms;
}

export function bashCompletion(commands: readonly CompletedCommand[]): string {
  return [
    '# calico-gen completion for bash: source <(calico-gen completion bash)',
    '_calico_gen_clusters() {',
    '  # the definitions of the project the shell is in: clusters/<name>.ts here or in a folder above',
    '  local dir="$PWD"',
    '  while [ "$dir" != "/" ] && [ ! -d "$dir/clusters" ]; do dir="$(dirname "$dir")"; done',
    '  local file',
    '  for file in "$dir"/clusters/*.ts; do [ -e "$file" ] && basename "$file" .ts; done',
    '}',
    '_calico_gen() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  COMPREPLY=()',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    COMPREPLY=( $(compgen -W "${words(commands.map((c) => c.name))} --help --version" -- "$cur") )`,
    '    return',
    '  fi',
    '  local command="${COMP_WORDS[1]}"',
    '  case "$command:$prev" in',
    ...commands.flatMap(valueArms),
    '  esac',
    '  case "$command" in',
    ...commands.map((c) => `    ${c.name}) COMPREPLY=( $(compgen -W "${words(c.name === 'completion' ? ['bash', 'zsh', ...flagWords(c.flags)] : flagWords(c.flags))}" -- "$cur") ) ;;`),
    '  esac',
    '}',
    'complete -o default -F _calico_gen calico-gen',
    '',
  ].join('\n');
}

export function zshCompletion(commands: readonly CompletedCommand[]): string {
  return ['#compdef calico-gen', '# calico-gen completion for zsh: source <(calico-gen completion zsh)', 'autoload -U +X bashcompinit && bashcompinit', bashCompletion(commands)].join('\n');
}

export const completionFlags: Flags = {};

const help = formatHelp({
  usage: 'calico-gen completion bash|zsh',
  about: `Prints a script that completes calico-gen's commands, their flags, the values of --format and
the like, and cluster names (clusters/ of the project the shell is in). Load it from your shell's
startup file:

  bash:  source <(calico-gen completion bash)       (in ~/.bashrc)
  zsh:   source <(calico-gen completion zsh)        (in ~/.zshrc)`,
  flags: completionFlags,
  exit: ['0  the script is printed', '1  no shell named, or one other than bash and zsh'],
});

/** `described` lists every command with its flags; the caller's registry knows them. */
export function completionCommand(argv: string[], io: CliIo, described: () => readonly CompletedCommand[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: commonOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError('completion', error);
  }
  if (parsed.values.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const [shell, ...extra] = parsed.positionals;
  if (shell !== 'bash' && shell !== 'zsh') throw new UserError(`completion: ${shell === undefined ? 'name a shell' : `${JSON.stringify(shell)} is not a shell calico-gen completes`}: calico-gen completion bash|zsh`);
  if (extra.length > 0) throw new UserError(`completion: one shell only, not ${JSON.stringify(extra.join(' '))}`);
  const commands = described().map((command) => ({ ...command, flags: { ...command.flags, ...commonOptions } }));
  io.stdout.write(shell === 'bash' ? bashCompletion(commands) : zshCompletion(commands));
  return EXIT_OK;
}
