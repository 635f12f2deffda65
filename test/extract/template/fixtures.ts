/** Small Word-pasted table snippets for the mapper tests. */
import { td } from '../helpers.ts';

export function t2Table2021(values: { fees?: string; penalty?: string } = {}): string {
  return `<table class=MsoNormalTable border=1>
  <tr>${td('第二十条第（一）项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('本年制发<br>件数')}${td('本年废止件数')}${td('现行有效件数')}</tr>
  <tr>${td('规章(设区的市、自治州人民政府应提供相关数据)')}${td('&nbsp;')}${td('-')}${td('0')}</tr>
  <tr>${td('行政规范性文件')}${td('<span>1</span><span>2</span>')}${td('1')}${td(' 30 ')}</tr>
  <tr>${td('第二十条第（五）项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('本年处理决定数量', 'colspan=3')}</tr>
  <tr>${td('行政许可')}${td('156', 'colspan=3')}</tr>
  <tr>${td('第二十条第（六）项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('本年处理决定数量', 'colspan=3')}</tr>
  <tr>${td('行政处罚')}${td(values.penalty ?? '7', 'colspan=3')}</tr>
  <tr>${td('行政强制')}${td('0', 'colspan=3')}</tr>
  <tr>${td('第二十条第（八）项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('本年收费金额（单位：万元）', 'colspan=3')}</tr>
  <tr>${td('行政事业性收费')}${td(values.fees ?? '12.5', 'colspan=3')}</tr>
</table>`;
}

export function t2Table2019(): string {
  return `<table>
  <tr>${td('第二十条第(一)项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('本年新<br>制作数量')}${td('本年新<br>公开数量')}${td('对外公开<br>总数量')}</tr>
  <tr>${td('规章')}${td('0')}${td('0')}${td('0')}</tr>
  <tr>${td('规范性文件')}${td('2')}${td('2')}${td('15')}</tr>
  <tr>${td('第二十条第(五)项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('上一年项目数量（指2019年事项数）')}${td('本年增/减')}${td('处理决定数量')}</tr>
  <tr>${td('行政许可')}${td('845')}${td('-417')}${td('3')}</tr>
  <tr>${td('其他对外管理服务事项')}${td('0')}${td('0')}${td('0')}</tr>
  <tr>${td('第二十条第(六)项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('上一年项目数量')}${td('本年增/减')}${td('处理决定数量')}</tr>
  <tr>${td('行政处罚')}${td('5')}${td('0')}${td('9')}</tr>
  <tr>${td('行政强制')}${td('1')}${td('0')}${td('0')}</tr>
  <tr>${td('第二十条第(八)项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('上一年项目数量')}${td('本年增/减')}${td('&nbsp;')}</tr>
  <tr>${td('行政事业性收费')}${td('1')}${td('0')}${td('&nbsp;')}</tr>
  <tr>${td('第二十条第(九)项', 'colspan=4')}</tr>
  <tr>${td('信息内容')}${td('采购项目数量')}${td('采购总金额')}${td('&nbsp;')}</tr>
  <tr>${td('政府集中采购')}${td('3')}${td('251000元')}${td('&nbsp;')}</tr>
</table>`;
}

const GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']],
  ['（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
  ['（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']],
];
const OTHER_2021 = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'];

export interface T3Options {
  readonly form: '2021' | '2019';
  /** Printed values per row label (7 cells); missing rows print zeros. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  readonly subtotals?: boolean;
}

export function t3Table(options: T3Options): string {
  const zeros = ['0', '0', '0', '0', '0', '0', '0'];
  const v = (label: string): string => (options.values?.[label] ?? zeros).map((x) => td(x)).join('');
  const rows: string[] = [
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'rowspan=3 colspan=3')}${td('申请人情况', 'colspan=7')}</tr>`,
    `<tr>${td('自 然 人', 'rowspan=2')}${td('法人或其他组织', 'colspan=5')}${td('总计', 'rowspan=2')}</tr>`,
    `<tr>${['商业<br>企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((x) => td(x)).join('')}</tr>`,
    `<tr>${td('一、本年新收政府信息公开申请数量', 'colspan=3')}${v('new')}</tr>`,
    `<tr>${td('二、上年结转政府信息公开申请数量', 'colspan=3')}${v('carried_in')}</tr>`,
  ];
  const groups = [...GROUPS, ...(options.form === '2021' ? [['（六）其他处理', OTHER_2021] as const] : [])];
  const span = 2 + groups.reduce((n, [, items]) => n + items.length + (options.subtotals === true ? 1 : 0), 0) + (options.form === '2019' ? 1 : 0) + 1;
  rows.push(`<tr>${td('三、本年度办理结果', `rowspan=${span}`)}${td('(一)予以公开', 'colspan=2')}${v('disclosed')}</tr>`);
  rows.push(`<tr>${td('(二)部分公开（区分处理的，只计这一情形，不计其他情形）', 'colspan=2')}${v('partial')}</tr>`);
  for (const [group, items] of groups) {
    const extra = options.subtotals === true ? 1 : 0;
    items.forEach((item, i) => {
      const head = i === 0 ? td(group, `rowspan=${items.length + extra}`) : '';
      rows.push(`<tr>${head}${td(item)}${v(`${group}/${item}`)}</tr>`);
    });
    if (extra === 1) rows.push(`<tr>${td('小计')}${v(`${group}/小计`)}</tr>`);
  }
  if (options.form === '2019') rows.push(`<tr>${td('(六)其他处理', 'colspan=2')}${v('other')}</tr>`);
  rows.push(`<tr>${td('(七)总计', 'colspan=2')}${v('total')}</tr>`);
  rows.push(`<tr>${td('四、结转下年度继续办理', 'colspan=3')}${v('carried_out')}</tr>`);
  return `<table class=MsoNormalTable>${rows.join('\n')}</table>`;
}

export function t4Table(values: readonly string[]): string {
  const heads = ['结果<br>维持', '结果<br>纠正', '其他<br>结果', '尚未<br>审结', '总计'];
  return `<table>
  <tr>${td('行政复议', 'colspan=5')}${td('行政诉讼', 'colspan=10')}</tr>
  <tr>${heads.map((h) => td(h, 'rowspan=2')).join('')}${td('未经复议直接起诉', 'colspan=5')}${td('复议后起诉', 'colspan=5')}</tr>
  <tr>${[...heads, ...heads].map((h) => td(h)).join('')}</tr>
  <tr>${values.map((x) => td(x)).join('')}</tr>
</table>`;
}
