/**
 * A table fragment continued on a new page as a browser prints it: collapsed borders drawn once, so the first row
 * of the next page has its side rules but no top rule (seen on a 2019 report printed by Chromium: the row
 * 8.属于行政查询事项 fell outside the table and its cells were lost).
 */
import { describe, expect, it } from 'vitest';
import { findLattices } from '../../../../extract/documents/pdf/lattice.ts';
import type { Rule } from '../../../../extract/documents/pdf/page-content.ts';

const h = (at: number, a: number, b: number): Rule => ({ horizontal: true, at, a, b });
const v = (at: number, a: number, b: number): Rule => ({ horizontal: false, at, a, b });

describe('findLattices, open edges', () => {
  it('closes a fragment whose side rules run on above its first horizontal rule', () => {
    //   │  │  │  │   y=57 (no rule)
    //   ├──┼──┼──┤   y=73
    //   │  │  │  │
    //   └──┴──┴──┘   y=90   x = 0, 10, 20, 30
    const rules = [h(73, 0, 30), h(90, 0, 30), ...[0, 10, 20, 30].map((x) => v(x, 57, 90))];
    const [lattice] = findLattices(rules);
    expect(lattice?.ys).toEqual([57, 73, 90]);
    expect(lattice?.cells.filter((c) => c.row === 0)).toHaveLength(3);
  });

  it('closes an open bottom edge the same way', () => {
    const rules = [h(0, 0, 30), h(20, 0, 30), ...[0, 10, 20, 30].map((x) => v(x, 0, 35))];
    expect(findLattices(rules)[0]?.ys).toEqual([0, 20, 35]);
  });

  it('leaves a closed table alone, and does not close on one or two stray long rules', () => {
    const closed = [h(0, 0, 30), h(20, 0, 30), ...[0, 10, 20, 30].map((x) => v(x, 0, 20))];
    expect(findLattices(closed)[0]?.ys).toEqual([0, 20]);
    const stray = [h(10, 0, 30), h(20, 0, 30), v(0, 0, 20), v(10, 10, 20), v(20, 10, 20), v(30, 0, 20)];
    expect(findLattices(stray)[0]?.ys).toEqual([10, 20]);
  });
});
