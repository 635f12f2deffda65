/**
 * Labels by meaning, rows never lost (issue 9 item 4): table rows worded as real reports word them are mapped to
 * their keys, the 23-row and 25-row forms of table 3 to their own keys under either template, and a row that cannot
 * be found is named (E_ROW_NOT_FOUND), never a silent null. This is the tuning set; labels-held-out.test.ts is not.
 */
import { describe, expect, it } from 'vitest';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { templateKeys } from '../../../extract/template/keys.ts';
import { matchLabel } from '../../../extract/template/label-matcher.ts';
import { reportProblems } from '../../../extract/template/report-problems.ts';
import { classifyT3Row } from '../../../extract/template/t3-labels.ts';
import { dropChar, dropNumbering, scoreVariant, variantPage, type Variant } from './label-variants.ts';

const SHORT_A: Readonly<Record<string, string>> = {
  new: '本年新收申请数量', carried_in: '上年结转申请数量', carried_out: '结转下年度',
  'withheld.secret': '国家秘密', 'withheld.law': '法律法规禁止公开', 'withheld.safety': '危及三安全一稳定', 'withheld.third_party': '第三方合法权益',
  'withheld.internal': '三类内部事务信息', 'withheld.process': '四类过程性信息', 'withheld.enforcement': '行政执法案卷', 'withheld.query': '行政查询事项',
  'unable.not_held': '不掌握相关信息', 'unable.needs_creation': '需另行制作', 'unable.unclear': '补正后仍不明确',
  'rejected.petition': '信访举报投诉', 'rejected.repeat': '重复申请', 'rejected.publication': '公开出版物', 'rejected.mass': '大量反复申请',
  'rejected.confirm': '确认或重新出具', 'other.no_correction': '逾期不补正', 'other.no_fee': '逾期未缴纳费用', 'other.other': '其他',
};

const LONG_A: Readonly<Record<string, string>> = {
  disclosed: '（一）予以公开的', 'withheld.secret': '1.属于国家秘密的信息', 'withheld.safety': '3.危及国家安全、公共安全、经济安全和社会稳定',
  'withheld.internal': '5.属于三类内部事务信息（人事管理、后勤管理、内部工作流程等）', 'withheld.process': '6.属于四类过程性信息（讨论记录、过程稿、磋商信函、请示报告等）',
  'rejected.confirm': '5.要求行政机关确认或者重新出具已获取的信息', 'other.no_correction': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请的',
  carried_out: '四、结转下年度继续办理的申请', 't2:normative': '行政规范性文件（含部门规范性文件）',
};

/** Seed 002 (三门峡 2023): ASCII brackets with a space, `(一) 予以公开`. Seed 001 (枣庄 2019): `1. 属于国家秘密`. */
const seed002 = (_: string, o: string): string => o.replace(/（/g, '(').replace(/）/g, ') ').trim();
const seed001 = (_: string, o: string): string => o.replace(/^(\d)\./, '$1. ').replace(/（/g, '(').replace(/）/g, ') ').trim();
const renumbered = (_: string, o: string): string => o.replace(/^(\d)\./, '（$1）').replace(/^（([三四五六])）/, (_m, n: string) => `${'三四五六'.indexOf(n) + 3}、`);

const TUNING: readonly Variant[] = [
  { name: 'official 2021 (25 rows)', template: '2021', form: '25-row', label: (_, o) => o },
  { name: 'official 2019 (23 rows)', template: '2019', form: '23-row', label: (_, o) => o },
  { name: 'seed 002 wording (2021)', template: '2021', form: '25-row', label: seed002 },
  { name: 'seed 001 wording (2019)', template: '2019', form: '23-row', label: seed001 },
  { name: 'numbering dropped', template: '2021', form: '25-row', label: (_, o) => dropNumbering(o) },
  { name: 'numbering changed (（1）, 3、)', template: '2021', form: '25-row', label: renumbered },
  { name: 'shortened A', template: '2021', form: '25-row', label: (id, o) => SHORT_A[id] ?? o },
  { name: 'lengthened A', template: '2021', form: '25-row', label: (id, o) => LONG_A[id] ?? o },
  { name: 'last character dropped', template: '2021', form: '25-row', label: (_, o) => dropChar(o, (n) => n - 1) },
  { name: 'a 2021 report printing （六）其他处理 as one row', template: '2021', form: '23-row', label: (_, o) => o },
  { name: 'a 2019 report printing （六） in three sub-rows', template: '2019', form: '25-row', label: (_, o) => o },
  { name: 'flat table: sub-rows without their group cell', template: '2021', form: '25-row', groupCells: false, label: (_, o) => o },
  { name: 'seed 002 layout: the rowspan of 三 ends 3 rows early, the last rows shift left', template: '2021', form: '25-row', shortSpan: 3, label: seed002 },
];

