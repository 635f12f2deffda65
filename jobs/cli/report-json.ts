/** The machine-readable report contract of `nianbao extract --json` (documented in docs/cli-json.md). */
import { reportProblems } from '../../extract/template/report-problems.ts';
import type { ExtractedReport } from '../../extract/types.ts';

export function reportJson(report: ExtractedReport, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...extra,
    title: report.title,
    agency: report.agency,
    year: report.year,
    publishedAt: report.publishedAt,
    publishedAtRaw: report.publishedAtRaw,
    template: report.template,
    cells: report.cells,
    checks: report.checks.map((c) => ({ id: c.id, ok: c.ok, left: c.left, right: c.right, nullsAsZero: c.nullsAsZero })),
    missingTables: report.missingTables,
    problems: reportProblems(report),
    provenance: report.cellDetails.map((c) => ({ key: c.key, raw: c.raw, method: c.method, location: c.location, confidence: c.confidence, ...(c.source === undefined ? {} : { source: c.source }), ...(c.pageBox === undefined ? {} : { pageBox: c.pageBox }) })),
    sections: report.sections.map((s) => ({ part: s.part, heading: s.heading, chars: s.text.length })),
    files: report.files,
    warnings: report.warnings,
    extractorVersion: report.extractorVersion,
  };
}

/** A few lines for people. */
export function reportSummaryLines(report: ExtractedReport): string[] {
  const filled = Object.values(report.cells).filter((v) => v !== null).length;
  const failing = report.checks.filter((c) => !c.ok).map((c) => `${c.id} (${c.left} ≠ ${c.right})`);
  return [
    `title:      ${report.title ?? '—'}`,
    `agency:     ${report.agency ?? '—'}`,
    `year:       ${report.year ?? '—'}`,
    `published:  ${report.publishedAt ?? '—'}`,
    `template:   ${report.template}`,
    `cells:      ${filled} of ${Object.keys(report.cells).length} filled${report.missingTables.length > 0 ? `; tables not in HTML: ${report.missingTables.join(', ')}` : ''}`,
    `checks:     ${report.checks.length - failing.length} of ${report.checks.length} pass${failing.length > 0 ? `; failing: ${failing.join(', ')}` : ''}`,
    `files:      ${report.files.length} (${report.files.map((f) => f.kind).join(', ') || 'none'})`,
  ];
}
