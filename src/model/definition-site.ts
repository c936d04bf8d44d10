/**
 * Where each value the define functions return was made: the call site of `defineCluster`,
 * `defineLayer` or `defineRouter`, so that a finding about a value can name the line that wrote it.
 *
 * `definitionSite` is the one place that knows how: here, from the caller's stack frame, whose line
 * and column are in the code the loader ran (esbuild's output, marked `transpiled`); the location
 * lookup (src/load/definition-locations.ts) maps them back to the TypeScript source. A loader that
 * maps stack frames itself returns source positions here, without `transpiled`, and the lookup
 * takes them as they are.
 *
 * The record lives on the global object, so that copies of calico-gen loaded side by side (a
 * fleet's own, the one running) share it; a value never made by a define function has no site.
 */
import type { CallSite } from '../core/findings';

type Sites = WeakMap<object, CallSite>;
const SITES = Symbol.for('calico-gen.definition-sites');
const sites: Sites = ((globalThis as Record<symbol, unknown>)[SITES] as Sites | undefined) ?? new WeakMap<object, CallSite>();
(globalThis as Record<symbol, unknown>)[SITES] = sites;

/** Where the define call that made `value` is, when a definition module made it. */
export function definitionSite(value: unknown): CallSite | undefined {
  return typeof value === 'object' && value !== null ? sites.get(value) : undefined;
}

/** Only TypeScript modules are definitions: a call from calico-gen's own code, or a test's, has no site worth naming. */
const DEFINITION_MODULE = /\.[cm]?tsx?$/;

/**
 * Remembers where `define` was called from to make `value`: the frame just above `define`, read
 * through V8's structured stack API (one frame, no text to parse). A frame of strict code came
 * from the loader's build output, which starts with one more line than its transform output.
 */
export function recordDefinitionSite(value: unknown, define: (...args: never[]) => unknown): void {
  if (typeof value !== 'object' || value === null || sites.has(value)) return;
  const { prepareStackTrace, stackTraceLimit } = Error;
  const holder: { stack?: CallSite | undefined } = {};
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_error, frames) => {
      const frame = frames[0];
      const file = frame?.getFileName();
      if (!frame || !file || !DEFINITION_MODULE.test(file)) return undefined;
      return { file, line: frame.getLineNumber() ?? 0, column: frame.getColumnNumber() ?? 0, transpiled: { strict: frame.getFunction() === undefined } };
    };
    Error.captureStackTrace(holder, define);
    const site = holder.stack;
    if (site) sites.set(value, site);
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}
