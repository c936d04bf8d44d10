/**
 * Runs a command and writes, when it ends, its wall time and the peak of the summed resident set
 * size of its whole process tree (it and every process it started, read from /proc every 10 ms).
 * calico-gen evaluates definitions in worker processes: the kernel's ru_maxrss (GNU time) sees
 * only the largest one, which would understate what a run takes. Usage:
 *   node tree-rss.js OUT_FILE COMMAND [ARGS...]   (OUT_FILE gets "<seconds> <peak KiB>")
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

const [out, command, ...args] = process.argv.slice(2);

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const listed = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (listed) found.push(...listed.split(' ').map(Number));
    }
  } catch {
    // gone meanwhile
  }
  return found;
}

function rssKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const treeKiB = (pid: number): number => rssKiB(pid) + childrenOf(pid).reduce((sum, child) => sum + treeKiB(child), 0);

const start = process.hrtime.bigint();
const child = spawn(command!, args, { stdio: 'inherit' });
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, treeKiB(child.pid!))), 10);
child.on('exit', (code, signal) => {
  clearInterval(sampler);
  fs.writeFileSync(out!, `${Number(process.hrtime.bigint() - start) / 1e9} ${peak}\n`);
  process.exitCode = code ?? (signal ? 128 : 1);
});
