/**
 * The cdk8s app, so that the standard `cdk8s synth` (cdk8s.yaml) renders the same manifests as
 * `calico-gen synth`: the definitions in `clusters/` of the working folder go through the pipeline
 * up to their values, and per cluster cdk8s synthesises the chart and its BGPPeers itself, into
 * cdk8s.out/<cluster>.k8s.yaml and cdk8s.out/<cluster>-bgppeers.k8s.yaml.
 */
import * as path from 'node:path';
import { App } from 'cdk8s';
import { runPipeline } from './pipeline';
import { addCharts } from './synth/manifests';

async function main(): Promise<number> {
  const fleet = await runPipeline({ clustersDir: path.resolve('clusters'), until: 'values', keepObjects: true });
  if (fleet.findings.length > 0) {
    for (const finding of fleet.findings) console.error(`${finding.source?.file}: ${finding.path}: ${finding.message}`);
    return 1;
  }
  for (const { kept } of fleet.clusters) {
    // one App per cluster: an App re-validates every chart it holds on each synthesis
    const app = new App();
    addCharts(app, kept!.cluster.name, kept!.values, kept!.cluster.spec.release);
    app.synth();
  }
  return 0;
}

void main().then((status) => {
  process.exitCode = status;
});
