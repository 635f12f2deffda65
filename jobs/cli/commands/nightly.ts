import path from 'node:path';
import { loadExpectedFile } from '../../watch/expected-file.ts';
import { NightlyProgress } from '../../nightly/nightly-progress.ts';
import { formatNightlySummary } from '../../nightly/nightly-summary.ts';
import { startNightly, type NightlyOptions, type NightlySummary } from '../../nightly/run-nightly.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs, stringOption, type OptionSpec, type ParsedArgs } from '../args.ts';
import { archivePath } from '../archive-path.ts';
import { CRAWL_OPTIONS, extractionOptionsFrom, fetcherOptionsFrom, portalsFrom } from '../crawl-options.ts';
import type { CliContext, Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { awaitUnlessSignalled } from '../interrupt-on-signal.ts';
import { printJson } from '../output.ts';

const HELP = `Usage: nianbao nightly [options]

The nightly job: crawl every configured portal (a crawl a killed run left is resumed), extract every new report or
version, run the watch — each expected body's status per report year as of today (not_due, on_time, late, missing,
removed, changed, unknown) and the cross-year checks — then write a run row, a JSON-lines log
(<archive dir>/logs/nightly-<run id>.jsonl) and a summary on stdout. One run at a time per archive.

Options:
  --portals FILE      portal list (default: data/portals.json)
  --portal ID         only this portal
  --expected FILE     expected-bodies list (CSV or JSON) adding or retiring bodies; stored for later runs
  --db FILE           archive (default: data/archive.sqlite)
  --log-dir DIR       where the JSON-lines log goes (default: logs/ next to the archive)
  --delay MS          minimum gap between requests to one host (default: 1000)
  --timeout MS        time limit per request (default: 30000)
  --max-body BYTES    largest response body kept (default: 52428800)
  --retries N         retries after a network error, 429 or 5xx (default: 3)
  --concurrency N     hosts worked at once, each with one connection and its own gap (default: 64)
  --extract-timeout MS  time limit per report page's extraction with its documents and OCR (default: 120000)
  --extract-workers N   processes extracting reports while fetching goes on, 0-64 (default: one per core;
                      0 = in the crawl's own process, after fetching)
  --queue URL         table images are read by \`nianbao worker\` processes through the OCR queue in this
                      PostgreSQL (postgres://user:password@host:port/database) instead of here; the crawl stays the
                      archive's only writer (--queue-schema, --job-expiry, --job-retries as in \`reextract --help\`)
  --quiet             no progress on stderr (there is none anyway when stderr is not a terminal)
  --json              print the run summary as JSON
  -h, --help          this help

Exit codes: 0 ok, 1 partial (a portal was unreachable or pages failed: its bodies are not marked missing),
3 invalid portal or expected list, 5 archive error, 6 another nightly run is in progress, 7 out of disk space,
130 interrupted (the next run resumes).`;

export const NIGHTLY_OPTIONS: OptionSpec = {
  ...COMMON_OPTIONS,
  ...CRAWL_OPTIONS,
  expected: { type: 'string' },
  'log-dir': { type: 'string' },
};

/** Nightly options from the command line (shared with `nianbao schedule`); reads and validates the lists. */
export function nightlyOptionsFrom(args: ParsedArgs, ctx: CliContext, command: string): NightlyOptions {
  const { portalsFile, all, portals } = portalsFrom(args, ctx);
  const expectedFile = stringOption(args, 'expected');
  const logDir = stringOption(args, 'log-dir');
  const concurrency = intOption(args, 'concurrency', command);
  return {
    archiveFile: archivePath(args, ctx),
    portals,
    ...(expectedFile === undefined ? {} : { expected: { entries: loadExpectedFile(path.resolve(expectedFile), all.map((p) => p.id)), source: path.resolve(expectedFile) } }),
    ...(logDir === undefined ? {} : { logDir: path.resolve(logDir) }),
    ...(concurrency === undefined ? {} : { concurrency }),
    fetcher: fetcherOptionsFrom(args, command),
    extraction: extractionOptionsFrom(args),
    recordedOptions: { portals: portals.map((p) => p.id), portalsFile, expected: expectedFile ?? null, command },
  };
}

/**
 * Runs one night with the terminal progress and signal handling of the CLI: SIGINT/SIGTERM mark the run interrupted
 * and end the process with exit code 130 (the crawl is resumed by the next run).
 */
export async function runNightlyFromCli(options: NightlyOptions, ctx: CliContext, quiet: boolean): Promise<NightlySummary> {
  const progress = new NightlyProgress({ isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) }, !quiet);
  const run = startNightly({ ...options, onCrawlEvent: progress.onEvent });
  try {
    return await awaitUnlessSignalled('nightly', run, ctx, () => progress.finish());
  } finally {
    progress.finish();
  }
}

export const nightlyCommand: Command = {
  name: 'nightly',
  summary: 'crawl every portal, extract what is new, recompute late / missing / changed reports, log and summarise',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('nightly', argv, NIGHTLY_OPTIONS);
    const options = nightlyOptionsFrom(args, ctx, 'nightly');
    const summary = await runNightlyFromCli(options, ctx, flag(args, 'quiet') || flag(args, 'json'));
    if (flag(args, 'json')) printJson(ctx.output, summary);
    else ctx.output.out(formatNightlySummary(summary));
    return summary.status === 'ok' ? EXIT.ok : EXIT.partial;
  },
};
