import { describe, expect, it } from 'vitest';
import { findLattices } from '../../../../extract/documents/pdf/lattice.ts';
import type { Rule } from '../../../../extract/documents/pdf/page-content.ts';

const h = (at: number, a: number, b: number): Rule => ({ horizontal: true, at, a, b });
const v = (at: number, a: number, b: number): Rule => ({ horizontal: false, at, a, b });

describe('findLattices', () => {
  it('turns ruling lines into spanning cells: a header over two columns, a label over two rows', () => {
    // ┌───────────┐ y=0
    // │   header  │
    // ├──┬────────┤ y=10
    // │  │   a    │
    // │L ├────────┤ y=20
    // │  │   b    │
    // └──┴────────┘ y=30   x = 0, 10, 40
    const rules = [h(0, 0, 40), h(10, 0, 40), h(20, 10, 40), h(30, 0, 40), v(0, 0, 30), v(10, 10, 30), v(40, 0, 30)];
    const [lattice] = findLattices(rules);
    expect(lattice?.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 2],
      [1, 0, 2, 1],
      [1, 1, 1, 1],
      [2, 1, 1, 1],
    ]);
  });

  it('keeps separate tables apart and ignores lone lines', () => {
    const box = (y: number): Rule[] => [h(y, 0, 20), h(y + 10, 0, 20), h(y + 20, 0, 20), v(0, y, y + 20), v(10, y, y + 20), v(20, y, y + 20)];
    const lattices = findLattices([...box(0), ...box(100), h(300, 0, 500)]);
    expect(lattices).toHaveLength(2);
    expect(lattices.map((l) => l.y0)).toEqual([0, 100]);
  });
});
