/**
 * A 2021 report whose table 2 is a screenshot and whose table 3 is HTML printing （六）其他处理 as one row: OCR fills
 * table 2 (real tesseract.js), and the page's 23-row table 3 keeps its own keys (t3.other.*) through the merge.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { withImageTables } from '../../../extract/documents/image-tables.ts';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { T2_KEYS, templateKeys } from '../../../extract/template/keys.ts';
import { TesseractJsEngine } from '../../../extract/ocr/tesseract-js-engine.ts';
import { lazyOcrEngine } from '../../../jobs/extract/lazy-ocr-engine.ts';
import { t3Table, t4Table } from '../template/fixtures.ts';

const ocr = lazyOcrEngine(() => TesseractJsEngine.create({ digitWorkers: 1, labelWorkers: 1 }));
afterAll(() => ocr.terminate());

describe('table 3 form through the OCR merge', () => {
  it('keeps t3.other.* of a 23-row table 3 when table 2 comes from its image', async () => {
    const spec = demoReport('yanzhou-xiaomeng-2023');
    const image = 'http://www.yanzhou.gov.cn/picture/0/t2.png';
    const html = `<h1>${spec.title}</h1><div id="zoom"><p>本报告按照（国办公开办函〔2021〕30号）要求编制。</p><p>一、总体情况</p><p>…</p>
      <p>二、主动公开政府信息情况</p><p><img src="${image}"></p>
      <p>三、收到和处理政府信息公开申请情况</p>${t3Table({ form: '2019', values: { other: ['2', '0', '0', '0', '0', '0', '2'] } })}
      <p>四、政府信息公开行政复议、行政诉讼情况</p>${t4Table(Array(15).fill('0'))}</div>`;
    const page = extractHtmlReport(html, 'http://www.yanzhou.gov.cn/art/2024/1/17/art_1_2.html');
    expect(page.missingTables).toEqual(['t2']);
    const bytes = readFileSync('demo/reports/images/yanzhou-xiaomeng-2023-t2.png');
    const report = await withImageTables(page, [{ bytes, origin: image, url: image }], { source: image, ocr: ocr.get });
    expect(report.template).toBe('2021');
    expect(report.missingTables).toEqual([]);
    expect(Object.keys(report.cells).sort()).toEqual(templateKeys('2021', '23-row').sort());
    expect(report.cells['t3.other.natural']).toBe(2);
    expect(report.checks.map((c) => c.id)).toContain('t3.row.other');
    for (const key of T2_KEYS['2021']) expect(report.cells[key], key).toBe(spec.cells[key] ?? null);
  }, 120_000);
});
