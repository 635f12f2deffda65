/**
 * XLSX → one table per sheet (merged ranges as rowspan/colspan; formula cells by their cached result), title rows
 * above a table (one non-empty cell) as text. The zip is inspected first; exceljs unpacks blindly.
 */
import ExcelJS from 'exceljs';
import { SkipError } from '../../../common/errors.ts';
import { normalizeCjk } from '../normalize-text.ts';
import { gridTableHtml, type SpanCell } from '../table-html.ts';
import type { DocumentBlock, DocumentLimits } from '../types.ts';
import { inspectZip } from '../zip/inspect-zip.ts';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

function parseRange(range: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (m === null) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { r0: Number(m[2]) - 1, c0: col(m[1]!), r1: Number(m[4]) - 1, c1: col(m[3]!) };
}

function sheetBlocks(sheet: ExcelJS.Worksheet, limits: DocumentLimits, input: string): DocumentBlock[] {
  const rows = sheet.rowCount;
  const cols = sheet.columnCount;
  if (rows * cols > limits.maxSheetCells) {
    throw new SkipError('E_DOCUMENT_TOO_LARGE', `${input}: sheet ${sheet.name} has ${rows}×${cols} cells, over ${limits.maxSheetCells}`, { input });
  }
  const covered = new Set<string>();
  const cells: SpanCell[] = [];
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m) => m !== null);
  for (const m of merges) {
    for (let r = m.r0; r <= m.r1; r += 1) for (let c = m.c0; c <= m.c1; c += 1) covered.add(`${r}:${c}`);
    cells.push({ row: m.r0, col: m.c0, rowSpan: m.r1 - m.r0 + 1, colSpan: m.c1 - m.c0 + 1, text: normalizeCjk(cellText(sheet.getCell(m.r0 + 1, m.c0 + 1).value).trim()) });
  }
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      if (covered.has(`${r}:${c}`)) continue;
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: normalizeCjk(cellText(sheet.getCell(r + 1, c + 1).value).trim()) });
    }
  }
  const filled = (r: number): SpanCell[] => cells.filter((c) => c.row === r && c.text !== '');
  let top = 0;
  const blocks: DocumentBlock[] = [];
  while (top < rows && filled(top).length <= 1) {
    const only = filled(top)[0];
    if (only !== undefined) blocks.push({ kind: 'text', text: only.text });
    top += 1;
  }
  const body = cells.filter((c) => c.row >= top).map((c) => ({ ...c, row: c.row - top }));
  if (body.some((c) => c.text !== '')) {
    blocks.push({ kind: 'table', table: { html: gridTableHtml(body), origin: `sheet[${sheet.name}]`, a1RowOffset: top } });
  }
  return blocks;
}

export async function readXlsx(bytes: Buffer, input: string, limits: DocumentLimits): Promise<DocumentBlock[]> {
  const zip = await inspectZip(bytes, input, limits);
  if (!zip.names.includes('xl/workbook.xml')) throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: a zip without xl/workbook.xml is not an XLSX`, { input });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: not a readable XLSX (${cause instanceof Error ? cause.message : String(cause)})`, { cause, input });
  }
  return book.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden').flatMap((s) => sheetBlocks(s, limits, input));
}
