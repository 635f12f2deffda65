/**
 * The `<td>`/`<th>` at a resolved-grid position, the inverse of extract/html/grid.ts: rowspan/colspan are expanded
 * the same way, so `table[i]/row[r]/col[c]` from a cell's provenance finds the element it was read from.
 */
import type { Element } from 'domhandler';
import { childNodes, isElement, tagName } from '../../extract/html/dom.ts';
import { ownRows, span } from '../../extract/html/grid.ts';

export function locateCell(table: Element, row: number, col: number): Element | null {
  const rows = ownRows(table);
  const slots: (Element | undefined)[][] = rows.map(() => []);
  for (let r = 0; r < rows.length && r <= row; r += 1) {
    let c = 0;
    const tds = childNodes(rows[r]!).filter((n): n is Element => isElement(n) && (tagName(n) === 'td' || tagName(n) === 'th'));
    for (const td of tds) {
      while (slots[r]?.[c] !== undefined) c += 1;
      const rowSpan = Math.min(span(td.attribs['rowspan'], rows.length - r), rows.length - r);
      const colSpan = span(td.attribs['colspan'], 1);
      for (let dr = 0; dr < rowSpan; dr += 1) {
        const target = slots[r + dr];
        if (target === undefined) break;
        for (let dc = 0; dc < colSpan; dc += 1) if (target[c + dc] === undefined) target[c + dc] = td;
      }
      c += colSpan;
    }
  }
  return slots[row]?.[col] ?? null;
}
