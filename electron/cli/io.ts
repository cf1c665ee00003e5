// The CLI's view of the outside world, injectable so commands are tested in-process.
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * Reads a PIN/password: prompted without echo on a terminal, else the first line of standard
   * input. Secrets never travel as arguments (they would show in `ps` and shell history).
   */
  readSecret: (prompt: string) => Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A failure the user can act on: printed as one line, exit code 1 (2 for usage errors). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(`${message} (see: khaosat --help)`, 2);
}
