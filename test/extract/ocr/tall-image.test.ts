/**
 * One tall screenshot holding tables 2, 3 and 4 (a whole section pasted as one image), read as a crawl reads a report
 * body (`withImageTables`) with the default engines (PP-OCR + tesseract.js): every table found in the one image, the
 * template decided from all of them together (labels beat the page's guess), every printed cell right or flagged.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedFixture } from '../../../bench/ocr/score.ts';
import { withImageTables } from '../../../extract/documents/image-tables.ts';
import { TwoEngines } from '../../../extract/ocr/two-engines.ts';
import type { ExtractedReport } from '../../../extract/types.ts';

const dir = new URL('../../fixtures/ocr/', import.meta.url);

let engine: TwoEngines;
beforeAll(async () => {
  engine = await TwoEngines.create();
});
afterAll(async () => {
  await engine?.terminate();
});

describe('a tall image with tables 2, 3 and 4', () => {
  it('comes out whole, in the template its tables show', async () => {
    const expected = JSON.parse(await readFile(new URL('t2t3t4-2019-word.expected.json', dir), 'utf8')) as ExpectedFixture;
    const url = 'https://example.gov.cn/section.png';
    // The page guessed 2021 (e.g. from its year); the three tables print the 2019 form.
    const page: ExtractedReport = {
      title: '2019年政府信息公开工作年度报告', agency: null, year: 2019, publishedAt: null, publishedAtRaw: null, template: '2021',
      cells: {}, cellDetails: [], checks: [], sections: [], text: '', files: [], missingTables: ['t2', 't3', 't4'], warnings: [], extractorVersion: 'test',
    };
    const result = await withImageTables(page, [{ bytes: await readFile(new URL(expected.file, dir)), origin: url, url }], { source: url, ocr: async () => engine });
    expect(result.template).toBe('2019');
    expect(result.missingTables).toEqual([]);
    const byKey = new Map(result.cellDetails.map((c) => [c.key, c]));
    expect(Object.keys(expected.cells).filter((k) => !byKey.has(k))).toEqual([]);
    const wrong = Object.entries(expected.cells).filter(([k, v]) => result.cells[k] !== v);
    // withImageTables names every flagged cell in a warning.
    const flagged = (key: string): boolean => result.warnings.some((w) => w.startsWith(`ocr: cell ${key} needs review`));
    expect(wrong.filter(([k]) => !flagged(k))).toEqual([]);
    expect(wrong).toEqual([]);
    expect(result.checks.filter((c) => c.id.startsWith('t3.') || c.id.startsWith('t4.')).length).toBeGreaterThan(0);
  });
});
