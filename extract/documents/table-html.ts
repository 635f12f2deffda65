/** A grid of spanning cells → `<table>` HTML, so that every format reuses the HTML extractor's table mapping. */

export interface SpanCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function gridTableHtml(cells: readonly SpanCell[]): string {
  const rows = new Map<number, SpanCell[]>();
  const rowCount = cells.reduce((n, c) => Math.max(n, c.row + c.rowSpan), 0);
  for (const cell of cells) rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
  const trs: string[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const tds = (rows.get(r) ?? [])
      .sort((a, b) => a.col - b.col)
      .map((c) => `<td${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}>${escapeHtml(c.text)}</td>`);
    trs.push(`<tr>${tds.join('')}</tr>`);
  }
  return `<table>${trs.join('')}</table>`;
}
