/** Sizes of input files as people write them (`256MiB`, `1GiB`, `300MB`) and as messages show them. */

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
};

/** A number of bytes, or undefined when the text is not a size. Binary units (KiB, Mi) and decimal ones (kB, M) both count. */
export function parseByteSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** `256 MiB`, `1.5 GiB`, `812 bytes`: binary units, as the default limit is written. */
export function formatByteSize(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 'bytes';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const shown = unit === 'bytes' ? String(value) : String(Math.round(value * 10) / 10);
  return `${shown} ${unit}`;
}

/** The same as a flag's value (`512MiB`): what a message tells the user to pass. */
export function byteSizeFlag(bytes: number): string {
  return formatByteSize(bytes).replace(' ', '').replace(/bytes$/, '');
}
