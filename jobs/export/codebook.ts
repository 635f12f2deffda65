/**
 * The codebook written beside every table export: each canonical key with its Chinese table, row and column label,
 * unit and the templates that print it (extract/template/labels-zh.ts), so `wide` columns and `long` keys can be
 * read without the code.
 */
import { codebook } from '../../extract/template/labels-zh.ts';
import type { ExportColumn, ExportTable, ExportValue } from '../../store/exports.ts';

const COLUMNS: readonly ExportColumn[] = ['key', 'table', 'row_label', 'column_label', 'label_zh', 'unit', 'templates'].map((name) => ({ name, type: 'text' }));

export function codebookTable(): ExportTable {
  return {
    name: 'codebook',
    columns: COLUMNS,
    *rows(): Generator<ExportValue[]> {
      for (const e of codebook()) yield [e.key, e.table, e.row, e.column, e.label, e.unit, e.templates.join(' ')];
    },
  };
}
