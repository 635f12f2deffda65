/** JSON Lines: one JSON object per row, keys in column order, NULL as null, UTF-8, `\n` after every line. */
import type { ExportTable } from '../../store/exports.ts';
import { FileSink, type WrittenFile } from './file-sink.ts';

export function writeJsonl(file: string, table: ExportTable): WrittenFile & { rows: number } {
  const sink = new FileSink(file);
  const names = table.columns.map((c) => c.name);
  let rows = 0;
  for (const row of table.rows()) {
    const object: Record<string, unknown> = {};
    names.forEach((name, i) => {
      object[name] = row[i] ?? null;
    });
    sink.write(`${JSON.stringify(object)}\n`);
    rows += 1;
  }
  return { ...sink.close(), rows };
}

/** Rows of a JSON Lines file. */
export function countJsonlRows(text: string): number {
  return text.split('\n').filter((line) => line.length > 0).length;
}
