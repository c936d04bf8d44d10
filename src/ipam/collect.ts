/**
 * Builds the IPAM state one object at a time, so a reader can hand over each listed page or dump
 * item and drop it: nothing of the raw object is kept. Malformed objects give one located warning
 * each (rule `ipam-object-malformed`) and the rest is still counted.
 */
import type { Finding } from '../core/findings';
import { listShape } from '../core/dump/shape';
import type { BlockAffinity, IpamBlock, IpamConfigSpec, IpamKind, IpamState, ObjectOrigin, PoolGeometry } from './model';
import { isMap, readBlock, type ReportMalformed } from './read-block';
import { readBlockAffinity, readIpamConfig, readIpamHandle, readIpPool, readNodeLabels, versionOfImage } from './read-objects';

export const MALFORMED_RULE = {
  id: 'ipam-object-malformed',
  severity: 'warning',
  description: 'A live IPAM object (IPAMBlock, BlockAffinity, IPAMHandle, IPPool) that Calico would not have written is reported and counted as far as it can be',
} as const;

interface PendingWarning {
  object: string;
  path: string;
  message: string;
  origin?: ObjectOrigin;
}

const CALICO_GROUP = 'crd.projectcalico.org';

/** The IPAM kind of a Kubernetes object, or undefined for anything else. */
export function ipamKindOf(apiVersion: unknown, kind: unknown): IpamKind | undefined {
  if (apiVersion === 'v1' && kind === 'Node') return 'Node';
  if (typeof apiVersion !== 'string' || !apiVersion.startsWith(`${CALICO_GROUP}/`)) return undefined;
  return kind === 'IPPool' || kind === 'IPAMBlock' || kind === 'BlockAffinity' || kind === 'IPAMHandle' || kind === 'IPAMConfig' ? kind : undefined;
}

export class IpamCollector {
  private readonly nodes = new Map<string, Record<string, string>>();
  private readonly pools: PoolGeometry[] = [];
  private readonly blocks: IpamBlock[] = [];
  private readonly affinities: BlockAffinity[] = [];
  private handles = 0;
  private config?: IpamConfigSpec;
  private calicoVersion?: string;
  private readonly kinds = new Set<IpamKind>();
  private readonly warnings: PendingWarning[] = [];

  constructor(private readonly cluster: string) {}

  /** A kind was listed, even if the list was empty (a dump cannot say so: kubectl prints nothing). */
  markRead(kind: IpamKind): void {
    this.kinds.add(kind);
  }

  /** The running Calico version, when the reader knows it from another source. */
  setCalicoVersion(version: string): void {
    this.calicoVersion = version;
  }

  /**
   * Takes one object. Returns whether it is IPAM state (a Node or one of the Calico IPAM kinds);
   * anything else is left to the caller, except that calico-node's DaemonSet gives the version.
   */
  add(object: Record<string, unknown>, origin?: ObjectOrigin): boolean {
    const kind = ipamKindOf(object.apiVersion, object.kind);
    if (!kind) {
      this.noteCalicoNode(object);
      return false;
    }
    this.kinds.add(kind);
    const metadata = isMap(object.metadata) ? object.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : '';
    const report: ReportMalformed = (path, message) => this.warnings.push({ object: `${kind}/${name}`, path, message, origin });
    if (kind === 'Node') {
      this.nodes.set(name, readNodeLabels(metadata));
      return true;
    }
    if (!isMap(object.spec)) {
      report('/spec', `${kind} ${name} has no spec (${object.spec === undefined ? 'missing' : 'not a map'}): it is not counted`);
      return true;
    }
    this.addCalico(kind, name, object.spec, report);
    return true;
  }

  /**
   * Takes one page of a list as the API server answers it (`<Kind>List`, whose items of built-in
   * kinds lack apiVersion and kind) and marks the kind read. Returns the items that are not IPAM state.
   */
  addList(list: Record<string, unknown>): Record<string, unknown>[] {
    const shape = listShape(list);
    if (!shape) return [];
    if (shape.inherited) {
      const kind = ipamKindOf(shape.inherited.apiVersion, shape.inherited.kind);
      if (kind) this.markRead(kind);
    }
    const others: Record<string, unknown>[] = [];
    for (const item of list.items as unknown[]) {
      if (!isMap(item)) continue;
      const object = shape.inherited && (item.apiVersion === undefined || item.kind === undefined) ? { ...shape.inherited, ...item } : item;
      if (!this.add(object)) others.push(object);
    }
    return others;
  }

  private addCalico(kind: Exclude<IpamKind, 'Node'>, name: string, spec: Record<string, unknown>, report: ReportMalformed): void {
    switch (kind) {
      case 'IPAMBlock': {
        const block = readBlock(name, spec, report);
        if (block) this.blocks.push(block);
        return;
      }
      case 'BlockAffinity': {
        const affinity = readBlockAffinity(name, spec, report);
        if (affinity) this.affinities.push(affinity);
        return;
      }
      case 'IPPool': {
        const pool = readIpPool(name, spec, report);
        if (pool) this.pools.push(pool);
        return;
      }
      case 'IPAMHandle':
        if (readIpamHandle(spec, report)) this.handles++;
        return;
      case 'IPAMConfig':
        if (name === 'default') this.config = readIpamConfig(spec);
        return;
    }
  }

  private noteCalicoNode(object: Record<string, unknown>): void {
    if (object.kind !== 'DaemonSet' || !isMap(object.metadata) || object.metadata.name !== 'calico-node' || !isMap(object.spec)) return;
    const podSpec = isMap(object.spec.template) && isMap(object.spec.template.spec) ? object.spec.template.spec : {};
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    const container = containers.find((c): c is Record<string, unknown> => isMap(c) && c.name === 'calico-node');
    const version = typeof container?.image === 'string' ? versionOfImage(container.image) : undefined;
    if (version) this.calicoVersion = version;
  }

  /** The state; warnings are located now, so a file is searched only for objects that need it. */
  finish(): IpamState {
    return {
      nodes: this.nodes,
      pools: this.pools,
      blocks: this.blocks,
      affinities: this.affinities,
      handles: this.handles,
      ...(this.config ? { config: this.config } : {}),
      ...(this.calicoVersion ? { calicoVersion: this.calicoVersion } : {}),
      kinds: this.kinds,
      warnings: this.warnings.map((warning) => this.finding(warning)),
    };
  }

  private finding({ object, path, message, origin }: PendingWarning): Finding {
    const source = origin?.locate?.(path) ?? origin?.source;
    return { rule: MALFORMED_RULE.id, severity: MALFORMED_RULE.severity, cluster: this.cluster, object, path, message, ...(source ? { source } : {}) };
  }
}
