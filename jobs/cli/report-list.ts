import type { ReportListRow } from '../../store/reports.ts';
import { formatTable } from './output.ts';

/** What a filtered list was asked for, and the archive's whole (current) list to say what would have matched. */
export interface ListFilterNote {
  /** The filters given, as typed: `--portal yanzhou`. */
  readonly given: readonly string[];
  readonly all: readonly ReportListRow[];
}

/** Archived reports as a table for people; an empty filtered list says so and names the values that exist. */
export function formatReportList(rows: readonly ReportListRow[], filter?: ListFilterNote): string {
  if (rows.length === 0 && filter !== undefined && filter.given.length > 0 && filter.all.length > 0) return noMatch(filter);
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

/** "no report matches" with the portal ids, years and agency names the archive does hold. */
function noMatch(filter: ListFilterNote): string {
  const distinct = (values: readonly (string | number | null)[]): string[] => [...new Set(values.filter((v) => v !== null).map(String))].sort();
  const agencies = distinct(filter.all.map((r) => r.agencyName));
  return [
    `no report matches ${filter.given.join(' ')} (${filter.all.length} report(s) in the archive)`,
    `  portals (--portal ID): ${distinct(filter.all.map((r) => r.portalId)).join(', ')}`,
    `  years (--year):        ${distinct(filter.all.map((r) => r.year)).join(', ')}`,
    `  agencies (--agency, part of a name, key or USCC): ${agencies.slice(0, 12).join('、')}${agencies.length > 12 ? ` … (${agencies.length})` : ''}`,
  ].join('\n');
}
