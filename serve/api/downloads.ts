/**
 * `GET /api/grid.csv|xlsx`, `/api/search.csv|xlsx`, `/api/compare.csv|xlsx`, `/api/reports/:id/tables.csv|xlsx`:
 * the tables the page shows, with the same query parameters as their JSON answers (which they are built from).
 */
import type { Database } from 'better-sqlite3';
import { getReport } from '../../store/reports.ts';
import type { SearchHit } from '../../store/search.ts';
import { downloadReply, type DownloadFormat } from '../download/download-reply.ts';
import { compareTable, gridTables, reportTables, searchTable } from '../download/tables.ts';
import { notFound } from '../http/http-error.ts';
import type { Reply } from '../http/respond.ts';
import type { StatusJudge } from '../watch-status.ts';
import { compareAnswer } from './compare.ts';
import { gridAnswer } from './grid.ts';
import { keyLayout } from './key-labels.ts';
import { searchAnswer } from './search.ts';

export function formatOf(raw: string | undefined): DownloadFormat {
  return raw === 'xlsx' ? 'xlsx' : 'csv';
}

export function gridDownload(db: Database, params: URLSearchParams, judge: StatusJudge, format: DownloadFormat): Promise<Reply> {
  const grid = gridAnswer(db, params, judge);
  return downloadReply(`nianbao-grid-${grid.asOf ?? 'archive'}`, gridTables(grid), format);
}

export function searchDownload(db: Database, params: URLSearchParams, format: DownloadFormat): Promise<Reply> {
  const answer = searchAnswer(db, params) as { query: string; results: readonly SearchHit[] };
  return downloadReply('nianbao-search', [searchTable(answer.query, answer.results)], format);
}

export function compareDownload(db: Database, params: URLSearchParams, format: DownloadFormat): Promise<Reply> {
  return downloadReply('nianbao-compare', [compareTable(compareAnswer(db, params))], format);
}

export function reportDownload(db: Database, id: number, format: DownloadFormat): Promise<Reply> {
  const report = getReport(db, id);
  if (report === null) throw notFound(`report ${id}`);
  const cells = new Map(report.cells.map((c) => [c.key, { value: c.value, raw: c.raw, method: c.method, location: c.location }]));
  const tables = reportTables({ id, template: report.template, agencyName: report.agencyName, year: report.year, cells }, keyLayout());
  return downloadReply(`nianbao-report-${id}`, tables, format);
}
