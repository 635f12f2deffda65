import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../extract/checks/run-checks.ts';
import { repairByChecks } from '../../../extract/ocr/repair.ts';
import { generateCells, withViolation } from '../../../demo/reports/generate-values.ts';

const base = generateCells({ seed: 7, template: '2021', applications: 300, carriedIn: 20, carriedOut: 12, reviews: 8, suitsDirect: 3 });
const ok = (cells: Record<string, number | null>): boolean => runChecks('2021', cells).every((c) => c.ok);

describe('arithmetic repair', () => {
  it('the generated table satisfies every check', () => {
    expect(ok(base)).toBe(true);
  });

  it('takes the one alternative that satisfies every check and records it', () => {
    const key = 't3.disclosed.natural';
    const truth = base[key]!;
    const misread = { ...base, [key]: truth + 5 }; // e.g. 3 read as 8
    const out = repairByChecks('2021', misread, new Map([[key, [truth + 1, truth, truth - 1]]]));
    expect(out.repairs).toEqual([{ key, from: truth + 5, to: truth }]);
    expect(out.status.t3).toBe('repaired');
    expect(out.checks.every((c) => c.ok)).toBe(true);
  });

  it('repairs two misreads in different rows and columns at once', () => {
    const a = 't3.new.natural';
    const b = 't4.review.upheld';
    const misread = { ...base, [a]: base[a]! + 10, [b]: base[b]! + 3 };
    const out = repairByChecks('2021', misread, new Map([[a, [base[a]!]], [b, [base[b]!, base[b]! + 1]]]));
    expect(out.repairs.map((r) => r.key).sort()).toEqual([a, b].sort());
    expect(ok(out.cells)).toBe(true);
  });

  it('leaves the value when several alternatives fit (ambiguous)', () => {
    const key = 't4.review.upheld';
    // Two suspects in the same group: (truth, corrected) and (truth + 1, corrected - 1) both satisfy the sum.
    const misread = { ...base, [key]: base[key]! + 2 };
    const other = 't4.review.corrected';
    const out = repairByChecks('2021', misread, new Map([[key, [base[key]!, base[key]! + 1]], [other, [base[other]! - 1, base[other]! + 1]]]));
    expect(out.status.t4).toBe('ambiguous');
    expect(out.repairs).toEqual([]);
  });

  it('keeps a printed typo as printed: confident cells are not candidates', () => {
    const typo = withViolation(base, 't3.unable.not_held.natural', 2);
    const out = repairByChecks('2021', typo, new Map());
    expect(out.repairs).toEqual([]);
    expect(out.cells['t3.unable.not_held.natural']).toBe(typo['t3.unable.not_held.natural']);
    expect(out.checks.filter((c) => !c.ok).map((c) => c.id).sort()).toEqual(['t3.results.natural', 't3.row.unable.not_held']);
  });

  it('fills an unreadable cell from the checks only when the digit count agrees', () => {
    const key = 't3.new.total';
    const truth = base[key]!;
    const unreadable = { ...base, [key]: null };
    const right = repairByChecks('2021', unreadable, new Map(), { glyphCounts: new Map([[key, String(truth).length]]) });
    expect(right.repairs).toEqual([{ key, from: null, to: truth }]);
    const wrongCount = repairByChecks('2021', unreadable, new Map(), { glyphCounts: new Map([[key, String(truth).length + 1]]) });
    expect(wrongCount.repairs).toEqual([]);
  });
});
