/** Argument parsing on node's own util.parseArgs: no dependency, and it fails on unknown flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { EvaluationOptions } from '../api/evaluation';
import { DEFAULT_LIMITS, type EvaluationLimits } from '../pipeline';
import { UserError } from '../util/errors';
import type { CliIo } from './io';

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

/** The flags of every command that evaluates definitions, as its --help lists them. */
export const evaluationOptions = {
  'definition-timeout': { type: 'string' },
  'definition-memory': { type: 'string' },
} as const satisfies Options;

export const evaluationHelp = `  --definition-timeout DURATION  stop a definition still evaluating after this long: 10s (default), 500ms, 1m
  --definition-memory MIB   memory each process evaluating definitions may use (default ${DEFAULT_LIMITS.memoryMiB})`;

/** The limits the flags give, and where notes about the caches go. */
export function evaluationOf(values: { 'definition-timeout'?: unknown; 'definition-memory'?: unknown }, io: CliIo): EvaluationOptions {
  const limits: Partial<EvaluationLimits> = {};
  if (typeof values['definition-timeout'] === 'string') limits.timeoutMs = parseDuration('definition-timeout', values['definition-timeout']);
  if (typeof values['definition-memory'] === 'string') {
    const text = values['definition-memory'];
    if (!/^\d+$/.test(text) || Number(text) < 64) throw new UserError(`--definition-memory ${JSON.stringify(text)} is not a whole number of MiB of at least 64`);
    limits.memoryMiB = Number(text);
  }
  return { limits, note: (message) => io.stderr.write(`calico-gen: note: ${message}\n`) };
}

/** `10s`, `500ms`, `1m`, or a bare number of seconds. */
export function parseDuration(flag: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  const amount = match ? Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 } as const)[(match[2] ?? 's') as 'ms' | 's' | 'm'] : NaN;
  if (!(amount > 0)) throw new UserError(`--${flag} ${JSON.stringify(text)} is not a duration: write 10s, 500ms or 1m`);
  return Math.round(amount);
}
