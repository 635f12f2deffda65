/**
 * Orientation: quarter turns are exact, label fit tells upright labels from turned ones, the turns are tried in
 * order; and, with the real engines, a table image turned 90° and one turned 180° come out as the upright one.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreResult, type ExpectedFixture } from '../../../bench/ocr/score.ts';
import { extractImageTables } from '../../../extract/ocr/extract-image-tables.ts';
import type { GreyImage } from '../../../extract/ocr/grey-image.ts';
import type { TableLayout } from '../../../extract/ocr/layout.ts';
import type { LabelledLayout } from '../../../extract/ocr/map-tables.ts';
import { ACCEPT_FIT, findOrientation, labelFit, rotateQuarter, type Quarter } from '../../../extract/ocr/orientation.ts';
import { TwoEngines } from '../../../extract/ocr/two-engines.ts';

function pattern(width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37 + (i % width) * 11) % 256;
  return { width, height, data };
}

const layoutOfKind = (kind: TableLayout['kind']): TableLayout => ({ kind }) as unknown as TableLayout;
const labelled = (kind: TableLayout['kind'], labels: string[], header: string | null = null): LabelledLayout => ({ layout: layoutOfKind(kind), labels, header });

describe('quarter turns', () => {
  it('are exact: 90° swaps the sides and moves the top-left pixel to the top right, four turns give the image back', () => {
    const img = pattern(7, 3);
    const r90 = rotateQuarter(img, 90);
    expect([r90.width, r90.height]).toEqual([3, 7]);
    expect(r90.data[2]).toBe(img.data[0]);
    expect(rotateQuarter(rotateQuarter(img, 90), 270)).toEqual(img);
    expect(rotateQuarter(rotateQuarter(img, 90), 90)).toEqual(rotateQuarter(img, 180));
    let back = img;
    for (let i = 0; i < 4; i++) back = rotateQuarter(back, 90);
    expect(back).toEqual(img);
  });
});

describe('label fit', () => {
  it('is high for labels read upright (shortened, with guidance or OCR slips) and low for what a turned image reads', () => {
    const upright = [
      labelled('t2', ['信息内容', '规章(设区的市、自治州人民政府应提供相关数据)', '规范性文件', '行政许可', '行政处罚', '行政事业性收费']),
      labelled('t3', ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '(一)予以公开', '4.保护第三方合法权']),
      labelled('t4', [''], '行政复议'),
    ];
    expect(labelFit(upright)).toBeGreaterThanOrEqual(0.8);
    const turned = [labelled('t2', ['2', '8I', '士洲', '', '0E']), labelled('t3', ['廿', '≡号']), labelled('t4', [''], '2')];
    expect(labelFit(turned)).toBeLessThan(0.2);
    expect(labelFit([])).toBe(0);
  });
});

describe('findOrientation', () => {
  it('tries upright, 180°, 90°, 270° and stops at the first turn whose labels fit', async () => {
    const tried: Quarter[] = [];
    const fits: Record<Quarter, number | null> = { 0: 0.1, 180: null, 90: 0.9, 270: 0.95 };
    const found = await findOrientation(async (q) => {
      tried.push(q);
      return fits[q] === null ? null : { value: q, fit: fits[q]! };
    });
    expect(tried).toEqual([0, 180, 90]);
    expect(found).toMatchObject({ quarter: 90, value: 90 });
  });

  it('keeps the best turn when none fits, and returns null when no turn shows a table', async () => {
    const best = await findOrientation(async (q) => ({ value: q, fit: q === 270 ? ACCEPT_FIT - 0.1 : 0.05 }));
    expect(best?.quarter).toBe(270);
    expect(await findOrientation(async () => null)).toBeNull();
  });
});

describe('turned table images, real engines', () => {
  let engine: TwoEngines;
  beforeAll(async () => {
    engine = await TwoEngines.create({ tesseract: { digitWorkers: 1, labelWorkers: 1 } });
  });
  afterAll(async () => {
    await engine?.terminate();
  });

  const dir = new URL('../../fixtures/ocr/', import.meta.url);
  for (const [name, quarter] of [['t2-2019-scan', 180], ['t4-2021-word', 90]] as const) {
    it(`${name} turned ${quarter}° comes out as printed, nothing wrong unflagged`, async () => {
      const expected = JSON.parse(await readFile(new URL(`${name}.expected.json`, dir), 'utf8')) as ExpectedFixture;
      const upright = await readFile(new URL(expected.file, dir));
      // The image is turned the other way; the pipeline must find the turn back.
      const bytes = await sharp(upright).rotate(360 - quarter).png().toBuffer();
      const result = await extractImageTables([{ bytes, sourceId: `${name}-turned.png` }], engine, expected.tables.includes('t4') ? { template: expected.template } : {});
      expect(result.errors).toEqual([]);
      expect(result.warnings.join('\n')).toContain(`turned ${quarter}°`);
      const score = scoreResult(result, expected);
      expect(score.wrongUnflagged).toBe(0);
      expect(score.right).toBe(score.cells);
    }, 60_000);
  }
});
