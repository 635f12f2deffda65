import { describe, expect, it } from 'vitest';
import { mapTable3 } from '../../../extract/template/table3.ts';
import { t3Keys } from '../../../extract/template/keys.ts';
import { classifyT3Row } from '../../../extract/template/t3-labels.ts';
import { tables } from '../helpers.ts';
import { t3Table } from './fixtures.ts';

function map3(html: string, template: '2021' | '2019') {
  const mapped = mapTable3(tables(html).filter((t) => t.kind === 't3'), template);
  return { map: Object.fromEntries(mapped.cells.map((c) => [c.key, c.value])), mapped };
}

describe('table 3 row labels', () => {
  it('identifies rows by their full label path', () => {
    expect(classifyT3Row(['三、本年度办理结果', '(三)不予公开', '1.属于国家秘密'], null)).toEqual({ kind: 'item', group: 'withheld', item: 'secret', number: 1 });
    expect(classifyT3Row(['三、本年度办理结果', '(四)无法提供', '1.本机关不掌握相关政府信息'], null)).toMatchObject({ group: 'unable', item: 'not_held' });
    expect(classifyT3Row(['(六)其他处理'], null)).toEqual({ kind: 'group', group: 'other' });
    expect(classifyT3Row(['(六)其他处理', '3.其他'], null)).toMatchObject({ group: 'other', item: 'other' });
    expect(classifyT3Row(['一、', '本年新收政府信息公开申请数量'], null)).toEqual({ kind: 'row', row: 'new' });
    expect(classifyT3Row(['四、结转下年度继续办理'], null)).toEqual({ kind: 'row', row: 'carried_out' });
  });

  it('uses the group of the rows above for a bare sub-row, and the number when the text is garbled', () => {
    expect(classifyT3Row(['4.无正当理由大量反复申请'], 'rejected')).toMatchObject({ group: 'rejected', item: 'mass' });
    expect(classifyT3Row(['三、本年度办理结果', '(三)不予公开', '6.属于xx性信息'], null)).toMatchObject({ group: 'withheld', item: 'process' });
  });
});

describe('mapTable3', () => {
  it('maps every cell of a 2021 table with rowspans', () => {
    const { map, mapped } = map3(
      t3Table({
        form: '2021',
        values: {
          new: ['5', '1', '0', '0', '0', '', '6'],
          '（三）不予公开/3.危及“三安全一稳定”': ['1', '0', '0', '0', '0', '0', '1'],
          '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': ['0', '2', '0', '0', '0', '0', '2'],
        },
      }),
      '2021',
    );
    expect(Object.keys(map).sort()).toEqual(t3Keys('2021').sort());
    expect(map['t3.new.natural']).toBe(5);
    expect(map['t3.new.other_org']).toBeNull();
    expect(map['t3.new.total']).toBe(6);
    expect(map['t3.withheld.safety.natural']).toBe(1);
    expect(map['t3.other.no_fee.commercial']).toBe(2);
    expect(mapped.cells.find((c) => c.key === 't3.new.natural')?.location).toBe('table[0]/row[3]/col[3]');
    expect(mapped.warnings).toEqual([]);
  });

  it('maps the single （六） row of the 2019 form', () => {
    const { map } = map3(t3Table({ form: '2019', values: { other: ['1', '0', '0', '0', '0', '0', '1'] } }), '2019');
    expect(Object.keys(map)).toHaveLength(t3Keys('2019').length);
    expect(map['t3.other.natural']).toBe(1);
  });

  it('tolerates subtotal rows and warns when they disagree with their parts', () => {
    const { map, mapped } = map3(
      t3Table({
        form: '2021',
        subtotals: true,
        values: {
          '（四）无法提供/1.本机关不掌握相关政府信息': ['2', '0', '0', '0', '0', '0', '2'],
          '（四）无法提供/小计': ['3', '0', '0', '0', '0', '0', '3'],
        },
      }),
      '2021',
    );
    expect(Object.keys(map)).toHaveLength(t3Keys('2021').length);
    expect(map['t3.unable.not_held.natural']).toBe(2);
    expect(mapped.warnings.filter((w) => w.includes('subtotal'))).toHaveLength(2);
  });

  it('maps a 23-row table (（六） one row) under the 2021 template to its own keys t3.other.*, with a warning', () => {
    const { map, mapped } = map3(t3Table({ form: '2019', values: { other: ['1', '0', '0', '0', '0', '0', '1'] } }), '2021');
    expect(map['t3.other.natural']).toBe(1);
    expect(map['t3.other.other.natural']).toBeUndefined();
    expect(Object.keys(map).sort()).toEqual(t3Keys('2021', '23-row').sort());
    expect(mapped.warnings.some((w) => w.includes('23-row'))).toBe(true);
  });

  it('maps a 25-row table (（六） three sub-rows) under the 2019 template to its own keys t3.other.<item>.*', () => {
    const values = { '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': ['0', '2', '0', '0', '0', '0', '2'] };
    const { map, mapped } = map3(t3Table({ form: '2021', values }), '2019');
    expect(map['t3.other.no_fee.commercial']).toBe(2);
    expect(map['t3.other.natural']).toBeUndefined();
    expect(Object.keys(map).sort()).toEqual(t3Keys('2019', '25-row').sort());
    expect(mapped.warnings.some((w) => w.includes('25-row'))).toBe(true);
  });

  it('reads a table split over two <table>s at a page break', () => {
    const html = t3Table({ form: '2019', values: { carried_out: ['1', '0', '0', '0', '0', '0', '1'] } });
    const cut = html.indexOf('<tr><td', html.indexOf('（五）不予处理'));
    const split = `${html.slice(0, cut)}</table><p>（接下页）</p><table>${html.slice(cut)}`;
    const { map } = map3(split, '2019');
    expect(map['t3.carried_out.natural']).toBe(1);
    expect(map['t3.rejected.mass.total']).toBe(0);
    expect(Object.keys(map)).toHaveLength(t3Keys('2019').length);
  });
});
