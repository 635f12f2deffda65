import { lazyOcrEngine } from '../../extract/lazy-ocr-engine.ts';
import { reextractArchive, type ReextractedReport, type ReextractSummary } from '../../extract/reextract-archive.ts';
import { openQueue, type OpenQueue } from '../../queue/open-queue.ts';
import { queueImageTablesReader, type QueueReaderCounts } from '../../queue/queue-reader.ts';
import { acquireRunLock, lockFileFor } from '../../run-lock.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import { archivePath, assertArchiveExists, openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson, type Output } from '../output.ts';
import { QUEUE_HELP, QUEUE_OPTIONS, queueConfigFrom } from '../queue-options.ts';

const HELP = `Usage: nianbao reextract [options]

Extract every current report of the archive again from its archived capture (never the network) under this
version's extractor — a backfill after the extractor improved. A report whose content comes out the same is left
as it is; one that differs gets a new version (the old one is kept). With --queue, the OCR of table images goes to
the PostgreSQL queue and is done by \`nianbao worker\` processes on any machines; this process stays the archive's
only writer, and a result already in the queue's store for the same images and extractor version is reused
without OCR.

Options:
  --db FILE           archive (default: data/archive.sqlite)
  --portal ID         only this portal's reports
  --queue URL         send OCR to the queue in this PostgreSQL (postgres://user:password@host:port/database)
${QUEUE_HELP}
  --concurrency N     reports extracted at once (default: 1, with --queue 8)
  --quiet             no line per report on stderr
  --json              print the summary as JSON
  -h, --help          this help

Exit codes: 0 every report extracted, 1 some report failed (listed, with its code), 2 invalid option, 5 archive
error or the queue's PostgreSQL cannot be reached (E_QUEUE_UNREACHABLE: start PostgreSQL, ./setup.sh starts the
local one), 6 another crawl or nightly run holds this archive, 130 interrupted (SIGINT/SIGTERM).`;

export const reextractCommand: Command = {
  name: 'reextract',
  summary: 'extract every archived report again from its capture (a backfill; --queue sends OCR to workers)',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('reextract', argv, {
      ...COMMON_OPTIONS,
      ...QUEUE_OPTIONS,
      portal: { type: 'string' },
      concurrency: { type: 'string', number: { min: 1, max: 256 } },
      quiet: { type: 'boolean' },
    });
    const queueConfig = queueConfigFrom(args);
    const portalId = stringOption(args, 'portal');
    const concurrency = intOption(args, 'concurrency') ?? (queueConfig === null ? 1 : 8);
    // A backfill of an archive that is not there is a mistake (a typo in --db): refused before the lock creates anything.
    assertArchiveExists(archivePath(args, ctx));
    const lock = acquireRunLock(lockFileFor(archivePath(args, ctx)), () => new Date(), 'reextract');
    const ocr = lazyOcrEngine();
    let queue: OpenQueue | null = null;
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      queue = queueConfig === null ? null : await openQueue(queueConfig, (error) => ctx.output.err(`queue: ${error.message}`));
      const counts: QueueReaderCounts = { sent: 0, reused: 0 };
      const db = openArchiveFor(args, ctx);
      try {
        const summary = await reextractArchive(db, {
          ocr: ocr.get,
          imageTables: queue === null ? null : queueImageTablesReader(queue, counts, stop.signal),
          concurrency,
          signal: stop.signal,
          ...(portalId === undefined ? {} : { portalId }),
          ...(flag(args, 'quiet') || flag(args, 'json') ? {} : { onReport: printReport(ctx.output) }),
        });
        if (flag(args, 'json')) printJson(ctx.output, { ...summary, ...(queue === null ? {} : { queueJobs: counts.sent, queueResultsReused: counts.reused }) });
        else ctx.output.out(formatSummary(summary, queue === null ? null : counts));
        if (summary.interrupted) return EXIT.interrupted;
        return summary.failed.length > 0 ? EXIT.partial : EXIT.ok;
      } finally {
        db.close();
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await queue?.close();
      await ocr.terminate();
      lock.release();
    }
  },
};

function printReport(output: Output): (done: ReextractedReport) => void {
  return (done) => {
    const what = done.outcome === 'failed' ? `failed ${done.code}: ${done.message}` : done.outcome;
    output.err(`report ${done.capture.reportId} (capture ${done.capture.captureId}) ${done.capture.url}: ${what}`);
  };
}

function formatSummary(s: ReextractSummary, counts: QueueReaderCounts | null): string {
  const lines = [`${s.reports} report(s) extracted again: ${s.unchanged} unchanged, ${s.newVersions} new version(s), ${s.failed.length} failed`];
  if (counts !== null) lines.push(`queue: ${counts.sent} OCR job(s) sent, ${counts.reused} result(s) reused`);
  for (const f of s.failed) lines.push(`  failed: report ${f.capture.reportId} ${f.capture.url}: ${f.code} ${f.message}`);
  if (s.interrupted) lines.push('interrupted before every report was done; run it again to finish');
  return lines.join('\n');
}
