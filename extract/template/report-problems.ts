/**
 * What a report's tables lack, as named problems instead of silent nulls: no tables at all (with why), a table
 * absent, a template row not found in a table that is there, a single cell not found. Derived from the report
 * itself (its cells, their provenance, its missing tables and files), so it is right after any merge of
 * attachments, images or flip-books.
 */
import type { ErrorCode } from '../../common/errors.ts';
import type { ExtractedReport } from '../types.ts';

export type ReportTable = 't2' | 't3' | 't4';

/**
 * Why a report has no tables (closed list):
 * - `not_published`: the page holds no table and links no image or document that could hold one;
 * - `not_read_from_files`: the page links images or documents, and none of them gave a table (not captured,
 *   unreadable, no OCR engine, or holding no table: the report's warnings say which).
 */
export type NoTablesReason = 'not_published' | 'not_read_from_files';

export interface ReportProblem {
  readonly code: Extract<ErrorCode, 'E_NO_TABLES' | 'E_TABLE_NOT_FOUND' | 'E_ROW_NOT_FOUND' | 'E_CELL_NOT_FOUND'>;
  /** The table concerned; null for E_NO_TABLES. */
  readonly table: ReportTable | null;
  /** Row (`t3.other.no_fee`, `t2.fees`, `t4.review`) for E_ROW_NOT_FOUND, else null. */
  readonly row: string | null;
  /** Every canonical key left null because of this problem. */
  readonly keys: readonly string[];
  readonly reason: NoTablesReason | null;
  readonly message: string;
}

const TABLES: readonly ReportTable[] = ['t2', 't3', 't4'];

/** Row of a key: `t3.other.no_fee.total` → `t3.other.no_fee`, `t2.rules.issued` → `t2.rules`. */
export function rowOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf('.'));
}

function noTables(report: ExtractedReport, keys: readonly string[]): ReportProblem {
  const linked = report.files.length > 0;
  const reason: NoTablesReason = linked ? 'not_read_from_files' : 'not_published';
  const why = linked
    ? `the page links ${report.files.length} file(s) (${[...new Set(report.files.map((f) => f.kind))].join(', ')}) and none gave a table`
    : 'the page holds no table and links no image or document';
  return { code: 'E_NO_TABLES', table: null, row: null, keys, reason, message: `no statistical tables: ${why}; all ${keys.length} cells missing` };
}

function missingInTable(table: ReportTable, keys: readonly string[], found: ReadonlySet<string>): ReportProblem[] {
  const rows = new Map<string, string[]>();
  for (const key of keys) rows.set(rowOfKey(key), [...(rows.get(rowOfKey(key)) ?? []), key]);
  const problems: ReportProblem[] = [];
  const loose: string[] = [];
  for (const [row, rowKeys] of rows) {
    const lost = rowKeys.filter((k) => !found.has(k));
    if (lost.length === 0) continue;
    if (lost.length === rowKeys.length) {
      problems.push({ code: 'E_ROW_NOT_FOUND', table, row, keys: lost, reason: null, message: `${row}: row not found in table ${table.slice(1)}; ${lost.length} cells missing` });
    } else loose.push(...lost);
  }
  if (loose.length > 0) {
    problems.push({ code: 'E_CELL_NOT_FOUND', table, row: null, keys: loose, reason: null, message: `table ${table.slice(1)}: ${loose.length} cells not found (${loose.join(', ')})` });
  }
  return problems;
}

/** The problems of a report's tables; empty for `older` reports (no template tables) and complete reports. */
export function reportProblems(report: ExtractedReport): ReportProblem[] {
  if (report.template === 'older') return [];
  const keys = Object.keys(report.cells);
  const byTable = (t: ReportTable): string[] => keys.filter((k) => k.startsWith(`${t}.`));
  const missing = new Set(report.missingTables);
  if (TABLES.every((t) => missing.has(t))) return [noTables(report, keys)];
  const found = new Set(report.cellDetails.map((c) => c.key));
  return TABLES.flatMap((t): ReportProblem[] => {
    const tableKeys = byTable(t);
    if (missing.has(t)) {
      return [{ code: 'E_TABLE_NOT_FOUND', table: t, row: null, keys: tableKeys, reason: null, message: `table ${t.slice(1)} not found; ${tableKeys.length} cells missing` }];
    }
    return missingInTable(t, tableKeys, found);
  });
}
