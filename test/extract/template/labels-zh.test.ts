import { describe, expect, it } from 'vitest';
import { templateKeys } from '../../../extract/template/keys.ts';
import { cellLabelZh, codebook, keyLabelZh } from '../../../extract/template/labels-zh.ts';

describe('Chinese labels of the canonical keys', () => {
  it('names a table-3 cell by its printed row and column', () => {
    expect(keyLabelZh('t3.withheld.third_party.legal')).toEqual({
      key: 't3.withheld.third_party.legal',
      table: 't3',
      row: '（三）4.第三方合法权益',
      column: '法律服务机构',
      label: '表三 （三）4.第三方合法权益 · 法律服务机构',
      unit: '件',
    });
    expect(cellLabelZh('t3.new.total')).toBe('表三 一、本年新收申请 · 总计');
  });

  it('names table 2 and table 4 cells, money in 万元', () => {
    expect(keyLabelZh('t2.fees.amount')).toMatchObject({ row: '行政事业性收费', column: '金额（万元）', unit: '万元' });
    expect(keyLabelZh('t2.procurement.items')).toMatchObject({ row: '政府集中采购', unit: '项' });
    expect(keyLabelZh('t4.suit_after_review.pending')).toMatchObject({ label: '表四 行政诉讼：复议后起诉 · 尚未审结', unit: '件' });
  });

  it('gives every key of both templates a label, and nothing for keys that are not canonical', () => {
    for (const template of ['2021', '2019'] as const) {
      for (const key of templateKeys(template)) expect(keyLabelZh(key), key).not.toBeNull();
    }
    expect(keyLabelZh('t3.nonsense.total')).toBeNull();
    expect(keyLabelZh('t9.a.b')).toBeNull();
    expect(cellLabelZh('t3.nonsense.total')).toBe('t3.nonsense.total');
  });

  it('lists the codebook once per key, table by table, with the templates that print it', () => {
    const book = codebook();
    expect(new Set(book.map((e) => e.key)).size).toBe(book.length);
    expect(new Set(book.map((e) => e.key))).toEqual(new Set([...templateKeys('2021'), ...templateKeys('2019')]));
    expect(book.map((e) => e.table)).toEqual([...book.map((e) => e.table)].sort());
    expect(book.find((e) => e.key === 't3.new.natural')!.templates).toEqual(['2021', '2019']);
    expect(book.find((e) => e.key === 't2.rules.issued')!.templates).toEqual(['2021']);
    // Table 3's forms occur under either template: （六） as one row in a 2021 report, three rows in a 2019 one.
    expect(book.find((e) => e.key === 't3.other.total')!.templates).toEqual(['2021', '2019']);
    expect(book.find((e) => e.key === 't3.other.no_fee.total')!.templates).toEqual(['2021', '2019']);
    expect(book.find((e) => e.key === 't2.procurement.amount')!.templates).toEqual(['2019']);
  });
});
