/**
 * Printed labels of the official tables (国办公开办函〔2019〕60号 / 〔2021〕30号), in the official full-width form.
 * Quirks (ASCII brackets, breaks, spacing) are applied later by `cell-markup.ts`.
 */

export const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_ORG_COLUMNS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;

/** One printed row of table 3: the group label it sits under (rowspan cell) and its own label. */
export interface T3RowLabel {
  readonly key: string;
  /** `（三）不予公开` etc. for grouped rows, null when the row label spans both label columns. */
  readonly group: string | null;
  readonly label: string;
}

const RESULT_ROWS_HEAD: readonly T3RowLabel[] = [
  { key: 'disclosed', group: null, label: '（一）予以公开' },
  { key: 'partial', group: null, label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'withheld.secret', group: '（三）不予公开', label: '1.属于国家秘密' },
  { key: 'withheld.law', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { key: 'withheld.safety', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { key: 'withheld.third_party', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { key: 'withheld.internal', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { key: 'withheld.process', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { key: 'withheld.enforcement', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { key: 'withheld.query', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { key: 'unable.not_held', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { key: 'unable.needs_creation', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { key: 'unable.unclear', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { key: 'rejected.petition', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { key: 'rejected.repeat', group: '（五）不予处理', label: '2.重复申请' },
  { key: 'rejected.publication', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { key: 'rejected.mass', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { key: 'rejected.confirm', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
];

const OTHER_2021: readonly T3RowLabel[] = [
  {
    key: 'other.no_correction',
    group: '（六）其他处理',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: 'other.no_fee',
    group: '（六）其他处理',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: 'other.other', group: '（六）其他处理', label: '3.其他' },
];

/** The rows under 三、本年度办理结果, top to bottom, ending with （七）总计. */
export function t3ResultRows(template: '2021' | '2019'): readonly T3RowLabel[] {
  const other = template === '2021' ? OTHER_2021 : [{ key: 'other', group: null, label: '（六）其他处理' }];
  return [...RESULT_ROWS_HEAD, ...other, { key: 'total', group: null, label: '（七）总计' }];
}

export const T3_NEW_LABEL = '一、本年新收政府信息公开申请数量';
export const T3_CARRIED_IN_LABEL = '二、上年结转政府信息公开申请数量';
export const T3_RESULTS_LABEL = '三、本年度办理结果';
export const T3_CARRIED_OUT_LABEL = '四、结转下年度继续办理';

/** Table 2 group rows: header, column labels, and the data rows (label + keys, one per value cell). */
export interface T2Group {
  readonly header: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly keys: readonly string[] }[];
}

export const T2_GROUPS: Readonly<Record<'2021' | '2019', readonly T2Group[]>> = {
  '2021': [
    {
      header: '第二十条第（一）项',
      columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        { label: '规章', keys: ['t2.rules.issued', 't2.rules.repealed', 't2.rules.in_force'] },
        { label: '行政规范性文件', keys: ['t2.normative.issued', 't2.normative.repealed', 't2.normative.in_force'] },
      ],
    },
    {
      header: '第二十条第（五）项',
      columns: ['本年处理决定数量'],
      rows: [{ label: '行政许可', keys: ['t2.licensing.decisions'] }],
    },
    {
      header: '第二十条第（六）项',
      columns: ['本年处理决定数量'],
      rows: [
        { label: '行政处罚', keys: ['t2.penalty.decisions'] },
        { label: '行政强制', keys: ['t2.coercion.decisions'] },
      ],
    },
    {
      header: '第二十条第（八）项',
      columns: ['本年收费金额（单位：万元）'],
      rows: [{ label: '行政事业性收费', keys: ['t2.fees.amount'] }],
    },
  ],
  '2019': [
    {
      header: '第二十条第（一）项',
      columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        { label: '规章', keys: ['t2.rules.made', 't2.rules.published', 't2.rules.total'] },
        { label: '规范性文件', keys: ['t2.normative.made', 't2.normative.published', 't2.normative.total'] },
      ],
    },
    {
      header: '第二十条第（五）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { label: '行政许可', keys: ['t2.licensing.prev_items', 't2.licensing.change', 't2.licensing.decisions'] },
        {
          label: '其他对外管理服务事项',
          keys: ['t2.other_services.prev_items', 't2.other_services.change', 't2.other_services.decisions'],
        },
      ],
    },
    {
      header: '第二十条第（六）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { label: '行政处罚', keys: ['t2.penalty.prev_items', 't2.penalty.change', 't2.penalty.decisions'] },
        { label: '行政强制', keys: ['t2.coercion.prev_items', 't2.coercion.change', 't2.coercion.decisions'] },
      ],
    },
    {
      header: '第二十条第（八）项',
      columns: ['上一年项目数量', '本年增/减'],
      rows: [{ label: '行政事业性收费', keys: ['t2.fees.prev_items', 't2.fees.change'] }],
    },
    {
      header: '第二十条第（九）项',
      columns: ['采购项目数量', '采购总金额'],
      rows: [{ label: '政府集中采购', keys: ['t2.procurement.items', 't2.procurement.amount'] }],
    },
  ],
};

export const T4_RESULT_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
