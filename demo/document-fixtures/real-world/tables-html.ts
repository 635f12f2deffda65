/**
 * The three tables of a look as HTML `<table>`s laid out as the national forms print them (merged label cells,
 * nested header rows), with the look's own labels and printed values. Table 3 can be cut into two tables at a page
 * break: the merged label cells that cross the break are left blank below it, as Word prints a merged cell that
 * continues on the next page.
 */
import { T3_FORM_ROWS, T2_KEYS } from '../../../extract/template/keys.ts';
import { T3_ROW_WORDING } from '../../../extract/template/t3-labels.ts';
import type { Look, T3Print } from './look.ts';

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs = ''): string => `<td${attrs === '' ? '' : ` ${attrs}`}>${esc(text)}</td>`;

const GROUP_WORDING: Readonly<Record<string, string>> = {
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
};

function t2Section(look: Look, clause: string, head: readonly string[], rows: readonly [string, string][], width: number): string[] {
  const out = [`<tr>${td(clause, `colspan="${width}"`)}</tr>`];
  const spans = (n: number): string => (n === 1 ? '' : `colspan="${n}"`);
  const each = Math.floor((width - 1) / head.length);
  out.push(`<tr>${td('信息内容')}${head.map((h, i) => td(h, spans(i === head.length - 1 ? width - 1 - each * i : each))).join('')}</tr>`);
  for (const [label, group] of rows) {
    const keys = T2_KEYS[look.template].filter((k) => k.split('.')[1] === group);
    const cells = keys.map((k, i) => td(look.t2[k]?.printed ?? '', spans(i === keys.length - 1 ? width - 1 - each * i : each)));
    out.push(`<tr>${td(label)}${cells.join('')}</tr>`);
  }
  return out;
}

export function table2Html(look: Look): string {
  const rows =
    look.template === '2021'
      ? [
          ...t2Section(look, '第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [['规章', 'rules'], ['行政规范性文件', 'normative']], 4),
          ...t2Section(look, '第二十条第（五）项', ['本年处理决定数量'], [['行政许可', 'licensing']], 4),
          ...t2Section(look, '第二十条第（六）项', ['本年处理决定数量'], [['行政处罚', 'penalty'], ['行政强制', 'coercion']], 4),
          ...t2Section(look, '第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', 'fees']], 4),
        ]
      : [
          ...t2Section(look, '第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [['规章', 'rules'], ['规范性文件', 'normative']], 4),
          ...t2Section(look, '第二十条第（五）项', ['上一年项目数量', '本年增/减', '处理决定数量'], [['行政许可', 'licensing'], ['其他对外管理服务事项', 'other_services']], 4),
          ...t2Section(look, '第二十条第（六）项', ['上一年项目数量', '本年增/减', '处理决定数量'], [['行政处罚', 'penalty'], ['行政强制', 'coercion']], 4),
          ...t2Section(look, '第二十条第（八）项', ['上一年项目数量', '本年增/减'], [['行政事业性收费', 'fees']], 4),
          ...t2Section(look, '第二十条第（九）项', ['采购项目数量', '采购总金额'], [['政府集中采购', 'procurement']], 4),
        ];
  return `<table class="t2">${rows.join('\n')}</table>`;
}

const T3_HEADER = [
  `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'rowspan="3" colspan="3"')}${td('申请人情况', 'colspan="7"')}</tr>`,
  `<tr>${td('自然人', 'rowspan="2"')}${td('法人或其他组织', 'colspan="5"')}${td('总计', 'rowspan="2"')}</tr>`,
  `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((x) => td(x)).join('')}</tr>`,
];

interface T3Line {
  readonly id: string;
  /** 'top': one label over three columns; 'result': under 三、本年度办理结果 with a two-column label; 'item': under a group. */
  readonly kind: 'top' | 'result' | 'item';
  readonly group: string | null;
}

function lineOf(id: string): T3Line {
  if (id === 'new' || id === 'carried_in' || id === 'carried_out') return { id, kind: 'top', group: null };
  const group = id.includes('.') ? id.split('.')[0]! : null;
  return group === null ? { id, kind: 'result', group: null } : { id, kind: 'item', group };
}

function labelOf(t3: T3Print, id: string): string {
  return t3.labels?.[id] ?? (id.startsWith('group:') ? GROUP_WORDING[id.slice(6)]! : id === 'results' ? '三、本年度办理结果' : (T3_ROW_WORDING[id] ?? id));
}

