/**
 * CSV (RFC 4180): UTF-8 without BOM, CRLF line ends, a header row, fields quoted when they hold a comma, quote or
 * line break. NULL is an empty field; an empty string is `""`, so the two stay distinct. Booleans are 1 / 0.
 */
import type { ExportTable, ExportValue } from '../../store/exports.ts';
import { FileSink, type WrittenFile } from './file-sink.ts';

function field(value: ExportValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  return value === '' || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly ExportValue[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

export function writeCsv(file: string, table: ExportTable): WrittenFile & { rows: number } {
  const sink = new FileSink(file);
  sink.write(csvLine(table.columns.map((c) => c.name)));
  let rows = 0;
  for (const row of table.rows()) {
    sink.write(csvLine(row));
    rows += 1;
  }
  return { ...sink.close(), rows };
}

/** Parses CSV written as above: each field is a string, or null for an unquoted empty field. */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let end = i + 1;
      let out = '';
      for (;;) {
        const close = text.indexOf('"', end);
        if (close === -1) throw new Error(`unterminated quoted field at offset ${i}`);
        out += text.slice(end, close);
        if (text[close + 1] === '"') {
          out += '"';
          end = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      value = out;
    } else {
      const stop = text.slice(i).search(/[,\r\n]/);
      const end = stop === -1 ? text.length : i + stop;
      value = end === i ? null : text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.startsWith('\r\n', i)) i += 2;
    else if (text[i] === '\n') i += 1;
    rows.push(row);
    row = [];
  }
  return rows;
}
