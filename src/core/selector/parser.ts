/**
 * Recursive-descent parser for Calico selectors, with Calico 3.30's grammar
 * (libcalico-go/lib/selector/parser): `||` binds loosest, then `&&`, then an operation that may be
 * preceded by any number of `!`.
 */
import type { CompareOp, SelectorNode, SetOp } from './ast';
import { tokenize, type SyntaxError, type Token, type TokenKind } from './tokenizer';

export type ParseSelectorResult =
  | { ok: true; ast: SelectorNode }
  | { ok: false; error: { message: string; column: number } };

/** Deeper nesting than this is refused rather than risking the JS stack (Calico has no limit;
 * no real selector comes close). */
export const MAX_NESTING = 500;

const COMPARE_OPS: ReadonlySet<TokenKind> = new Set(['==', '!=', 'contains', 'starts with', 'ends with']);

class ParseError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  parseRoot(): SelectorNode {
    if (this.peek().kind === 'eof') return { kind: 'all' };
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      throw new ParseError(`unexpected ${describe(rest)} after a complete expression (join with && or ||)`, rest.start);
    }
    return node;
  }

  private parseOr(): SelectorNode {
    const operands = [this.parseAnd()];
    while (this.peek().kind === '||') {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): SelectorNode {
    const operands = [this.parseOperation()];
    while (this.peek().kind === '&&') {
      this.next();
      operands.push(this.parseOperation());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseOperation(): SelectorNode {
    let negated = false;
    while (this.peek().kind === '!') {
      this.next();
      negated = !negated;
    }
    const node = this.parsePrimary();
    return negated ? { kind: 'not', operand: node } : node;
  }

  private parsePrimary(): SelectorNode {
    const token = this.next();
    switch (token.kind) {
      case 'has()':
        return { kind: 'has', label: token.value };
      case 'all()':
        return { kind: 'all' };
      case 'global()':
        return { kind: 'global' };
      case 'label':
        return this.parseLabelOperation(token);
      case '(':
        return this.parseParenthesised();
      default:
        throw new ParseError(
          `unexpected ${describe(token)}: expected a label, has(…), all(), global(), "(" or "!"`,
          token.start,
        );
    }
  }

  private parseParenthesised(): SelectorNode {
    if (++this.depth > MAX_NESTING) {
      throw new ParseError(`parentheses nested deeper than ${MAX_NESTING} levels`, this.peek().start);
    }
    const inner = this.parseOr();
    const close = this.next();
    if (close.kind !== ')') throw new ParseError(`expected ")" but found ${describe(close)}`, close.start);
    this.depth--;
    return inner;
  }

  private parseLabelOperation(label: Token): SelectorNode {
    const op = this.next();
    if (op.kind === 'eof') {
      throw new ParseError(`unexpected end of selector after label "${label.value}": expected an operator`, op.start);
    }
    if (COMPARE_OPS.has(op.kind)) {
      const value = this.next();
      if (value.kind !== 'string') {
        throw new ParseError(
          `expected a quoted string after ${op.kind} but found ${describe(value)} (values must be quoted: ${label.value} ${op.kind} 'value')`,
          value.start,
        );
      }
      return { kind: 'compare', op: op.kind as CompareOp, label: label.value, value: value.value };
    }
    if (op.kind === 'in' || op.kind === 'not in') {
      return { kind: 'set', op: op.kind as SetOp, label: label.value, values: this.parseSet(op.kind) };
    }
    throw new ParseError(
      `expected an operator (==, !=, in, not in, contains, starts with, ends with) after label "${label.value}" but found ${describe(op)}`,
      op.start,
    );
  }

  /** `{ 'a', "b", }`: quoted strings separated by commas; empty and trailing comma allowed. */
  private parseSet(op: string): string[] {
    const open = this.next();
    if (open.kind !== '{') {
      throw new ParseError(`expected a set literal {'a', 'b'} after ${op} but found ${describe(open)}`, open.start);
    }
    const values: string[] = [];
    while (this.peek().kind === 'string') {
      values.push(this.next().value);
      if (this.peek().kind !== ',') break;
      this.next();
    }
    const close = this.next();
    if (close.kind !== '}') {
      throw new ParseError(`expected "}" or a comma-separated quoted string but found ${describe(close)}`, close.start);
    }
    return values;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of selector';
    case 'label':
      return `label "${token.value}"`;
    case 'string':
      return `string ${JSON.stringify(token.value)}`;
    case 'has()':
      return `has(${token.value})`;
    default:
      return `"${token.kind}"`;
  }
}

/** 1-based column in code points, so it matches what an editor shows for non-ASCII text. */
function columnOf(text: string, index: number): number {
  return Array.from(text.slice(0, index)).length + 1;
}

function failure(text: string, error: SyntaxError): ParseSelectorResult {
  return { ok: false, error: { message: error.message, column: columnOf(text, error.index) } };
}

/** Parses a selector; the empty (or blank) selector means `all()`. Never throws. */
export function parseSelector(text: string): ParseSelectorResult {
  if (typeof text !== 'string') {
    return { ok: false, error: { message: 'a selector must be a string', column: 1 } };
  }
  const tokens = tokenize(text);
  if (!tokens.ok) return failure(text, tokens.error);
  try {
    return { ok: true, ast: new Parser(tokens.tokens).parseRoot() };
  } catch (e) {
    if (e instanceof ParseError) return failure(text, { message: e.message, index: e.index });
    throw e;
  }
}
