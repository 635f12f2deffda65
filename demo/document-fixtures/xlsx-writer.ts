/** An XLSX workbook (exceljs) with one sheet per table: merged cells as merges, numbers as numeric cells. */
import ExcelJS from 'exceljs';
import type { Grid } from '../../extract/html/grid.ts';

export interface XlsxSheet {
  readonly name: string;
  /** Title rows above the table (one merged cell across the table each). */
  readonly titles: readonly string[];
  readonly grid: Grid;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date('2025-01-01T00:00:00Z');
  book.modified = book.created;
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    s.titles.forEach((title, i) => {
      sheet.getCell(i + 1, 1).value = title;
      if (s.grid.colCount > 1) sheet.mergeCells(i + 1, 1, i + 1, s.grid.colCount);
    });
    const top = s.titles.length;
    const seen = new Set<object>();
    s.grid.slots.forEach((slots) => {
      for (const slot of slots) {
        if (slot === null || seen.has(slot)) continue;
        seen.add(slot);
        const text = slot.text.trim();
        sheet.getCell(top + slot.row + 1, slot.col + 1).value = PLAIN_NUMBER.test(text) ? Number(text) : text;
        if (slot.rowSpan > 1 || slot.colSpan > 1) {
          sheet.mergeCells(top + slot.row + 1, slot.col + 1, top + slot.row + slot.rowSpan, slot.col + slot.colSpan);
        }
      }
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
