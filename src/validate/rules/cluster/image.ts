/**
 * The chart builds every image as `<repository>/<imageName>:v<tag>` (appVersion when the tag is
 * empty), so `image.tag` must be a bare version such as `3.30.7`.
 */
import { CHART } from '../../../model/chart-defaults';
import { defineRule } from '../../rule';
import type { ClusterInput } from './input';
import { valueAt } from './view';

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function tagOf(cluster: ClusterInput): string | undefined {
  const tag = valueAt(cluster.values, 'image', 'tag');
  return typeof tag === 'string' ? tag : undefined; // another type is the schema's finding
}

export const imageTagPrefix = defineRule({
  scope: 'cluster',
  id: 'image-tag-prefix',
  severity: 'error',
  description: 'image.tag has no leading `v`: the chart adds its own',
  check(cluster) {
    const tag = tagOf(cluster);
    if (tag === undefined || !/^[vV]\d/.test(tag)) return [];
    return [
      {
        object: 'values',
        path: '/image/tag',
        message: `image tag ${JSON.stringify(tag)} starts with "v", and the chart adds its own: the images would be tagged "v${tag}", which does not exist; write ${JSON.stringify(tag.slice(1))}`,
      },
    ];
  },
});

export const imageTagNotVersion = defineRule({
  scope: 'cluster',
  id: 'image-tag-not-version',
  severity: 'error',
  description: 'image.tag is empty (the chart\'s appVersion) or a bare version MAJOR.MINOR.PATCH such as 3.30.7',
  check(cluster) {
    const tag = tagOf(cluster);
    if (tag === undefined || tag === '' || VERSION.test(tag) || /^[vV]\d/.test(tag)) return [];
    return [
      {
        object: 'values',
        path: '/image/tag',
        message:
          `image tag ${JSON.stringify(tag)} is not a bare version: the chart pulls "<image>:v${tag}", and Calico images are tagged only by full version; ` +
          `write a version such as "${CHART.appVersion}", or leave the tag empty for the chart's appVersion`,
      },
    ];
  },
});

/** The Calico version the images run: the tag (with or without a stray `v`), else the appVersion. */
export function calicoVersionOf(cluster: ClusterInput): { major: number; minor: number; text: string } | undefined {
  const tag = tagOf(cluster);
  const text = tag ? tag.replace(/^[vV]/, '') : CHART.appVersion;
  const match = /^(\d+)\.(\d+)/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]), text } : undefined;
}

export const ipamBlocksNeverReleased = defineRule({
  scope: 'cluster',
  id: 'ipam-blocks-never-released',
  severity: 'warning',
  description: 'Calico before 3.20 never releases an IPAM block once a node holds it: the pool must hold every node that ever joins',
  check(cluster) {
    if (cluster.values === undefined) return [];
    const version = calicoVersionOf(cluster);
    if (!version || version.major > 3 || (version.major === 3 && version.minor >= 20)) return [];
    return [
      {
        object: 'values',
        path: '/image/tag',
        message:
          `Calico ${version.text} never releases an IPAM block once assigned (empty blocks are freed from 3.20 on): every node that ever joined ` +
          'keeps its blocks, so node churn exhausts the pool; upgrade to 3.20 or later, or size the pool for every node the cluster will ever have',
      },
    ];
  },
});
