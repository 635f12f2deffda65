/**
 * Parquet via hyparquet-writer (pure JavaScript): one row group per 100,000 rows, Snappy-compressed, typed columns
 * (int → INT32, or DOUBLE when a value does not fit; real → DOUBLE; text → STRING (UTF-8); bool → BOOLEAN), every
 * column nullable. Key-value metadata names the table and the source.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import type { ExportTable, ExportValue } from '../../store/exports.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { FileSink, type WrittenFile } from './file-sink.ts';

const INT32_MAX = 2 ** 31 - 1;

function fitsInt32(values: readonly ExportValue[]): boolean {
  return values.every((v) => v === null || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT32_MAX));
}

export function writeParquet(file: string, table: ExportTable): WrittenFile & { rows: number } {
  const data: ExportValue[][] = table.columns.map(() => []);
  let rows = 0;
  for (const row of table.rows()) {
    table.columns.forEach((_, i) => data[i]!.push(row[i] ?? null));
    rows += 1;
  }
  const columnData: ColumnSource[] = table.columns.map((column, i) => {
    const values = data[i]!;
    const type = column.type === 'int' ? (fitsInt32(values) ? 'INT32' : 'DOUBLE') : column.type === 'real' ? 'DOUBLE' : column.type === 'bool' ? 'BOOLEAN' : 'STRING';
    const normalised = column.type === 'text' ? values.map((v) => (v === null ? null : String(v))) : values;
    return { name: column.name, data: normalised, type, nullable: true };
  });
  const buffer = parquetWriteBuffer({
    columnData,
    rowGroupSize: 100_000,
    createdBy: `nianbao ${PACKAGE_VERSION}`,
    kvMetadata: [
      { key: 'nianbao.table', value: table.name },
      { key: 'nianbao.source', value: 'nianbao archive of 政府信息公开工作年度报告; money in 万元' },
    ],
  });
  const sink = new FileSink(file);
  sink.write(Buffer.from(buffer));
  return { ...sink.close(), rows };
}
