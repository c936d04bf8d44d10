/** Colour for text meant for a terminal: only on a TTY, and never when NO_COLOR is set (no-color.org). */

/** Whether a stream gets colour: a terminal, and NO_COLOR unset or empty. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

const STYLES = { bold: '1', red: '31', green: '32', yellow: '33', cyan: '36', dim: '2' } as const;

export type Style = keyof typeof STYLES;
export type Paint = (style: Style, text: string) => string;

export function painter(colour: boolean): Paint {
  return colour ? (style, text) => `\x1b[${STYLES[style]}m${text}\x1b[0m` : (_style, text) => text;
}

/** The style of a finding's severity: errors red, warnings yellow, notes dim. */
export function severityStyle(severity: 'error' | 'warning' | 'info'): Style {
  return severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'dim';
}

/** A unified diff's lines, coloured as git colours them. */
export function colourDiff(patch: string, paint: Paint): string[] {
  return patch
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      if (line.startsWith('---') || line.startsWith('+++')) return paint('bold', line);
      if (line.startsWith('@@')) return paint('cyan', line);
      if (line.startsWith('+')) return paint('green', line);
      if (line.startsWith('-')) return paint('red', line);
      return line;
    });
}
