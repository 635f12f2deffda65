/** `GET /api/reports/:id`: one report version for the report view: metadata, cells with decoded sources, checks with their terms. */
import type { Database } from 'better-sqlite3';
import { getCapture, latestSuccessfulCapture } from '../../store/captures.ts';
import { getReport } from '../../store/reports.ts';
import { compactReport } from '../../store/serve-report.ts';
import { jsonTextReply, type Reply } from '../http/respond.ts';
import { notFound } from '../http/http-error.ts';
import { cellSource, type CellSource } from './cell-source.ts';
import { explainCheck, type CheckOutcome } from '../../extract/checks/check-formula.ts';
import { checkTerms } from '../../extract/checks/check-terms.ts';
import type { TemplateVersion } from '../../extract/types.ts';

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
  const values = Object.fromEntries(report.cells.map((c) => [c.key, c.value]));
  const checks = report.checks.map((c) => (c.ok ? c : { ...c, terms: checkTerms(c.checkId, report.template), ...explainCheck(c, report.template, values) }));
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

/**
 * `GET /api/reports/:id/compact`: what the report view needs to draw its tables, cheap enough to build for every
 * reader: metadata (no text), cells as `[key, value, method]` arrays (key order), only the failing checks (their
 * terms, the same in every report, come once from `/api/keys`) and the number of checks. Provenance (raw text,
 * location, decoded source) comes per cell from `/api/reports/:id/cells/:key` when a number is clicked. The
 * answer is written as JSON text directly: the cells' and failing checks' JSON comes from the report's summary.
 */
export function compactReportAnswer(db: Database, id: number): Reply {
  const report = compactReport(db, id);
  if (report === null) throw notFound(`report ${id}`);
  const files = report.meta.files.map((f) => ({ ...f, archiveUrl: f.captureId === null ? null : `/archive/captures/${f.captureId}` }));
  const pageUrl = report.meta.sourceCaptureId === null ? null : `/archive/reports/${id}/page`;
  const json =
    `{"report":${JSON.stringify(report.meta)},"pageUrl":${JSON.stringify(pageUrl)},"files":${JSON.stringify(files)},` +
    `"cellFields":["key","value","method"],"cells":${report.cellsJson},"checkCount":${report.checkCount},` +
    `"failingChecks":${explainedFailing(report.failingJson, report.cellsJson, report.meta.template as TemplateVersion)}}`;
  return jsonTextReply(json);
}

/**
 * The failing checks with their formula in Chinese and what they mean (extract/checks/check-formula.ts). Most reports
 * fail none: then the summary's JSON is sent as it is, and the cells are not parsed.
 */
function explainedFailing(failingJson: string, cellsJson: string, template: TemplateVersion): string {
  if (failingJson === '[]') return failingJson;
  const failing = JSON.parse(failingJson) as CheckOutcome[];
  const terms = failing.flatMap((c) => {
    const t = checkTerms(c.checkId, template);
    return [...t.left, ...t.right];
  });
  // Only the terms' values, found in the cells' JSON text (parsing all 200 cells cost as much as the rest of the answer).
  const cells = Object.fromEntries(terms.map((key) => [key, valueIn(cellsJson, key)]));
  return JSON.stringify(failing.map((c) => ({ ...c, ...explainCheck(c, template, cells) })));
}

/** The value of `key` in a summary's `[[key, value, method], …]` JSON text (keys are plain ASCII), or null. */
function valueIn(cellsJson: string, key: string): number | null {
  const head = `["${key}",`;
  const at = cellsJson.indexOf(head);
  if (at === -1) return null;
  const start = at + head.length;
  const text = cellsJson.slice(start, cellsJson.indexOf(',', start));
  return text === 'null' ? null : Number(text);
}

/** `GET /api/reports/:id/cells/:key`: one cell of the full answer (raw text, method, confidence, location, decoded source, failing checks). */
export function cellAnswer(db: Database, id: number, key: string): ReportAnswerCell {
  const full = reportAnswer(db, id) as { cells: ReportAnswerCell[] };
  const cell = full.cells.find((c) => c.key === key);
  if (cell === undefined) throw notFound(`cell ${key} of report ${id}`);
  return cell;
}
