// The defaults kube-apiserver writes into built-in objects on create, so that
// live objects differ from rendered manifests the way they do in a real
// cluster (a diff must not report these as changes).
type Obj = Record<string, any>;

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined) target[key] = value;
}

function imagePullPolicy(image: string | undefined): string {
  const lastSegment = (image ?? '').split('/').pop() ?? '';
  const tag = lastSegment.includes('@') ? 'digest' : lastSegment.split(':')[1];
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  if (probe.httpGet) setDefault(probe.httpGet, 'scheme', 'HTTP');
}

function defaultContainer(c: Obj): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'imagePullPolicy', imagePullPolicy(c.image));
  setDefault(c, 'resources', {});
  for (const port of c.ports ?? []) setDefault(port, 'protocol', 'TCP');
  for (const env of c.env ?? []) {
    if (env.valueFrom?.fieldRef) setDefault(env.valueFrom.fieldRef, 'apiVersion', 'v1');
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolume(v: Obj): void {
  if (v.configMap) setDefault(v.configMap, 'defaultMode', 420);
  if (v.secret) setDefault(v.secret, 'defaultMode', 420);
  if (v.hostPath) setDefault(v.hostPath, 'type', '');
  if (v.projected) setDefault(v.projected, 'defaultMode', 420);
}

export function defaultPodSpec(spec: Obj): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function defaultTemplate(spec: Obj): void {
  spec.template ??= {};
  spec.template.metadata ??= {};
  // The API server serialises the embedded ObjectMeta's zero time this way.
  setDefault(spec.template.metadata, 'creationTimestamp', null);
  spec.template.spec ??= {};
  defaultPodSpec(spec.template.spec);
}

function defaultDeployment(spec: Obj): void {
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  setDefault(spec, 'strategy', { type: 'RollingUpdate' });
  if (spec.strategy.type === 'RollingUpdate') setDefault(spec.strategy, 'rollingUpdate', { maxSurge: '25%', maxUnavailable: '25%' });
  defaultTemplate(spec);
}

function defaultDaemonSet(spec: Obj): void {
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'updateStrategy', { type: 'RollingUpdate' });
  if (spec.updateStrategy.type === 'RollingUpdate') setDefault(spec.updateStrategy, 'rollingUpdate', { maxSurge: 0, maxUnavailable: 1 });
  defaultTemplate(spec);
}

function defaultService(spec: Obj, clusterIP: string): void {
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  setDefault(spec, 'ipFamilies', ['IPv4']);
  setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
  setDefault(spec, 'clusterIP', clusterIP);
  setDefault(spec, 'clusterIPs', [spec.clusterIP]);
  for (const port of spec.ports ?? []) {
    setDefault(port, 'protocol', 'TCP');
    setDefault(port, 'targetPort', port.port);
  }
}

/** Applies, in place, the defaults the API server gives built-in kinds. `serial` makes Service IPs distinct. */
export function applyKubernetesDefaults(obj: Obj, serial: number): void {
  if (obj.kind === 'Secret') setDefault(obj, 'type', 'Opaque');
  if (!obj.spec) return;
  switch (obj.kind) {
    case 'Deployment':
      return defaultDeployment(obj.spec);
    case 'DaemonSet':
      return defaultDaemonSet(obj.spec);
    case 'Pod':
      return defaultPodSpec(obj.spec);
    case 'Service':
      return defaultService(obj.spec, `10.96.${Math.floor(serial / 250) % 250}.${(serial % 250) + 2}`);
  }
}
