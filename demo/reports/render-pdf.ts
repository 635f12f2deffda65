/**
 * PDFs of the demo portal, written directly (PDF 1.4, exact xref offsets):
 *  - `renderPdf(lines)`: a one-page ASCII placeholder (Helvetica);
 *  - `renderTablesPdf(spec)`: the attachment holding a report's tables 2–4 as a real text PDF: ruled tables (thin
 *    filled rectangles, as Word and Chromium draw borders) with the labels and numbers in a non-embedded CJK font
 *    (Identity-H codes = Unicode code points, with a ToUnicode map), one table per page, so the crawl can extract
 *    the cells from the attachment.
 */
import { documentBlocks } from '../document-fixtures/source-report.ts';
import type { Grid, GridCell } from '../../extract/html/grid.ts';
import type { DemoReportSpec } from './report-spec.ts';

const escapePdfText = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);

function assemble(objects: readonly string[]): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string): string => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** Build a one-page PDF showing the given ASCII lines. */
export function renderPdf(lines: readonly string[]): Buffer {
  const content = ['BT', '/F1 14 Tf', '72 760 Td', '18 TL', ...lines.map((l) => `(${escapePdfText(l.replace(/[^\x20-\x7e]/g, '?'))}) '`), 'ET'].join('\n');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 40;
const FONT = 8;
const LEAD = 10;
const PAD = 3;

/** Two-byte codes (Identity-H) equal to the BMP code points; every character one em wide at DW 1000. */
const hex = (text: string): string => `<${[...text].map((ch) => (ch.codePointAt(0) ?? 63).toString(16).padStart(4, '0')).join('')}>`;

function wrap(text: string, width: number): string[] {
  const perLine = Math.max(1, Math.floor(width / FONT));
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines.length === 0 ? [''] : lines;
}

function origins(grid: Grid): GridCell[] {
  const seen = new Set<GridCell>();
  const out: GridCell[] = [];
  for (const row of grid.slots) for (const c of row) if (c !== null && !seen.has(c)) (seen.add(c), out.push(c));
  return out;
}

function columnWidths(grid: Grid): number[] {
  const natural = Array.from({ length: grid.colCount }, () => 24);
  for (const c of origins(grid)) if (c.colSpan === 1) natural[c.col] = Math.max(natural[c.col]!, Math.min(200, [...c.text].length * FONT + 2 * PAD));
  const total = natural.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, (PAGE_W - 2 * MARGIN) / total);
  return natural.map((w) => w * scale);
}

function rowHeights(grid: Grid, widths: readonly number[]): number[] {
  const heights = Array.from({ length: grid.rowCount }, () => LEAD + 2 * PAD);
  for (const c of origins(grid)) {
    if (c.rowSpan !== 1) continue;
    const w = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    heights[c.row] = Math.max(heights[c.row]!, wrap(c.text, w - 2 * PAD).length * LEAD + 2 * PAD);
  }
  return heights;
}

/** Content stream of one page: a caption, then the table with its rules and text (PDF y up). */
function tablePage(caption: string, grid: Grid): string {
  const widths = columnWidths(grid);
  const heights = rowHeights(grid, widths);
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [MARGIN]);
  const top = PAGE_H - MARGIN - 30;
  const ys = heights.reduce<number[]>((acc, h) => [...acc, acc[acc.length - 1]! - h], [top]);
  const ops: string[] = ['0 g', 'BT', `/F1 12 Tf`, `1 0 0 1 ${MARGIN} ${PAGE_H - MARGIN - 12} Tm`, `${hex(caption)} Tj`, 'ET'];
  const rule = (x: number, y: number, w: number, h: number): void => void ops.push(`${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)} re f`);
  for (const c of origins(grid)) {
    const x0 = xs[c.col]!, x1 = xs[c.col + c.colSpan]!, yTop = ys[c.row]!, yBottom = ys[c.row + c.rowSpan]!;
    rule(x0, yTop - 0.25, x1 - x0, 0.5);
    rule(x0, yBottom - 0.25, x1 - x0, 0.5);
    rule(x0 - 0.25, yBottom, 0.5, yTop - yBottom);
    rule(x1 - 0.25, yBottom, 0.5, yTop - yBottom);
    const lines = wrap(c.text, x1 - x0 - 2 * PAD);
    const blockTop = (yTop + yBottom) / 2 + (lines.length * LEAD) / 2;
    lines.forEach((line, i) => {
      if (line === '') return;
      const x = (x0 + x1) / 2 - ([...line].length * FONT) / 2;
      ops.push('BT', `/F1 ${FONT} Tf`, `1 0 0 1 ${x.toFixed(2)} ${(blockTop - (i + 1) * LEAD + 2).toFixed(2)} Tm`, `${hex(line)} Tj`, 'ET');
    });
  }
  return ops.join('\n');
}

/** ToUnicode CMap: each used two-byte code → the same code point. */
function toUnicode(chars: ReadonlySet<string>): string {
  const codes = [...chars].map((ch) => (ch.codePointAt(0) ?? 63).toString(16).padStart(4, '0')).filter((h) => h.length === 4).sort();
  const blocks: string[] = [];
  for (let i = 0; i < codes.length; i += 100) {
    const part = codes.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.map((h) => `<${h}> <${h}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange', ...blocks,
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

const CAPTIONS = ['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 政府信息公开行政复议、行政诉讼情况'];

/** The attachment of a `pdf-attachment` report: tables 2–4, one per page. */
export function renderTablesPdf(spec: DemoReportSpec): Buffer {
  const plain: DemoReportSpec = { ...spec, quirks: spec.quirks.filter((q) => q === 'money-unit-in-cell' || q === 'dash-blanks' || q === 'negative-change') };
  const grids = documentBlocks(plain).flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
  const captions = grids.map((_, i) => `${spec.agency}${spec.year}年 ${CAPTIONS[i] ?? ''}`);
  const used = new Set([...grids.flatMap((g) => origins(g).flatMap((c) => [...c.text])), ...captions.join('')]);
  const pageId = (i: number): number => 7 + i * 2;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${grids.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${grids.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    stream(toUnicode(used)),
  ];
  grids.forEach((grid, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`);
    objects.push(stream(tablePage(captions[i]!, grid)));
  });
  return assemble(objects);
}
