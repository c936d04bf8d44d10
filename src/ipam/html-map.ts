/**
 * One pool's block map as inline SVG: a cell per pool-sized slot, coloured by state, the node and
 * counts in each cell's `<title>` (shown on hover). A pool with more slots than fit is drawn
 * compressed: its taken slots in order, each run of free slots between them as one hatched cell.
 * Nothing here allocates per slot beyond what is drawn.
 */
import { familyBits, formatCidr, makeCidr, parseCidr } from '../core/net';
import type { CellState, MapCell, PoolMap } from './pool-map';

/** Cells drawn per pool at most: a /12 pool of /26 blocks is drawn whole. */
export const MAX_CELLS = 16384;
const PITCH = 9;
const SIZE = 8;

export const STATE_LABELS: Record<CellState | 'free' | 'gap', string> = {
  free: 'free',
  claimed: 'claimed by a node',
  gone: 'node gone',
  other: 'other block size',
  unaffined: 'no node affinity',
  gap: 'run of free slots (not drawn one by one)',
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Drawn {
  state: CellState | 'free' | 'gap';
  title: string;
  opacity?: number;
}

export function mapSvg(map: PoolMap): { svg: string; note: string } {
  const compressed = map.slots > BigInt(MAX_CELLS);
  const { cells, notDrawn } = compressed ? compressedCells(map) : fullCells(map);
  const columns = cells.length <= 256 ? 16 : cells.length <= 4096 ? 64 : 128;
  const rows = Math.max(1, Math.ceil(cells.length / columns));
  const rects = cells.map((cell, i) => {
    const x = (i % columns) * PITCH;
    const y = Math.floor(i / columns) * PITCH;
    const opacity = cell.opacity !== undefined ? ` fill-opacity="${cell.opacity}"` : '';
    return `<rect x="${x}" y="${y}" width="${SIZE}" height="${SIZE}" class="s-${cell.state}"${opacity}><title>${escapeHtml(cell.title)}</title></rect>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="map" width="${columns * PITCH}" height="${rows * PITCH}" role="img" aria-label="block map of pool ${escapeHtml(map.pool)}">${rects.join('')}</svg>`;
  const note = compressed
    ? `${map.slots} slots, too many to draw one by one: the ${map.cells.length} taken ${map.cells.length === 1 ? 'one is' : 'ones are'} shown in address order, each run of free slots between them as one hatched cell${notDrawn > 0 ? `; ${notDrawn} further taken cells are not drawn` : ''}.`
    : `${map.slots} slots, one cell each, in address order (left to right, top to bottom).`;
  return { svg, note };
}

function cellTitle(cell: MapCell): string {
  const where = cell.node ? `, node ${cell.node}` : '';
  const slots = cell.last > cell.first ? ` (covers ${cell.last - cell.first + 1n} slots)` : '';
  return `${cell.blocks.join(', ')}: ${STATE_LABELS[cell.state]}${where}, ${cell.allocated} of ${cell.size} addresses in use${slots}`;
}

function drawnCell(cell: MapCell): Drawn {
  const fill = cell.size > 0 ? cell.allocated / cell.size : 0;
  return { state: cell.state, title: cellTitle(cell), ...(cell.state === 'claimed' ? { opacity: Math.round((0.25 + 0.75 * fill) * 100) / 100 } : {}) };
}

function fullCells(map: PoolMap): { cells: Drawn[]; notDrawn: number } {
  const pool = parseCidr(map.cidr);
  const shift = pool.ok ? BigInt(familyBits(pool.value.family) - map.blockSize) : 0n;
  const cells: Drawn[] = [];
  let next = 0;
  for (let slot = 0n; slot < map.slots; slot++) {
    while (next < map.cells.length && map.cells[next]!.last < slot) next++;
    const cell = map.cells[next];
    if (cell && cell.first <= slot) cells.push(drawnCell(cell));
    else {
      const cidr = pool.ok ? formatCidr(makeCidr(pool.value.family, pool.value.network + (slot << shift), map.blockSize)) : `slot ${slot}`;
      cells.push({ state: 'free', title: `${cidr}: free` });
    }
  }
  return { cells, notDrawn: 0 };
}

function compressedCells(map: PoolMap): { cells: Drawn[]; notDrawn: number } {
  const cells: Drawn[] = [];
  let after = 0n;
  let drawnTaken = 0;
  const gap = (from: bigint, to: bigint) => {
    if (to >= from) cells.push({ state: 'gap', title: `${to - from + 1n} free slots (${from}–${to})` });
  };
  for (const cell of map.cells) {
    if (cells.length >= MAX_CELLS - 1) break;
    gap(after, cell.first - 1n);
    cells.push(drawnCell(cell));
    drawnTaken++;
    after = cell.last + 1n;
  }
  if (drawnTaken === map.cells.length) gap(after, map.slots - 1n);
  return { cells, notDrawn: map.cells.length - drawnTaken };
}
