/**
 * Table 3 label vocabulary: which row a resolved label path means, which column a header path means.
 * Matching is by meaning (key fragments of the official wording), so typos in enumerators, spaces,
 * fullwidth/ASCII brackets and guidance text do not matter; labels whose key phrase lost a character (OCR, text
 * lost in `<span>`s) or that are reworded are matched by similarity to the official wording (label-matcher.ts),
 * and left unmatched when two rows fit equally.
 */
import type { T3Column } from './keys.ts';
import { hasAny } from '../html/normalize-label.ts';
import { labelSimilarity, matchForm, matchLabel, type VocabularyEntry } from './label-matcher.ts';

/** Official wording of each table-3 row (its own label cell, the group's in front for sub-rows), both forms. */
export const T3_ROW_WORDING: Readonly<Record<string, string>> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  disclosed: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'withheld.secret': '1.属于国家秘密',
  'withheld.law': '2.其他法律行政法规禁止公开',
  'withheld.safety': '3.危及“三安全一稳定”',
  'withheld.third_party': '4.保护第三方合法权益',
  'withheld.internal': '5.属于三类内部事务信息',
  'withheld.process': '6.属于四类过程性信息',
  'withheld.enforcement': '7.属于行政执法案卷',
  'withheld.query': '8.属于行政查询事项',
  'unable.not_held': '1.本机关不掌握相关政府信息',
  'unable.needs_creation': '2.没有现成信息需要另行制作',
  'unable.unclear': '3.补正后申请内容仍不明确',
  'rejected.petition': '1.信访举报投诉类申请',
  'rejected.repeat': '2.重复申请',
  'rejected.publication': '3.要求提供公开出版物',
  'rejected.mass': '4.无正当理由大量反复申请',
  'rejected.confirm': '5.要求行政机关确认或重新出具已获取信息',
  'other.no_correction': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other.no_fee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other.other': '3.其他',
  other: '（六）其他处理',
  total: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};

export type T3Group = 'withheld' | 'unable' | 'rejected' | 'other';

/** A recognised row: a canonical row (before template mapping), a group-only row, or a top-level row. */
export type T3RowMatch =
  | { readonly kind: 'row'; readonly row: string }
  | { readonly kind: 'group'; readonly group: T3Group }
  | { readonly kind: 'item'; readonly group: T3Group; readonly item: string | null; readonly number: number | null };

const TOP_LEVEL: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['new', ['本年新收']],
  ['carried_in', ['上年结转']],
  ['carried_out', ['结转下年', '下年度继续', '结转下一年']],
];

const GROUPS: ReadonlyArray<readonly [T3Group, readonly string[]]> = [
  ['withheld', ['不予公开']],
  ['unable', ['无法提供']],
  ['rejected', ['不予处理']],
  ['other', ['其他处理']],
];

/** Key phrases of each sub-row (`其他` of （六）3 only as the whole label: it is in other labels too). */
const ITEMS: Readonly<Record<T3Group, ReadonlyArray<readonly [string, readonly string[]]>>> = {
  withheld: [
    ['secret', ['国家秘密']],
    ['law', ['禁止公开', '法律行政法规', '法律法规']],
    ['safety', ['三安全一稳定', '危及']],
    ['third_party', ['第三方']],
    ['internal', ['内部事务']],
    ['process', ['过程性']],
    ['enforcement', ['执法案卷']],
    ['query', ['行政查询', '查询事项']],
  ],
  unable: [
    ['not_held', ['不掌握']],
    ['needs_creation', ['另行制作', '现成信息']],
    ['unclear', ['不明确']],
  ],
  rejected: [
    ['petition', ['信访', '举报', '投诉']],
    ['repeat', ['重复申请']],
    ['publication', ['出版物']],
    ['mass', ['大量反复', '正当理由大量']],
    ['confirm', ['确认', '重新出具']],
  ],
  other: [
    ['no_correction', ['不补正', '逾期不补']],
    ['no_fee', ['缴纳费用', '收费通知', '缴费']],
    ['other', []],
  ],
};

const GROUP_IDS: readonly T3Group[] = ['withheld', 'unable', 'rejected', 'other'];

/** Item key by its position in the group (1-based), for labels too garbled to match by meaning. */
export function itemByNumber(group: T3Group, n: number): string | null {
  return ITEMS[group][n - 1]?.[0] ?? null;
}

function leadingNumber(text: string): number | null {
  const m = /^(?:\(?(\d{1,2})\)|(\d{1,2})(?:[.、,:]|$))/.exec(text);
  const n = m?.[1] ?? m?.[2];
  return n === undefined ? null : Number(n);
}

function itemVocabulary(group: T3Group): VocabularyEntry<string>[] {
  return ITEMS[group].map(([item, fragments]) => ({ id: item, fragments, wordings: [T3_ROW_WORDING[`${group}.${item}`] ?? item] }));
}

const ALL_ITEMS: readonly VocabularyEntry<string>[] = GROUP_IDS.flatMap((g) => itemVocabulary(g).map((e) => ({ ...e, id: `${g}.${e.id}` })));

const GROUP_VOCABULARY: readonly VocabularyEntry<T3Group>[] = GROUPS.map(([group, fragments]) => ({ id: group, fragments, wordings: fragments }));

