/**
 * A check as a reader reads it: the formula with its values in Chinese (`自然人 6 + 商业企业 0 + … = 6 ≠ 总计 7`)
 * and one sentence of what the check means. Terms come from check-terms.ts, labels from template/labels-zh.ts.
 */
import { keyLabelZh, T3_COLUMN_LABELS_ZH, T3_ROW_LABELS_ZH, T4_GROUP_LABELS_ZH } from '../template/labels-zh.ts';
import type { TemplateVersion } from '../types.ts';
import { checkTerms } from './check-terms.ts';

export interface CheckOutcome {
  readonly checkId: string;
  readonly ok: boolean;
  readonly left: number;
  readonly right: number;
  readonly nullsAsZero: readonly string[];
}

export interface CheckExplanation {
  /** `自然人 6 + 商业企业 0 + … = 6 ≠ 总计 7`; blanks print as `空` (counted as 0). */
  readonly formula: string;
  /** What the identity says, in one sentence. */
  readonly meaning: string;
}

type Cells = Readonly<Record<string, number | null | undefined>>;

const number = (v: number): string => (Number.isInteger(v) ? String(v) : String(Math.round(v * 10_000) / 10_000));

/** Labels of the terms, short where the terms share a row (then columns name them) or a column (then rows do). */
function termLabels(keys: readonly string[]): Map<string, string> {
  const labels = keys.map((k) => keyLabelZh(k));
  const sameRow = labels.every((l) => l !== null && l.row === labels[0]?.row);
  const sameColumn = labels.every((l) => l !== null && l.column === labels[0]?.column);
  return new Map(keys.map((k, i) => {
    const l = labels[i];
    return [k, l === null || l === undefined ? k : sameRow ? l.column : sameColumn ? l.row : l.label];
  }));
}

function side(keys: readonly string[], sum: number, cells: Cells, labels: Map<string, string>, sumFirst: boolean): string {
  const terms = keys.map((k) => {
    const v = cells[k];
    return `${labels.get(k) ?? k} ${v === null || v === undefined ? '空' : number(v)}`;
  });
  if (terms.length === 1) return terms[0]!;
  return sumFirst ? `${number(sum)} = ${terms.join(' + ')}` : `${terms.join(' + ')} = ${number(sum)}`;
}

/** Formula and meaning of a check of one report, with that report's cell values. */
export function explainCheck(check: CheckOutcome, template: TemplateVersion, cells: Cells): CheckExplanation {
  const relation = check.ok ? '=' : '≠';
  const blanks = check.nullsAsZero.length > 0 ? '（空格按 0 计）' : '';
  if (check.checkId.startsWith('cross.')) return crossCheck(check, relation);
  const terms = checkTerms(check.checkId, template);
  if (terms.left.length === 0) return { formula: `${number(check.left)} ${relation} ${number(check.right)}`, meaning: check.checkId };
  const labels = termLabels([...terms.left, ...terms.right]);
  // The side with more terms reads first, as the sum it is: 自然人 6 + … = 6 ≠ 总计 7.
  const many = terms.right.length > terms.left.length;
  const [first, firstSum, second, secondSum] = many ? [terms.right, check.right, terms.left, check.left] : [terms.left, check.left, terms.right, check.right];
  const formula = `${side(first, firstSum, cells, labels, false)} ${relation} ${side(second, secondSum, cells, labels, true)}${blanks}`;
  return { formula, meaning: meaningOf(check.checkId) };
}

function meaningOf(checkId: string): string {
  const [table, kind, ...rest] = checkId.split('.');
  const arg = rest.join('.');
  if (table === 't3' && kind === 'row') {
    return `表三「${T3_ROW_LABELS_ZH[arg] ?? arg}」一行：六类申请人（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）之和应等于总计。`;
  }
  if (table === 't3' && kind === 'balance') {
    return `表三「${T3_COLUMN_LABELS_ZH[arg] ?? arg}」一列：本年新收与上年结转的申请，应等于已办结的（办理结果总计）加上结转下年度继续办理的。`;
  }
  if (table === 't3' && kind === 'results') {
    return `表三「${T3_COLUMN_LABELS_ZH[arg] ?? arg}」一列：各项办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）之和应等于办理结果总计。`;
  }
  if (table === 't4' && kind === 'sum') return `表四「${T4_GROUP_LABELS_ZH[arg] ?? arg}」：结果维持、结果纠正、其他结果与尚未审结之和应等于总计。`;
  return checkId;
}

function crossCheck(check: CheckOutcome, relation: string): CheckExplanation {
  if (check.checkId === 'cross.similar') {
    return {
      formula: `与上年正文相似度 ${number(check.left)} ${check.ok ? '<' : '≥'} 阈值 ${number(check.right)}`,
      meaning: '本年报告正文与上一年报告正文的相似度（4 字片段的 Jaccard 系数）达到阈值，即视为内容雷同。',
    };
  }
  const column = check.checkId.slice('cross.carry.'.length);
  const name = T3_COLUMN_LABELS_ZH[column] ?? column;
  return {
    formula: `本年 二、上年结转申请（${name}）${number(check.left)} ${relation} 上年 四、结转下年度继续办理（${name}）${number(check.right)}`,
    meaning: `本年报告表三的「二、上年结转申请」应等于上一年报告表三的「四、结转下年度继续办理」（${name}）。`,
  };
}
