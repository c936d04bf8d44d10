/**
 * Tokenizer for Calico's label selector language, accepting exactly what Calico 3.30's tokenizer
 * accepts (libcalico-go/lib/selector/tokenizer). Positions are 0-based UTF-16 indexes into the input.
 */

export type TokenKind =
  | 'label'
  | 'string'
  | '{'
  | '}'
  | ','
  | '=='
  | '!='
  | '!'
  | 'in'
  | 'not in'
  | 'contains'
  | 'starts with'
  | 'ends with'
  | 'all()'
  | 'global()'
  | 'has()'
  | '('
  | ')'
  | '&&'
  | '||'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** label name, string contents, or the label inside has() */
  value: string;
  start: number;
  end: number;
}

export interface SyntaxError {
  message: string;
  /** 0-based index of the offending character (the input length for "unexpected end") */
  index: number;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: SyntaxError };

export const MAX_LABEL_LENGTH = 512;

/** Only space and tab separate tokens; a newline or CR is an error. */
function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

export function isLabelChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9_./-]$/.test(ch);
}

const SINGLE_CHAR: Record<string, TokenKind> = { '(': '(', ')': ')', '{': '{', '}': '}', ',': ',' };

const OPERATOR_WORDS: ReadonlyArray<{ words: string[]; kind: TokenKind }> = [
  { words: ['contains'], kind: 'contains' },
  { words: ['starts', 'with'], kind: 'starts with' },
  { words: ['ends', 'with'], kind: 'ends with' },
  { words: ['not', 'in'], kind: 'not in' },
  { words: ['in'], kind: 'in' },
];

const FUNCTIONS: ReadonlyArray<{ name: string; kind: TokenKind }> = [
  { name: 'has(', kind: 'has()' },
  { name: 'all(', kind: 'all()' },
  { name: 'global(', kind: 'global()' },
];

class Scanner {
  pos = 0;
  readonly tokens: Token[] = [];
  constructor(readonly text: string) {}

  skipBlanks(): void {
    while (isBlank(this.text[this.pos])) this.pos++;
  }

  push(kind: TokenKind, start: number, value = ''): void {
    this.tokens.push({ kind, value, start, end: this.pos });
  }

  lastKind(): TokenKind | undefined {
    return this.tokens[this.tokens.length - 1]?.kind;
  }

  /** Reads a label at `pos`; undefined when none starts there. */
  readLabel(): { label: string } | SyntaxError | undefined {
    const start = this.pos;
    let end = start;
    while (isLabelChar(this.text[end])) end++;
    if (end === start) return undefined;
    if (end - start > MAX_LABEL_LENGTH) {
      return { message: `label is longer than ${MAX_LABEL_LENGTH} characters`, index: start + MAX_LABEL_LENGTH };
    }
    this.pos = end;
    return { label: this.text.slice(start, end) };
  }
}

export function tokenize(text: string): TokenizeResult {
  const s = new Scanner(text);
  for (;;) {
    s.skipBlanks();
    if (s.pos >= text.length) {
      s.push('eof', s.pos);
      return { ok: true, tokens: s.tokens };
    }
    const error = scanToken(s);
    if (error) return { ok: false, error };
  }
}

function scanToken(s: Scanner): SyntaxError | undefined {
  const start = s.pos;
  const ch = s.text[start];
  const single = SINGLE_CHAR[ch];
  if (single) {
    s.pos++;
    s.push(single, start);
    return undefined;
  }
  if (ch === '"' || ch === "'") return scanString(s, ch);
  if (ch === '=' || ch === '&' || ch === '|') return scanDoubled(s, ch);
  if (ch === '!') {
    const ne = s.text[start + 1] === '=';
    s.pos += ne ? 2 : 1;
    s.push(ne ? '!=' : '!', start);
    return undefined;
  }
  // After a label only an operator word may follow (Calico never reads two labels in a row).
  if (s.lastKind() === 'label') return scanOperatorWord(s);
  for (const fn of FUNCTIONS) {
    if (s.text.startsWith(fn.name, start)) return scanFunction(s, fn.name, fn.kind);
  }
  const label = s.readLabel();
  if (label === undefined) return unexpectedCharacter(s.text, start);
  if ('message' in label) return label;
  s.push('label', start, label.label);
  return undefined;
}

function scanString(s: Scanner, quote: string): SyntaxError | undefined {
  const start = s.pos;
  const close = s.text.indexOf(quote, start + 1);
  if (close < 0) return { message: `unterminated string: no closing ${quote} for this quote`, index: start };
  s.pos = close + 1;
  s.push('string', start, s.text.slice(start + 1, close));
  return undefined;
}

function scanDoubled(s: Scanner, ch: string): SyntaxError | undefined {
  const start = s.pos;
  const op = ch + ch;
  if (s.text[start + 1] !== ch) {
    const hint = ch === '=' ? ' (a single "=" is not an operator)' : ` (a single "${ch}" is not an operator)`;
    return { message: `expected "${op}"${hint}`, index: start };
  }
  s.pos += 2;
  s.push(op as TokenKind, start);
  return undefined;
}

function scanOperatorWord(s: Scanner): SyntaxError | undefined {
  const start = s.pos;
  for (const op of OPERATOR_WORDS) {
    const end = matchWords(s.text, start, op.words);
    if (end !== undefined) {
      s.pos = end;
      s.push(op.kind, start);
      return undefined;
    }
  }
  const label = s.tokens[s.tokens.length - 1].value;
  return {
    message:
      `expected an operator after label "${label}" ` +
      '(==, !=, in, not in, contains, starts with, ends with)',
    index: start,
  };
}

/** Matches lowercase keyword words separated by optional blanks; a word boundary must follow the
 * last word (blanks after it are consumed first, as Calico does). Returns the end index. */
function matchWords(text: string, start: number, words: string[]): number | undefined {
  let pos = start;
  for (const word of words) {
    if (!text.startsWith(word, pos)) return undefined;
    pos += word.length;
    if (words.length > 1) while (isBlank(text[pos])) pos++;
  }
  return isLabelChar(text[pos]) ? undefined : pos;
}

/** `has(label)`, `all()`, `global()`: the "(" must follow the word directly; blanks are allowed
 * inside the parentheses. */
function scanFunction(s: Scanner, name: string, kind: TokenKind): SyntaxError | undefined {
  const start = s.pos;
  s.pos += name.length;
  s.skipBlanks();
  let value = '';
  if (kind === 'has()') {
    const label = s.readLabel();
    if (label === undefined) return { message: 'expected a label name inside has( )', index: s.pos };
    if ('message' in label) return label;
    value = label.label;
    s.skipBlanks();
  }
  if (s.text[s.pos] !== ')') {
    const what = kind === 'has()' ? `after has(${value}` : `after ${name} (it takes no argument)`;
    return { message: `expected ")" ${what}`, index: s.pos };
  }
  s.pos++;
  s.push(kind, start, value);
  return undefined;
}

function unexpectedCharacter(text: string, index: number): SyntaxError {
  const ch = text[index];
  if (ch === '\n' || ch === '\r') {
    return {
      message:
        'line break in selector: only spaces and tabs may separate tokens ' +
        '(a YAML "|" block scalar adds a trailing newline; use a quoted string or ">-")',
      index,
    };
  }
  return { message: `unexpected character ${JSON.stringify(ch)}`, index };
}
