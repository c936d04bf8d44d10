/**
 * Positions in transpiled code → positions in the TypeScript source, through the source map
 * esbuild writes inline (./transpile.ts), read with Node's own `module.SourceMap`. Parsed only
 * when a position is asked for.
 */
import { SourceMap } from 'node:module';

const INLINE = '//# sourceMappingURL=data:application/json;base64,';

export type PositionMapper = (line: number, column: number) => { line: number; column: number };

/** A mapper for the code's inline map; positions pass unchanged when the code has none. */
export function positionMapper(code: string): PositionMapper {
  let map: SourceMap | null | undefined;
  return (line, column) => {
    if (map === undefined) map = parseInlineMap(code);
    if (map === null) return { line, column };
    // findEntry takes and gives 0-based positions; stack traces and findings count from 1
    const entry = map.findEntry(line - 1, column - 1) as { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return { line, column };
    return { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  };
}

function parseInlineMap(code: string): SourceMap | null {
  const at = code.lastIndexOf(INLINE);
  if (at < 0) return null;
  try {
    return new SourceMap(JSON.parse(Buffer.from(code.slice(at + INLINE.length).trim(), 'base64').toString('utf8')) as ConstructorParameters<typeof SourceMap>[0]);
  } catch {
    return null;
  }
}
