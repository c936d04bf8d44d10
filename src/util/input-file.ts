/**
 * Reads a file the user named, as text, within a size limit: the size is checked before reading
 * (stat), and the read itself is bounded, since a device or a pipe (`/dev/zero`, a FIFO,
 * `<(helm get values …)`) has no size to check. Binary bytes and text that is not UTF-8 are
 * refused before any parser sees them. Every failure is one line naming the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { UserError } from './errors';
import { byteSizeFlag, formatByteSize } from './byte-size';

export const DEFAULT_MAX_INPUT_BYTES = 256 * 2 ** 20;

/** The flag that raises the limit, for messages. */
export const MAX_INPUT_SIZE_FLAG = '--max-input-size';

export interface InputFile {
  /** absolute path */
  path: string;
  /** as findings show it: relative to the working directory */
  display: string;
  text: string;
}

/** The file's text, or why it cannot be had (a reason to follow the file's name). */
export type InputText = { text: string } | { reason: string };

export function readInputFile(file: string, cwd: string, flag: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): InputFile {
  const absolute = path.resolve(cwd, file);
  const display = path.relative(cwd, absolute) || absolute;
  const read = readInputText(absolute, maxBytes);
  if ('reason' in read) throw new UserError(`${flag} ${file}: ${read.reason}`, { file: absolute });
  return { path: absolute, display, text: read.text };
}

export function readInputText(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): InputText {
  const bytes = readBounded(file, maxBytes);
  return Buffer.isBuffer(bytes) ? decodeUtf8(bytes) : bytes;
}

const CHUNK = 2 ** 20;

function readBounded(file: string, maxBytes: number): Buffer | { reason: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    return { reason: fileSystemReason(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { reason: 'is a folder, not a file' };
    if (stat.isFile() && stat.size > maxBytes) {
      return { reason: `is ${formatByteSize(stat.size)}, more than the input size limit of ${formatByteSize(maxBytes)}: pass ${MAX_INPUT_SIZE_FLAG} ${byteSizeFlag(raisedLimit(stat.size))} to read it` };
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const count = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (count === 0) break;
      const chunk = buffer.subarray(0, count);
      if (total === 0 && isUtf16(chunk)) return { reason: 'is UTF-16 text: save it as UTF-8' };
      chunks.push(chunk);
      // caught in the first chunk, so that /dev/zero fails at once rather than at the limit
      const zero = chunk.indexOf(0);
      if (zero >= 0) return { reason: `is binary, not text (a zero byte at ${placeOf(Buffer.concat(chunks), total + zero)})` };
      total += count;
      if (total > maxBytes) {
        return { reason: `has more than the input size limit of ${formatByteSize(maxBytes)} (it has no size of its own to check first: a device or a pipe?): pass ${MAX_INPUT_SIZE_FLAG} ${byteSizeFlag(maxBytes * 2)} to read more` };
      }
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    return { reason: fileSystemReason(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The next power of two above the size: a limit that reads the file with room to grow. */
function raisedLimit(size: number): number {
  return 2 ** Math.ceil(Math.log2(size + 1));
}

/** A file-system error as the end of a sentence about a path. */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder (ENOTDIR)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ELOOP':
      return 'a loop of symbolic links (ELOOP)';
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    case 'EDQUOT':
      return 'disk quota exceeded (EDQUOT)';
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'ENAMETOOLONG':
      return 'the name is too long (ENAMETOOLONG)';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code})`;
    case 'EIO':
      return 'input/output error (EIO)';
    default: {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
    }
  }
}

/** A UTF-16 byte order mark (what Windows editors call "Unicode"). */
function isUtf16(start: Buffer): boolean {
  return (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff);
}

function decodeUtf8(bytes: Buffer): InputText {
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    return { reason: `is not UTF-8 text (byte 0x${bytes[invalid]!.toString(16).padStart(2, '0')} at ${placeOf(bytes, invalid)}): save it as UTF-8` };
  }
  return { text: bytes.toString('utf8') };
}

/** The offset of the first byte that does not start a valid UTF-8 sequence; -1 when all is valid. */
function firstInvalidUtf8(bytes: Buffer): number {
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    // isUtf8 of the one sequence catches bad continuation bytes, overlong forms and surrogates
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length)) || i + length > bytes.length) return i;
    i += length;
  }
  return -1;
}

/** `line 3, column 7` of a byte offset (the column counts bytes). */
function placeOf(bytes: Buffer, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < offset; at = bytes.indexOf(10, at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
