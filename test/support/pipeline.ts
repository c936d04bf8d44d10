/** The pipeline as review and diff run it: every step, objects kept, nothing cached. */
import { runPipeline, synthesizedOf } from '../../src/pipeline';
import type { Finding } from '../../src/core/findings';
import type { SynthesizedCluster } from '../../src/synth/synthesize';

export async function synthesizeFleet(options: { clustersDir: string; only?: readonly string[] }): Promise<{ clusters: SynthesizedCluster[]; findings: Finding[] }> {
  const fleet = await runPipeline({ clustersDir: options.clustersDir, clusters: options.only ?? [], cache: false, keepObjects: true });
  return { clusters: fleet.clusters.flatMap((result) => synthesizedOf(result) ?? []), findings: fleet.findings };
}
