/**
 * Table 3's form in a screenshot (issue 9 item 4, images): a 2021 report's table 3 printing （六）其他处理 as one row
 * (23 rows), screenshotted by Chromium and read by the real OCR pipeline, lands on t3.other.*, not on the 25-row keys.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { screenshotTables, withBrowser } from '../../../demo/document-fixtures/chromium.ts';
import { extractImageTables } from '../../../extract/ocr/extract-image-tables.ts';
import { TesseractJsEngine } from '../../../extract/ocr/tesseract-js-engine.ts';
import { T3_COLUMNS } from '../../../extract/template/keys.ts';
import { lazyOcrEngine } from '../../../jobs/extract/lazy-ocr-engine.ts';
import { t3Table } from './fixtures.ts';

const ocr = lazyOcrEngine(() => TesseractJsEngine.create({ digitWorkers: 1, labelWorkers: 1 }));
afterAll(() => ocr.terminate());

const VALUES = {
  new: ['3', '1', '0', '0', '0', '0', '4'],
  disclosed: ['1', '0', '0', '0', '0', '0', '1'],
  other: ['2', '1', '0', '0', '0', '0', '3'],
  total: ['3', '1', '0', '0', '0', '0', '4'],
};

describe('table 3 form in an image', () => {
  it('a 23-row table 3 in a 2021 report: values on t3.other.*, checks over 23 rows', async () => {
    const html = `<html><body style="font-family:'Noto Sans CJK SC',sans-serif"><div class="t" style="display:inline-block;padding:8px;background:#fff">${t3Table({ form: '2019', values: VALUES }).replace('<table class=MsoNormalTable>', '<table style="border-collapse:collapse">')}</div></body></html>`;
    const [png] = await withBrowser((browser) => screenshotTables(browser, html, 1.5));
    const result = await extractImageTables([{ bytes: png!, sourceId: 't3.png' }], await ocr.get(), { template: '2021' });
    expect(result.tables.map((t) => t.kind)).toEqual(['t3']);
    expect(result.template).toBe('2021');
    for (const [row, values] of Object.entries(VALUES)) {
      values.forEach((v, c) => expect(result.cells[`t3.${row}.${T3_COLUMNS[c]}`], `${row}/${c}`).toBe(Number(v)));
    }
    expect(Object.keys(result.cells).filter((k) => k.startsWith('t3.other.no_'))).toEqual([]);
    expect(result.checks.map((c) => c.id)).toContain('t3.row.other');
  }, 180_000);
});
