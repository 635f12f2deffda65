/**
 * Cells of a synthetic 2021-template report that add up like a real one: every 勾稽关系 check passes, unless a
 * printed typo was asked for (one table-3 cell off by one, as real reports have now and then).
 */
import { T3_APPLICANT_COLUMNS, T3_ROWS, T2_KEYS, T4_COLUMNS, T4_GROUPS } from '../../extract/template/keys.ts';

type Cells = Record<string, number | null>;

/** `rand(n)`: 0 … n-1. */
export function synthesizeCells(rand: (n: number) => number, withTypo: boolean): Cells {
  const cells: Cells = {};
  for (const key of T2_KEYS['2021']) cells[key] = rand(5) === 0 ? null : rand(60);
  const rows = T3_ROWS['2021'];
  const outcomes = rows.slice(rows.indexOf('disclosed'), rows.indexOf('total'));
  const set = (row: string, col: string, value: number): void => {
    // Real tables leave many zero cells blank; a blank counts as 0 in the checks.
    cells[`t3.${row}.${col}`] = value === 0 && rand(2) === 0 ? null : value;
  };
  const totals = new Map<string, number>();
  const add = (row: string, value: number): void => void totals.set(row, (totals.get(row) ?? 0) + value);
  for (const col of T3_APPLICANT_COLUMNS) {
    let handled = 0;
    for (const row of outcomes) {
      const value = rand(3) === 0 ? rand(12) : 0;
      handled += value;
      set(row, col, value);
      add(row, value);
    }
    const carriedOut = rand(4);
    const carriedIn = Math.min(handled + carriedOut, rand(4));
    const received = handled + carriedOut - carriedIn;
    for (const [row, value] of [['total', handled], ['carried_out', carriedOut], ['carried_in', carriedIn], ['new', received]] as const) {
      set(row, col, value);
      add(row, value);
    }
  }
  for (const row of rows) cells[`t3.${row}.total`] = totals.get(row) ?? 0;
  for (const group of T4_GROUPS) {
    let sum = 0;
    for (const col of T4_COLUMNS.filter((c) => c !== 'total')) {
      const value = rand(4) === 0 ? rand(5) : 0;
      sum += value;
      cells[`t4.${group}.${col}`] = value;
    }
    cells[`t4.${group}.total`] = sum;
  }
  if (withTypo) {
    const key = `t3.${outcomes[rand(outcomes.length)]!}.${T3_APPLICANT_COLUMNS[rand(T3_APPLICANT_COLUMNS.length)]!}`;
    cells[key] = (cells[key] ?? 0) + 1;
  }
  return cells;
}
