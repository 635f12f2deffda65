/**
 * Seeded generator of consistent report numbers: table 3 rows add up across applicant columns, （七）总计 is the sum
 * of the results, 一+二 = 七+四 in every column, and table 4 totals are the sum of their parts. Deliberate
 * violations (a report whose printed numbers do not add up) are applied afterwards with `withViolation`.
 */
import { T3_APPLICANT_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, templateKeys } from '../../extract/template/keys.ts';

export type Cells = Record<string, number | null>;

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randInt = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

function pick<T extends string>(rand: () => number, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  const sum = entries.reduce((acc, [, w]) => acc + w, 0);
  let r = rand() * sum;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

export interface Table2Profile {
  /** 行政规范性文件 / 规范性文件 issued this year. */
  readonly normative?: number;
  /** 规章 issued this year (only governments of 设区的市 and above; keep 0 for districts). */
  readonly rules?: number;
  readonly licensing?: number;
  readonly otherServices?: number;
  readonly penalty?: number;
  readonly coercion?: number;
  /** 2021: 本年收费金额, 万元. */
  readonly fees?: number;
  /** 2019: 行政事业性收费 项目数量. */
  readonly feeItems?: number;
  /** 2019: 政府集中采购. amount in 万元. */
  readonly procurement?: { readonly items: number; readonly amount: number };
}

export interface ValueProfile {
  readonly seed: number;
  readonly template: '2021' | '2019';
  /** 一、本年新收 total. */
  readonly applications: number;
  readonly carriedIn?: number;
  readonly carriedOut?: number;
  /** Share of applications filed by 法人或其他组织 (default 0.15). */
  readonly orgShare?: number;
  readonly reviews?: number;
  readonly suitsDirect?: number;
  readonly suitsAfterReview?: number;
  readonly table2?: Table2Profile;
  /** 2019 `本年增/减` may go below zero. */
  readonly negativeChange?: boolean;
  /** Print this many zero cells as blanks (null). */
  readonly blanks?: number;
}

const ORG_WEIGHTS = { commercial: 60, legal: 20, other_org: 12, research: 4, nonprofit: 4 } as const;

const RESULT_WEIGHTS_HEAD = {
  disclosed: 46,
  partial: 8,
  'withheld.secret': 0,
  'withheld.law': 1,
  'withheld.safety': 0,
  'withheld.third_party': 3,
  'withheld.internal': 1,
  'withheld.process': 2,
  'withheld.enforcement': 1,
  'withheld.query': 1,
  'unable.not_held': 20,
  'unable.needs_creation': 3,
  'unable.unclear': 2,
  'rejected.petition': 5,
  'rejected.repeat': 3,
  'rejected.publication': 1,
  'rejected.mass': 0,
  'rejected.confirm': 1,
} as const;

function resultWeights(template: '2021' | '2019'): Record<string, number> {
  return template === '2021'
    ? { ...RESULT_WEIGHTS_HEAD, 'other.no_correction': 3, 'other.no_fee': 0, 'other.other': 2 }
    : { ...RESULT_WEIGHTS_HEAD, other: 4 };
}

/** Build every canonical cell of a template with consistent tables. */
export function generateCells(profile: ValueProfile): Cells {
  const rand = seededRandom(profile.seed);
  const cells: Cells = Object.fromEntries(templateKeys(profile.template).map((k) => [k, 0]));
  fillTable2(cells, profile, rand);
  fillTable3(cells, profile, rand);
  fillTable4(cells, profile, rand);
  if (profile.blanks) blankZeros(cells, profile.blanks, rand);
  return cells;
}

function applicantColumn(rand: () => number, orgShare: number): string {
  return rand() < orgShare ? pick(rand, ORG_WEIGHTS) : 'natural';
}

function fillTable3(cells: Cells, profile: ValueProfile, rand: () => number): void {
  const orgShare = profile.orgShare ?? 0.15;
  const add = (row: string, col: string, n = 1): void => {
    cells[`t3.${row}.${col}`] = (cells[`t3.${row}.${col}`] ?? 0) + n;
  };
  for (let i = 0; i < profile.applications; i++) add('new', applicantColumn(rand, orgShare));
  for (let i = 0; i < (profile.carriedIn ?? 0); i++) add('carried_in', applicantColumn(rand, orgShare));
  const open = (col: string): number =>
    (cells[`t3.new.${col}`] ?? 0) + (cells[`t3.carried_in.${col}`] ?? 0) - (cells[`t3.carried_out.${col}`] ?? 0);
  for (let i = 0; i < (profile.carriedOut ?? 0); i++) {
    const candidates = T3_APPLICANT_COLUMNS.filter((c) => open(c) > 0);
    if (candidates.length === 0) break;
    add('carried_out', candidates[randInt(rand, 0, candidates.length - 1)]!);
  }
  const weights = resultWeights(profile.template);
  for (const col of T3_APPLICANT_COLUMNS) {
    const handled = open(col);
    for (let i = 0; i < handled; i++) add(pick(rand, weights), col);
    add('total', col, handled);
  }
  for (const row of T3_ROWS[profile.template]) {
    cells[`t3.${row}.total`] = T3_APPLICANT_COLUMNS.reduce((acc, col) => acc + (cells[`t3.${row}.${col}`] ?? 0), 0);
  }
}

function fillTable4(cells: Cells, profile: ValueProfile, rand: () => number): void {
  const counts = { review: profile.reviews ?? 0, suit_direct: profile.suitsDirect ?? 0, suit_after_review: profile.suitsAfterReview ?? 0 };
  const outcome = { upheld: 70, corrected: 10, other: 10, pending: 10 } as const;
  for (const group of T4_GROUPS) {
    for (let i = 0; i < counts[group]; i++) {
      const key = `t4.${group}.${pick(rand, outcome)}`;
      cells[key] = (cells[key] ?? 0) + 1;
    }
    cells[`t4.${group}.total`] = T4_COLUMNS.filter((c) => c !== 'total').reduce(
      (acc, c) => acc + (cells[`t4.${group}.${c}`] ?? 0),
      0,
    );
  }
}

function fillTable2(cells: Cells, profile: ValueProfile, rand: () => number): void {
  const t2 = profile.table2 ?? {};
  const normative = t2.normative ?? 0;
  const rules = t2.rules ?? 0;
  if (profile.template === '2021') {
    cells['t2.rules.issued'] = rules;
    cells['t2.rules.in_force'] = rules > 0 ? rules + randInt(rand, 3, 12) : 0;
    cells['t2.normative.issued'] = normative;
    cells['t2.normative.repealed'] = normative > 0 ? randInt(rand, 0, normative) : 0;
    cells['t2.normative.in_force'] = normative > 0 ? normative + randInt(rand, 4, 30) : 0;
    cells['t2.licensing.decisions'] = t2.licensing ?? 0;
    cells['t2.penalty.decisions'] = t2.penalty ?? 0;
    cells['t2.coercion.decisions'] = t2.coercion ?? 0;
    cells['t2.fees.amount'] = t2.fees ?? 0;
    return;
  }
  cells['t2.rules.made'] = rules;
  cells['t2.rules.published'] = rules;
  cells['t2.rules.total'] = rules > 0 ? rules + randInt(rand, 3, 12) : 0;
  cells['t2.normative.made'] = normative;
  cells['t2.normative.published'] = normative;
  cells['t2.normative.total'] = normative > 0 ? normative + randInt(rand, 4, 30) : 0;
  const items = (name: string, decisions: number): void => {
    const prev = decisions > 0 ? randInt(rand, 3, 40) : 0;
    const change = prev === 0 ? 0 : profile.negativeChange ? -randInt(rand, 1, Math.min(5, prev)) : randInt(rand, 0, 3);
    cells[`t2.${name}.prev_items`] = prev;
    cells[`t2.${name}.change`] = change;
    cells[`t2.${name}.decisions`] = decisions;
  };
  items('licensing', t2.licensing ?? 0);
  items('other_services', t2.otherServices ?? 0);
  items('penalty', t2.penalty ?? 0);
  items('coercion', t2.coercion ?? 0);
  const feeItems = t2.feeItems ?? 0;
  cells['t2.fees.prev_items'] = feeItems;
  cells['t2.fees.change'] = feeItems > 0 && profile.negativeChange ? -Math.min(3, feeItems) : 0;
  cells['t2.procurement.items'] = t2.procurement?.items ?? 0;
  cells['t2.procurement.amount'] = t2.procurement?.amount ?? 0;
}

/** Turn `count` zero cells into blanks (null), spread over the tables; totals stay printed. */
function blankZeros(cells: Cells, count: number, rand: () => number): void {
  const zeros = Object.keys(cells).filter((k) => cells[k] === 0 && !k.endsWith('.total') && !k.startsWith('t3.total.'));
  for (let i = 0; i < count && zeros.length > 0; i++) {
    const [key] = zeros.splice(randInt(rand, 0, zeros.length - 1), 1);
    cells[key!] = null;
  }
}

/** A copy of `cells` with one printed value off by `delta` (a typo in the printed table). */
export function withViolation(cells: Cells, key: string, delta: number): Cells {
  const value = cells[key];
  if (value === undefined) throw new Error(`Expected a key of the template, got ${key}`);
  return { ...cells, [key]: (value ?? 0) + delta };
}
