import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../extract/checks/run-checks.ts';
import { T3_APPLICANT_COLUMNS, T3_ROWS, templateKeys } from '../../../extract/template/keys.ts';

/** A consistent 2021 report: 3 natural + 1 commercial applications, all disclosed, none carried. */
function consistentCells(): Record<string, number | null> {
  const cells: Record<string, number | null> = Object.fromEntries(templateKeys('2021').map((k) => [k, 0]));
  for (const row of ['new', 'disclosed', 'total']) {
    cells[`t3.${row}.natural`] = 3;
    cells[`t3.${row}.commercial`] = 1;
    cells[`t3.${row}.total`] = 4;
  }
  cells['t4.review.upheld'] = 1;
  cells['t4.review.total'] = 1;
  return cells;
}

const failing = (cells: Record<string, number | null>) => runChecks('2021', cells).filter((c) => !c.ok).map((c) => c.id);

describe('runChecks', () => {
  it('has one check per column, row and table-4 group', () => {
    const checks = runChecks('2021', consistentCells());
    expect(checks).toHaveLength(7 + 7 + T3_ROWS['2021'].length + 3);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(runChecks('2019', {}).length).toBe(7 + 7 + T3_ROWS['2019'].length + 3);
    expect(runChecks('older', {})).toEqual([]);
  });

  it('one wrong cell fails exactly its row check and the affected column checks', () => {
    const cells = consistentCells();
    cells['t3.disclosed.natural'] = 2; // printed 2 where 3 is right
    expect(failing(cells)).toEqual(['t3.results.natural', 't3.row.disclosed']);
    const row = runChecks('2021', cells).find((c) => c.id === 't3.row.disclosed');
    expect(row).toMatchObject({ left: 4, right: 3 });
  });

  it('a wrong total fails the balance, results and row checks of its column and row', () => {
    const cells = consistentCells();
    cells['t3.new.total'] = 5;
    expect(failing(cells)).toEqual(['t3.balance.total', 't3.row.new']);
  });

  it('counts nulls as 0 and lists them', () => {
    const cells = consistentCells();
    cells['t4.review.pending'] = null;
    const check = runChecks('2021', cells).find((c) => c.id === 't4.sum.review');
    expect(check).toMatchObject({ ok: true, left: 1, right: 1, nullsAsZero: ['t4.review.pending'] });
    expect(T3_APPLICANT_COLUMNS).toHaveLength(6);
  });

  it('skips the checks of a table that is absent', () => {
    const checks = runChecks('2021', {}, ['t3', 't4']);
    expect(checks).toEqual([]);
    expect(runChecks('2021', {}, ['t3']).map((c) => c.id)).toEqual(['t4.sum.review', 't4.sum.suit_direct', 't4.sum.suit_after_review']);
  });
});
