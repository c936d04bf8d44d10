import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL, ANY_KEY, formatPath } from '../../src/diff/field-path';
import { canonicalJson, normalisePair } from '../../src/diff/normalise';
import type { NormalisationRule } from '../../src/diff/normalisation/rule';
import { builtInNormalisationRules } from '../../src/diff/normalisation';
import { obj } from './helpers';

const same = (desired: string, live: string, rules: readonly NormalisationRule[] = builtInNormalisationRules) => {
  const n = normalisePair(obj(desired), obj(live), rules);
  return canonicalJson(n.desired) === canonicalJson(n.live);
};

test('server-owned metadata, status and bookkeeping annotations are never a change', () => {
  assert.ok(same(
    '{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: ns}, data: {a: "1"}}',
    `{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: ns, uid: u-1, resourceVersion: "42", generation: 3, creationTimestamp: "2025-01-01T00:00:00Z",
      selfLink: /api/v1/x, managedFields: [{manager: helm}], annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}", meta.helm.sh/release-name: calico, meta.helm.sh/release-namespace: kube-system}},
      data: {a: "1"}, status: {x: 1}}`,
  ));
});

test('a real change survives normalisation', () => {
  assert.ok(!same('{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: "1"}}', '{apiVersion: v1, kind: ConfigMap, metadata: {name: c, uid: x}, data: {a: "2"}}'));
  assert.ok(!same('{apiVersion: v1, kind: ConfigMap, metadata: {name: c, annotations: {team: net}}}', '{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}'));
});

test("Calico's IPPool defaults equal to the default are no change, on either side", () => {
  const desired = '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, ipipMode: Never}}';
  const live = '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, blockSize: 26, nodeSelector: all(), allowedUses: [Workload, Tunnel], ipipMode: Never, vxlanMode: Never, natOutgoing: false}}';
  assert.ok(same(desired, live));
  // 26 is only the IPv4 default
  assert.ok(same('{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: "fd00::/64"}}', '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: "fd00::/64", blockSize: 122}}'));
  assert.ok(!same('{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: "fd00::/64"}}', '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: "fd00::/64", blockSize: 26}}'));
  assert.ok(!same(desired, live.replace('natOutgoing: false', 'natOutgoing: true')));
});

test('CIDRs and addresses compare in canonical form', () => {
  assert.ok(same(
    '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:DB8:0::/48"}}',
    '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:db8::/48"}}',
  ));
  assert.ok(same(
    '{apiVersion: crd.projectcalico.org/v1, kind: BGPPeer, metadata: {name: p}, spec: {peerIP: "2001:DB8::0:1"}}',
    '{apiVersion: crd.projectcalico.org/v1, kind: BGPPeer, metadata: {name: p}, spec: {peerIP: "2001:db8::1"}}',
  ));
});

const deployment = (spec: string) => `{apiVersion: apps/v1, kind: Deployment, metadata: {name: d, namespace: ns}, spec: ${spec}}`;

test("Kubernetes' defaults on a workload are no change", () => {
  const desired = deployment(`{selector: {matchLabels: {app: d}}, template: {metadata: {labels: {app: d}}, spec: {containers: [{name: c, image: "r/c:v1",
    readinessProbe: {httpGet: {path: /r, port: 9098}}, ports: [{containerPort: 80}], env: [{name: N, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}]}],
    volumes: [{name: v, hostPath: {path: /x}}, {name: cm, configMap: {name: cm}}]}}}`);
  const live = deployment(`{replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}},
    selector: {matchLabels: {app: d}}, template: {metadata: {creationTimestamp: null, labels: {app: d}}, spec: {dnsPolicy: ClusterFirst, restartPolicy: Always,
    schedulerName: default-scheduler, securityContext: {}, terminationGracePeriodSeconds: 30, enableServiceLinks: true, priority: 0,
    containers: [{name: c, image: "r/c:v1", imagePullPolicy: IfNotPresent, terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File, resources: {},
    readinessProbe: {httpGet: {path: /r, port: 9098, scheme: HTTP}, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3},
    ports: [{containerPort: 80, protocol: TCP}], env: [{name: N, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: spec.nodeName}}}]}],
    volumes: [{name: v, hostPath: {path: /x, type: ""}}, {name: cm, configMap: {name: cm, defaultMode: 420}}]}}}`);
  assert.ok(same(desired, live));
  assert.ok(!same(desired, live.replace('replicas: 1', 'replicas: 2')));
  assert.ok(!same(desired, live.replace('timeoutSeconds: 1', 'timeoutSeconds: 5')));
});

