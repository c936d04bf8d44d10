// managedFields as the API server records them for client-side (Update)
// writes: a FieldsV1 set per manager. Helm 3 writes with manager "helm";
// controllers then own status.
type Obj = Record<string, any>;

const SERVER_OWNED_METADATA = new Set(['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'name', 'namespace']);

function isMap(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listFields(list: unknown[]): Obj {
  // Lists merged by name (containers, ports, env, volumes) are keyed that way;
  // atomic lists are owned as a whole.
  if (!list.every((item) => isMap(item) && typeof item.name === 'string')) return {};
  const fields: Obj = { '.': {} };
  for (const item of list as Obj[]) fields[`k:${JSON.stringify({ name: item.name })}`] = { '.': {}, ...mapFields(item) };
  return fields;
}

function mapFields(map: Obj): Obj {
  const fields: Obj = {};
  for (const [key, value] of Object.entries(map)) {
    if (isMap(value)) fields[`f:${key}`] = Object.keys(value).length ? { '.': {}, ...mapFields(value) } : {};
    else if (Array.isArray(value)) fields[`f:${key}`] = listFields(value);
    else fields[`f:${key}`] = {};
  }
  return fields;
}

/** The FieldsV1 set of everything a client wrote: the object minus server-owned parts. */
export function clientFields(obj: Obj): Obj {
  const { apiVersion: _a, kind: _k, status: _s, metadata = {}, ...rest } = obj;
  const ownMetadata = Object.fromEntries(Object.entries(metadata as Obj).filter(([k]) => !SERVER_OWNED_METADATA.has(k)));
  const fields = mapFields(rest);
  const metaFields = mapFields(ownMetadata);
  return Object.keys(metaFields).length ? { 'f:metadata': metaFields, ...fields } : fields;
}

export function managedFieldsEntry(manager: string, apiVersion: string, time: string, fieldsV1: Obj, subresource?: string): Obj {
  return { apiVersion, fieldsType: 'FieldsV1', fieldsV1, manager, operation: 'Update', ...(subresource ? { subresource } : {}), time };
}
