/**
 * @kubernetes/client-node, loaded when a command first reads a live cluster: it is large to load,
 * and synth, validate and an offline diff never need it. Only types are imported statically
 * (erased at compile time).
 */
import type * as ClientNode from '@kubernetes/client-node';

export type { ClientNode };

let loaded: typeof ClientNode | undefined;

export function clientNode(): typeof ClientNode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('@kubernetes/client-node') as typeof ClientNode;
  return loaded;
}
