/** Progress lines for a crawl on stderr, and the closing summary for people. */
import type { CrawlEvent } from '../crawl/crawl-events.ts';
import type { CrawlSummary } from '../crawl/run-crawl.ts';
import type { Output } from './output.ts';

export function progressPrinter(output: Output, quiet: boolean): (event: CrawlEvent) => void {
  return (event) => {
    if (quiet) return;
    switch (event.type) {
      case 'run-started':
        output.err(`run ${event.runId} ${event.resumed ? 'resumed' : 'started'}: ${event.portals.join(', ')}`);
        break;
      case 'fetched':
        output.err(`  ${String(event.status).padStart(3)} ${event.kind.padEnd(10)} ${event.url}`);
        break;
      case 'skipped':
        output.err(`  skip ${event.kind.padEnd(10)} ${event.url}: ${event.code} ${event.message}`);
        break;
      case 'report':
        output.err(`  report ${event.outcome.padEnd(11)} ${event.title ?? ''} (${event.url})`);
        break;
      case 'no-report':
        output.err(`  no report  ${event.url}: ${event.code}`);
        break;
      case 'run-finished':
        output.err(`run ${event.runId} finished: ${event.status}`);
        break;
    }
  };
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
