import { startCrawl } from '../../crawl/run-crawl.ts';
import { acquireRunLock, lockFileFor } from '../../run-lock.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs } from '../args.ts';
import { archivePath, openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { CRAWL_OPTIONS, extractionOptionsFrom, fetcherOptionsFrom, portalsFrom } from '../crawl-options.ts';
import { crawlProgressDisplay, formatCrawlSummary } from '../crawl-progress.ts';
import { EXIT } from '../exit-codes.ts';
import { awaitUnlessSignalled } from '../interrupt-on-signal.ts';
import { printJson } from '../output.ts';

const HELP = `Usage: nianbao crawl [options]

Crawl the configured portals into the archive: every report page, listing, attachment and image is captured
(URL, time, status, headers, bytes, sha256), then reports are extracted from the captures. A run that was killed
is resumed by the next \`nianbao crawl\` with the same portals.

Options:
  --portals FILE      portal list (default: data/portals.json)
  --portal ID         crawl only this portal
  --db FILE           archive (default: data/archive.sqlite)
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
  --quiet             no progress on stderr (on a terminal: one status line with hosts active, pages/s,
                      reports/s and what is queued; elsewhere a line per page)
  --json              print the run summary as JSON
  -h, --help          this help

Exit codes: 0 every page fetched and read, 1 partial: some page could not be fetched or read (down, refused,
cut off, too large, redirect loop; retry later), 2 invalid option, 3 invalid portal list, 5 archive error,
6 another crawl or nightly run holds this archive, 7 out of disk space, 130 interrupted (SIGINT/SIGTERM; the next
crawl resumes the run).`;

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'crawl portals (data/portals.json) into the archive and extract their reports',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('crawl', argv, { ...COMMON_OPTIONS, ...CRAWL_OPTIONS });
    const { portals } = portalsFrom(args, ctx);
    const concurrency = intOption(args, 'concurrency', 'crawl');
    const fetcher = fetcherOptionsFrom(args, 'crawl');
    // One run at a time per archive (crawl or nightly): a second start exits 6 instead of fetching everything twice.
    const lock = acquireRunLock(lockFileFor(archivePath(args, ctx)), () => new Date(), 'crawl');
    try {
      const db = openArchiveFor(args, ctx);
      try {
        const terminal = { isTTY: process.stderr.isTTY === true, write: (text: string) => process.stderr.write(text) };
        const progress = crawlProgressDisplay(ctx.output, flag(args, 'quiet') || flag(args, 'json'), terminal);
        const run = startCrawl(db, { portals, ...(concurrency === undefined ? {} : { concurrency }), fetcher, extraction: extractionOptionsFrom(args), onEvent: progress.onEvent });
        const summary = await awaitUnlessSignalled('crawl', run, ctx, () => {
          progress.finish();
          lock.release();
        }).finally(() => progress.finish());
        if (flag(args, 'json')) printJson(ctx.output, summary);
        else ctx.output.out(formatCrawlSummary(summary));
        return summary.status === 'ok' ? EXIT.ok : EXIT.partial;
      } finally {
        db.close();
      }
    } finally {
      lock.release();
    }
  },
};
