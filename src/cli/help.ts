/** A command's --help, written from its flag table: usage, what it does, every flag, the exit statuses. */
import { commonOptions, type Flag, type Flags } from './args';

export interface HelpText {
  /** the usage lines, without `usage: ` */
  usage: string;
  /** what the command does, a paragraph or a few */
  about: string;
  flags: Flags;
  /** `0 …, 1 …` lines */
  exit: readonly string[];
}

const LINE = 100;
const MAX_LABEL = 26;

function flagLabel(name: string, flag: Flag): string {
  const short = flag.short ? `-${flag.short}, ` : '';
  return `${short}--${name}${flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : ''}`;
}

/** Words into lines of at most `width` characters; the help's own line breaks are kept. */
function wrap(text: string, width: number): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line];
  });
}

function flagLines(flags: Flags, width: number): string[] {
  return Object.entries(flags).flatMap(([name, flag]) => {
    const label = flagLabel(name, flag);
    const indent = ' '.repeat(width + 4);
    const [first, ...rest] = wrap(flag.help, LINE - indent.length);
    const head = label.length > width ? [`  ${label}`, `${indent}${first}`] : [`  ${label.padEnd(width)}  ${first}`];
    return [...head, ...rest.map((line) => `${indent}${line}`)];
  });
}

export function formatHelp(text: HelpText): string {
  const labels = [...Object.entries(text.flags), ...Object.entries(commonOptions)].map(([name, flag]) => flagLabel(name, flag).length);
  const width = Math.min(MAX_LABEL, Math.max(...labels));
  return [
    `usage: ${text.usage}`,
    '',
    text.about.trimEnd(),
    '',
    ...(Object.keys(text.flags).length > 0 ? ['Options:', ...flagLines(text.flags, width), ''] : []),
    'Common options:',
    ...flagLines(commonOptions, width),
    '',
    'Exit status:',
    ...text.exit.map((line) => `  ${line}`),
    '',
  ].join('\n');
}
