/**
 * What users run today: `helm template` of the calico chart with each cluster's values file, one
 * after the other, as a helmfile pipeline does. Timed as one total per pass over the fleet.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { helmPath } from '../test/support/k8s-tools';
import { runProcess, summariseRuns, type RssMethod, type Stats } from './measure';

export interface HelmPass {
  /** relative to the project: results hold no machine paths */
  helm: string;
  chart: string;
  valuesFiles: number;
  /** Calico BGPPeers helm rendered for the first values file: the same objects calico-gen makes */
  bgpPeersFirstCluster: number;
  stats: Stats;
}

export function timeHelmTemplate(options: { projectRoot: string; valuesFiles: string[]; runs: number; rss: RssMethod }): HelmPass {
  const helm = helmPath();
  const chart = path.join(options.projectRoot, 'test', 'fixtures', 'calico-chart');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-bench-helm-'));
  const env = { HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home };
  const passes: { seconds: number; peakRssMiB: number | null }[] = [];
  let bgpPeersFirstCluster = 0;
  try {
    for (let pass = 0; pass < options.runs; pass++) {
      let peak: number | null = null;
      const start = process.hrtime.bigint();
      options.valuesFiles.forEach((valuesFile, index) => {
        const run = runProcess(
          { command: helm, args: ['template', 'calico', chart, '--namespace', 'kube-system', '-f', valuesFile], cwd: home, env },
          options.rss,
        );
        if (run.status !== 0) throw new Error(`helm template -f ${valuesFile} exited ${run.status}: ${run.stderr.trim()}`);
        if (pass === 0 && index === 0) bgpPeersFirstCluster = (run.stdout.match(/^kind: BGPPeer$/gm) ?? []).length;
        if (run.peakRssMiB !== null) peak = Math.max(peak ?? 0, run.peakRssMiB);
      });
      passes.push({ seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMiB: peak });
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  return { helm: path.relative(options.projectRoot, helm), chart: path.relative(options.projectRoot, chart), valuesFiles: options.valuesFiles.length, bgpPeersFirstCluster, stats: summariseRuns(passes) };
}
