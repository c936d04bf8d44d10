import type { Hit } from '../../../core/findings';
import { booleanAt, isSet, own } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION } from '../../../core/calico';

const MESH_FIELDS = [
  ['nodeMeshPassword', 'NodeMeshPassword'],
  ['nodeMeshMaxRestartTime', 'NodeMeshMaxRestartTime'],
] as const;

export const bgpconfigMeshDisabledFields = defineRule({
  scope: 'object',
  id: 'bgpconfig-mesh-disabled-fields',
  severity: 'error',
  description: 'nodeMeshPassword and nodeMeshMaxRestartTime are not set when nodeToNodeMeshEnabled is false',
  kinds: [BGPCONFIGURATION],
  check({ spec }) {
    if (booleanAt(spec, 'nodeToNodeMeshEnabled') !== false) return [];
    return MESH_FIELDS.filter(([field]) => isSet(own(spec, field))).map(
      ([field, goName]): Hit =>
        hit(
          `/spec/${field}`,
          `spec.${goName} cannot be set if spec.NodeToNodeMesh is disabled: nodeToNodeMeshEnabled is false, so ` +
            `${field} has nothing to apply to. Remove it (or enable the mesh).`,
        ),
    );
  },
});
