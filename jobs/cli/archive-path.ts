import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openArchive } from '../../store/open-archive.ts';
import { stringOption, type ParsedArgs } from './args.ts';
import type { CliContext } from './command.ts';

export const DEFAULT_ARCHIVE = 'archive.sqlite';

/** The archive a command uses: `--db FILE`, else `data/archive.sqlite`. */
export function archivePath(args: ParsedArgs, ctx: CliContext): string {
  return path.resolve(stringOption(args, 'db') ?? path.join(ctx.dataDir, DEFAULT_ARCHIVE));
}

export function openArchiveFor(args: ParsedArgs, ctx: CliContext): Database {
  return openArchive(archivePath(args, ctx));
}