const ROW_VOCABULARY: readonly VocabularyEntry<string>[] = [
  ...TOP_LEVEL.map(([row, fragments]) => ({ id: row, fragments, wordings: [T3_ROW_WORDING[row] ?? row] })),
  { id: 'disclosed', fragments: ['予以公开'], wordings: ['予以公开'] },
  { id: 'partial', fragments: ['部分公开'], wordings: ['部分公开'] },
  { id: 'total', fragments: ['总计'], wordings: ['总计'] },
];

/** A sub-row label of `group`: key phrases, then similarity within the group, then its number. */
function matchItem(group: T3Group, rest: string): T3RowMatch {
  const number = leadingNumber(rest);
  if (group === 'other' && matchForm(rest) === '其他') return { kind: 'item', group, item: 'other', number };
  const found = matchLabel(rest, itemVocabulary(group));
  return { kind: 'item', group, item: found?.id ?? (number === null ? null : itemByNumber(group, number)), number };
}

/** The block heading 三、本年度办理结果 (often split over lines: `三、本年度办理结果`, `本年 度办 理结 果`). */
function isResultsHeading(label: string): boolean {
  return label.includes('办理结果') || labelSimilarity(label, '三、本年度办理结果') >= 0.7;
}

/** What may follow a group's name on a row of its own: a subtotal, or words that only lengthen it (`其他处理情况`). */
const GROUP_ONLY_REST = /^(?:小计|合计)?$|^的?(?:情况|情形|数量|件数|申请)+(?:小计|合计)?$/;

/** A group printed in the path: by its key phrase in the joined path, else an element similar to a group name. */
function printedGroup(path: readonly string[], joined: string): { group: T3Group; rest: string } | null {
  for (const [group, fragments] of GROUPS) {
    const fragment = fragments.find((f) => joined.includes(f));
    if (fragment !== undefined) return { group, rest: joined.slice(joined.indexOf(fragment) + fragment.length) };
  }
  const elements = path.filter((p) => !isResultsHeading(p));
  for (let i = 0; i < elements.length; i += 1) {
    const element = elements[i] ?? '';
    const length = [...matchForm(element)].length;
    if (length < 3 || length > 6) continue;
    const match = matchLabel(element, GROUP_VOCABULARY, { minSimilarity: 0.7 });
    if (match !== null) return { group: match.id, rest: elements.slice(i + 1).join('') };
  }
  return null;
}

/** A sub-row whose group is not printed on its row: by meaning across all groups, else by number in the group above. */
function unprintedItem(leaf: string, currentGroup: T3Group | null): T3RowMatch | null {
  const found = matchLabel(leaf, ALL_ITEMS);
  if (found !== null) {
    const [group, item] = found.id.split('.') as [T3Group, string];
    return { kind: 'item', group, item, number: leadingNumber(leaf) };
  }
  if (currentGroup === null || leadingNumber(leaf) === null) return null;
  return matchItem(currentGroup, leaf);
}

/**
 * Classify a row by its label path (normalised cell texts of the label columns, left to right).
 * `currentGroup` is the group of the rows above, for paths that only carry a sub-item (`4.无正当理由…`).
 */
export function classifyT3Row(path: readonly string[], currentGroup: T3Group | null): T3RowMatch | null {
  const joined = path.join('');
  if (joined === '') return null;
  for (const [row, fragments] of TOP_LEVEL) if (hasAny(joined, fragments)) return { kind: 'row', row };
  const inGroup = GROUPS.some(([, fragments]) => hasAny(joined, fragments));
  if ((joined.includes('总计') || (joined.includes('合计') && !inGroup)) && !joined.includes('申请人')) {
    return { kind: 'row', row: 'total' };
  }
  if (joined.includes('予以公开')) return { kind: 'row', row: 'disclosed' };
  if (joined.includes('部分公开')) return { kind: 'row', row: 'partial' };
  const printed = printedGroup(path, joined);
  if (printed !== null) {
    if (GROUP_ONLY_REST.test(printed.rest)) return { kind: 'group', group: printed.group };
    return matchItem(printed.group, printed.rest);
  }
  const leaf = path[path.length - 1] ?? '';
  const item = unprintedItem(leaf, currentGroup);
  if (item !== null) return item;
  const row = matchLabel(path.filter((p) => !isResultsHeading(p)).join(''), ROW_VOCABULARY, { minSimilarity: 0.7 });
  return row === null ? null : { kind: 'row', row: row.id };
}

/** Column of a table-3 header path (normalised texts top to bottom), or null. */
export function classifyT3Column(path: readonly string[]): T3Column | null {
  const leaf = path[path.length - 1] ?? '';
  if (leaf === '') return null;
  if (leaf.includes('自然人')) return 'natural';
  if (leaf.includes('商业企业')) return 'commercial';
  if (leaf.includes('科研机构')) return 'research';
  if (leaf.includes('公益组织')) return 'nonprofit';
  if (leaf.includes('法律服务')) return 'legal';
  if (hasAny(leaf, ['总计', '合计'])) return 'total';
  if (leaf === '其他' || (leaf.includes('其他') && !leaf.includes('组织'))) return 'other_org';
  return null;
}
