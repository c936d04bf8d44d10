/** What a command needs from its process: streams and the environment, injectable for tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** the fleet project the working directory is in (./project.ts); set by main */
  projectRoot?: string;
}

export type Command = (argv: string[], io: CliIo) => Promise<number> | number;

/** Exit statuses of the CLI contract (docs/cli-contract.md). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_CHANGES = 2;
