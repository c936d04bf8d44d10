export { formatSelector, type CompareOp, type SelectorNode, type SetOp } from './ast';
export { matchesLabels, mayMatchLabels, type Labels } from './evaluate';
export { MAX_NESTING, parseSelector, type ParseSelectorResult } from './parser';
export { MAX_LABEL_LENGTH, tokenize, type Token, type TokenKind } from './tokenizer';
