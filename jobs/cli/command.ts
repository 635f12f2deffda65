import type { Output } from './output.ts';

export interface CliContext {
  readonly output: Output;
  /** Project data directory (default archive and portal list live here). */
  readonly dataDir: string;
  /**
   * The command only reads the archive: `openArchiveFor` refuses an archive file that does not exist (E_ARCHIVE,
   * exit 5) instead of creating an empty one. Set by the CLI from its command list; absent means a writing command.
   */
  readonly archiveMustExist?: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for `nianbao --help` (also in the CLI's command list, which loads no command to print it). */
  readonly summary: string;
  /** Full `--help` text. */
  readonly help: string;
  run(argv: readonly string[], ctx: CliContext): Promise<number>;
}
