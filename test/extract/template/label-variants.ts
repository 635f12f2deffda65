/**
 * Label wordings of real reports (the seeds, the spec's observations) and their damage (numbering dropped or
 * changed, wording shortened or lengthened, characters dropped as OCR and lost `<span>`s do), built into whole
 * report pages whose every cell holds a distinct number, so that a cell read from the wrong row shows.
 */
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { T2_KEYS, T3_COLUMNS, T3_FORM_ROWS, t4Keys, type T3Form } from '../../../extract/template/keys.ts';
import { reportProblems } from '../../../extract/template/report-problems.ts';
import { T3_ROW_WORDING } from '../../../extract/template/t3-labels.ts';
import type { ExtractedReport } from '../../../extract/types.ts';
import { td } from '../helpers.ts';

export type T3Group = 'withheld' | 'unable' | 'rejected' | 'other';

export const GROUP_WORDING: Readonly<Record<T3Group, string>> = {
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
};

const T2_WORDING: Readonly<Record<string, string>> = {
  rules: '规章',
  normative: '行政规范性文件',
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
  procurement: '政府集中采购',
};

export interface Variant {
  readonly name: string;
  readonly template: '2021' | '2019';
  readonly form: T3Form;
  /** Printed label of a table-3 row (`new`, `withheld.secret`, `other`…), a group (`group:withheld`) or a table-2 row (`t2:fees`). */
  readonly label: (id: string, official: string) => string;
  /** Print the group cells (default true); false: a flat table whose sub-rows carry only their own label. */
  readonly groupCells?: boolean;
  /**
   * The rowspan of 三、本年度办理结果 ends this many rows early (seed 002): those last rows start at the first
   * column with a two-column label, so their numbers sit one column left of the header's.
   */
  readonly shortSpan?: number;
}

function officialLabel(id: string): string {
  if (id.startsWith('group:')) return GROUP_WORDING[id.slice(6) as T3Group];
  if (id.startsWith('t2:')) return T2_WORDING[id.slice(3)] ?? id;
  return T3_ROW_WORDING[id] ?? id;
}

export const labelOf = (v: Variant, id: string): string => v.label(id, officialLabel(id));

/** Distinct numbers: table 2 from 500, table 3 row r column c = 1000 + 10r + c, table 4 from 3000. */
export function expectedCells(v: Variant): Map<string, number> {
  const out = new Map<string, number>();
  T2_KEYS[v.template].forEach((k, i) => out.set(k, 500 + i));
  T3_FORM_ROWS[v.form].forEach((row, r) => T3_COLUMNS.forEach((col, c) => out.set(`t3.${row}.${col}`, 1000 + 10 * r + c)));
  t4Keys().forEach((k, i) => out.set(k, 3000 + i));
  return out;
}

/** Column headers of a table-2 row group as the template prints them. */
function t2Header(template: '2021' | '2019', g: string): string[] {
  const documents = g === 'rules' || g === 'normative';
  if (template === '2021') return documents ? ['本年制发件数', '本年废止件数', '现行有效件数'] : g === 'fees' ? ['本年收费金额（单位：万元）'] : ['本年处理决定数量'];
  if (documents) return ['本年新制作数量', '本年新公开数量', '对外公开总数量'];
  return g === 'procurement' ? ['采购项目数量', '采购总金额'] : g === 'fees' ? ['上一年项目数量', '本年增/减'] : ['上一年项目数量', '本年增/减', '处理决定数量'];
}

function t2Html(v: Variant, cells: Map<string, number>): string {
  const groups = [...new Set(T2_KEYS[v.template].map((k) => k.split('.')[1]!))];
  const rows = groups.map((g) => {
    const keys = T2_KEYS[v.template].filter((k) => k.split('.')[1] === g);
    const header = t2Header(v.template, g);
    const head = `<tr>${td('信息内容')}${header.map((h) => td(h)).join('')}</tr>`;
    return `${head}<tr>${td(labelOf(v, `t2:${g}`))}${keys.map((k) => td(String(cells.get(k)))).join('')}</tr>`;
  });
  return `<table border=1>${rows.join('\n')}</table>`;
}

function groupOf(row: string): T3Group | null {
  const g = row.split('.')[0] as T3Group;
  return row.includes('.') && g in GROUP_WORDING ? g : null;
}

function t3Html(v: Variant, cells: Map<string, number>): string {
  const rows = T3_FORM_ROWS[v.form];
  const values = (row: string): string => T3_COLUMNS.map((c) => td(String(cells.get(`t3.${row}.${c}`)))).join('');
  const out: string[] = [
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'rowspan=3 colspan=3')}${td('申请人情况', 'colspan=7')}</tr>`,
    `<tr>${td('自然人', 'rowspan=2')}${td('法人或其他组织', 'colspan=5')}${td('总计', 'rowspan=2')}</tr>`,
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((x) => td(x)).join('')}</tr>`,
  ];
  const resultRows = rows.slice(rows.indexOf('disclosed'), rows.indexOf('total') + 1);
  const spanned = resultRows.slice(0, resultRows.length - (v.shortSpan ?? 0));
  const grouped = v.groupCells !== false;
  for (const row of rows) {
    const group = groupOf(row);
    const first = row === 'disclosed' ? td('三、本年度办理结果', `rowspan=${spanned.length}`) : '';
    if (row === 'new' || row === 'carried_in' || row === 'carried_out') {
      out.push(`<tr>${td(labelOf(v, row), 'colspan=3')}${values(row)}</tr>`);
    } else if (resultRows.includes(row) && !spanned.includes(row)) {
      out.push(`<tr>${td(labelOf(v, row), 'colspan=2')}${values(row)}</tr>`);
    } else if (group === null || !grouped) {
      out.push(`<tr>${first}${td(labelOf(v, row), 'colspan=2')}${values(row)}</tr>`);
    } else {
      const items = rows.filter((r) => groupOf(r) === group && spanned.includes(r));
      const head = items[0] === row ? td(labelOf(v, `group:${group}`), `rowspan=${items.length}`) : '';
      out.push(`<tr>${head}${td(labelOf(v, row))}${values(row)}</tr>`);
    }
  }
  return `<table border=1>${out.join('\n')}</table>`;
}

