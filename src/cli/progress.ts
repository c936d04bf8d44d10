/**
 * Progress on standard error for runs that take more than a second: only on a terminal, and
 * never in CI (CI set) — logs and pipes get nothing. One line, rewritten in place, erased when done.
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** what is going on now; drawn once the run is a second old */
  update(text: string): void;
  /** drawn at once: a step known to be slow (a large file read in one go) */
  announce(text: string): void;
  /** erases the line */
  done(): void;
}

export const PROGRESS_AFTER_MS = 1000;
const REDRAW_MS = 100;

export function progressOn(stream: ProgressStream, env: NodeJS.ProcessEnv, now: () => number = Date.now): Progress {
  if (stream.isTTY !== true || env.CI) return { update() {}, announce() {}, done() {} };
  const start = now();
  let drawnAt: number | undefined;
  const draw = (text: string) => {
    stream.write(`\r${text}\x1b[K`);
    drawnAt = now();
  };
  return {
    update(text) {
      const time = now();
      if (time - start < PROGRESS_AFTER_MS || (drawnAt !== undefined && time - drawnAt < REDRAW_MS)) return;
      draw(text);
    },
    announce: draw,
    done() {
      if (drawnAt !== undefined) stream.write('\r\x1b[K');
      drawnAt = undefined;
    },
  };
}
