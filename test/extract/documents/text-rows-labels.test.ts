/**
 * The label wordings of the tuning set through the text-row path (PDF text layers without ruling lines, flip-book
 * pages): the same matcher places every row, a 2021 report's 23-row table 3 included.
 */
import { describe, expect, it } from 'vitest';
import { reportFromBlocks } from '../../../extract/documents/report-from-content.ts';
import { textRowBlocks } from '../../../extract/documents/text-rows.ts';
import { T3_ROW_WORDING } from '../../../extract/template/t3-labels.ts';
import { dropChar, dropNumbering, scoreReport, variantLines, type Variant } from '../template/label-variants.ts';

const VARIANTS: readonly Variant[] = [
  { name: 'official 2021', template: '2021', form: '25-row', label: (_, o) => o },
  { name: 'official 2019', template: '2019', form: '23-row', label: (_, o) => o },
  { name: 'a 2021 report printing （六）其他处理 as one row', template: '2021', form: '23-row', label: (_, o) => o },
  { name: 'a 2019 report printing （六） in three sub-rows', template: '2019', form: '25-row', label: (_, o) => o },
  { name: 'numbering dropped', template: '2021', form: '25-row', label: (_, o) => dropNumbering(o) },
  { name: 'seed 001 wording (2019)', template: '2019', form: '23-row', label: (_, o) => o.replace(/^(\d)\./, '$1. ').replace(/（/g, '(').replace(/）/g, ') ').trim() },
  { name: 'numbering changed to （1）', template: '2021', form: '25-row', label: (_, o) => o.replace(/^(\d)\./, '（$1）') },
  { name: 'last character dropped', template: '2021', form: '25-row', label: (_, o) => dropChar(o, (n) => n - 1) },
  { name: 'sub-rows without their group line', template: '2021', form: '25-row', groupCells: false, label: (_, o) => o },
  {
    name: 'rows reworded (shortened and lengthened)', template: '2021', form: '25-row',
    label: (id, o) => ({ 'withheld.safety': '3.危及国家安全、公共安全、经济安全和社会稳定', 'unable.not_held': '1.不掌握相关信息', 'rejected.confirm': '5.要求确认或重新出具已获取信息', 'other.no_fee': '2.逾期未缴纳费用' } as Record<string, string>)[id] ?? o,
  },
];

describe('text rows: labels by meaning', () => {
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s: every cell on its key', (_, v) => {
    const lines = variantLines(v).map((text, i) => ({ text, source: `page[${1 + Math.floor(i / 20)}]` }));
    const report = reportFromBlocks(textRowBlocks(lines, 'pdf'), 'file:///r.pdf', 'pdf-text');
    const score = scoreReport(v, report);
    expect(report.template).toBe(v.template);
    expect(score.wrong).toEqual([]);
    expect(score.missing).toEqual([]);
  });

  it('the official wording is the one vocabulary', () => {
    expect(T3_ROW_WORDING['other']).toBe('（六）其他处理');
  });
});
