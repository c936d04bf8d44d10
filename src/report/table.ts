/** Tables for people (columns aligned, numbers to the right) and for Markdown. */
import { painter, type Paint } from './colour';

/** A cell's width on screen: colour codes take none. */
const visibleLength = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').length;

/** `paint` styles the header line (bold on a terminal). */
export function alignedTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<string>, paint: Paint = painter(false)): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => visibleLength(row[column]!))));
  const pad = (cell: string, column: number) => {
    const fill = ' '.repeat(widths[column]! - visibleLength(cell));
    return numeric.has(headers[column]!) ? fill + cell : cell + fill;
  };
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  return [paint('bold', line(headers)), ...rows.map(line)].join('\n');
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<string> = new Set()): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map((header) => (numeric.has(header) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}
