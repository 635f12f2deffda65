/**
 * CSV export files (common/csv.ts): UTF-8 with a byte-order mark, CRLF line ends, a header row, fields quoted when
 * they hold a comma, quote or line break. NULL is an empty field; an empty string is `""`. Booleans are 1 / 0.
 */
import { csvLine, UTF8_BOM } from '../../common/csv.ts';
import type { ExportTable } from '../../store/exports.ts';
import { FileSink, type WrittenFile } from './file-sink.ts';

export { csvLine, parseCsv } from '../../common/csv.ts';

export function writeCsv(file: string, table: ExportTable): WrittenFile & { rows: number } {
  const sink = new FileSink(file);
  sink.write(UTF8_BOM);
  sink.write(csvLine(table.columns.map((c) => c.name)));
  let rows = 0;
  for (const row of table.rows()) {
    sink.write(csvLine(row));
    rows += 1;
  }
  return { ...sink.close(), rows };
}
