/** Kind → resource (plural name, namespaced or not) from the API server's discovery documents. */
import type { ApiClient } from './transport';
import { LiveReadError } from './errors';

export interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

export class Discovery {
  private readonly groupVersions = new Map<string, Promise<ApiResource[] | undefined>>();

  constructor(private readonly client: ApiClient) {}

  /** undefined when the server does not serve the kind (a CRD that is not installed) */
  async resource(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    let resources = this.groupVersions.get(apiVersion);
    if (!resources) {
      resources = this.fetch(apiVersion);
      this.groupVersions.set(apiVersion, resources);
    }
    const found = (await resources)?.find((r) => r.kind === kind && !r.name.includes('/'));
    return found ? { plural: found.name, namespaced: found.namespaced } : undefined;
  }

  private async fetch(apiVersion: string): Promise<ApiResource[] | undefined> {
    try {
      const list = await this.client.get(apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`);
      return (list.resources as ApiResource[] | undefined) ?? [];
    } catch (error) {
      if (error instanceof LiveReadError && error.status === 404) return undefined;
      throw error;
    }
  }
}

export function collectionPath(apiVersion: string, plural: string, namespace?: string): string {
  const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return namespace ? `${root}/namespaces/${encodeURIComponent(namespace)}/${plural}` : `${root}/${plural}`;
}
