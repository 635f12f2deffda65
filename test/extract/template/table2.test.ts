import { describe, expect, it } from 'vitest';
import { mapTable2, t2ColumnSuffix, t2RowGroup } from '../../../extract/template/table2.ts';
import { tables } from '../helpers.ts';
import { t2Table2019, t2Table2021 } from './fixtures.ts';

function values(html: string, template: '2021' | '2019') {
  const found = tables(html).filter((t) => t.kind === 't2');
  const mapped = mapTable2(found, template);
  return { map: Object.fromEntries(mapped.cells.map((c) => [c.key, c.value])), mapped };
}

describe('table 2', () => {
  it('recognises row labels and column headers by meaning', () => {
    expect(t2RowGroup('规章(设区的市、自治州人民政府应提供相关数据)')).toBe('rules');
    expect(t2RowGroup('行 政 规 范 性 文 件')).toBe('normative');
    expect(t2RowGroup('第二十条第（一）项')).toBeNull();
    expect(t2ColumnSuffix('本年新 制作数量')).toBe('made');
    expect(t2ColumnSuffix('对外公开总数量')).toBe('total');
    expect(t2ColumnSuffix('上一年项目数量(指2019年事项数)')).toBe('prev_items');
    expect(t2ColumnSuffix('本年收费金额(单位:万元)')).toBe('amount');
  });

  it('maps the 2021 form, blanks and dashes as null', () => {
    const { map, mapped } = values(t2Table2021(), '2021');
    expect(map).toEqual({
      't2.rules.issued': null,
      't2.rules.repealed': null,
      't2.rules.in_force': 0,
      't2.normative.issued': 12,
      't2.normative.repealed': 1,
      't2.normative.in_force': 30,
      't2.licensing.decisions': 156,
      't2.penalty.decisions': 7,
      't2.coercion.decisions': 0,
      't2.fees.amount': 12.5,
    });
    const issued = mapped.cells.find((c) => c.key === 't2.rules.issued');
    expect(issued?.raw).toBe('');
    expect(issued?.location).toBe('table[0]/row[2]/col[1]');
  });

  it('maps the 2019 form: negative change, money in 元 → 万元', () => {
    const { map } = values(t2Table2019(), '2019');
    expect(Object.keys(map)).toHaveLength(22);
    expect(map['t2.licensing.change']).toBe(-417);
    expect(map['t2.licensing.prev_items']).toBe(845);
    expect(map['t2.normative.total']).toBe(15);
    expect(map['t2.procurement.amount']).toBe(25.1);
    expect(map['t2.fees.change']).toBe(0);
  });

  it('keeps the money unit of the cell', () => {
    expect(values(t2Table2021({ fees: '12.5万元' }), '2021').map['t2.fees.amount']).toBe(12.5);
  });

  it('warns about a cell that is not a number', () => {
    const { map, mapped } = values(t2Table2021({ penalty: '详见附件' }), '2021');
    expect(map['t2.penalty.decisions']).toBeNull();
    expect(mapped.warnings.some((w) => w.includes('t2.penalty.decisions'))).toBe(true);
  });
});
