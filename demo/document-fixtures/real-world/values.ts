/**
 * Printed numbers of the looks, written out by hand (their sums hold unless a look breaks them on purpose):
 * table 3 row → natural, commercial, research, nonprofit, legal, other_org, total.
 */
import type { PrintedCell } from './look.ts';

/** Set A, 25-row form. */
export const T3_A_25: Readonly<Record<string, readonly number[]>> = {
  new: [89, 19, 17, 13, 19, 10, 167],
  carried_in: [1, 1, 1, 0, 1, 0, 4],
  disclosed: [25, 1, 1, 0, 0, 1, 28],
  partial: [6, 4, 2, 1, 0, 0, 13],
  'withheld.secret': [5, 0, 0, 0, 0, 1, 6],
  'withheld.law': [1, 1, 0, 0, 2, 1, 5],
  'withheld.safety': [1, 0, 1, 1, 0, 1, 4],
  'withheld.third_party': [3, 0, 2, 1, 1, 1, 8],
  'withheld.internal': [2, 1, 0, 1, 1, 0, 5],
  'withheld.process': [4, 1, 0, 0, 2, 0, 7],
  'withheld.enforcement': [0, 0, 0, 1, 2, 0, 3],
  'withheld.query': [3, 1, 2, 1, 2, 1, 10],
  'unable.not_held': [17, 5, 2, 1, 0, 0, 25],
  'unable.needs_creation': [0, 1, 0, 1, 2, 1, 5],
  'unable.unclear': [2, 0, 1, 0, 1, 0, 4],
  'rejected.petition': [1, 0, 0, 1, 1, 0, 3],
  'rejected.repeat': [2, 1, 0, 0, 2, 1, 6],
  'rejected.publication': [3, 1, 0, 1, 0, 1, 6],
  'rejected.mass': [1, 1, 2, 0, 1, 0, 5],
  'rejected.confirm': [1, 0, 1, 1, 0, 0, 3],
  'other.no_correction': [5, 1, 2, 1, 0, 0, 9],
  'other.no_fee': [3, 0, 0, 0, 1, 0, 4],
  'other.other': [1, 1, 2, 0, 1, 1, 6],
  total: [86, 20, 18, 12, 19, 10, 165],
  carried_out: [4, 0, 0, 1, 1, 0, 6],
};

/** Set A, 23-row form: （六）其他处理 one row (the three sub-rows added up by hand). */
export const T3_A_23: Readonly<Record<string, readonly number[]>> = {
  ...Object.fromEntries(Object.entries(T3_A_25).filter(([row]) => !row.startsWith('other.'))),
  other: [9, 2, 4, 1, 2, 1, 19],
};

/** Set B, 25-row form. */
export const T3_B_25: Readonly<Record<string, readonly number[]>> = {
  new: [106, 21, 24, 8, 21, 12, 192],
  carried_in: [0, 0, 1, 0, 0, 0, 1],
  disclosed: [41, 0, 0, 0, 1, 0, 42],
  partial: [3, 3, 1, 1, 2, 1, 11],
  'withheld.secret': [0, 1, 1, 1, 1, 0, 4],
  'withheld.law': [5, 1, 2, 0, 1, 0, 9],
  'withheld.safety': [4, 1, 1, 1, 0, 1, 8],
  'withheld.third_party': [0, 0, 2, 0, 0, 0, 2],
  'withheld.internal': [3, 0, 2, 0, 1, 1, 7],
  'withheld.process': [3, 0, 2, 1, 2, 1, 9],
  'withheld.enforcement': [0, 1, 1, 0, 2, 0, 4],
  'withheld.query': [4, 1, 0, 0, 0, 1, 6],
  'unable.not_held': [12, 7, 0, 0, 0, 0, 19],
  'unable.needs_creation': [1, 1, 2, 0, 1, 1, 6],
  'unable.unclear': [4, 1, 2, 1, 2, 1, 11],
  'rejected.petition': [4, 1, 0, 0, 2, 1, 8],
  'rejected.repeat': [1, 0, 2, 1, 0, 1, 5],
  'rejected.publication': [2, 1, 1, 1, 1, 0, 6],
  'rejected.mass': [2, 1, 1, 0, 0, 1, 5],
  'rejected.confirm': [4, 0, 1, 0, 2, 1, 8],
  'other.no_correction': [4, 0, 1, 0, 2, 0, 7],
  'other.no_fee': [3, 1, 1, 0, 0, 0, 5],
  'other.other': [2, 0, 2, 1, 0, 1, 6],
  total: [102, 21, 25, 8, 20, 12, 188],
  carried_out: [4, 0, 0, 0, 1, 0, 5],
};

