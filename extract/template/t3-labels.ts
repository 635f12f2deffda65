/**
 * Table 3 label vocabulary: which row a resolved label path means, which column a header path means.
 * Matching is by meaning (key fragments of the official wording), so typos in enumerators, spaces,
 * fullwidth/ASCII brackets and guidance text do not matter.
 */
import type { T3Column } from './keys.ts';
import { hasAny } from '../html/normalize-label.ts';

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

const ITEMS: Readonly<Record<T3Group, ReadonlyArray<readonly [string, readonly string[]]>>> = {
  withheld: [
    ['secret', ['国家秘密']],
    ['law', ['禁止公开', '法律行政法规']],
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
    ['other', ['其他']],
  ],
};

/** Item key by its position in the group (1-based), for labels too garbled to match by meaning. */
export function itemByNumber(group: T3Group, n: number): string | null {
  return ITEMS[group][n - 1]?.[0] ?? null;
}

function leadingNumber(text: string): number | null {
  const m = /^(\d{1,2})(?:[.、,:]|$)/.exec(text);
  return m === null ? null : Number(m[1]);
}

function matchItem(group: T3Group, rest: string): T3RowMatch {
  const number = leadingNumber(rest);
  for (const [item, fragments] of ITEMS[group]) if (hasAny(rest, fragments)) return { kind: 'item', group, item, number };
  return { kind: 'item', group, item: number === null ? null : itemByNumber(group, number), number };
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
  for (const [group, fragments] of GROUPS) {
    const fragment = fragments.find((f) => joined.includes(f));
    if (fragment === undefined) continue;
    const rest = joined.slice(joined.indexOf(fragment) + fragment.length);
    if (rest === '' || /^(?:小计|合计)?$/.test(rest)) return { kind: 'group', group };
    return matchItem(group, rest);
  }
  const leaf = path[path.length - 1] ?? '';
  if (currentGroup !== null && leadingNumber(leaf) !== null) return matchItem(currentGroup, leaf);
  return null;
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
