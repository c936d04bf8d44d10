/**
 * The bookkeeping of mapping one values layer to one model layer: where each model key came from
 * (for located errors), which comments travel with it, and the problems found on the way.
 */
import { isPlainMap } from '../util/merge';
import type { Router } from '../model/definition';
import type { ImportProblem } from './errors';
import { problemAt, sourceOf, type ComposedLayer } from './compose';
import type { Check } from './checks';
import type { Comments, KeyPath } from './values-file';

export type ModelPath = readonly string[];

export function pointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export interface ImportedRouter {
  router: Router;
  comments: Comments;
  fieldComments: Partial<Record<keyof Router, Comments>>;
}

export interface MappedLayer {
  /** a ClusterLayer: only what this layer sets, `null` where it removes */
  model: Record<string, unknown>;
  /** model JSON pointer → comments to print with that key */
  notes: Map<string, Comments>;
  /** model JSON pointer → the values key it came from */
  provenance: Map<string, KeyPath>;
  /** routers whose entries this layer writes */
  routers: ImportedRouter[];
  source: ComposedLayer;
}

export class LayerMapper {
  readonly model: Record<string, unknown> = {};
  readonly notes = new Map<string, Comments>();
  readonly provenance = new Map<string, KeyPath>();
  readonly routers: ImportedRouter[] = [];
  private readonly noted = new Set<string>();

  constructor(
    readonly source: ComposedLayer,
    /** the effective values of every lower layer, for entries this layer only amends */
    readonly lower: Record<string, unknown>,
    private readonly problems: ImportProblem[],
  ) {}

  problem(from: KeyPath, message: string): void {
    this.problems.push(problemAt(this.source, from, message));
  }

  commentsOf(from: KeyPath): Comments {
    return sourceOf(this.source, from).commentsOf(from);
  }

  /** Records where a model key came from, and the comments written at its values key. */
  note(to: ModelPath, from: KeyPath): void {
    const key = pointer(to);
    const pair = `${key}\0${pointer(from)}`;
    if (this.noted.has(pair)) return;
    this.noted.add(pair);
    if (!this.provenance.has(key)) this.provenance.set(key, from);
    const comments = this.commentsOf(from);
    if (!comments.before && !comments.trailing && !comments.closing) return;
    const earlier = this.notes.get(key);
    const join = (a?: string, b?: string) => [a, b].filter(Boolean).join('\n') || undefined;
    this.notes.set(key, {
      before: join(earlier?.before, comments.before),
      trailing: earlier?.trailing ?? comments.trailing,
      closing: join(earlier?.closing, comments.closing),
    });
  }

  set(to: ModelPath, value: unknown, from: KeyPath): void {
    let node = this.model;
    for (const segment of to.slice(0, -1)) {
      if (!isPlainMap(node[segment])) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    }
    node[to[to.length - 1]!] = value;
    this.note(to, from);
  }

  /** A single value: `~` stays a removal, anything else must pass the check. */
  leaf(to: ModelPath, from: KeyPath, value: unknown, check: Check): void {
    if (value === null) return this.set(to, null, from);
    const result = check(value);
    if (result.ok) this.set(to, result.value, from);
    else this.problem(from, result.reason);
  }

  /** A map the model mirrors key by key; false (with a problem) when the value is not a map. */
  expectMap(from: KeyPath, value: unknown, nullMeans?: string): value is Record<string, unknown> {
    if (isPlainMap(value)) return true;
    if (value === null) this.problem(from, `~ removes every ${from.join('.')} setting, which the model cannot express${nullMeans ? `: ${nullMeans}` : ''}`);
    else this.problem(from, `is ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}, expected a map`);
    return false;
  }

  unknownKey(from: KeyPath, known: readonly string[], hint = ''): void {
    this.problem(from, `unknown key: calico-gen's model has ${known.join(', ')} here${hint}`);
  }

  /** Comments inside a value copied as written (a policy spec): every key and list item keeps its own. */
  noteTree(to: readonly (string | number)[], from: KeyPath, value: unknown): void {
    this.note(to.map(String), from);
    if (isPlainMap(value)) {
      for (const [key, child] of Object.entries(value)) this.noteTree([...to, key], [...from, key], child);
    } else if (Array.isArray(value)) {
      value.forEach((child, index) => this.noteTree([...to, index], [...from, index], child));
    }
  }

  result(): MappedLayer {
    return { model: this.model, notes: this.notes, provenance: this.provenance, routers: this.routers, source: this.source };
  }
}
