/**
 * Chinese display labels of the canonical keys — the one place people-facing text (the page, `nianbao show`, the
 * exports' `label_zh` and codebook, check formulas) learns what `t3.withheld.third_party.legal` is called. Labels
 * follow the printed template wording, shortened; table 2's row groups come from t2-labels.ts (shared with label
 * matching). Matching printed labels to keys is not done here (t3-labels.ts, table2.ts).
 */
import { MONEY_KEYS, templateKeys } from './keys.ts';
import { T2_GROUP_LABELS } from './t2-labels.ts';

export const T3_COLUMN_LABELS_ZH: Readonly<Record<string, string>> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other_org: '其他',
  total: '总计',
};

export const T3_ROW_LABELS_ZH: Readonly<Record<string, string>> = {
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

export const T4_GROUP_LABELS_ZH: Readonly<Record<string, string>> = {
  review: '行政复议',
  suit_direct: '行政诉讼：未经复议直接起诉',
  suit_after_review: '行政诉讼：复议后起诉',
};

export const T4_COLUMN_LABELS_ZH: Readonly<Record<string, string>> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

/** Column part of `t2.<group>.<column>`. */
export const T2_COLUMN_LABELS_ZH: Readonly<Record<string, string>> = {
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

export const TABLE_TITLES_ZH: Readonly<Record<'t2' | 't3' | 't4', string>> = {
  t2: '表二 主动公开政府信息情况',
  t3: '表三 收到和处理政府信息公开申请情况',
  t4: '表四 政府信息公开行政复议、行政诉讼情况',
};

const TABLE_SHORT: Readonly<Record<'t2' | 't3' | 't4', string>> = { t2: '表二', t3: '表三', t4: '表四' };

export interface KeyLabelZh {
  readonly key: string;
  readonly table: 't2' | 't3' | 't4';
  /** Row label as printed (shortened), e.g. `（三）4.第三方合法权益`. */
  readonly row: string;
  /** Column label, e.g. `法律服务机构`. */
  readonly column: string;
  /** `表三 （三）4.第三方合法权益 · 法律服务机构`. */
  readonly label: string;
  /** `件`, `项` or `万元`. */
  readonly unit: string;
}

/** Row and column ids of a key (`t3.withheld.third_party.legal` → row `withheld.third_party`, column `legal`), or null. */
export function splitKey(key: string): { table: 't2' | 't3' | 't4'; row: string; column: string } | null {
  const [table, ...parts] = key.split('.');
  if ((table !== 't2' && table !== 't3' && table !== 't4') || parts.length < 2) return null;
  const column = parts.pop()!;
  return { table, row: parts.join('.'), column };
}

function unitOf(table: 't2' | 't3' | 't4', key: string, column: string): string {
  if (MONEY_KEYS.has(key)) return '万元';
  if (table === 't2' && (column === 'items' || column === 'prev_items' || column === 'change')) return '项';
  return '件';
}

/** The Chinese labels of a canonical key, or null when the key is not one (an unknown row or column). */
export function keyLabelZh(key: string): KeyLabelZh | null {
  const parts = splitKey(key);
  if (parts === null) return null;
  const { table, row: rowId, column: columnId } = parts;
  const rows = table === 't3' ? T3_ROW_LABELS_ZH : table === 't4' ? T4_GROUP_LABELS_ZH : T2_GROUP_LABELS;
  const columns = table === 't3' ? T3_COLUMN_LABELS_ZH : table === 't4' ? T4_COLUMN_LABELS_ZH : T2_COLUMN_LABELS_ZH;
  const row = rows[rowId];
  const column = columns[columnId];
  if (row === undefined || column === undefined) return null;
  return { key, table, row, column, label: `${TABLE_SHORT[table]} ${row} · ${column}`, unit: unitOf(table, key, columnId) };
}

/** What a reader sees for a key: its Chinese label, or the key itself when it is not a canonical key. */
export function cellLabelZh(key: string): string {
  return keyLabelZh(key)?.label ?? key;
}

export interface CodebookEntry extends KeyLabelZh {
  /**
   * Templates whose reports print this cell: `2021`, `2019` or both. Table 3's two forms (（六） as one row,
   * `t3.other.*`, or three, `t3.other.<item>.*`) occur under either template, so their keys list both.
   */
  readonly templates: readonly ('2021' | '2019')[];
}

/** Every canonical key of the 2021 and 2019 templates, table by table (2021 order first, then keys only 2019 has), with labels and unit. */
export function codebook(): CodebookEntry[] {
  const templatesOf = new Map<string, ('2021' | '2019')[]>();
  for (const template of ['2021', '2019'] as const) {
    const keys = new Set([...templateKeys(template, '25-row'), ...templateKeys(template, '23-row')]);
    for (const key of keys) templatesOf.set(key, [...(templatesOf.get(key) ?? []), template]);
  }
  const tableOrder = (key: string): number => ['t2', 't3', 't4'].indexOf(key.slice(0, 2));
  const keys = [...templatesOf.keys()].sort((a, b) => tableOrder(a) - tableOrder(b));
  return keys.map((key) => {
    const templates = templatesOf.get(key)!;
    const label = keyLabelZh(key);
    if (label === null) throw new Error(`canonical key ${key} has no Chinese label in labels-zh.ts`);
    return { ...label, templates };
  });
}