function t4Html(cells: Map<string, number>): string {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return `<table border=1>
  <tr>${td('行政复议', 'colspan=5')}${td('行政诉讼', 'colspan=10')}</tr>
  <tr>${heads.map((h) => td(h, 'rowspan=2')).join('')}${td('未经复议直接起诉', 'colspan=5')}${td('复议后起诉', 'colspan=5')}</tr>
  <tr>${[...heads, ...heads].map((h) => td(h)).join('')}</tr>
  <tr>${t4Keys().map((k) => td(String(cells.get(k)))).join('')}</tr>
</table>`;
}

export function variantPage(v: Variant): string {
  const cells = expectedCells(v);
  const year = v.template === '2021' ? 2023 : 2020;
  const cited = v.template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  return `<html><body><h1>某某局${year}年政府信息公开工作年度报告</h1><div id="zoom"><p>本报告按照（${cited}）要求编制。</p>
<p>一、总体情况</p><p>…</p><p>二、主动公开政府信息情况</p>${t2Html(v, cells)}
<p>三、收到和处理政府信息公开申请情况</p>${t3Html(v, cells)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>${t4Html(cells)}<p>五、存在的主要问题及改进情况</p><p>…</p></div></body></html>`;
}

export interface VariantScore {
  readonly name: string;
  readonly cells: number;
  readonly right: number;
  /** A number where the page printed another (a row or column mapped to the wrong key). */
  readonly wrong: readonly string[];
  /** Keys left null, and whether each is named by a problem (E_ROW_NOT_FOUND …). */
  readonly missing: readonly string[];
  readonly unflaggedMissing: readonly string[];
  readonly rowsMissing: number;
}

export function scoreVariant(v: Variant): VariantScore {
  return scoreReport(v, extractHtmlReport(variantPage(v), 'http://www.example.gov.cn/art/2024/1/20/art_1_1.html'));
}

/**
 * The same report as a PDF text layer or a flip-book page shows it: one line per table row, the label then the
 * numbers separated by spaces, a group's name on its own line before its first sub-row.
 */
export function variantLines(v: Variant): string[] {
  const cells = expectedCells(v);
  const nums = (keys: readonly string[]): string => keys.map((k) => String(cells.get(k))).join(' ');
  const year = v.template === '2021' ? 2023 : 2020;
  const lines = [`某某局${year}年政府信息公开工作年度报告`, `本报告按照（${v.template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号'}）要求编制。`, '一、总体情况', '本局认真贯彻落实条例。', '二、主动公开政府信息情况'];
  for (const g of [...new Set(T2_KEYS[v.template].map((k) => k.split('.')[1]!))]) {
    const keys = T2_KEYS[v.template].filter((k) => k.split('.')[1] === g);
    lines.push(`信息内容 ${t2Header(v.template, g).join(' ')}`);
    lines.push(`${labelOf(v, `t2:${g}`)} ${nums(keys)}`);
  }
  lines.push('三、收到和处理政府信息公开申请情况', '申请人情况', '自然人 法人或其他组织 总计', '商业企业 科研机构 社会公益组织 法律服务机构 其他');
  let group: T3Group | null = null;
  for (const row of T3_FORM_ROWS[v.form]) {
    if (row === 'disclosed') lines.push('三、本年度办理结果');
    const g = groupOf(row);
    if (g !== null && g !== group && v.groupCells !== false) lines.push(labelOf(v, `group:${g}`));
    group = g;
    lines.push(`${labelOf(v, row)} ${nums(T3_COLUMNS.map((c) => `t3.${row}.${c}`))}`);
  }
  lines.push('四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉', nums(t4Keys()), '五、存在的主要问题及改进情况', '无。');
  return lines;
}

export function scoreReport(v: Variant, report: ExtractedReport): VariantScore {
  const expected = expectedCells(v);
  const flagged = new Set(reportProblems(report).flatMap((p) => p.keys));
  const wrong: string[] = [];
  const missing: string[] = [];
  let right = 0;
  for (const [key, value] of expected) {
    const got = report.cells[key];
    if (got === value) right += 1;
    else if (got === null || got === undefined) missing.push(key);
    else wrong.push(`${key}=${got}`);
  }
  for (const [key, got] of Object.entries(report.cells)) if (!expected.has(key) && got !== null) wrong.push(`${key}=${got} (not printed)`);
  const rows = new Set(missing.map((k) => k.slice(0, k.lastIndexOf('.'))));
  return { name: v.name, cells: expected.size, right, wrong, missing, unflaggedMissing: missing.filter((k) => !flagged.has(k)), rowsMissing: rows.size };
}

// ---- Label edits -------------------------------------------------------------------------------------------------

/** Drop leading enumerators: `一、` `（三）` `1.`. */
export const dropNumbering = (s: string): string => s.replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])\s*/, '');

/** Drop the character at `at(length)` of the label's text after its numbering (OCR, a lost `<span>`). */
export function dropChar(s: string, at: (n: number) => number): string {
  const m = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])?/.exec(s);
  const head = m?.[0] ?? '';
  const rest = [...s.slice(head.length)];
  if (rest.length <= 2) return s;
  const i = Math.min(rest.length - 1, Math.max(0, at(rest.length)));
  return head + rest.filter((_, k) => k !== i).join('');
}
