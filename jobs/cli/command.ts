import type { Output } from './output.ts';

export interface CliContext {
  readonly output: Output;
  /** Project data directory (default archive and portal list live here). */
  readonly dataDir: string;
}

export interface Command {
  readonly name: string;
  /** One line for `nianbao --help`. */
  readonly summary: string;
  /** Full `--help` text. */
  readonly help: string;
  run(argv: readonly string[], ctx: CliContext): Promise<number>;
}
