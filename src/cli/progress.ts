/**
 * Progress on standard error for runs that take more than a second: only on a terminal, and
 * never in CI (CI set) — logs and pipes get nothing. One line, rewritten in place, erased when done.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterRunProgress } from '../api/each-cluster';

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

/** A run over clusters as progress lines: synthesising, then reading (`reading` says what), each large dump announced. */
export function clusterRunProgress(progress: Progress, cwd: string, reading: string): (step: ClusterRunProgress) => void {
  return (step) => {
    if (step.phase === 'dump') announceLargeDump(progress, step.file, cwd);
    else progress.update(`${step.phase === 'synthesise' ? 'synthesising' : reading}: ${step.done} of ${step.total} clusters`);
  };
}

/** Above this size a dump takes a second or more to read (it is parsed in one go): say so at once. */
const LARGE_DUMP_BYTES = 8 * 1024 * 1024;

/** `reading live.json (46 MB)`, at once, for a dump large enough to take a while. */
export function announceLargeDump(progress: Progress, file: string, cwd: string): void {
  const size = fileSize(path.resolve(cwd, file));
  if (size >= LARGE_DUMP_BYTES) progress.announce(`reading ${file} (${Math.round(size / 1024 / 1024)} MB)`);
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
