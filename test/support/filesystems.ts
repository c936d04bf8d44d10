/**
 * Real file systems that fail: a tmpfs too small for what is written (ENOSPC), a read-only one
 * (EROFS). Mounting needs root (or CAP_SYS_ADMIN); without it the caller skips, saying why.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Mounts a tmpfs of `bytes` on the existing folder `dir`; returns why not when it cannot. */
export function mountTmpfs(dir: string, options: { bytes: number; readOnly?: boolean }): { unmount(): void } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'tmpfs is Linux' };
  if (process.getuid?.() !== 0) return { reason: 'mounting a tmpfs needs root' };
  const flags = [`size=${options.bytes}`, ...(options.readOnly ? ['ro'] : [])].join(',');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', flags, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return { reason: `mount -t tmpfs failed: ${(mounted.stderr || mounted.error?.message || '').trim()}` };
  return {
    unmount: () => {
      spawnSync('umount', [dir]);
    },
  };
}

/** Bytes a folder's files take on a file system of 4 KiB pages (tmpfs allocates whole pages). */
export function pagesUsed(dir: string): number {
  let bytes = 0;
  for (const relative of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = fs.statSync(path.join(dir, relative));
    if (stat.isFile()) bytes += Math.ceil(stat.size / 4096) * 4096;
  }
  return bytes;
}
