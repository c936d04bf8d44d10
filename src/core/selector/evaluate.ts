import type { SelectorNode } from './ast';

export type Labels = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

function lookup(labels: Labels, key: string): string | undefined {
  if (labels instanceof Map) return labels.get(key);
  const record = labels as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Whether a label set matches a parsed selector, with Calico's semantics: `!=` and `not in` also
 * match when the label is absent; `==`, `in`, `contains`, `starts with`, `ends with` need it present.
 * `global()` matches everything here: it only narrows scope for namespaced resources, and the
 * label sets we evaluate (nodes) are cluster-scoped.
 */
export function matchesLabels(node: SelectorNode, labels: Labels): boolean {
  switch (node.kind) {
    case 'all':
    case 'global':
      return true;
    case 'has':
      return lookup(labels, node.label) !== undefined;
    case 'compare':
      return compare(node.op, lookup(labels, node.label), node.value);
    case 'set': {
      const value = lookup(labels, node.label);
      const member = value !== undefined && node.values.includes(value);
      return node.op === 'in' ? member : !member;
    }
    case 'not':
      return !matchesLabels(node.operand, labels);
    case 'and':
      return node.operands.every((operand) => matchesLabels(operand, labels));
    case 'or':
      return node.operands.some((operand) => matchesLabels(operand, labels));
  }
}

function compare(op: string, actual: string | undefined, expected: string): boolean {
  if (op === '!=') return actual !== expected;
  if (actual === undefined) return false;
  switch (op) {
    case '==':
      return actual === expected;
    case 'contains':
      return actual.includes(expected);
    case 'starts with':
      return actual.startsWith(expected);
    default:
      return actual.endsWith(expected);
  }
}

/**
 * Whether some label set holding `known` (and any other labels at all) could match: Kleene's
 * three-valued logic, where a label not in `known` is unknown. It may answer yes for a selector no
 * label set matches (`zone == 'a' && zone == 'b'`), never no for one that some label set matches.
 */
export function mayMatchLabels(node: SelectorNode, known: ReadonlyMap<string, string>): boolean {
  return partially(node, known) !== false;
}

/** true, false, or undefined for unknown. */
function partially(node: SelectorNode, known: ReadonlyMap<string, string>): boolean | undefined {
  switch (node.kind) {
    case 'all':
    case 'global':
      return true;
    case 'has':
    case 'compare':
    case 'set':
      return known.has(node.label) ? matchesLabels(node, known) : undefined;
    case 'not': {
      const operand = partially(node.operand, known);
      return operand === undefined ? undefined : !operand;
    }
    case 'and': {
      const values = node.operands.map((operand) => partially(operand, known));
      return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
    }
    case 'or': {
      const values = node.operands.map((operand) => partially(operand, known));
      return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
    }
  }
}
