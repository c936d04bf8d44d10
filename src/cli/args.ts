/** Argument parsing on node's own util.parseArgs: no dependency, and it fails on unknown flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../util/errors';

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

/** `10s`, `500ms`, `1m`, or a bare number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  const amount = match ? Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 } as const)[(match[2] ?? 's') as 'ms' | 's' | 'm'] : NaN;
  if (!(amount > 0)) throw new UserError(`--timeout ${JSON.stringify(text)} is not a duration: write 10s, 500ms or 1m`);
  return Math.round(amount);
}

export function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UserError(`--${flag} ${JSON.stringify(text)} is not a positive whole number`);
  return value;
}
