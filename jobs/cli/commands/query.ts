import { readFileSync } from 'node:fs';
import { StopError } from '../../../common/errors.ts';
import { DEFAULT_QUERY_TIMEOUT_MS, runTimedQuery } from '../../../store/query-process.ts';
import type { QueryResult } from '../../../store/search-query.ts';
import { csvLine } from '../../export/csv.ts';
import { COMMON_OPTIONS, flag, numberOption, parseCommandArgs, stringListOption, stringOption } from '../args.ts';
import { archivePath } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable, printJson } from '../output.ts';

const HELP = `Usage: nianbao query <sql> [options]
       nianbao query --file FILE.sql [options]

Run one read-only SQL statement on the archive and print the result. The archive is opened read-only with
PRAGMA query_only, and only SELECT / WITH / VALUES / EXPLAIN / reading PRAGMAs are run: INSERT, UPDATE, DELETE,
DROP, CREATE, ATTACH, VACUUM and PRAGMA x = y are refused (exit 2, E_READ_ONLY). Views for common questions:
current_cells_v, report_summary_v, report_cells_v, current_reports_v (docs/research-queries.md); examples in
docs/examples/*.sql.

Options:
  --db FILE       archive (default: data/archive.sqlite)
  --file FILE     read the SQL from a file (e.g. docs/examples/refusals-jining-2023.sql)
  --param K=V     bind :K (or @K, $K) to V; repeatable; V that looks like a number is bound as a number
  --json          print an array of objects (one per row, keys are the column names)
  --csv           print CSV (header row, RFC 4180)
  --timeout S     stop the statement after S seconds (default: ${DEFAULT_QUERY_TIMEOUT_MS / 1000}; decimals allowed): exit 2, E_QUERY_TIMEOUT
  -h, --help      this help

A SQL error is reported with SQLite's own message (E_SQL); a :name without --param name=VALUE is named (E_USAGE).

Exit codes: 0 ok, 2 SQL error (E_SQL), a statement that would write (E_READ_ONLY), a missing parameter or the time
limit passed (E_QUERY_TIMEOUT), 4 --file unreadable, 5 archive missing or unreadable.`;

export const queryCommand: Command = {
  name: 'query',
  summary: 'run read-only SQL on the archive (table, --json or --csv)',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('query', argv, {
      ...COMMON_OPTIONS,
      file: { type: 'string' },
      csv: { type: 'boolean' },
      param: { type: 'string', multiple: true },
      timeout: { type: 'string', number: { min: 0.001, decimal: true } },
    });
    const file = stringOption(args, 'file');
    if (file !== undefined && args.positionals.length > 0) throw new StopError('E_USAGE', 'give the SQL as an argument or with --file, not both');
    const sql = file === undefined ? args.positionals.join(' ') : readSql(file);
    if (sql.trim() === '') throw new StopError('E_USAGE', 'give one SQL statement; see `nianbao query --help`');
    if (flag(args, 'json') && flag(args, 'csv')) throw new StopError('E_USAGE', 'choose --json or --csv, not both');
    const params = parseParams(stringListOption(args, 'param'));
    const timeoutMs = Math.round((numberOption(args, 'timeout') ?? DEFAULT_QUERY_TIMEOUT_MS / 1000) * 1000);
    const result = await runTimedQuery({ file: archivePath(args, ctx), sql, params, timeoutMs });
    if (flag(args, 'json')) printJson(ctx.output, asObjects(result));
    else if (flag(args, 'csv')) ctx.output.out([csvLine(result.columns), ...result.rows.map((row) => csvLine(row.map(cellValue)))].join('').replace(/\r\n$/, ''));
    else ctx.output.out(formatResult(result));
    return EXIT.ok;
  },
};

function readSql(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ENOENT') throw new StopError('E_INPUT_NOT_FOUND', `cannot read ${file}: no such file`, { cause, input: file });
    throw new StopError('E_INPUT_UNREADABLE', `cannot read ${file} (${typeof code === 'string' ? code : String(cause)})`, { cause, input: file });
  }
}

function parseParams(list: readonly string[]): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const text of list) {
    const at = text.indexOf('=');
    if (at <= 0) throw new StopError('E_USAGE', `--param expects NAME=VALUE, got "${text}"`);
    const value = text.slice(at + 1);
    params[text.slice(0, at).replace(/^[:@$]/, '')] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return params;
}

/** Values as printed: BLOBs as base64 (JSON) or a length note (table); bigints as numbers or strings. */
function cellValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return `base64:${value.toString('base64')}`;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function asObjects(result: QueryResult): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((name, i) => [name, cellValue(row[i])])));
}

function formatResult(result: QueryResult): string {
  if (result.columns.length === 0) return 'ok (no rows)';
  const body = result.rows.map((row) =>
    row.map((value) => {
      if (Buffer.isBuffer(value)) return `<blob ${value.length} bytes>`;
      const v = cellValue(value);
      return v === null ? 'NULL' : String(v).replace(/\s+/g, ' ').slice(0, 120);
    }),
  );
  return `${formatTable(result.columns, body)}\n${result.rows.length} row(s)`;
}
