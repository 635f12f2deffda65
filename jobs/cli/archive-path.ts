import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { StopError } from '../../common/errors.ts';
import { openArchive } from '../../store/open-archive.ts';
import { stringOption, type ParsedArgs } from './args.ts';
import type { CliContext } from './command.ts';

export const DEFAULT_ARCHIVE = 'archive.sqlite';

/** The archive a command uses: `--db FILE`, else `data/archive.sqlite`. */
export function archivePath(args: ParsedArgs, ctx: CliContext): string {
  return path.resolve(stringOption(args, 'db') ?? path.join(ctx.dataDir, DEFAULT_ARCHIVE));
}

/**
 * Opens (and migrates) the command's archive. A reading command (`ctx.archiveMustExist`) never creates one: a
 * mistyped `--db typo.sqlite` is E_ARCHIVE (exit 5), not a new empty archive that matches nothing.
 */
export function openArchiveFor(args: ParsedArgs, ctx: CliContext): Database {
  const file = archivePath(args, ctx);
  if (ctx.archiveMustExist === true) assertArchiveExists(file);
  return openArchive(file);
}

/** E_ARCHIVE (exit 5) when there is no archive file at `file`. */
export function assertArchiveExists(file: string): void {
  if (!existsSync(file)) {
    throw new StopError('E_ARCHIVE', `no archive at ${file}: give --db the path of an existing archive, or create one with \`nianbao demo\` or \`nianbao crawl\``, { input: file });
  }
}
