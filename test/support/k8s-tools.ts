// Real helm and kubectl binaries for tests, extracted on first use from the
// lambda-layer-kubectl devDependency by scripts/k8s-tools.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SCRIPT = join('scripts', 'k8s-tools.mjs');

interface K8sTools {
  helm: string;
  kubectl: string;
}

let cached: K8sTools | undefined;

/** The repository root: found by walking up, so this works from test/ and from dist/test/. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, SCRIPT))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${SCRIPT} above ${from}`);
    dir = parent;
  }
  return dir;
}

function extract(): K8sTools {
  const root = projectRoot();
  const out = execFileSync(process.execPath, [join(root, SCRIPT)], { cwd: root, encoding: 'utf8' });
  const [helm, kubectl] = out.trim().split('\n');
  if (!helm || !kubectl) throw new Error(`${SCRIPT} printed no paths: ${out}`);
  return { helm, kubectl };
}

function tools(): K8sTools {
  cached ??= extract();
  return cached;
}

/** Absolute path of the helm v3 binary. */
export function helmPath(): string {
  return tools().helm;
}

/** Absolute path of the kubectl binary. */
export function kubectlPath(): string {
  return tools().kubectl;
}