/** Rows of one part of table 3: merged cells spanning the part's own rows; `continued` blanks those begun above. */
function t3Body(t3: T3Print, lines: readonly T3Line[], continued: ReadonlySet<string>): string[] {
  const values = (id: string): string => (t3.rows[id] ?? []).map((v) => td(String(v))).join('');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (line.kind === 'top') {
      out.push(`<tr>${td(labelOf(t3, line.id), 'colspan="3"')}${values(line.id)}</tr>`);
      return;
    }
    let cells = '';
    if (prev === undefined || prev.kind === 'top') {
      const span = lines.slice(i).findIndex((l) => l.kind === 'top');
      const rows = span < 0 ? lines.length - i : span;
      cells += td(continued.has('results') ? '' : labelOf(t3, 'results'), `rowspan="${rows}"`);
    }
    if (line.kind === 'result') cells += td(labelOf(t3, line.id), 'colspan="2"');
    else {
      if (prev?.group !== line.group) {
        const rows = lines.slice(i).findIndex((l) => l.group !== line.group);
        cells += td(continued.has(`group:${line.group}`) ? '' : labelOf(t3, `group:${line.group}`), `rowspan="${rows < 0 ? lines.length - i : rows}"`);
      }
      cells += td(labelOf(t3, line.id));
    }
    out.push(`<tr>${cells}${values(line.id)}</tr>`);
  });
  return out;
}

function printedLines(t3: T3Print): T3Line[] {
  const omit = new Set(t3.omit ?? []);
  return T3_FORM_ROWS[t3.form].filter((id) => !omit.has(id)).map(lineOf);
}

/** Table 3 as one table; `thead` puts its header rows in a `<thead>` (a browser repeats it on every page). */
export function table3Html(look: Look, thead = false): string {
  const body = t3Body(look.t3, printedLines(look.t3), new Set());
  if (thead) return `<table class="t3"><thead>${T3_HEADER.join('')}</thead><tbody>${body.join('\n')}</tbody></table>`;
  return `<table class="t3">${[...T3_HEADER, ...body].join('\n')}</table>`;
}

/** Table 3 cut after `split.after`: [first part with the header, second part (header again if repeated)]. */
export function table3SplitHtml(look: Look): [string, string] {
  const split = look.t3.split;
  if (split === undefined) throw new Error(`${look.name}: no split`);
  const lines = printedLines(look.t3);
  const cut = lines.findIndex((l) => l.id === split.after) + 1;
  if (cut <= 0) throw new Error(`${look.name}: split after unknown row ${split.after}`);
  const [above, below] = [lines.slice(0, cut), lines.slice(cut)];
  const last = above[above.length - 1]!;
  const first = below[0];
  const continued = new Set<string>();
  if (first !== undefined && first.kind !== 'top' && last.kind !== 'top') continued.add('results');
  if (first?.group !== null && first?.group === last.group) continued.add(`group:${first.group}`);
  const head = `<table class="t3">${[...T3_HEADER, ...t3Body(look.t3, above, new Set())].join('\n')}</table>`;
  const tail = `<table class="t3">${[...(split.repeatHeader ? T3_HEADER : []), ...t3Body(look.t3, below, continued)].join('\n')}</table>`;
  return [head, tail];
}

const T4_HEADS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const T4_HEADER = [
  `<tr>${td('行政复议', 'colspan="5"')}${td('行政诉讼', 'colspan="10"')}</tr>`,
  `<tr>${T4_HEADS.map((h) => td(h, 'rowspan="2"')).join('')}${td('未经复议直接起诉', 'colspan="5"')}${td('复议后起诉', 'colspan="5"')}</tr>`,
  `<tr>${[...T4_HEADS, ...T4_HEADS].map((h) => td(h)).join('')}</tr>`,
];

const t4Values = (look: Look): string => `<tr>${look.t4.map((v) => td(String(v))).join('')}</tr>`;

export function table4Html(look: Look): string {
  return `<table class="t4">${[...T4_HEADER, t4Values(look)].join('\n')}</table>`;
}

/** Table 4 cut after its header rows: [the header rows, the value row alone]. */
export function table4SplitHtml(look: Look): [string, string] {
  return [`<table class="t4">${T4_HEADER.join('\n')}</table>`, `<table class="t4">${t4Values(look)}</table>`];
}
