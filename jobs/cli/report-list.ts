import type { ReportListRow } from '../../store/reports.ts';
import { formatTable } from './output.ts';

/** Archived reports as a table for people. */
export function formatReportList(rows: readonly ReportListRow[]): string {
  if (rows.length === 0) return 'no reports archived (yet)';
  const body = rows.map((r) => [
    String(r.id),
    r.portalId,
    r.agencyName ?? '—',
    r.year === null ? '—' : String(r.year),
    r.template,
    r.publishedAt ?? '—',
    `v${r.version}`,
    r.failingChecks === 0 ? 'ok' : `${r.failingChecks} failing`,
  ]);
  return `${formatTable(['id', 'portal', 'agency', 'year', 'template', 'published', 'version', 'checks'], body)}\n${rows.length} report(s)`;
}

/** The `reports --json` contract: agency, year, url, template, publishedAt for every archived report, and more. */
export function reportListJson(rows: readonly ReportListRow[]): Record<string, unknown>[] {
  return rows.map((r) => ({
    id: r.id,
    portal: r.portalId,
    agency: r.agencyName,
    agencyKey: r.agencyKey,
    year: r.year,
    url: r.url,
    template: r.template,
    publishedAt: r.publishedAt,
    firstSeenAt: r.firstSeenAt,
    title: r.title,
    version: r.version,
    isCurrent: r.isCurrent,
    failingChecks: r.failingChecks,
  }));
}
