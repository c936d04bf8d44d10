/**
 * Which live objects belong to the Helm release. Helm prunes what the release's last manifest
 * listed and the new one does not; it adopts an existing object only when the object carries its
 * ownership metadata (helm/pkg/action/validate.go, existingResourceConflict).
 */
import { type KubeObject, objectKey, type ObjectRef } from '../core/kube';
import { type HelmRelease } from '../live/types';

export const RELEASE_NAME_ANNOTATION = 'meta.helm.sh/release-name';
export const RELEASE_NAMESPACE_ANNOTATION = 'meta.helm.sh/release-namespace';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

export interface ReleaseRef {
  name: string;
  namespace: string;
}

/** The label and annotations Helm requires before it will take over an existing object. */
export function hasOwnershipMetadata(live: KubeObject, release: ReleaseRef): boolean {
  const annotations = live.metadata.annotations ?? {};
  return (
    live.metadata.labels?.[MANAGED_BY_LABEL] === 'Helm' &&
    annotations[RELEASE_NAME_ANNOTATION] === release.name &&
    annotations[RELEASE_NAMESPACE_ANNOTATION] === release.namespace
  );
}

export class ReleaseOwnership {
  private readonly manifest: Set<string> | undefined;

  constructor(
    private readonly release: ReleaseRef,
    /** the deployed release, when it was read; null when it does not exist */
    deployed: HelmRelease | null | undefined,
  ) {
    this.manifest = deployed === undefined ? undefined : new Set((deployed?.manifest ?? []).map((ref: ObjectRef) => objectKey(ref)));
  }

  /**
   * Whether the release owns the object, so an upgrade updates or prunes it: listed in its
   * manifest when the release was read, else carrying its ownership metadata.
   */
  inRelease(live: KubeObject): boolean {
    if (!this.manifest) return hasOwnershipMetadata(live, this.release);
    if (this.manifest.has(objectKey(live))) return true;
    // a manifest entry without a namespace stands for the release namespace
    const namespace = live.metadata.namespace;
    return namespace === this.release.namespace && this.manifest.has(objectKey({ ...live, metadata: { ...live.metadata, namespace: undefined } }));
  }
}
