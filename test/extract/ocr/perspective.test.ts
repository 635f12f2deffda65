/**
 * Perspective and lighting on generated images: a ruled grid photographed at a slant is found by its corners and
 * warped back square; a rotated grid (a flat scan) is left to deskew; uneven lighting is evened out and a
 * screenshot left alone; on a photo of the whole page on a desk (report text around the table, the desk's dark
 * grain, a pen across the page) the table is found, not the page or the desk. One real-OCR case: a committed
 * fixture made into a phone photo reads as printed.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreResult, type ExpectedFixture } from '../../../bench/ocr/score.ts';
import { photographed, photographedOnDesk } from '../../../demo/ocr-fixtures/photo.ts';
import { seededRandom } from '../../../demo/reports/generate-values.ts';
import { extractImageTables } from '../../../extract/ocr/extract-image-tables.ts';
import { flattenLighting } from '../../../extract/ocr/flatten-light.ts';
import type { GreyImage } from '../../../extract/ocr/grey-image.ts';
import { detectGrids } from '../../../extract/ocr/grid.ts';
import { applyHomography, homographyOf, warpGrey, type Quad } from '../../../extract/ocr/homography.ts';
import { correctPerspective, findKeystone } from '../../../extract/ocr/perspective.ts';
import { rotateGrey } from '../../../extract/ocr/deskew.ts';
import { prepareImage } from '../../../extract/ocr/prepare-image.ts';
import { TwoEngines } from '../../../extract/ocr/two-engines.ts';

/** A white page with a ruled grid of `rows` × `cols` cells (2 px rules) and a dot of "ink" in every cell. */
function gridPage(rows: number, cols: number): GreyImage {
  const [cw, ch, m] = [70, 30, 60];
  const width = cols * cw + 2 * m;
  const height = rows * ch + 2 * m;
  const data = new Uint8Array(width * height).fill(255);
  const dark = (x: number, y: number): void => {
    data[y * width + x] = 0;
  };
  for (let r = 0; r <= rows; r++) for (let x = m; x <= m + cols * cw + 1; x++) for (let t = 0; t < 2; t++) dark(x, m + r * ch + t);
  for (let c = 0; c <= cols; c++) for (let y = m; y <= m + rows * ch + 1; y++) for (let t = 0; t < 2; t++) dark(m + c * cw + t, y);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) for (let d = 0; d < 6; d++) dark(m + c * cw + 30 + d, m + r * ch + 14);
  return { width, height, data };
}

const pageQuad = (img: GreyImage): Quad => [
  { x: 0, y: 0 },
  { x: img.width, y: 0 },
  { x: img.width, y: img.height },
  { x: 0, y: img.height },
];

/** The page seen by a phone tilted so its top edge is further away (keystone), as a photo of the same size. */
function keystoned(img: GreyImage, inset: number): { photo: GreyImage; toPhoto: ReturnType<typeof homographyOf> } {
  const dst: Quad = [
    { x: inset, y: 10 },
    { x: img.width - inset, y: 0 },
    { x: img.width, y: img.height },
    { x: 0, y: img.height - 5 },
  ];
  const toPhoto = homographyOf(pageQuad(img), dst);
  const toSource = homographyOf(dst, pageQuad(img));
  return { photo: warpGrey(img, toSource!, img.width, img.height), toPhoto };
}

describe('homography', () => {
  it('maps four corners onto four corners, and its inverse maps them back', () => {
    const from: Quad = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 50 }, { x: 0, y: 50 }];
    const to: Quad = [{ x: 10, y: 5 }, { x: 90, y: 0 }, { x: 110, y: 60 }, { x: -5, y: 55 }];
    const h = homographyOf(from, to)!;
    const back = homographyOf(to, from)!;
    from.forEach((p, i) => {
      const q = applyHomography(h, p);
      expect(q.x).toBeCloseTo(to[i]!.x, 6);
      expect(q.y).toBeCloseTo(to[i]!.y, 6);
      const r = applyHomography(back, q);
      expect(r.x).toBeCloseTo(p.x, 6);
    });
    expect(homographyOf(from, [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 3 }])).toBeNull();
  });
});

