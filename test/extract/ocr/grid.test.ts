import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../extract/ocr/decode.ts';
import { deskew, estimateSkew, rotateGrey } from '../../../extract/ocr/deskew.ts';
import { detectGrids, rowSignature } from '../../../extract/ocr/grid.ts';
import { layoutOf } from '../../../extract/ocr/layout.ts';

const fixture = (name: string): Promise<Buffer> => readFile(new URL(`../../fixtures/ocr/${name}`, import.meta.url));

describe('grid detection', () => {
  it('finds the merged structure of table 3 (2021) in a Word screenshot', async () => {
    const img = await decodeImage(await fixture('t3-2021-word.png'), 't3');
    const grids = detectGrids(img);
    expect(grids).toHaveLength(1);
    const grid = grids[0]!;
    expect([grid.rows, grid.cols]).toEqual([28, 10]);
    // 3 header rows, then body rows: 一/二 (label spans 3 columns) → 8 cells, grouped rows → 9–10 cells.
    expect(rowSignature(grid).slice(0, 6)).toEqual([2, 4, 8, 8, 8, 9]);
    const layout = layoutOf(grid);
    expect(layout?.kind).toBe('t3');
    expect(layout?.rows).toHaveLength(25);
  });

  it('splits two tables in one image and recognises tables 2 and 4', async () => {
    const img = await decodeImage(await fixture('t2t4-2021-phone.jpg'), 't2t4');
    const layouts = detectGrids(img).map(layoutOf);
    expect(layouts.map((l) => l?.kind)).toEqual(['t2', 't4']);
    expect(layouts[1]!.rows[0]!.values).toHaveLength(15);
  });

  it('estimates and removes a small rotation', async () => {
    const img = await decodeImage(await fixture('t4-2021-word.png'), 't4');
    const rotated = await rotateGrey(img, -0.8);
    // Rotating by -0.8° leaves lines falling by +0.8° in estimateSkew's convention.
    expect(estimateSkew(rotated)).toBeCloseTo(0.8, 1);
    const straight = await deskew(rotated);
    expect(Math.abs(straight.angle)).toBeGreaterThan(0.6);
    expect(detectGrids(straight.image).map((g) => [g.rows, g.cols])).toEqual([[4, 15]]);
  });
});
