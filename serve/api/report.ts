/** `GET /api/reports/:id`: one report version for the report view: metadata, cells with decoded sources, checks with their terms. */
import type { Database } from 'better-sqlite3';
import { getCapture, latestSuccessfulCapture } from '../../store/captures.ts';
import { getReport } from '../../store/reports.ts';
import { notFound } from '../http/http-error.ts';
import { cellSource, type CellSource } from './cell-source.ts';
import { checkTerms } from './check-terms.ts';

export interface ReportAnswerCell {
  readonly key: string;
  readonly value: number | null;
  readonly raw: string | null;
  readonly method: string | null;
  readonly confidence: number | null;
  readonly location: string | null;
  readonly source: CellSource;
  /** Ids of failing checks this cell is a term of. */
  readonly failingChecks: readonly string[];
}

export function reportAnswer(db: Database, id: number): unknown {
  const report = getReport(db, id);
  if (report === null) throw notFound(`report ${id}`);
  const imageCache = new Map<number, boolean>();
  const isImage = (captureId: number): boolean => {
    let known = imageCache.get(captureId);
    if (known === undefined) {
      known = (getCapture(db, captureId)?.contentType ?? '').startsWith('image/');
      imageCache.set(captureId, known);
    }
    return known;
  };
  const files = new Map(report.files.filter((f) => f.captureId !== null).map((f) => [f.url, f.captureId!]));
  const captureForUrl = (url: string): number | null => files.get(url) ?? latestSuccessfulCapture(db, url)?.id ?? null;
  // Terms only for failing checks: they are what the page highlights (and 200 passing checks would double the answer).
  const checks = report.checks.map((c) => (c.ok ? c : { ...c, terms: checkTerms(c.checkId, report.template) }));
  const failingByKey = new Map<string, string[]>();
  for (const check of checks) {
    if (!('terms' in check)) continue;
    for (const key of [...check.terms.left, ...check.terms.right]) failingByKey.set(key, [...(failingByKey.get(key) ?? []), check.checkId]);
  }
  const cells: ReportAnswerCell[] = report.cells.map((c) => ({
    key: c.key,
    value: c.value,
    raw: c.raw,
    method: c.method,
    confidence: c.confidence,
    location: c.location,
    source: cellSource(c, { isImageCapture: isImage, captureForUrl }),
    failingChecks: failingByKey.get(c.key) ?? [],
  }));
  const { fullText, cells: _cells, checks: _checks, ...meta } = report;
  return {
    report: { ...meta, textLength: fullText.length },
    pageUrl: report.sourceCaptureId === null ? null : `/archive/reports/${report.id}/page`,
    files: report.files.map((f) => ({ ...f, archiveUrl: f.captureId === null ? null : `/archive/captures/${f.captureId}` })),
    cells,
    checks,
  };
}