describe('perspective correction', () => {
  it('finds a keystoned grid by its corners and warps it back to a grid of the same rows and columns', () => {
    const page = gridPage(8, 6);
    const upright = detectGrids(page);
    expect(upright).toHaveLength(1);
    const { photo, toPhoto } = keystoned(page, 40);
    // Warped, the rules are slanted: the grid is not found as printed.
    expect(detectGrids(photo).some((g) => g.rows === 8 && g.cols === 6)).toBe(false);
    const quad = findKeystone(photo)!;
    expect(quad).not.toBeNull();
    const corners: Quad = [{ x: 60, y: 60 }, { x: 60 + 6 * 70 + 1, y: 60 }, { x: 60 + 6 * 70 + 1, y: 60 + 8 * 30 + 1 }, { x: 60, y: 60 + 8 * 30 + 1 }];
    corners.forEach((c, i) => {
      const want = applyHomography(toPhoto!, c);
      expect(Math.hypot(quad[i]!.x - want.x, quad[i]!.y - want.y)).toBeLessThan(3);
    });
    const fixed = correctPerspective(photo);
    expect(fixed.quad).not.toBeNull();
    const grids = detectGrids(fixed.image);
    expect(grids.map((g) => [g.rows, g.cols])).toEqual([[8, 6]]);
  });

  it('leaves a rotated rectangle (a flat scan, deskew turns it) and an upright screenshot alone', async () => {
    const page = gridPage(8, 6);
    expect(findKeystone(page)).toBeNull();
    expect(findKeystone(await rotateGrey(page, 0.8))).toBeNull();
    expect(correctPerspective(page).image).toBe(page);
  });
});

describe('uneven lighting', () => {
  it('evens out paper falling to 65 % brightness in one corner, ink stays dark; a screenshot is untouched', () => {
    const page = gridPage(6, 5);
    const lit = { ...page, data: page.data.map((v, i) => Math.round(v * (1 - 0.35 * ((i % page.width) / page.width) * (Math.floor(i / page.width) / page.height)))) };
    const min = (xs: Uint8Array): number => xs.reduce((a, b) => Math.min(a, b), 255);
    const max = (xs: Uint8Array): number => xs.reduce((a, b) => Math.max(a, b), 0);
    expect(min(lit.data.filter((v) => v > 100))).toBeLessThan(180);
    const { image, flattened } = flattenLighting(lit);
    expect(flattened).toBe(true);
    const paper = image.data.filter((_, i) => page.data[i] === 255);
    expect(min(paper)).toBeGreaterThanOrEqual(225);
    expect(max(image.data.filter((_, i) => page.data[i] === 0))).toBeLessThan(60);
    expect(flattenLighting(page)).toEqual({ image: page, flattened: false });
  });
});

describe('a phone photo of a table, real engines', () => {
  let engine: TwoEngines;
  beforeAll(async () => {
    engine = await TwoEngines.create({ tesseract: { digitWorkers: 1, labelWorkers: 1 } });
  });
  afterAll(async () => {
    await engine?.terminate();
  });

  it('t2-2021-word photographed (twice its pixels, keystone, blur, shadow, JPEG) reads as printed, nothing wrong unflagged', async () => {
    const dir = new URL('../../fixtures/ocr/', import.meta.url);
    const expected = JSON.parse(await readFile(new URL('t2-2021-word.expected.json', dir), 'utf8')) as ExpectedFixture;
    // A phone photo has more pixels than a 1× screenshot: the page is seen at twice the size.
    const shot = await readFile(new URL(expected.file, dir));
    const { width } = await sharp(shot).metadata();
    const page = await sharp(shot).resize({ width: 2 * width!, kernel: 'lanczos3' }).png().toBuffer();
    const bytes = await photographed(page, seededRandom(7));
    const result = await extractImageTables([{ bytes, sourceId: 'photo.jpg' }], engine);
    expect(result.warnings.join('\n')).toMatch(/perspective corrected/);
    const score = scoreResult(result, expected);
    expect(score.wrongUnflagged).toBe(0);
    expect(score.right).toBe(score.cells);
  }, 60_000);

  it('finds the table, not the desk, the page or a pen, on a photo of the whole page on a desk', async () => {
    for (const [name, kind] of [['t4-2021-word.png', 't4'], ['t2-2019-word.png', 't2']] as const) {
      const png = await readFile(new URL(`../../fixtures/ocr/${name}`, import.meta.url));
      for (const seed of [1, 2, 3]) {
        const prepared = await prepareImage(await photographedOnDesk(png, seededRandom(seed)), `${name} on a desk, seed ${seed}`);
        expect(prepared.perspective, `${name} seed ${seed}`).not.toBeNull();
        expect(prepared.layouts.map((l) => l.kind), `${name} seed ${seed}`).toEqual([kind]);
      }
    }
  });
});