/** Set B, 23-row form. */
export const T3_B_23: Readonly<Record<string, readonly number[]>> = {
  ...Object.fromEntries(Object.entries(T3_B_25).filter(([row]) => !row.startsWith('other.'))),
  other: [9, 1, 4, 1, 2, 1, 18],
};

/** Table 4 rows: review, suit_direct, suit_after_review × upheld, corrected, other, pending, total. */
export const T4_A: readonly number[] = [3, 1, 0, 2, 6, 1, 0, 1, 0, 2, 2, 1, 0, 1, 4];
export const T4_B: readonly number[] = [5, 0, 1, 1, 7, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1];

const n = (value: number): PrintedCell => ({ printed: String(value), value });

/** 2021 table 2, plain numbers. */
export const T2_2021_PLAIN: Readonly<Record<string, PrintedCell>> = {
  't2.rules.issued': n(0),
  't2.rules.repealed': n(1),
  't2.rules.in_force': n(4),
  't2.normative.issued': n(12),
  't2.normative.repealed': n(3),
  't2.normative.in_force': n(57),
  't2.licensing.decisions': n(1486),
  't2.penalty.decisions': n(213),
  't2.coercion.decisions': n(9),
  't2.fees.amount': n(37.52),
};

/** 2021 table 2 as real reports print it: a fee in 元 inside the cell, dashes, a slash and a blank. */
export const T2_2021_UNITS: Readonly<Record<string, PrintedCell>> = {
  't2.rules.issued': { printed: '/', value: null },
  't2.rules.repealed': { printed: '/', value: null },
  't2.rules.in_force': { printed: '/', value: null },
  't2.normative.issued': n(2),
  't2.normative.repealed': { printed: '—', value: null },
  't2.normative.in_force': n(18),
  't2.licensing.decisions': n(695),
  't2.penalty.decisions': { printed: '', value: null },
  't2.coercion.decisions': { printed: '0', value: 0 },
  't2.fees.amount': { printed: '251000元', value: 25.1 },
};

/** The same with the fee printed in 万元 with its unit. */
export const T2_2021_WANYUAN: Readonly<Record<string, PrintedCell>> = {
  ...T2_2021_UNITS,
  't2.penalty.decisions': { printed: '—', value: null },
  't2.fees.amount': { printed: '695.09万元', value: 695.09 },
};

/** 2019 table 2 with a negative change, a dash and money with units. */
export const T2_2019_UNITS: Readonly<Record<string, PrintedCell>> = {
  't2.rules.made': n(0),
  't2.rules.published': n(0),
  't2.rules.total': n(2),
  't2.normative.made': n(6),
  't2.normative.published': n(6),
  't2.normative.total': n(41),
  't2.licensing.prev_items': n(38),
  't2.licensing.change': { printed: '-3', value: -3 },
  't2.licensing.decisions': n(902),
  't2.other_services.prev_items': n(11),
  't2.other_services.change': n(2),
  't2.other_services.decisions': n(130),
  't2.penalty.prev_items': n(64),
  't2.penalty.change': n(0),
  't2.penalty.decisions': n(77),
  't2.coercion.prev_items': n(9),
  't2.coercion.change': { printed: '—', value: null },
  't2.coercion.decisions': n(4),
  't2.fees.prev_items': n(3),
  't2.fees.change': { printed: '-1', value: -1 },
  't2.procurement.items': n(14),
  't2.procurement.amount': { printed: '1860400元', value: 186.04 },
};
