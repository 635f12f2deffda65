/**
 * A crawled report page whose table 3 was pasted as three screenshots (page breaks in the middle of the table): the
 * page and its images are captures in a real SQLite archive, extracted as a crawl extracts them
 * (archiveReportFromCapture → withBodyImageTables), with the real tesseract.js engine. The table comes out whole and
 * each cell points at the capture of the image it was read from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportPage, type SiteIdentity } from '../../../demo/portal/page-shells.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { TesseractJsEngine } from '../../../extract/ocr/tesseract-js-engine.ts';
import { archiveReportFromCapture } from '../../../jobs/extract/archive-report.ts';
import { insertCapture } from '../../../store/captures.ts';
import { getReport } from '../../../store/reports.ts';
import { cutAtRows } from '../../extract/ocr/cut-rows.ts';
import { exchange, seededArchive, tempDir } from '../../store/helpers.ts';

const BASE = 'http://www.yanzhou.gov.cn';
const PAGE = `${BASE}/art/2024/1/20/art_1_3.html`;
const SITE: SiteIdentity = { siteName: '中国·兖州', printedHost: 'www.yanzhou.gov.cn', sponsor: '济宁市兖州区人民政府办公室', webId: 1 };
const FIXTURES = path.resolve('test/fixtures/ocr');

let engine: TesseractJsEngine;
beforeAll(async () => {
  engine = await TesseractJsEngine.create({ digitWorkers: 2, labelWorkers: 1 });
});
afterAll(async () => {
  await engine?.terminate();
});

describe('withBodyImageTables in a crawl', () => {
  it('joins a table 3 pasted as three consecutive images of the body', async () => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 't3-2021-word.expected.json'), 'utf8')) as { cells: Record<string, number | null> };
    const parts = await cutAtRows(readFileSync(path.join(FIXTURES, 't3-2021-word.png')), [4, 15]);
    const urls = parts.map((_, i) => `${BASE}/picture/0/t3-part${i + 1}.png`);
    const spec = demoReport('yanzhou-xinfang-2023');
    const body = `<p>三、收到和处理政府信息公开申请情况</p>\n${urls.map((u) => `<p><img src="${new URL(u).pathname}"></p>`).join('\n<p>（接下页）</p>\n')}`;
    const html = annualReportPage(SITE, { title: spec.title, publishedAt: spec.publishedAt, bodyHtml: body });
    const { db, runId, portalId } = seededArchive(tempDir().file('a.sqlite'));
    const pageId = insertCapture(db, { runId, portalId, requestedUrl: PAGE, finalUrl: PAGE, purpose: 'report', charset: 'utf-8', exchange: exchange({ url: PAGE, body: Buffer.from(html, 'utf8') }) });
    const imageIds = parts.map((bytes, i) =>
      insertCapture(db, {
        runId, portalId, requestedUrl: urls[i]!, finalUrl: urls[i]!, purpose: 'attachment', charset: null,
        exchange: exchange({ url: urls[i]!, body: bytes, headers: { 'content-type': 'image/png' } }),
      }),
    );
    const archived = await archiveReportFromCapture(db, pageId, { portalId }, { ocr: async () => engine });
    const report = getReport(db, archived.reportId)!;
    expect(report.template).toBe('2021');
    expect(report.missingTables).toEqual(['t2', 't4']);
    const byKey = new Map(report.cells.map((c) => [c.key, c]));
    const t3 = Object.entries(expected.cells).filter(([k]) => k.startsWith('t3.'));
    expect(t3.filter(([k, v]) => byKey.get(k)?.value !== v)).toEqual([]);
    expect(byKey.get('t3.new.total')!.sourceCaptureId).toBe(imageIds[0]);
    expect(byKey.get('t3.withheld.secret.total')!.sourceCaptureId).toBe(imageIds[1]);
    expect(byKey.get('t3.carried_out.total')!.sourceCaptureId).toBe(imageIds[2]);
    expect(report.warnings.some((w) => w.includes('continued over 3 images'))).toBe(true);
  });
});
