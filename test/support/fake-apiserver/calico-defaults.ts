// Fields Calico fills into its own objects once it runs (calico-node and
// kube-controllers write defaults back into the crd.projectcalico.org
// resources). Opt-in: a test of the diff's normalisation asks for them with
// `calicoDefaults: true`; by default live objects equal what Helm applied.
type Obj = Record<string, any>;

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined) target[key] = value;
}

function defaultIPPool(spec: Obj): void {
  const ipv6 = String(spec.cidr ?? '').includes(':');
  setDefault(spec, 'blockSize', ipv6 ? 122 : 26);
  setDefault(spec, 'nodeSelector', 'all()');
  setDefault(spec, 'allowedUses', ['Workload', 'Tunnel']);
  setDefault(spec, 'ipipMode', 'Never');
  setDefault(spec, 'vxlanMode', 'Never');
}

export function applyCalicoDefaults(obj: Obj): void {
  if (obj.apiVersion !== 'crd.projectcalico.org/v1') return;
  obj.spec ??= {};
  if (obj.kind === 'IPPool') defaultIPPool(obj.spec);
  if (obj.kind === 'BGPConfiguration') setDefault(obj.spec, 'logSeverityScreen', 'Info');
}
