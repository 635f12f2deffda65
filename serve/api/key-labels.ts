/**
 * How the page lays out and names the canonical keys: table 3 as rows × applicant columns, table 4 as groups ×
 * result columns, table 2 as a list; and the cells each check adds up (so that a report's answer names only its
 * failing checks). `GET /api/keys` answers this; the layout follows extract/template/keys.ts.
 */
import { runChecks } from '../../extract/checks/run-checks.ts';
import { T2_KEYS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../../extract/template/keys.ts';
import { T2_GROUP_LABELS } from '../../extract/template/t2-labels.ts';
import { checkTerms, type CheckTerms } from './check-terms.ts';

const T3_COLUMN_LABELS: Record<string, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other_org: '其他',
  total: '总计',
};

const T3_ROW_LABELS: Record<string, string> = {
  new: '一、本年新收申请',
  carried_in: '二、上年结转申请',
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  'withheld.secret': '（三）1.国家秘密',
  'withheld.law': '（三）2.法律法规禁止',
  'withheld.safety': '（三）3.三安全一稳定',
  'withheld.third_party': '（三）4.第三方合法权益',
  'withheld.internal': '（三）5.内部事务信息',
  'withheld.process': '（三）6.过程性信息',
  'withheld.enforcement': '（三）7.行政执法案卷',
  'withheld.query': '（三）8.行政查询事项',
  'unable.not_held': '（四）1.不掌握',
  'unable.needs_creation': '（四）2.需另行制作',
  'unable.unclear': '（四）3.补正后仍不明确',
  'rejected.petition': '（五）1.信访举报投诉',
  'rejected.repeat': '（五）2.重复申请',
  'rejected.publication': '（五）3.公开出版物',
  'rejected.mass': '（五）4.大量反复申请',
  'rejected.confirm': '（五）5.确认或重新出具',
  'other.no_correction': '（六）1.逾期不补正',
  'other.no_fee': '（六）2.逾期未缴费',
  'other.other': '（六）3.其他',
  other: '（六）其他处理',
  total: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};

const T4_GROUP_LABELS: Record<string, string> = { review: '行政复议', suit_direct: '行政诉讼：未经复议直接起诉', suit_after_review: '行政诉讼：复议后起诉' };
const T4_COLUMN_LABELS: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

const T2_PART_LABELS: Record<string, string> = {
  ...T2_GROUP_LABELS,
  issued: '本年制发',
  repealed: '本年废止',
  in_force: '现行有效',
  made: '本年新制作',
  published: '本年新公开',
  total: '对外公开总数',
  decisions: '处理决定数',
  prev_items: '上一年项目数',
  change: '本年增/减',
  amount: '金额（万元）',
  items: '项目数',
};

export interface MatrixLayout {
  readonly rows: readonly { readonly id: string; readonly label: string }[];
  readonly cols: readonly { readonly id: string; readonly label: string }[];
}

export interface KeyLayout {
  readonly t2: Readonly<Record<'2021' | '2019', readonly { readonly key: string; readonly label: string }[]>>;
  readonly t3: Readonly<Record<'2021' | '2019', MatrixLayout>>;
  readonly t4: MatrixLayout;
  /** Per template, every check id → the cells it adds up on each side. */
  readonly checks: Readonly<Record<'2021' | '2019', Readonly<Record<string, CheckTerms>>>>;
}

export function keyLabel(key: string): string {
  const [table, ...parts] = key.split('.');
  if (table === 't3') {
    const col = parts.pop() ?? '';
    return `表三 ${T3_ROW_LABELS[parts.join('.')] ?? parts.join('.')} · ${T3_COLUMN_LABELS[col] ?? col}`;
  }
  if (table === 't4') return `表四 ${T4_GROUP_LABELS[parts[0] ?? ''] ?? parts[0]} · ${T4_COLUMN_LABELS[parts[1] ?? ''] ?? parts[1]}`;
  if (table === 't2') return `表二 ${parts.map((p) => T2_PART_LABELS[p] ?? p).join(' · ')}`;
  return key;
}

export function keyLayout(): KeyLayout {
  const t3 = (template: '2021' | '2019'): MatrixLayout => ({
    rows: T3_ROWS[template].map((id) => ({ id, label: T3_ROW_LABELS[id] ?? id })),
    cols: T3_COLUMNS.map((id) => ({ id, label: T3_COLUMN_LABELS[id] ?? id })),
  });
  const t2 = (template: '2021' | '2019'): { key: string; label: string }[] => T2_KEYS[template].map((key) => ({ key, label: keyLabel(key).replace(/^表二 /, '') }));
  return {
    t2: { '2021': t2('2021'), '2019': t2('2019') },
    t3: { '2021': t3('2021'), '2019': t3('2019') },
    t4: { rows: T4_GROUPS.map((id) => ({ id, label: T4_GROUP_LABELS[id] ?? id })), cols: T4_COLUMNS.map((id) => ({ id, label: T4_COLUMN_LABELS[id] ?? id })) },
    checks: { '2021': termsOfChecks('2021'), '2019': termsOfChecks('2019') },
  };
}

function termsOfChecks(template: '2021' | '2019'): Record<string, CheckTerms> {
  return Object.fromEntries(runChecks(template, {}).map((c) => [c.id, checkTerms(c.id, template)]));
}
