/** Argument parsing on node's own util.parseArgs: no dependency, and it fails on unknown flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../util/errors';
import { parseByteSize } from '../util/byte-size';
import { DEFAULT_MAX_INPUT_BYTES } from '../util/input-file';

export type Options = NonNullable<ParseArgsConfig['options']>;

export const commonOptions = {
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'clusters-dir': { type: 'string', default: 'clusters' },
} as const satisfies Options;

export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: typeof commonOptions & T; strict: true; allowPositionals: false }>> {
  try {
    return parseArgs({ args: argv, options: { ...commonOptions, ...options }, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UserError(`${command}: ${(error as Error).message.split('\n')[0]} (see \`calico-gen ${command} --help\`)`);
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${flag} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}

/** `--max-input-size 1GiB`: the largest input file a command reads (default 256 MiB). */
export function maxInputSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_BYTES;
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new UserError(`--max-input-size ${JSON.stringify(value)} is not a size: write 512MiB, 1GiB or a number of bytes`);
  return bytes;
}

