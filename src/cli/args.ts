/**
 * Argument parsing on node's own util.parseArgs (no dependency, and it fails on unknown flags),
 * from flag tables that also carry each flag's help: a command's --help and the shell completion
 * are written from the same table that parses, so no flag goes undocumented.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_LIMITS, type EvaluationLimits, type EvaluationOptions } from '../api/evaluation';
import { UserError } from '../util/errors';
import { byteSizeFlag, parseByteSize } from '../util/byte-size';
import { DEFAULT_MAX_INPUT_BYTES } from '../util/input-file';
import type { CliIo } from './io';

/** A flag as parseArgs reads it, with what help and completion need besides. */
export interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean | string[] | boolean[];
  /** the value's placeholder in help (`NAME`, `FILE`); string flags only */
  value?: string;
  /** one line, or a few, for --help */
  help: string;
  /** the values a string flag takes, for help and completion */
  choices?: readonly string[];
  /** a file or folder path: completion offers file names */
  path?: boolean;
}

export type Flags = Record<string, Flag>;
/** What parseArgs reads of a flag table (it ignores the help). */
export type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags every command takes. */
export const commonOptions = {
  'clusters-dir': {
    type: 'string',
    value: 'DIR',
    path: true,
    help: 'the cluster definitions (default: clusters/ of the project, the nearest folder from the working directory up that holds clusters/ beside package.json or node_modules/)',
  },
  debug: { type: 'boolean', help: 'print the stack trace with a failure' },
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
} as const satisfies Flags;

/** `--format`/`-o` with the formats a command writes, the first being the default. */
export function formatFlag(formats: readonly string[], help = ''): { type: 'string'; short: string; value: string; choices: readonly string[]; help: string } {
  return { type: 'string', short: 'o', value: 'FORMAT', choices: formats, help: `output format: ${formats[0]} (default), ${formats.slice(1).join(', ')}${help ? `; ${help}` : ''}` };
}

export function parseCommandArgs<T extends Flags>(command: string, argv: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: typeof commonOptions & T; strict: true; allowPositionals: false }>> {
  try {
    return parseArgs({ args: argv, options: { ...commonOptions, ...options }, allowPositionals: false, strict: true });
  } catch (error) {
    throw usageError(command, error);
  }
}

export function usageError(command: string, error: unknown): UserError {
  return new UserError(`${command}: ${(error as Error).message.split('\n')[0]} (see \`calico-gen ${command} --help\`)`);
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${flag} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}

/** The flags of every command that evaluates definitions, as its --help lists them. */
export const evaluationFlags = {
  'definition-timeout': {
    type: 'string',
    value: 'DURATION',
    help: `stop a definition still evaluating after this long, and report it: ${DEFAULT_LIMITS.timeoutMs / 1000}s (default), 500ms, 1m`,
  },
  'definition-memory': {
    type: 'string',
    value: 'MIB',
    help: `memory each process evaluating definitions may use, in MiB; a definition that needs more is stopped and reported (default ${DEFAULT_LIMITS.memoryMiB})`,
  },
} as const satisfies Flags;

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

/** The `--max-input-size` flag of a command that reads `what` (its help names what is refused). */
export function maxInputSizeFlag(what: string): { type: 'string'; value: string; help: string } {
  return { type: 'string', value: 'SIZE', help: `refuse ${what} larger than SIZE, before reading it (default ${byteSizeFlag(DEFAULT_MAX_INPUT_BYTES)}; 1GiB, 300MB, or bytes)` };
}

/** `--max-input-size 1GiB`: the largest input file a command reads (default 256 MiB). */
export function maxInputSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_BYTES;
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new UserError(`--max-input-size ${JSON.stringify(value)} is not a size: write 512MiB, 1GiB or a number of bytes`);
  return bytes;
}

export function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UserError(`--${flag} ${JSON.stringify(text)} is not a positive whole number`);
  return value;
}

/**
 * The flags of a command that reads clusters through the Kubernetes API: one entry for diff and
 * `capacity --live` alike. `--kube-context` as helm and helmfile spell it; `--context` still works,
 * with a note (see kubeContext).
 */
export const kubeFlags = {
  'kube-context': { type: 'string', value: 'CONTEXT', help: "kubeconfig context (default: the definition's kubeContext; one cluster only)" },
  context: { type: 'string', value: 'CONTEXT', help: 'deprecated: use --kube-context (in helm-diff, --context means lines of diff context)' },
  kubeconfig: { type: 'string', value: 'FILE', path: true, help: 'this kubeconfig only (default: KUBECONFIG, else ~/.kube/config)' },
  timeout: { type: 'string', value: 'DURATION', help: 'deadline of each API request: 10s (default), 500ms, 1m' },
} as const satisfies Flags;

/** --kube-context, else the deprecated --context (with a note on stderr); both at once is refused. */
export function kubeContext(command: string, kubeContextFlag: string | undefined, contextFlag: string | undefined, stderr: { write(text: string): unknown }): string | undefined {
  if (contextFlag === undefined) return kubeContextFlag;
  if (kubeContextFlag !== undefined) throw new UserError(`${command}: --context is the old name of --kube-context: pass only --kube-context`);
  stderr.write(`calico-gen: warning: ${command}: --context is deprecated: use --kube-context (in helm-diff, --context means lines of diff context)\n`);
  return contextFlag;
}
