/**
 * End to end with the real tesseract.js engine on committed fixture images (no mocks). One engine for the file.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreResult, type ExpectedFixture } from '../../../bench/ocr/score.ts';
import { extractImageTables, type ImageInput } from '../../../extract/ocr/extract-image-tables.ts';
import type { OcrCrop, OcrEngine } from '../../../extract/ocr/engine.ts';
import { TesseractJsEngine } from '../../../extract/ocr/tesseract-js-engine.ts';

const dir = new URL('../../fixtures/ocr/', import.meta.url);
async function load(name: string): Promise<{ input: ImageInput; expected: ExpectedFixture }> {
  const expected = JSON.parse(await readFile(new URL(`${name}.expected.json`, dir), 'utf8')) as ExpectedFixture;
  return { input: { bytes: await readFile(new URL(expected.file, dir)), sourceId: expected.file }, expected };
}

let engine: TesseractJsEngine;
beforeAll(async () => {
  engine = await TesseractJsEngine.create({ digitWorkers: 2, labelWorkers: 1 });
});
afterAll(async () => {
  await engine?.terminate();
});

describe('extractImageTables (tesseract.js, real images)', () => {
  it.each(['t3-2021-word', 't3-2019-phone', 't2-2019-scan', 't4-2021-word-bmp'])('reads %s: no wrong value left unflagged', async (name) => {
    const { input, expected } = await load(name);
    const result = await extractImageTables([input], engine, expected.tables.includes('t4') ? { template: expected.template } : {});
    const score = scoreResult(result, expected);
    expect(result.errors).toEqual([]);
    expect(result.template).toBe(expected.template);
    expect(score.wrongUnflagged).toBe(0);
    expect(score.right / score.cells).toBeGreaterThanOrEqual(0.98);
    const detail = result.cellDetails[0]!;
    expect(detail).toMatchObject({ method: 'ocr', sourceId: expected.file, engine: 'tesseract.js' });
    expect(detail.imageDigest).toMatch(/^[0-9a-f]{64}$/);
    if (expected.tables.includes('t3')) expect(result.checks.length).toBeGreaterThan(0);
  });

  it('keeps a printed typo as printed, with the failing checks and the cell flagged', async () => {
    const { input, expected } = await load('t3-2021-word-typo');
    const result = await extractImageTables([input], engine);
    const key = 't3.unable.not_held.natural';
    const cell = result.cellDetails.find((d) => d.key === key)!;
    expect(cell.value).toBe(expected.cells[key]);
    expect(cell.repaired).toBe(false);
    expect(cell.flagged).toBe(true);
    expect(result.needsReview).toBe(true);
    const failing = result.checks.filter((c) => !c.ok).map((c) => c.id);
    expect(failing).toEqual(expect.arrayContaining(['t3.results.natural', 't3.row.unable.not_held']));
  });

  it('joins a table split over two images and checks it whole; bad images become typed errors', async () => {
    const part1 = await load('t3-2021-word-part1');
    const part2 = await load('t3-2021-word-part2');
    const blank = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } }).png().toBuffer();
    const result = await extractImageTables(
      [part1.input, { bytes: Buffer.concat([Buffer.from('GIF89a'), Buffer.from([64, 0, 64, 0]), Buffer.from('broken')]), sourceId: 'broken.gif' }, part2.input, { bytes: blank, sourceId: 'blank.png' }],
      engine,
    );
    expect(result.errors.map((e) => [e.sourceId, e.code])).toEqual([
      ['broken.gif', 'E_IMAGE_DECODE'],
      ['blank.png', 'E_OCR_NO_TABLE'],
    ]);
    const expected = { ...part1.expected.cells, ...part2.expected.cells };
    const wrong = Object.entries(expected).filter(([k, v]) => result.cells[k] !== v);
    const flagged = new Set(result.cellDetails.filter((d) => d.flagged).map((d) => d.key));
    expect(wrong.filter(([k]) => !flagged.has(k))).toEqual([]);
    expect(result.checks.some((c) => c.id === 't3.balance.total')).toBe(true);
    expect(result.needsReview).toBe(true);
  });

  it('reads only anchor labels of a table 3 with a template\'s exact shape, and all of them when the anchors do not match', async () => {
    const { input, expected } = await load('t3-2019-phone');
    const batches: number[] = [];
    const counting = (garble: boolean): OcrEngine => ({
      get info() {
        return engine.info;
      },
      readDigits: (crops: readonly OcrCrop[]) => engine.readDigits(crops),
      readLabels: async (crops: readonly OcrCrop[]) => {
        batches.push(crops.length);
        const readings = await engine.readLabels(crops);
        return garble && batches.length === 1 ? readings.map((r) => ({ ...r, text: '口口口' })) : readings;
      },
      terminate: async () => {},
    });
    const anchored = await extractImageTables([input], counting(false));
    expect(batches).toEqual([6]);
    expect(anchored.template).toBe('2019');
    expect(scoreResult(anchored, expected).wrongUnflagged).toBe(0);
    batches.length = 0;
    const doubted = await extractImageTables([input], counting(true));
    expect(batches).toEqual([6, 23 - 6]);
    expect(doubted.cellDetails.filter((d) => d.key.startsWith('t3.')).length).toBe(23 * 7);
  });
});
