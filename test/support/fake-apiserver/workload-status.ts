// The status controllers report for healthy, fully rolled-out workloads.
type Obj = Record<string, any>;

function condition(type: string, reason: string, message: string, time: string): Obj {
  return { lastTransitionTime: time, lastUpdateTime: time, message, reason, status: 'True', type };
}

function deploymentStatus(obj: Obj, time: string): Obj {
  const replicas = obj.spec?.replicas ?? 1;
  const name = obj.metadata.name;
  return {
    availableReplicas: replicas,
    conditions: [
      condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', time),
      condition('Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${name}-5d4f8b9c7b" has successfully progressed.`, time),
    ],
    observedGeneration: obj.metadata.generation,
    readyReplicas: replicas,
    replicas,
    updatedReplicas: replicas,
  };
}

function daemonSetStatus(obj: Obj, nodes: number): Obj {
  return {
    currentNumberScheduled: nodes,
    desiredNumberScheduled: nodes,
    numberAvailable: nodes,
    numberMisscheduled: 0,
    numberReady: nodes,
    observedGeneration: obj.metadata.generation,
    updatedNumberScheduled: nodes,
  };
}

function pdbStatus(obj: Obj, time: string): Obj {
  return {
    conditions: [{ lastTransitionTime: time, message: '', observedGeneration: obj.metadata.generation, reason: 'SufficientPods', status: 'True', type: 'DisruptionAllowed' }],
    currentHealthy: 1,
    desiredHealthy: 0,
    disruptionsAllowed: 1,
    expectedPods: 1,
    observedGeneration: obj.metadata.generation,
  };
}

/** A status for the kinds whose controllers report one, or undefined. */
export function workloadStatus(obj: Obj, time: string, nodes: number): Obj | undefined {
  switch (obj.kind) {
    case 'Deployment':
      return deploymentStatus(obj, time);
    case 'DaemonSet':
      return daemonSetStatus(obj, nodes);
    case 'PodDisruptionBudget':
      return pdbStatus(obj, time);
    case 'Service':
      return { loadBalancer: {} };
    default:
      return undefined;
  }
}
