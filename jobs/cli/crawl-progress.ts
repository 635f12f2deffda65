/**
 * Progress of a crawl on stderr, and the closing summary for people. On a terminal: one status line rewritten in
 * place (hosts active, pages/s, reports/s, what is queued: progress-line.ts), with the run's start and end and every
 * page skipped or failed printed above it. Elsewhere (a log, a pipe): a line per event. Nothing with --quiet/--json.
 */
import type { CrawlEvent, CrawlProgress } from '../crawl/crawl-events.ts';
import { formatProgressLine } from '../crawl/progress-line.ts';
import type { CrawlSummary } from '../crawl/run-crawl.ts';
import type { Output } from './output.ts';

/** Where the status line goes: stderr, written as is (no newline added). */
export interface Terminal {
  readonly isTTY: boolean;
  write(text: string): void;
}

export interface CrawlProgressDisplay {
  readonly onEvent: (event: CrawlEvent) => void;
  /** Ends the status line (call before printing anything else, e.g. the summary). */
  finish(): void;
}

export function crawlProgressDisplay(output: Output, quiet: boolean, terminal: Terminal): CrawlProgressDisplay {
  if (quiet || !terminal.isTTY) return { onEvent: progressPrinter(output, quiet), finish: () => undefined };
  let before: CrawlProgress | null = null;
  let line = '';
  const draw = (): void => terminal.write(`\r\x1b[K${line}`);
  const above = (text: string): void => {
    terminal.write('\r\x1b[K');
    output.err(text);
    if (line !== '') draw();
  };
  return {
    onEvent: (event) => {
      if (event.type === 'progress') {
        line = formatProgressLine(event.progress, before);
        before = event.progress;
        draw();
      } else if (event.type === 'run-started' || event.type === 'run-finished' || event.type === 'skipped') {
        const text = eventLine(event);
        if (text !== null) above(text);
      }
    },
    finish: () => {
      if (line !== '') terminal.write('\r\x1b[K');
      line = '';
    },
  };
}

/** A line per event (stderr that is not a terminal), for the crawl and the demo. */
export function progressPrinter(output: Output, quiet: boolean): (event: CrawlEvent) => void {
  return (event) => {
    if (quiet) return;
    const text = eventLine(event);
    if (text !== null) output.err(text);
  };
}

function eventLine(event: CrawlEvent): string | null {
  switch (event.type) {
    case 'run-started':
      return `run ${event.runId} ${event.resumed ? 'resumed' : 'started'}: ${event.portals.join(', ')}`;
    case 'fetched':
      return `  ${String(event.status).padStart(3)} ${event.kind.padEnd(10)} ${event.url}`;
    case 'skipped':
      return `  skip ${event.kind.padEnd(10)} ${event.url}: ${event.code} ${event.message}`;
    case 'report':
      return `  report ${event.outcome.padEnd(11)} ${event.title ?? ''} (${event.url})`;
    case 'no-report':
      return `  no report  ${event.url}: ${event.code}`;
    case 'run-finished':
      return `run ${event.runId} finished: ${event.status}`;
    case 'progress':
      return null;
  }
}

export function formatCrawlSummary(summary: CrawlSummary): string {
  const reasons = Object.entries(summary.skipReasons).map(([code, n]) => `${code}×${n}`).join(', ') || 'none';
  const r = summary.reports;
  return [
    `run ${summary.runId}${summary.resumed ? ' (resumed)' : ''}: ${summary.status}`,
    `  tasks: ${summary.tasks.done} done, ${summary.tasks.skipped} skipped, ${summary.tasks.failed} failed (reasons: ${reasons})`,
    `  exchanges: ${summary.exchanges} captured, ${summary.notModified} not modified, ${summary.bytesReceived} bytes received`,
    `  reports: ${r.new} new, ${r.newVersion} new versions, ${r.unchanged} unchanged, ${r.noReport} pages without a report, ${r.failed} failed`,
  ].join('\n');
}
