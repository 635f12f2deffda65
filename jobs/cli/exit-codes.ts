/** Exit codes of the `nianbao` command (documented in the README; a test keeps them in sync). */
import { isNianbaoError, type ErrorCode } from '../../common/errors.ts';
import { isDiskFull } from '../disk-full.ts';

export const EXIT = {
  ok: 0,
  /** The run finished but some pages could not be fetched or read (worth retrying later). */
  partial: 1,
  /** Wrong command-line usage: unknown option, invalid option value, SQL that SQLite rejects or that runs past --timeout. */
  usage: 2,
  /** Invalid portal configuration. */
  config: 3,
  /** The input (file, URL, report id) is missing, a directory, unreadable or not a report. */
  input: 4,
  /** The archive cannot be opened or written, or a reading command was given a --db that does not exist. */
  archive: 5,
  /** Another run holds the run lock for this archive (this start did nothing). */
  busy: 6,
  /** Out of disk space (SQLITE_FULL / ENOSPC); the next run resumes once space is freed. */
  diskFull: 7,
  /** Interrupted (SIGINT/SIGTERM); the next run resumes. */
  interrupted: 130,
} as const;

const BY_CODE: Partial<Record<ErrorCode, number>> = {
  E_USAGE: EXIT.usage,
  E_CONFIG_INVALID: EXIT.config,
  E_ARCHIVE: EXIT.archive,
  E_INPUT_NOT_FOUND: EXIT.input,
  E_INPUT_UNREADABLE: EXIT.input,
  E_NOT_FOUND: EXIT.input,
  E_NOT_A_REPORT: EXIT.input,
  E_UNSUPPORTED_FORMAT: EXIT.input,
  E_RUN_IN_PROGRESS: EXIT.busy,
  E_DISK_FULL: EXIT.diskFull,
  E_INTERRUPTED: EXIT.interrupted,
  E_READ_ONLY: EXIT.usage,
  E_SQL: EXIT.usage,
  E_QUERY_TIMEOUT: EXIT.usage,
  E_VERIFY_FAILED: EXIT.input,
};

/** Exit code for an error that reached the CLI. */
export function exitCodeFor(error: unknown): number {
  if (isDiskFull(error)) return EXIT.diskFull;
  if (!isNianbaoError(error)) return EXIT.partial;
  return BY_CODE[error.code] ?? (error.action === 'stop' ? EXIT.archive : EXIT.input);
}
