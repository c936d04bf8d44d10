/** The minimal shape of a Kubernetes object as read from YAML or synthesised. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

export const CALICO_API_VERSION = 'crd.projectcalico.org/v1';
