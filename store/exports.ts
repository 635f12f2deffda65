/**
 * What `nianbao export` writes, read from the archive as typed tables with rows in a stable order (so two exports
 * of the same archive are byte-identical). The writers (CSV, JSON Lines, Parquet) live in jobs/export/.
 */
import type { Database } from 'better-sqlite3';
import { findWatchStatusTable } from './search-status.ts';
import { stmt } from './statements.ts';

export type ExportColumnType = 'int' | 'real' | 'text' | 'bool';

export interface ExportColumn {
  readonly name: string;
  readonly type: ExportColumnType;
}

export type ExportValue = string | number | boolean | null;

export interface ExportTable {
  /** File stem: `reports`, `wide`, `long`, `agencies`, `checks`, `statuses`. */
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  /** Rows in a stable order, values in column order. */
  rows(): Iterable<ExportValue[]>;
}

export interface ExportOptions {
  /** Include superseded report versions (default: current versions only). */
  readonly allVersions?: boolean;
  /** Canonical cell keys, in the order the wide table shows them; keys found only in the archive follow, sorted. */
  readonly canonicalKeys: readonly string[];
  /** The Chinese label of a key for the long table's `label_zh` (null for keys that have none). Default: none. */
  readonly labelOf?: (key: string) => string | null;
}

const int = (name: string): ExportColumn => ({ name, type: 'int' });
const real = (name: string): ExportColumn => ({ name, type: 'real' });
const text = (name: string): ExportColumn => ({ name, type: 'text' });
const bool = (name: string): ExportColumn => ({ name, type: 'bool' });

function versionFilter(options: ExportOptions, alias = 'r'): string {
  return options.allVersions === true ? '1 = 1' : `${alias}.is_current = 1`;
}

const REPORT_COLUMNS: readonly ExportColumn[] = [
  int('report_id'), text('report_key'), int('version'), bool('is_current'), text('portal_id'), int('agency_id'), text('agency_key'),
  text('agency_name'), text('agency_name_printed'), text('uscc'), text('agency_kind'), int('year'), text('title'), text('template'),
  text('published_at'), text('published_at_raw'), text('first_seen_at'), text('url'), int('source_capture_id'), text('content_sha256'),
  text('extractor_version'), text('missing_tables'), text('warnings'), int('checks'), int('failing_checks'), text('failing_check_ids'),
  text('full_text'),
];

function reportsTable(db: Database, options: ExportOptions): ExportTable {
  const sql = `SELECT r.id, r.report_key, r.version, r.is_current, r.portal_id, r.agency_id, a.key, COALESCE(a.name, r.agency_name),
      r.agency_name, a.uscc, a.kind, r.year, r.title, r.template, r.published_at, r.published_at_raw, r.first_seen_at, r.url,
      r.source_capture_id, r.content_sha256, r.extractor_version, r.missing_tables, r.warnings,
      (SELECT count(*) FROM check_results k WHERE k.report_id = r.id),
      (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0),
      (SELECT group_concat(check_id, ' ') FROM (SELECT k.check_id FROM check_results k WHERE k.report_id = r.id AND k.ok = 0 ORDER BY k.check_id)),
      r.full_text
    FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE ${versionFilter(options)} ORDER BY r.id`;
  return {
    name: 'reports',
    columns: REPORT_COLUMNS,
    rows: () => mapRows(db.prepare(sql).raw(true).iterate(), (row) => row.map((v, i) => (REPORT_COLUMNS[i]?.type === 'bool' ? v === 1 : (v as ExportValue)))),
  };
}

/** Every key of the canonical list, then keys only the archive has (sorted). */
export function wideKeys(db: Database, canonicalKeys: readonly string[]): string[] {
  const known = new Set(canonicalKeys);
  const extra = (stmt(db, 'SELECT DISTINCT key FROM cells ORDER BY key').pluck().all() as string[]).filter((k) => !known.has(k));
  return [...canonicalKeys, ...extra];
}

const WIDE_HEAD: readonly ExportColumn[] = [int('report_id'), text('portal_id'), text('agency_key'), text('agency_name'), text('agency_kind'), int('year'), text('template'), bool('is_current')];

function wideTable(db: Database, options: ExportOptions): ExportTable {
  const keys = wideKeys(db, options.canonicalKeys);
  const position = new Map(keys.map((k, i) => [k, i]));
  const reportSql = `SELECT r.id, r.portal_id, a.key, COALESCE(a.name, r.agency_name), a.kind, r.year, r.template, r.is_current
    FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE ${versionFilter(options)} ORDER BY r.id`;
  const reports = (): ExportValue[][] => db.prepare(reportSql).raw(true).all() as ExportValue[][];
  return {
    name: 'wide',
    columns: [...WIDE_HEAD, ...keys.map(real)],
    *rows() {
      const cellsOf = db.prepare('SELECT key, value FROM cells WHERE report_id = ?').raw(true);
      for (const head of reports()) {
        const values: ExportValue[] = new Array<ExportValue>(keys.length).fill(null);
        for (const [key, value] of cellsOf.all(head[0]) as [string, number | null][]) {
          const at = position.get(key);
          if (at !== undefined) values[at] = value;
        }
        yield [...head.slice(0, 7), head[7] === 1, ...values];
      }
    },
  };
}

