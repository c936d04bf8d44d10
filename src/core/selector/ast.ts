/** Abstract syntax of a Calico selector. */

export type CompareOp = '==' | '!=' | 'contains' | 'starts with' | 'ends with';
export type SetOp = 'in' | 'not in';

export type SelectorNode =
  | { kind: 'all' }
  | { kind: 'global' }
  | { kind: 'has'; label: string }
  | { kind: 'compare'; op: CompareOp; label: string; value: string }
  | { kind: 'set'; op: SetOp; label: string; values: string[] }
  | { kind: 'not'; operand: SelectorNode }
  | { kind: 'and'; operands: SelectorNode[] }
  | { kind: 'or'; operands: SelectorNode[] };

function quote(value: string): string {
  // Calico has no escapes, so a value holding a double quote is written in single quotes.
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

/** Calico's normalised text form of a selector (`a == "b" && c in {"x", "y"}` style). */
export function formatSelector(node: SelectorNode): string {
  switch (node.kind) {
    case 'all':
      return 'all()';
    case 'global':
      return 'global()';
    case 'has':
      return `has(${node.label})`;
    case 'compare':
      return `${node.label} ${node.op} ${quote(node.value)}`;
    case 'set':
      return `${node.label} ${node.op} {${node.values.map(quote).join(', ')}}`;
    case 'not':
      return `!${formatSelector(node.operand)}`;
    case 'and':
      return `(${node.operands.map(formatSelector).join(' && ')})`;
    case 'or':
      return `(${node.operands.map(formatSelector).join(' || ')})`;
  }
}
