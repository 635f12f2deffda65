import { describe, expect, it } from 'vitest';
import { buildGrid, columnPath, rowCells, slotAt } from '../../../extract/html/grid.ts';
import { descendants } from '../../../extract/html/dom.ts';
import { parse, td } from '../helpers.ts';

function grid(html: string) {
  const table = descendants(parse(html), 'table')[0];
  if (table === undefined) throw new Error('no table');
  return buildGrid(table);
}

describe('buildGrid', () => {
  it('points every slot covered by rowspan/colspan at its origin cell', () => {
    const g = grid(`<table>
      <tr>${td('corner', 'rowspan=2 colspan=2')}${td('申请人情况', 'colspan=3')}</tr>
      <tr>${td('自然人')}${td('法人', 'colspan=2')}</tr>
      <tr>${td('三、本年度办理结果', 'rowspan=2')}${td('（一）予以公开')}${td('1')}${td('2')}${td('3')}</tr>
      <tr>${td('（二）部分公开')}${td('4')}${td('5')}${td('6')}</tr>
    </table>`);
    expect(g.rowCount).toBe(4);
    expect(g.colCount).toBe(5);
    expect(slotAt(g, 1, 1)).toBe(slotAt(g, 0, 0));
    expect(slotAt(g, 1, 1)?.text).toBe('corner');
    expect(slotAt(g, 1, 4)?.text).toBe('法人');
    expect(slotAt(g, 3, 0)).toBe(slotAt(g, 2, 0));
    expect(slotAt(g, 3, 1)?.text).toBe('（二）部分公开');
    expect(slotAt(g, 3, 4)?.text).toBe('6');
    expect(columnPath(g, 3, 0, 2)).toEqual(['申请人情况', '法人']);
    expect(rowCells(g, 0).map((c) => c.text)).toEqual(['corner', '申请人情况']);
  });

  it('joins digits split across spans and turns <br> into a space', () => {
    const g = grid(`<table><tr>${td('本年新<br>制作数量')}${td('<span>1</span><span>2</span>')}</tr></table>`);
    expect(slotAt(g, 0, 0)?.text).toBe('本年新 制作数量');
    expect(slotAt(g, 0, 1)?.text).toBe('12');
  });

  it('leaves nested tables and their rows out', () => {
    const g = grid(`<table><tr><td>outer<table><tr><td>inner</td><td>x</td></tr></table></td></tr></table>`);
    expect(g.rowCount).toBe(1);
    expect(slotAt(g, 0, 0)?.text).toBe('outer');
  });

  it('survives malformed markup: stray </td>, rowspan past the end, short rows, bad spans', () => {
    const g = grid(`<table><tr><td rowspan=9>a</td></td><td colspan="x">b</td></tr><tr><td rowspan=0>c</td><td>d</td><td>e</td></tr></table>`);
    expect(g.rowCount).toBe(2);
    expect(slotAt(g, 1, 0)?.text).toBe('a');
    expect(slotAt(g, 1, 1)?.text).toBe('c');
    expect(slotAt(g, 0, 2)).toBeNull();
  });
});
