/**
 * Downloads of the tables the page shows, as CSV (UTF-8 with a byte-order mark, so Excel on a Chinese Windows
 * machine reads the labels right) or XLSX (exceljs; one sheet per table, header row frozen and bold, numbers as
 * numbers). A CSV holds the first table; an XLSX every table.
 */
import ExcelJS from 'exceljs';
import { csvLine, UTF8_BOM, type CsvValue } from '../../common/csv.ts';
import type { Reply } from '../http/respond.ts';

export type DownloadFormat = 'csv' | 'xlsx';

export interface DownloadTable {
  /** Sheet name (XLSX; at most 31 characters, no `[]:*?/\`). */
  readonly sheet: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

const TYPES: Readonly<Record<DownloadFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function csvBytes(table: DownloadTable): Buffer {
  return Buffer.from(UTF8_BOM + csvLine(table.columns) + table.rows.map((row) => csvLine(row)).join(''), 'utf8');
}

export async function xlsxBytes(tables: readonly DownloadTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nianbao';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...table.columns]).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)));
    table.columns.forEach((name, i) => {
      const widest = Math.max(width(name), ...table.rows.slice(0, 200).map((r) => width(String(r[i] ?? ''))));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(6, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Display width: CJK characters count twice. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** The tables as a file download named `<stem>.<format>`. */
export async function downloadReply(stem: string, tables: readonly DownloadTable[], format: DownloadFormat): Promise<Reply> {
  const body = format === 'csv' ? csvBytes(tables[0] ?? { sheet: '', columns: [], rows: [] }) : await xlsxBytes(tables);
  const name = `${stem.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
  return {
    status: 200,
    headers: {
      'content-type': TYPES[format],
      'content-disposition': `attachment; filename="${name}"`,
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    },
    body,
  };
}
