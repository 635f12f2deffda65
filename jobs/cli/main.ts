/**
 * `nianbao` entry point: dispatches to a command; the only place that turns errors into exit codes. Commands are
 * loaded when they run (`--help` loads none), so starting the CLI costs only the command it runs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage, isNianbaoError } from '../../common/errors.ts';
import type { CliContext, Command } from './command.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { nearest } from './nearest.ts';
import { processOutput, type Output } from './output.ts';

export interface CommandEntry {
  readonly name: string;
  /** One line for `nianbao --help` (the same text as the command's own `summary`; a test keeps them equal). */
  readonly summary: string;
  /** The command only reads the archive: a `--db` that does not exist is refused (exit 5), never created. */
  readonly readsArchive: boolean;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'demo', summary: 'crawl the bundled demo portal (served on 127.0.0.1) into data/archive.sqlite', readsArchive: false, load: async () => (await import('./commands/demo.ts')).demoCommand },
  { name: 'crawl', summary: 'crawl portals (data/portals.json) into the archive and extract their reports', readsArchive: false, load: async () => (await import('./commands/crawl.ts')).crawlCommand },
  { name: 'extract', summary: 'extract one report from an HTML file or a URL and print it', readsArchive: false, load: async () => (await import('./commands/extract.ts')).extractCommand },
  { name: 'reports', summary: 'list archived reports', readsArchive: true, load: async () => (await import('./commands/reports.ts')).reportsCommand },
  { name: 'show', summary: 'show one archived report with its cells, checks, files and versions', readsArchive: true, load: async () => (await import('./commands/show.ts')).showCommand },
  { name: 'capture', summary: 'show one archived HTTP exchange (request, status, headers, body digest) by capture id', readsArchive: true, load: async () => (await import('./commands/capture.ts')).captureCommand },
  { name: 'serve', summary: 'browse the archive in a web browser (local read-only server with a JSON API)', readsArchive: true, load: async () => (await import('./commands/serve.ts')).serveCommand },
  { name: 'search', summary: 'full-text search over report text (Chinese, 1+ characters) with filters', readsArchive: true, load: async () => (await import('./commands/search.ts')).searchCommand },
  { name: 'query', summary: 'run read-only SQL on the archive (table, --json or --csv)', readsArchive: true, load: async () => (await import('./commands/query.ts')).queryCommand },
  { name: 'export', summary: 'export tables as CSV / JSON Lines / Parquet, or captures as WARC, with a manifest; --verify checks one', readsArchive: true, load: async () => (await import('./commands/export.ts')).exportCommand },
  { name: 'nightly', summary: 'crawl every portal, extract what is new, recompute late / missing / changed reports, log and summarise', readsArchive: false, load: async () => (await import('./commands/nightly.ts')).nightlyCommand },
  { name: 'schedule', summary: 'run nightly in-process on a cron expression (--cron "0 2 * * *")', readsArchive: false, load: async () => (await import('./commands/schedule.ts')).scheduleCommand },
  { name: 'missing', summary: 'expected bodies for a year: not_due / on_time / late / missing / removed / changed, with evidence', readsArchive: true, load: async () => (await import('./commands/missing.ts')).missingCommand },
  { name: 'reextract', summary: 'extract every archived report again from its capture (a backfill; --queue sends OCR to workers)', readsArchive: true, load: async () => (await import('./commands/reextract.ts')).reextractCommand },
  { name: 'worker', summary: 'take OCR jobs from the PostgreSQL queue (--queue postgres://…) and run them on this machine', readsArchive: false, load: async () => (await import('./commands/worker.ts')).workerCommand },
  { name: 'extraction-process', summary: 'internal: extracts archived pages for a running crawl in a separate process (started by crawl and nightly)', readsArchive: false, load: async () => (await import('./commands/extraction-process.ts')).extractionProcessCommand },
];

const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `nianbao — archive of 政府信息公开工作年度报告 (government information-disclosure annual reports)

Usage: nianbao <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`nianbao <command> --help\` for a command's options; add --debug to any command to see the stack of an
unexpected error.
Exit codes: 0 ok, 1 partial (some pages failed), 2 usage, 3 invalid config, 4 bad input, 5 archive error,
6 another run in progress, 7 out of disk space, 130 interrupted.`;
}

export async function main(argv: readonly string[], output: Output = processOutput, dataDir = DEFAULT_DATA_DIR): Promise<number> {
  const [name, ...given] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    const guess = nearest(name, COMMANDS.map((c) => c.name));
    output.err(`nianbao: unknown command "${name}"${guess === undefined ? '' : ` (did you mean ${guess}?)`}. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return EXIT.usage;
  }
  const command = await entry.load();
  const rest = given.filter((arg) => arg !== '--debug');
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(command.help);
    return EXIT.ok;
  }
  const ctx: CliContext = { output, dataDir, archiveMustExist: entry.readsArchive };
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    reportError(output, name, error, rest.length !== given.length);
    return exitCodeFor(error);
  }
}

/** One line naming the command once and the error's code (or "unexpected error"); the stack only with --debug. */
export function reportError(output: Output, name: string, error: unknown, debug: boolean): void {
  const prefix = `nianbao ${name}: `;
  const message = errorMessage(error);
  const text = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  if (isNianbaoError(error)) output.err(`${prefix}${text} [${error.code}]`);
  else output.err(`${prefix}unexpected error: ${text}${debug ? '' : ' (run again with --debug for the stack trace)'}`);
  if (debug && error instanceof Error && error.stack !== undefined) output.err(error.stack);
}
