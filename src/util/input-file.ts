import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';

export interface InputFile {
  /** absolute path */
  path: string;
  /** as findings show it: relative to the working directory */
  display: string;
  text: string;
}

export function readInputFile(file: string, cwd: string, flag: string): InputFile {
  const absolute = path.resolve(cwd, file);
  const display = path.relative(cwd, absolute) || absolute;
  try {
    return { path: absolute, display, text: fs.readFileSync(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    throw new UserError(`${flag} ${file}: ${reason}`, { file: absolute });
  }
}
