/**
 * The page in a real browser (Debian's Chromium through playwright-core), on the archive `nianbao demo` leaves (two
 * crawls and the watch): the grid coloured by status with its legend, sorting and never-published filter, CSV and
 * XLSX downloads, a report whose numbers were read from an image (the crop shows), a report's failing checks as
 * formulas, search with a 2-character query, comparison charts, and a hostile archived page that must run nothing
 * and fetch nothing. Screenshots and downloads go to test-artifacts/serve/.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../common/csv.ts';
import { statusesAsOf, todayInChina } from '../../jobs/watch/statuses-today.ts';
import { startServer, type RunningServer } from '../../serve/server.ts';
import { openArchive } from '../../store/open-archive.ts';
import { buildServeArchive, type ServeArchive } from './serve-archive.ts';

const ARTIFACTS = path.resolve('test-artifacts/serve');
/**
 * IsolateSandboxedIframes off: Chromium would load each sandboxed frame in a process of its own, and the driver then
 * now and then misses a frame's navigation (the frame seems stuck on its previous page; puppeteer disables the
 * feature for the same flakiness, puppeteer/puppeteer#12381). The sandbox itself is unchanged.
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-features=IsolateSandboxedIframes'];

describe('nianbao serve in Chromium', () => {
  let archive: ServeArchive;
  let db: Database;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleMessages: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    archive = await buildServeArchive({ demo: true });
    db = openArchive(archive.file, 'serve');
    // As `nianbao serve` runs it: the grid's statuses computed as of today.
    server = await startServer({ db, port: 0, statuses: { asOf: () => todayInChina(), statuses: statusesAsOf } });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Anything not addressed to our server is recorded and refused: nothing may leave the page.
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on('request', (r: Request) => requests.push(r.url()));
    page.on('console', (m) => consoleMessages.push(m.text()));
    page.on('pageerror', (e) => consoleMessages.push(`pageerror: ${e.message}`));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
  });

  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });

  it('colours the grid by status right after the demo crawls and watch: counts in a one-line legend, sorting, never published', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('table.grid tbody tr').first().waitFor();
    const count = async (status: string): Promise<number> => Number(await page.locator(`.legend-item[data-status="${status}"] .count`).textContent());
    // The demo's story (demo/reports/history.ts): three late reports, one withdrawn, one revised, and missing years.
    expect(await count('late')).toBe(3);
    expect(await count('removed')).toBe(1);
    expect(await count('changed')).toBe(1);
    expect(await count('missing')).toBeGreaterThanOrEqual(10);
    expect(await count('on_time')).toBeGreaterThan(40);
    const legend = await page.locator('.legend').boundingBox();
    const item = await page.locator('.legend-item').first().boundingBox();
    expect(legend!.height).toBeLessThan(item!.height * 1.6); // one line
    const slot = (body: string, year: number) => page.locator('table.grid tbody tr').filter({ has: page.locator('th.body-name', { hasText: body }) }).locator(`td.slot[data-year="${year}"]`);
    expect(await slot('济宁市兖州区财政局', 2023).getAttribute('data-status')).toBe('removed');
    expect(await slot('济宁市兖州区信访局', 2024).getAttribute('data-status')).toBe('changed');
    expect(await slot('济宁市兖州区教育和体育局', 2023).getAttribute('data-status')).toBe('late');
    expect(await slot('济宁市兖州区教育和体育局', 2023).textContent()).toContain('+20天');
    expect(await slot('济宁市兖州区审计局', 2023).getAttribute('data-status')).toBe('missing');
    expect(await slot('济宁市兖州区审计局', 2023).locator('a.evidence').getAttribute('href')).toMatch(/^#\/capture\/\d+$/);
    expect(await page.locator('td.slot .slot-link.failing').count()).toBeGreaterThanOrEqual(1);
    await shot('grid');
    // Sort by missing years, most first (two clicks): the body that never published heads the list.
    await page.click('a.sort[data-sort="missing"]');
    await page.waitForURL(/sort=missing/);
    await page.click('a.sort[data-sort="missing"]');
    await page.waitForURL(/desc=1/);
    await page.locator('table.grid tbody tr').first().waitFor();
    expect(await page.locator('table.grid tbody tr th.body-name').first().textContent()).toContain('济宁市兖州区审计局');
    await page.check('input[name=published]');
    await page.waitForURL(/published=never/);
    await expect.poll(() => page.locator('table.grid tbody tr th.body-name').allTextContents()).toEqual(['济宁市兖州区审计局yanzhou-demo']);
    await shot('grid-never-published');
    await page.goto(`${server.url}/#/?kind=${encodeURIComponent('乡镇街道')}`);
    await page.locator('table.grid tbody tr').first().waitFor();
    const kinds = await page.locator('table.grid tbody tr td:nth-child(2)').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['乡镇街道']));
  });

  it('downloads the grid as CSV (UTF-8 with BOM, Chinese labels) and as XLSX', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('table.grid tbody tr').first().waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a.download-csv')]);
    expect(csv.suggestedFilename()).toMatch(/^nianbao-grid-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvFile = path.join(ARTIFACTS, csv.suggestedFilename());
    await csv.saveAs(csvFile);
    const bytes = readFileSync(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    expect(header!.slice(0, 3)).toEqual(['机构', '门户', '类型']);
    const caizheng = rows.find((r) => r[0] === '济宁市兖州区财政局')!;
    expect(caizheng[header!.indexOf('2023')]).toMatch(/^已撤下 #\d+$/);
    expect(rows.find((r) => r[0] === '济宁市兖州区审计局')![header!.indexOf('2023')]).toBe('缺失');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('a.download-xlsx')]);
    const xlsxFile = path.join(ARTIFACTS, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxFile);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    expect(book.worksheets.map((w) => w.name)).toEqual(['机构×年度', '明细']);
    expect(book.worksheets[0]!.getCell('A1').value).toBe('机构');
    expect(book.worksheets[0]!.rowCount).toBe(rows.length + 1);
    copyFileSync(csvFile, path.join(ARTIFACTS, 'grid-download.csv'));
  });

  it('shows where an OCR number came from: the crop of the archived image, its confidence and repair', async () => {
    await page.goto(`${server.url}/#/report/${archive.ocrReportId}`);
    await page.locator('button.value[data-key="t3.new.total"]').click();
    const crop = page.locator('.source-panel img.crop-image');
    await crop.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.source-panel img.crop-image');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    expect(await crop.getAttribute('src')).toMatch(new RegExp(`^/archive/captures/${archive.imageCaptureId}/crop\\?x=`));
    const panel = await page.locator('.source-panel').textContent();
    expect(panel).toContain('0.87');
    expect(panel).toContain('7→6');
    expect(page.url()).toContain('cell=t3.new.total');
    // The whole table image too, the cell boxed, so its row and column labels are in view.
    await page.locator('.whole-image .box[data-placed="true"]').waitFor();
    const image = await page.locator('.whole-image img').boundingBox();
    const box = await page.locator('.whole-image .box').boundingBox();
    expect(box!.width).toBeGreaterThan(0);
    expect(box!.x).toBeGreaterThanOrEqual(image!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(image!.x + image!.width + 1);
    await shot('report-ocr-crop');
    // The box given as JSON with the image URL resolves to the same capture.
    await page.locator('button.value[data-key="t3.disclosed.total"]').click();
    await expect.poll(() => page.locator('.source-panel img.crop-image').getAttribute('src')).toContain(`/archive/captures/${archive.imageCaptureId}/crop?x=100&y=60&w=60&h=20`);
  });

  it('shows a number read from a PDF attachment on its rendered page, the cell boxed, with the file under its name', async () => {
    const cell = db
      .prepare("SELECT report_id AS reportId, key, raw, source_capture_id AS captureId FROM cells WHERE method = 'pdf-text' AND location LIKE 'page[%' AND raw GLOB '[1-9]*' ORDER BY report_id, key LIMIT 1")
      .get() as { reportId: number; key: string; raw: string; captureId: number };
    await page.goto(`${server.url}/#/report/${cell.reportId}`);
    await page.locator(`button.value[data-key="${cell.key}"]`).click();
    const figure = page.locator('.source-panel .pdf-page');
    await figure.locator('.box[data-placed="true"]').waitFor({ timeout: 30_000 });
    const img = figure.locator('img.page-image');
    expect(await img.getAttribute('src')).toMatch(new RegExp(`^/archive/captures/${cell.captureId}/pages/\\d+\\.png$`));
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalHeight)).toBe(1600);
    // The box sits where the API puts the cell, scaled from PDF units to the image as shown.
    const place = (await (await fetch(`${server.url}/api/reports/${cell.reportId}/cells/${encodeURIComponent(cell.key)}/page`)).json()) as { box: { x0: number; y0: number; x1: number; y1: number }; pageWidth: number; pageHeight: number };
    const shown = (await img.boundingBox())!;
    const box = (await figure.locator('.box').boundingBox())!;
    const sx = shown.width / place.pageWidth;
    const sy = shown.height / place.pageHeight;
    expect(Math.abs(box.x - (shown.x + place.box.x0 * sx))).toBeLessThan(3);
    expect(Math.abs(box.y - (shown.y + place.box.y0 * sy))).toBeLessThan(3);
    expect(Math.abs(box.width - (place.box.x1 - place.box.x0) * sx)).toBeLessThan(3);
    expect(box.width).toBeGreaterThan(10);
    // The file opens under its real name, not its digest.
    expect(await figure.locator('figcaption a').getAttribute('href')).toMatch(new RegExp(`^/archive/captures/${cell.captureId}\\?name=.+`));
    await figure.scrollIntoViewIfNeeded();
    await page.locator('.source-panel').screenshot({ path: path.join(ARTIFACTS, 'report-pdf-page-box.png') });
  });

  it('outlines the HTML cell a number was read from, and marks the cells of failing checks', async () => {
    await page.goto(`${server.url}/#/report/${archive.failingReportId}?cell=t3.new.total`);
    const frame = page.locator('iframe.archived');
    await expect.poll(() => frame.getAttribute('src')).toContain('highlight=table');
    // Read the framed page itself: what the reader sees.
    const outlined = page.frameLocator('iframe.archived').locator('#nianbao-highlight');
    await outlined.waitFor({ timeout: 10_000 });
    const digits = (s: string | null): string => (s ?? '').replace(/\D/g, '');
    expect(digits(await outlined.textContent())).toBe(digits(await page.locator('button.value[data-key="t3.new.total"]').textContent()));
    expect(await page.locator('button.value.failing').count()).toBeGreaterThan(0);
    // Failing checks read as formulas with their values and a sentence; the provenance heading is the Chinese label.
    const formulas = await page.locator('.check-failing .formula').allTextContents();
    expect(formulas).toContain('自然人 6 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 6 ≠ 总计 7');
    expect(await page.locator('.check-failing .meaning').first().textContent()).toMatch(/应等于/);
    await expect.poll(() => page.locator('.source-panel h3').textContent()).toContain('表三 一、本年新收申请 · 总计');
    await page.waitForTimeout(300);
    await shot('report-html-highlight');
  });

  it('opens the capture a report was read from: the exchange, its headers and the page inert', async () => {
    await page.goto(`${server.url}/#/report/${archive.failingReportId}`);
    expect(await page.locator('a.original-url').getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/module\/xxgk\//);
    await page.click('a[href^="#/capture/"]');
    await page.waitForURL(/#\/capture\/\d+$/);
    await page.locator('table.headers').first().waitFor();
    const meta = await page.locator('.capture-meta').textContent();
    expect(meta).toContain('xxgkAnnualReport.jsp');
    expect(meta).toMatch(/状态 status\s*200/);
    expect(await page.locator('table.headers').nth(1).textContent()).toContain('content-type');
    await page.frameLocator('.capture-body iframe.archived').locator('table').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#view').textContent()).not.toMatch(/\bnull\b/);
    await shot('capture-view');
  });

  it('shows the report revised between the demo crawls on a timeline, with the cells that changed', async () => {
    await page.goto(`${server.url}/#/`);
    const changed = page.locator('td.slot[data-status="changed"] a.slot-link').first();
    await changed.click();
    await page.waitForURL(/#\/report\/\d+/);
    await page.locator('.timeline .changes li').first().waitFor();
    const changes = await page.locator('.timeline .changes li').allTextContents();
    expect(changes.map((c) => c.split(':')[0]).sort()).toEqual(['表三 （一）予以公开 · 总计', '表三 （一）予以公开 · 自然人', '表三 （七）总计 · 总计', '表三 （七）总计 · 自然人', '表三 一、本年新收申请 · 总计', '表三 一、本年新收申请 · 自然人'].sort());
    for (const c of changes) {
      const [before, after] = c.split(': ')[1]!.split(' → ').map(Number);
      expect(after! - before!).toBe(2);
    }
    await shot('report-versions');
  });

  it('searches with a 2-character query and highlights the hits', async () => {
    await page.goto(`${server.url}/#/search`);
    await page.fill('input[name=q]', '信访');
    await page.press('input[name=q]', 'Enter');
    await page.locator('.result').first().waitFor();
    expect(page.url()).toContain('q=%E4%BF%A1%E8%AE%BF');
    const marks = await page.locator('.snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['信访']));
    await shot('search');
  });

  it('compares as a report builder: bodies and cells picked by typing, full names on bars, years without a report as gaps, bodies × years tables', async () => {
    const grid = (await (await fetch(`${server.url}/api/grid`)).json()) as { rows: { agencyId: number | null; name: string; portalId: string; years: Record<string, { reports: unknown[] }> }[] };
    const yanzhou = grid.rows.filter((r) => r.agencyId !== null && r.portalId === 'yanzhou-demo');
    const in2023 = yanzhou.filter((r) => (r.years['2023']?.reports.length ?? 0) > 0);
    await page.goto(`${server.url}/#/compare?agencies=${in2023.map((r) => r.agencyId).join(',')}&year=2023&keys=t3.new.total,t3.disclosed.total`);
    await page.locator('svg.chart rect.bar').first().waitFor();
    expect(await page.locator('svg.chart').count()).toBe(2);
    expect(await page.locator('svg.chart').first().locator('rect.bar').count()).toBe(in2023.length);
    // Full names, never cut to a shared prefix; the chart as wide as its box.
    expect(await page.locator('svg.chart').first().locator('text.bar-label').allTextContents()).toEqual(in2023.map((r) => r.name));
    const figure = await page.locator('.chart-figure').first().boundingBox();
    const svg = await page.locator('svg.chart').first().boundingBox();
    expect(svg!.width).toBeGreaterThan(figure!.width - 24);
    await shot('compare-bodies-2023');
    const xinfang = yanzhou.find((r) => r.name === '济宁市兖州区信访局')!;
    await page.goto(`${server.url}/#/compare?agencies=${xinfang.agencyId}`);
    await page.locator('svg.chart circle.point').first().waitFor();
    // Add a body by typing its name, and a cell by its Chinese label.
    await page.fill('input[name=body]', '济宁市兖州区财政局（yanzhou-demo）');
    await page.press('input[name=body]', 'Enter');
    await page.waitForURL(/agencies=\d+%2C\d+|agencies=\d+,\d+/);
    await page.locator('svg.chart circle.point').first().waitFor();
    await page.fill('input[name=key]', '表三 （三）4.第三方合法权益 · 总计');
    await page.press('input[name=key]', 'Enter');
    await page.waitForURL(/t3\.withheld\.third_party\.total/);
    const table = page.locator('table.bodies-years[data-key="t3.new.total"]');
    await table.waitFor();
    expect(await table.locator('tbody tr th').allTextContents()).toEqual(['济宁市兖州区信访局', '济宁市兖州区财政局']);
    // 信访局 has no 2018 report: a gap, not a 0.
    const headers = await table.locator('thead th').allTextContents();
    const cell2018 = table.locator('tbody tr').first().locator('td').nth(headers.indexOf('2018') - 1);
    expect(await cell2018.textContent()).toBe('—');
    expect(await cell2018.getAttribute('class')).toContain('no-report');
    expect(await page.locator('table.bodies-years[data-key="t3.withheld.third_party.total"]').count()).toBe(1);
    await shot('compare-over-years');
  });

  it('shows a hostile archived page with nothing run and nothing fetched', async () => {
    requests.length = 0;
    consoleMessages.length = 0;
    await page.goto(`${server.url}/#/report/${archive.hostileReportId}`);
    const frameEl = page.locator('iframe.archived');
    await frameEl.waitFor();
    expect(await frameEl.getAttribute('sandbox')).toBe('');
    await page.frameLocator('iframe.archived').locator('#jslink').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    const frame = page.frames().find((f) => f.url().includes('/archive/reports/'))!;
    expect(frame).toBeDefined();
    // Interact as a reader would: click the javascript: link and the other links, hover the handler element.
    await frame.locator('#jslink').click({ timeout: 2_000 });
    await frame.locator('#extlink').click({ timeout: 2_000 });
    await frame.locator('#hover').hover({ timeout: 2_000 });
    await page.waitForTimeout(300);
    await shot('hostile-page');
    const flag = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    expect(flag).toBeUndefined();
    expect(await page.title()).not.toBe('PWNED');
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
    expect(requests.filter((u) => u.includes('pwned'))).toEqual([]);
    expect(consoleMessages.filter((m) => /pwned|evil/i.test(m))).toEqual([]);
    // Opened on its own (not framed), the page is still sandboxed by its CSP: no script runs.
    requests.length = 0;
    await page.goto(`${server.url}/archive/reports/${archive.hostileReportId}/page`);
    await page.waitForTimeout(300);
    expect(requests.filter((u) => u.includes('pwned') || !u.startsWith(server.url))).toEqual([]);
  });
});