test('imagePullPolicy defaults by the image tag', () => {
  const pod = (image: string, policy: string) => `{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: "${image}"${policy ? `, imagePullPolicy: ${policy}` : ''}}]}}`;
  assert.ok(same(pod('r/c:v1', ''), pod('r/c:v1', 'IfNotPresent')));
  assert.ok(same(pod('r/c:latest', ''), pod('r/c:latest', 'Always')));
  assert.ok(same(pod('r:5000/c', ''), pod('r:5000/c', 'Always')));
  assert.ok(!same(pod('r/c:v1', ''), pod('r/c:v1', 'Always')));
});

test('quantities compare by value; int-or-string digits equal the number', () => {
  const pod = (requests: string, port: string) => `{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: "r/c:v1", resources: {requests: ${requests}}, livenessProbe: {httpGet: {port: ${port}}}}]}}`;
  assert.ok(same(pod('{memory: 1.5Gi, cpu: "0.5"}', '9098'), pod('{memory: 1536Mi, cpu: 500m}', '"9098"')));
  assert.ok(!same(pod('{memory: 1.5Gi}', '9098'), pod('{memory: 1500Mi}', '9098')));
  assert.ok(!same(pod('{memory: 1Gi}', 'health'), pod('{memory: 1Gi}', '9098')));
});

test('server-assigned fields are taken from live when desired leaves them out, and compared when it does not', () => {
  const service = (spec: string) => `{apiVersion: v1, kind: Service, metadata: {name: s, namespace: ns}, spec: ${spec}}`;
  const live = service('{type: ClusterIP, sessionAffinity: None, internalTrafficPolicy: Cluster, clusterIP: 10.96.0.7, clusterIPs: [10.96.0.7], ipFamilies: [IPv4], ipFamilyPolicy: SingleStack, ports: [{port: 5473, protocol: TCP, targetPort: 5473}]}');
  assert.ok(same(service('{ports: [{port: 5473}]}'), live));
  assert.ok(!same(service('{clusterIP: 10.96.0.8, ports: [{port: 5473}]}'), live));
  // targetPort defaults to the port, not to anything
  assert.ok(!same(service('{ports: [{port: 5473, targetPort: 80}]}'), live));
});

test('lists the API treats as sets ignore order; ordered lists do not', () => {
  const role = (verbs: string, rules = '') => `{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: r}, rules: [{apiGroups: [""], resources: [pods], verbs: ${verbs}}${rules}]}`;
  assert.ok(same(role('[get, list, watch]'), role('[watch, get, list]')));
  assert.ok(same(role('[get]', ', {apiGroups: [apps], resources: [deployments], verbs: [list]}'), `{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: r}, rules: [{apiGroups: [apps], resources: [deployments], verbs: [list]}, {apiGroups: [""], resources: [pods], verbs: [get]}]}`));
  assert.ok(!same(role('[get, list]'), role('[get]')));
  const env = (names: string) => `{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: "r/c:v1", env: ${names}}]}}`;
  assert.ok(!same(env('[{name: A, value: "1"}, {name: B, value: "2"}]'), env('[{name: B, value: "2"}, {name: A, value: "1"}]')));
});

test('a rule written by a user, in the same form as the built-in ones, applies', () => {
  const desired = '{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: 1Gi, colour: red}}';
  const live = '{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: 1024Mi, colour: red, shade: light, owner: someone}}';
  assert.ok(!same(desired, live));
  const mine: NormalisationRule = {
    reason: 'the widget controller fills in a shade and an owner',
    match: { apiGroup: 'example.com', kinds: ['Widget'] },
    ignore: [['spec', 'owner']],
    defaults: [{ path: ['spec', 'shade'], value: 'light' }],
    quantities: [['spec', 'size']],
  };
  assert.ok(same(desired, live, [...builtInNormalisationRules, mine]));
  // the rule matches its group only
  assert.ok(!same(desired.replace('example.com', 'other.io'), live.replace('example.com', 'other.io'), [...builtInNormalisationRules, mine]));
});

test('field paths print as people write them', () => {
  assert.equal(formatPath(['spec', 'template', 'spec', 'containers', ALL, 'resources', 'limits', ANY_KEY]), 'spec.template.spec.containers[*].resources.limits.*');
  assert.equal(formatPath(['metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration']), 'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]');
});
