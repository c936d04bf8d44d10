/**
 * The cdk8s app, so that the standard `cdk8s synth` (cdk8s.yaml) renders the same manifests as
 * `calico-gen synth`: per cluster the chart and its BGPPeers, written to cdk8s.out/<cluster>.k8s.yaml
 * and cdk8s.out/<cluster>-bgppeers.k8s.yaml.
 */
import * as path from 'node:path';
import { App } from 'cdk8s';
import { CalicoChart } from './calico-chart';
import { BgpPeersChart, bgpPeersInput } from './bgp-peers-chart';
import { resolveFleet } from '../src/pipeline';
import { emitValues } from '../src/values/emit';
import { CHART, effectiveValues } from '../src/model/chart-defaults';

const projectRoot = path.resolve(__dirname, '..', '..');
const { resolved, findings } = resolveFleet({ clustersDir: path.join(projectRoot, 'clusters') });
if (findings.length > 0) {
  for (const finding of findings) console.error(`${finding.source?.file}: ${finding.path}: ${finding.message}`);
  process.exit(1);
}
for (const cluster of resolved) {
  // one App per cluster: an App re-validates every chart it holds on each synthesis
  const app = new App();
  const input = { values: effectiveValues(emitValues(cluster.spec)), release: cluster.spec.release, chart: CHART };
  new CalicoChart(app, cluster.name, input);
  new BgpPeersChart(app, `${cluster.name}-bgppeers`, bgpPeersInput(input));
  app.synth();
}
