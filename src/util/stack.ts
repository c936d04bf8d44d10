/** Positions in V8 stack traces, as `Error#stack` writes them. */

export interface StackPosition {
  /** the file as the frame names it (an absolute path for modules loaded from disk) */
  file: string;
  /** 1-based */
  line: number;
  column: number;
}

/** `    at f (/a/b.ts:3:9)`, `    at /a/b.ts:3:9`, `    at new X (file:///a/b.js:1:2)` → the position; undefined for native frames. */
export function parseStackFrame(frame: string): StackPosition | undefined {
  const match = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/.exec(frame);
  if (!match) return undefined;
  const file = match[1]!.startsWith('file://') ? decodeURIComponent(new URL(match[1]!).pathname) : match[1]!;
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

/** Every position of a stack trace, innermost first. */
export function stackPositions(stack: string | undefined): StackPosition[] {
  return (stack ?? '').split('\n').flatMap((frame) => parseStackFrame(frame) ?? []);
}

/**
 * Where the function `callee` was called from: the innermost frame outside it. Only that one frame
 * is captured, whatever Error.stackTraceLimit says, so that the capture stays cheap.
 */
export function callerOf(callee: (...args: never[]) => unknown): StackPosition | undefined {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  try {
    Error.captureStackTrace(holder, callee);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return stackPositions(holder.stack)[0];
}
