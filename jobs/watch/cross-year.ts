/**
 * Cross-year checks between a body's report and its report for the year before (current versions):
 *   cross.carry.<col>  this year's 二、上年结转 (t3.carried_in.<col>) = last year's 四、结转下年度 (t3.carried_out.<col>),
 *                      for the 7 columns of table 3, when both reports have table 3 as HTML (spec §5);
 *   cross.similar      内容雷同: the prose repeats last year's (Jaccard of 4-character shingles ≥ SIMILARITY_THRESHOLD);
 *                      left = the score, right = the threshold, ok = below it.
 * A failing check is recorded and shown, never a reason to drop a report.
 */
import type { Database } from 'better-sqlite3';
import { T3_COLUMNS } from '../../extract/template/keys.ts';
import { currentReportsWithAgency, reportCellValues, reportProse, type CrossCheckRow, type WatchReportVersion } from '../../store/watch-reports.ts';
import type { ExpectedBody } from './expected-set.ts';
import { proseOf, SIMILARITY_THRESHOLD, textSimilarity } from './similarity.ts';

export function crossYearChecks(db: Database, bodies: readonly ExpectedBody[]): CrossCheckRow[] {
  const bodyOf = new Map<number, string>();
  for (const body of bodies) for (const id of body.agencyIds) bodyOf.set(id, `${body.portalId}\u0000${body.key}`);
  const byBodyYear = new Map<string, WatchReportVersion>();
  for (const report of currentReportsWithAgency(db)) {
    const body = bodyOf.get(report.agencyId ?? -1) ?? `agency\u0000${report.agencyId}`;
    const key = `${body}\u0000${report.year}`;
    const known = byBodyYear.get(key);
    if (known === undefined || richness(report) > richness(known)) byBodyYear.set(key, report);
  }
  const checks: CrossCheckRow[] = [];
  for (const [key, report] of byBodyYear) {
    const body = key.slice(0, key.lastIndexOf('\u0000'));
    const previous = byBodyYear.get(`${body}\u0000${(report.year ?? 0) - 1}`);
    if (previous === undefined) continue;
    checks.push(...carryChecks(db, report, previous), similarityCheck(db, report, previous));
  }
  return checks.sort((a, b) => a.reportId - b.reportId || a.checkId.localeCompare(b.checkId));
}

/** Prefer the report with table 3 in HTML, then the newest template, when a body has two for a year. */
function richness(r: WatchReportVersion): number {
  return (r.template === 'older' ? 0 : 2) + (r.missingTables.includes('t3') ? 0 : 1);
}

function hasTable3(r: WatchReportVersion): boolean {
  return r.template !== 'older' && !r.missingTables.includes('t3');
}

export function carryChecks(db: Database, report: WatchReportVersion, previous: WatchReportVersion): CrossCheckRow[] {
  if (!hasTable3(report) || !hasTable3(previous)) return [];
  const now = reportCellValues(db, report.id);
  const before = reportCellValues(db, previous.id);
  return T3_COLUMNS.map((col) => {
    const inKey = `t3.carried_in.${col}`;
    const outKey = `t3.carried_out.${col}`;
    const left = now[inKey] ?? null;
    const right = before[outKey] ?? null;
    const nullsAsZero = [...(left === null ? [inKey] : []), ...(right === null ? [`${previous.year}:${outKey}`] : [])];
    return { reportId: report.id, checkId: `cross.carry.${col}`, otherReportId: previous.id, ok: (left ?? 0) === (right ?? 0), left: left ?? 0, right: right ?? 0, nullsAsZero };
  });
}

export function similarityCheck(db: Database, report: WatchReportVersion, previous: WatchReportVersion): CrossCheckRow {
  const a = reportProse(db, report.id);
  const b = reportProse(db, previous.id);
  const score = a === null || b === null ? 0 : textSimilarity(proseOf(a.sections, a.fullText), proseOf(b.sections, b.fullText));
  const rounded = Math.round(score * 10_000) / 10_000;
  return { reportId: report.id, checkId: 'cross.similar', otherReportId: previous.id, ok: rounded < SIMILARITY_THRESHOLD, left: rounded, right: SIMILARITY_THRESHOLD, nullsAsZero: [] };
}