describe('labels by meaning (tuning set)', () => {
  it.each(TUNING.map((v) => [v.name, v] as const))('%s: every cell on its key', (_, v) => {
    const score = scoreVariant(v);
    expect(score.wrong).toEqual([]);
    expect(score.missing).toEqual([]);
    expect(score.right).toBe(score.cells);
  });

  it('a 2021 report printing （六） as one row: t3.other.* filled, the 25-row keys absent, checks over the 23 rows', () => {
    const report = extractHtmlReport(variantPage(TUNING[9]!), 'http://www.example.gov.cn/a.html');
    expect(report.template).toBe('2021');
    expect(Object.keys(report.cells).sort()).toEqual(templateKeys('2021', '23-row').sort());
    expect(report.cells['t3.other.natural']).toBe(1000 + 10 * 20);
    expect(report.checks.map((c) => c.id)).toContain('t3.row.other');
    expect(report.checks.map((c) => c.id)).not.toContain('t3.row.other.no_fee');
    expect(reportProblems(report)).toEqual([]);
  });
});

describe('a row that cannot be found is named, never a silent null', () => {
  it('a row whose label means nothing known: E_ROW_NOT_FOUND with its seven keys', () => {
    const v: Variant = { name: 'garbled', template: '2021', form: '25-row', label: (id, o) => (id === 'rejected.publication' ? '3.□□□□' : o) };
    const report = extractHtmlReport(variantPage(v), 'http://www.example.gov.cn/a.html');
    // `3.` under （五）: the number alone still places it (the group is printed), so garble the group too.
    expect(report.cells['t3.rejected.publication.total']).not.toBeNull();
    const lost: Variant = { ...v, groupCells: false, label: (id, o) => (id === 'rejected.publication' ? '□□□□' : o) };
    const problems = reportProblems(extractHtmlReport(variantPage(lost), 'http://www.example.gov.cn/a.html'));
    expect(problems).toEqual([expect.objectContaining({ code: 'E_ROW_NOT_FOUND', table: 't3', row: 't3.rejected.publication' })]);
    expect(problems[0]!.keys).toHaveLength(7);
  });

  it('a table-2 row that is not printed: E_ROW_NOT_FOUND for t2.coercion', () => {
    const v: Variant = { name: 'no coercion', template: '2021', form: '25-row', label: (id, o) => (id === 't2:coercion' ? '' : o) };
    const problems = reportProblems(extractHtmlReport(variantPage(v), 'http://www.example.gov.cn/a.html'));
    expect(problems).toEqual([expect.objectContaining({ code: 'E_ROW_NOT_FOUND', row: 't2.coercion', keys: ['t2.coercion.decisions'] })]);
  });
});

describe('the label matcher', () => {
  const vocabulary = [
    { id: 'penalty', fragments: ['行政处罚'], wordings: ['行政处罚'] },
    { id: 'coercion', fragments: ['行政强制'], wordings: ['行政强制'] },
  ];

  it('matches by key phrase, then by similarity, and leaves an ambiguous label unmatched', () => {
    expect(matchLabel('（1）行政处罚（含简易程序）', vocabulary)).toMatchObject({ id: 'penalty', by: 'fragment' });
    expect(matchLabel('行政处', vocabulary)).toMatchObject({ id: 'penalty', by: 'similarity' });
    expect(matchLabel('行政', vocabulary)).toBeNull();
    expect(matchLabel('信息内容', vocabulary)).toBeNull();
  });

  it('places a sub-row by meaning across groups before trusting a number carried from the group above', () => {
    // The group cell of （四） was lost; the row above was （三）8. — its number 1 must not make it withheld.secret.
    expect(classifyT3Row(['1.本机关不掌握相关政府信息'], 'withheld')).toMatchObject({ group: 'unable', item: 'not_held' });
    expect(classifyT3Row(['三、本年度办理结果', '(四)无法提', '1.本机关不掌握相关政府信息'], null)).toMatchObject({ group: 'unable', item: 'not_held' });
  });
});
