/**
 * The schemas of the Calico CRDs a cluster serves, from its CustomResourceDefinitions (listed
 * through the API, or found in a dump). The `calico` chart and the `calico-crds` chart are upgraded
 * separately: a field the new chart sets that the installed CRD does not know is silently dropped
 * by the API server (pruning), so the diff compares what it will set with these schemas.
 */
import { CALICO_API_VERSION, CALICO_GROUP } from '../core/calico';
import { isMap } from '../util/json';
import { collectionPath } from './discovery';
import type { ApiClient } from './transport';

/** Kind → the openAPIV3Schema of its served crd.projectcalico.org/v1 version. */
export type CrdSchemas = ReadonlyMap<string, Record<string, unknown>>;

const VERSION = CALICO_API_VERSION.slice(CALICO_GROUP.length + 1);
/** CRDs can be large (some operators' run to a megabyte each): few to a page. */
const CRD_PAGE_SIZE = 50;

/** The kind and schema of a Calico CRD object; undefined for any other object. */
export function calicoCrdSchema(object: Record<string, unknown>): { kind: string; schema: Record<string, unknown> } | undefined {
  if (object.kind !== 'CustomResourceDefinition' || !isMap(object.spec) || object.spec.group !== CALICO_GROUP) return undefined;
  const kind = isMap(object.spec.names) ? object.spec.names.kind : undefined;
  const versions = Array.isArray(object.spec.versions) ? object.spec.versions : [];
  const version = versions.find((v): v is Record<string, unknown> => isMap(v) && v.name === VERSION && v.served !== false);
  const schema = isMap(version?.schema) ? version.schema.openAPIV3Schema : undefined;
  return typeof kind === 'string' && isMap(schema) ? { kind, schema } : undefined;
}

/** Collects the Calico CRDs among the objects it is shown. */
export class CrdCollector {
  private readonly schemas = new Map<string, Record<string, unknown>>();
  private seen = false;

  add(object: Record<string, unknown>): void {
    const crd = calicoCrdSchema(object);
    if (!crd) return;
    this.seen = true;
    this.schemas.set(crd.kind, crd.schema);
  }

  /** undefined when no Calico CRD was seen (a dump made without them) */
  finish(): CrdSchemas | undefined {
    return this.seen ? this.schemas : undefined;
  }
}

/** Lists every CRD page by page and keeps the Calico ones' schemas. */
export async function readCalicoCrds(client: ApiClient): Promise<CrdSchemas> {
  const schemas = new Map<string, Record<string, unknown>>();
  await client.listPages(collectionPath('apiextensions.k8s.io/v1', 'customresourcedefinitions'), {}, (page) => {
    for (const item of Array.isArray(page.items) ? page.items : []) {
      const crd = isMap(item) ? calicoCrdSchema({ kind: 'CustomResourceDefinition', ...item }) : undefined;
      if (crd) schemas.set(crd.kind, crd.schema);
    }
  }, CRD_PAGE_SIZE);
  return schemas;
}
