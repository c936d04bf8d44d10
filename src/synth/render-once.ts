/**
 * cdk8s renders an ApiObject from its class, props, metadata and JSON patches alone (this chart
 * uses no tokens or lazy values), so objects built from equal inputs render to equal JSON. A fleet
 * builds the same objects in every cluster (each shared router's two BGPPeers, the workloads of
 * clusters on one release): cdk8s renders each distinct object once per process, and every cluster
 * gets the same deep-frozen result. Sharing the instance lets the later stages remember their work
 * per object by identity (rules, schemas, YAML) instead of comparing content again.
 */
import type { ApiObject } from 'cdk8s';
import type { KubeObject } from '../core/kube';
import { deepFreeze } from '../util/memo';

/** What ApiObject.toJson reads; cdk8s keeps these private. */
interface RenderInputs {
  props?: unknown;
  patches?: unknown;
}

const rendered = new Map<string, KubeObject>();
/** Bounds the memory: once full, further distinct objects are rendered each time. */
const LIMIT = 20_000;

/** Makes the object's toJson answer from, and fill, the process-wide table of rendered objects. */
export function renderOnce(object: ApiObject): void {
  const key = renderKey(object);
  if (key === undefined) return;
  const render = object.toJson.bind(object);
  object.toJson = () => {
    let json = rendered.get(key);
    if (!json) {
      json = deepFreeze(render() as KubeObject);
      if (rendered.size < LIMIT) rendered.set(key, json);
    }
    return json;
  };
}

/** undefined when the object's inputs are not plain data this module understands: render it as usual. */
function renderKey(object: ApiObject): string | undefined {
  const { props, patches } = object as unknown as RenderInputs;
  if (typeof props !== 'object' || props === null || !Array.isArray(patches) || patches.length > 0) return undefined;
  const { apiObject: _owner, ...metadata } = object.metadata as unknown as Record<string, unknown>;
  try {
    return JSON.stringify([object.constructor.name, props, metadata]);
  } catch {
    return undefined;
  }
}
