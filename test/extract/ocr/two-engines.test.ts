/**
 * Two real engines on committed fixture images: tesseract.js and PP-OCR read every number; the checks settle
 * disagreements in tables 3 and 4, table 2 (no checks) is flagged wherever they differ.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreResult, type ExpectedFixture } from '../../../bench/ocr/score.ts';
import { extractImageTables, type ImageInput } from '../../../extract/ocr/extract-image-tables.ts';
import { PaddleRecEngine } from '../../../extract/ocr/paddle-rec-engine.ts';
import { TesseractJsEngine } from '../../../extract/ocr/tesseract-js-engine.ts';

const dir = new URL('../../fixtures/ocr/', import.meta.url);
async function load(name: string): Promise<{ input: ImageInput; expected: ExpectedFixture }> {
  const expected = JSON.parse(await readFile(new URL(`${name}.expected.json`, dir), 'utf8')) as ExpectedFixture;
  return { input: { bytes: await readFile(new URL(expected.file, dir)), sourceId: expected.file }, expected };
}

let tjs: TesseractJsEngine;
let pp: PaddleRecEngine;
beforeAll(async () => {
  [tjs, pp] = await Promise.all([TesseractJsEngine.create({ digitWorkers: 2, labelWorkers: 1 }), PaddleRecEngine.create()]);
});
afterAll(async () => {
  await Promise.all([tjs?.terminate(), pp?.terminate()]);
});

describe('two engines per number (tesseract.js and PP-OCR)', () => {
  it('tesseract.js misreads a table-3 cell (6 as 8): the checks pick the one reading that fits, unflagged', async () => {
    const { input, expected } = await load('t3-2021-word-typo');
    const key = 't3.new.other_org';
    const both = await extractImageTables([input], pp, { second: tjs });
    const cell = both.cellDetails.find((d) => d.key === key)!;
    expect(expected.cells[key]).toBe(6);
    expect(cell.readings.map((r) => [r.engine, r.value])).toEqual([['pp-ocr', 6], ['tesseract.js', 8]]);
    expect(cell).toMatchObject({ value: 6, flagged: false });
    expect(cell.flags.join(' ')).toContain('engines disagree');
    // The printed typo stays as printed and flagged: no engine read another value, so nothing is "repaired".
    const typo = both.cellDetails.find((d) => d.key === 't3.unable.not_held.natural')!;
    expect(typo).toMatchObject({ value: expected.cells['t3.unable.not_held.natural'], repaired: false, flagged: true });
    expect(scoreResult(both, expected).wrongUnflagged).toBe(0);
  });

  it('table 2: a cell the engines read differently is flagged, with both readings kept', async () => {
    const { input, expected } = await load('t2-2021-phone');
    const result = await extractImageTables([input], pp, { second: tjs });
    const score = scoreResult(result, expected);
    expect(score.wrongUnflagged).toBe(0);
    const t2 = result.cellDetails.filter((d) => d.key.startsWith('t2.') && d.readings.length === 2);
    expect(t2.length).toBeGreaterThan(0);
    // tesseract.js reads the printed 37 as 31: PP-OCR's 37 is kept, flagged, both readings in provenance.
    const penalty = result.cellDetails.find((d) => d.key === 't2.penalty.decisions')!;
    expect(expected.cells['t2.penalty.decisions']).toBe(37);
    expect(penalty).toMatchObject({ value: 37, flagged: true, repaired: false });
    expect(penalty.readings.map((r) => [r.engine, r.value])).toEqual([['pp-ocr', 37], ['tesseract.js', 31]]);
    for (const d of t2) {
      const [a, b] = d.readings;
      const agree = a!.value !== null && a!.value === b!.value && a!.confidence >= 0.5 && b!.confidence >= 0.75;
      expect(d.flagged).toBe(!agree);
      if (!agree) expect(d.flags.join(' ')).toMatch(/pp-ocr .*tesseract\.js/);
    }
  });
});
