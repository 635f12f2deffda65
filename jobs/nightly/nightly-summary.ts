/** The human-readable summary of a nightly run (stdout). */
import type { NightlySummary } from './run-nightly.ts';

export function formatNightlySummary(s: NightlySummary): string {
  const reasons = (r: Readonly<Record<string, number>>): string => Object.entries(r).map(([code, n]) => `${code}×${n}`).join(', ');
  const c = s.counts;
  const portals = s.portals.map((p) => `${p.portalId} ${p.state === 'ok' ? 'ok' : p.state.toUpperCase()} (${p.done} pages${p.failed + p.skipped > 0 ? `; ${reasons(p.reasons)}` : ''})`);
  const unreachable = s.portals.filter((p) => p.state !== 'ok').map((p) => p.portalId);
  const statuses = Object.entries(s.watch.counts).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`);
  const lines = [
    `nightly run ${s.nightlyRunId} (as of ${s.asOf}): ${s.status}${unreachable.length > 0 ? ` — not fully checked: ${unreachable.join(', ')}` : ''}`,
    `  portals: ${portals.join('; ') || 'none'}`,
    `  pages: ${c.pagesFetched} fetched (${c.notModified} not modified), ${c.pagesSkipped} skipped, ${c.pagesFailed} failed${Object.keys(c.failuresByReason).length > 0 ? `; reasons: ${reasons(c.failuresByReason)}` : ''}`,
    `  reports: ${c.reports.new} new, ${c.reports.newVersion} new versions, ${c.reports.unchanged} unchanged, ${c.reports.noReport} pages without a report, ${c.reports.failed} failed`,
    `  statuses (as of ${s.asOf}): ${statuses.join(', ') || 'no expected bodies'}`,
    ...s.watch.changes.slice(0, 20).map((ch) => `    ${ch.key.split('/')[0]} ${ch.bodyName} ${ch.key.split('/').at(-1)}: ${ch.from ?? 'new'} → ${ch.to}`),
    ...(s.watch.changes.length > 20 ? [`    … ${s.watch.changes.length - 20} more changes (see the log)`] : []),
    `  cross-year: ${s.watch.crossChecks.carryFailing} carry-over mismatches, ${s.watch.crossChecks.similar} near-copies of last year (of ${s.watch.crossChecks.total} checks)`,
    ...(s.interruptedRuns.length > 0 ? [`  earlier runs found interrupted: ${s.interruptedRuns.join(', ')}${s.resumedCrawl ? ` (crawl run ${s.crawlRunId} resumed)` : ''}`] : []),
    `  log: ${s.logFile}`,
  ];
  return lines.join('\n');
}