const LONG_COLUMNS: readonly ExportColumn[] = [
  int('report_id'), text('agency_name'), int('year'), text('key'), text('label_zh'), real('value'), text('raw'), text('method'), text('location'),
  real('confidence'), text('extractor_version'), int('source_capture_id'),
];

/** One row per report × cell, with the report's body and year and the cell's Chinese label, so a row reads on its own. */
function longTable(db: Database, options: ExportOptions): ExportTable {
  const sql = `SELECT c.report_id, COALESCE(a.name, r.agency_name), r.year, c.key, c.value, c.raw, c.method, c.location, c.confidence, c.extractor_version,
      c.source_capture_id
    FROM cells c JOIN reports r ON r.id = c.report_id LEFT JOIN agencies a ON a.id = r.agency_id WHERE ${versionFilter(options)} ORDER BY c.report_id, c.rowid`;
  const labels = new Map<string, string | null>();
  const labelOf = (key: string): string | null => {
    if (options.labelOf === undefined) return null;
    let label = labels.get(key);
    if (label === undefined) {
      label = options.labelOf(key);
      labels.set(key, label);
    }
    return label;
  };
  return {
    name: 'long',
    columns: LONG_COLUMNS,
    rows: () => mapRows(db.prepare(sql).raw(true).iterate(), (row) => [row[0], row[1], row[2], row[3], labelOf(row[3] as string), ...row.slice(4)] as ExportValue[]),
  };
}

const AGENCY_COLUMNS: readonly ExportColumn[] = [
  int('agency_id'), text('portal_id'), text('key'), text('name'), text('uscc'), text('kind'), text('source'), text('first_seen_at'), text('updated_at'), int('reports'),
];

function agenciesTable(db: Database, options: ExportOptions): ExportTable {
  const sql = `SELECT a.id, a.portal_id, a.key, a.name, a.uscc, a.kind, a.source, a.first_seen_at, a.updated_at,
      (SELECT count(*) FROM reports r WHERE r.agency_id = a.id AND ${versionFilter(options)})
    FROM agencies a ORDER BY a.id`;
  return { name: 'agencies', columns: AGENCY_COLUMNS, rows: () => db.prepare(sql).raw(true).iterate() as Iterable<ExportValue[]> };
}

const CHECK_COLUMNS: readonly ExportColumn[] = [int('report_id'), text('check_id'), bool('ok'), real('left_value'), real('right_value'), text('nulls_as_zero')];

function checksTable(db: Database, options: ExportOptions): ExportTable {
  const sql = `SELECT k.report_id, k.check_id, k.ok, k.left_value, k.right_value, k.nulls_as_zero
    FROM check_results k JOIN reports r ON r.id = k.report_id WHERE ${versionFilter(options)} ORDER BY k.report_id, k.check_id`;
  return { name: 'checks', columns: CHECK_COLUMNS, rows: () => mapRows(db.prepare(sql).raw(true).iterate(), (row) => row.map((v, i) => (i === 2 ? v === 1 : (v as ExportValue)))) };
}

/** The watch statuses as they are stored (every column), when `nianbao nightly` has created them. */
function statusesTable(db: Database): ExportTable | null {
  const table = findWatchStatusTable(db);
  if (table === null) return null;
  const info = db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[];
  const columns = info.map((c): ExportColumn => {
    const type = c.type.toUpperCase();
    return { name: c.name, type: type.includes('INT') ? 'int' : type === 'REAL' ? 'real' : 'text' };
  });
  const sql = `SELECT ${info.map((c) => `"${c.name.replace(/"/g, '""')}"`).join(', ')} FROM "${table}" ORDER BY portal_id, body_key, year`;
  return { name: 'statuses', columns, rows: () => db.prepare(sql).raw(true).iterate() as Iterable<ExportValue[]> };
}

/** Every table an export writes, in file order. */
export function exportTables(db: Database, options: ExportOptions): ExportTable[] {
  const tables = [reportsTable(db, options), wideTable(db, options), longTable(db, options), agenciesTable(db, options), checksTable(db, options)];
  const statuses = statusesTable(db);
  return statuses === null ? tables : [...tables, statuses];
}

function* mapRows(rows: Iterable<unknown>, map: (row: unknown[]) => ExportValue[]): Generator<ExportValue[]> {
  for (const row of rows) yield map(row as unknown[]);
}

/** Migrations applied to the archive, for the manifest. */
export function archiveSchemaVersion(db: Database): { id: number; name: string }[] {
  return stmt(db, 'SELECT id, name FROM schema_migrations ORDER BY id').all() as { id: number; name: string }[];
}
