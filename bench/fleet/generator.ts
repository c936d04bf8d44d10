/**
 * Writes a synthetic fleet of cluster definitions into a folder laid out like a fleet repository:
 * `clusters/<name>.ts`, `clusters/shared/{fleet,routers}.ts`, `clusters/shared/groups/*.ts`, and
 * calico-gen installed (`node_modules/calico-gen`, a link to the measured build) so that the
 * definitions' `import ... from 'calico-gen'` resolves.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GROUPS, clusterModule, clusterPlan, type ClusterPlan } from './clusters';
import { fleetRouters, routersModule, type FleetRouter } from './routers';
import { fleetModule, groupModule } from './shared';

export interface FleetOptions {
  /** an empty or missing folder */
  dir: string;
  clusters: number;
  /** the calico-gen build the definitions import (`calico-gen`) */
  projectRoot: string;
}

export interface GeneratedFleet {
  dir: string;
  clusters: ClusterPlan[];
  routers: FleetRouter[];
  groups: string[];
}

export const ROUTERS_FILE = path.join('clusters', 'shared', 'routers.ts');

export function generateFleet(options: FleetOptions): GeneratedFleet {
  const { dir } = options;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir}: not empty; the generator only writes into a new folder`);
  const clusters = Array.from({ length: options.clusters }, (_, index) => clusterPlan(index));
  const routers = fleetRouters();
  const groups = GROUPS.filter((group) => clusters.some((c) => c.group === group));
  const write = (relative: string, content: string) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  write(ROUTERS_FILE, routersModule(routers));
  write(path.join('clusters', 'shared', 'fleet.ts'), fleetModule());
  for (const group of groups) write(path.join('clusters', 'shared', 'groups', `${group}.ts`), groupModule(group));
  for (const plan of clusters) write(path.join('clusters', `${plan.name}.ts`), clusterModule(plan));
  write('.gitignore', 'node_modules/\ngenerated/\n');
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.symlinkSync(options.projectRoot, path.join(dir, 'node_modules', 'calico-gen'), 'dir');
  return { dir, clusters, routers, groups };
}

/** Makes the fleet a git repository with one commit, for `calico-gen review`. */
export function commitFleet(dir: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=calico-gen bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic fleet');
}

/** Moves the first router to a new IPv4 address: a one-router change that touches every cluster. Returns the undo. */
export function changeOneRouter(fleet: GeneratedFleet): () => void {
  const file = path.join(fleet.dir, ROUTERS_FILE);
  const original = fs.readFileSync(file, 'utf8');
  const router = fleet.routers[0]!;
  const from = `ipv4: '${router.ipv4}'`;
  const changed = original.replace(from, `ipv4: '192.0.2.250'`);
  if (changed === original) throw new Error(`${file}: ${from} not found`);
  fs.writeFileSync(file, changed);
  return () => fs.writeFileSync(file, original);
}

/** Rewrites one cluster file with a different setting (its expected node count), as a person editing it would. */
export function editCluster(fleet: GeneratedFleet, plan: ClusterPlan, revision: number): void {
  fs.writeFileSync(path.join(fleet.dir, 'clusters', `${plan.name}.ts`), clusterModule(plan, revision));
}
