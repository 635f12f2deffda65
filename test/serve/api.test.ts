/** The JSON API, the archived-page endpoint and the read-only guarantees, over HTTP without a browser. */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../common/csv.ts';
import { statusesAsOf, todayInChina } from '../../jobs/watch/statuses-today.ts';
import { startServer, type RunningServer } from '../../serve/server.ts';
import { openArchive } from '../../store/open-archive.ts';
import { buildServeArchive, type ServeArchive } from './serve-archive.ts';

describe('nianbao serve API', () => {
  let archive: ServeArchive;
  let db: Database;
  let server: RunningServer;
  const get = async (p: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${server.url}${p}`, { headers });

  beforeAll(async () => {
    archive = await buildServeArchive();
    db = openArchive(archive.file, 'serve');
    server = await startServer({ db, port: 0 });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    db?.close();
  });

  it('opens the archive read-only: no statement can write', () => {
    expect(() => db.prepare("UPDATE portals SET name = 'x'").run()).toThrow();
    expect(db.pragma('query_only', { simple: true })).toBe(1);
  });

  it('answers GET only, and only when addressed to its own host (DNS rebinding)', async () => {
    expect((await fetch(`${server.url}/api/grid`, { method: 'POST' })).status).toBe(405);
    // fetch() will not send another Host; a rebound name reaches the server through node:http as it would from a browser.
    const status = await new Promise<number>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.port, path: '/api/grid', headers: { host: `evil.example:${server.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('sends large answers gzipped to clients that accept gzip, the same bytes otherwise', async () => {
    const raw = (encoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> =>
      new Promise((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: server.port, path: `/api/reports/${archive.htmlReportId}`, headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(32 * 1024);
    const zipped = await raw('gzip, deflate, br');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect((await raw('gzip;q=0')).headers['content-encoding']).toBeUndefined();
  });

  it('serves a report with each cell decoded to its source: an HTML grid position or an image box', async () => {
    const html = (await (await get(`/api/reports/${archive.htmlReportId}`)).json()) as { cells: { key: string; source: { kind: string } }[] };
    expect(html.cells.find((c) => c.key === 't3.new.total')?.source).toMatchObject({ kind: 'html' });
    const ocr = (await (await get(`/api/reports/${archive.ocrReportId}`)).json()) as { cells: { key: string; source: unknown }[] };
    expect(ocr.cells.find((c) => c.key === 't3.new.total')?.source).toEqual({ kind: 'image', captureId: archive.imageCaptureId, bbox: { x: 520, y: 80, w: 50, h: 16 }, repair: '7→6 by t3.row.new' });
    expect(ocr.cells.find((c) => c.key === 't3.disclosed.total')?.source).toMatchObject({ kind: 'image', captureId: archive.imageCaptureId, bbox: { x: 100, y: 60, w: 60, h: 20 } });
    expect((await get('/api/reports/999999')).status).toBe(404);
    expect((await get('/api/reports/abc')).status).toBe(400);
    // A number read from a PDF attachment's table names the file's capture and the page.
    const pdfCell = db.prepare("SELECT report_id, key, source_capture_id FROM cells WHERE method = 'pdf-text' AND location LIKE 'page[%' LIMIT 1").get() as { report_id: number; key: string; source_capture_id: number };
    const cell = (await (await get(`/api/reports/${pdfCell.report_id}/cells/${pdfCell.key}`)).json()) as { source: { kind: string; captureId: number; page: number } };
    expect(cell.source).toMatchObject({ kind: 'document', captureId: pdfCell.source_capture_id, page: 1 });
  });

  it('crops the image a number was read from', async () => {
    const crop = await get(`/archive/captures/${archive.imageCaptureId}/crop?x=100&y=60&w=60&h=20`);
    expect(crop.status).toBe(200);
    expect(crop.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await crop.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('renders a PDF page to PNG and places a PDF cell on it (box in page units, ink inside it)', async () => {
    const pdfCell = db.prepare("SELECT report_id, key, source_capture_id, raw FROM cells WHERE method = 'pdf-text' AND location LIKE 'page[%' AND raw GLOB '[1-9]*' LIMIT 1").get() as { report_id: number; key: string; source_capture_id: number };
    const res = await get(`/api/reports/${pdfCell.report_id}/cells/${encodeURIComponent(pdfCell.key)}/page`);
    expect(res.status).toBe(200);
    const place = (await res.json()) as { captureId: number; page: number; box: { x0: number; y0: number; x1: number; y1: number }; pageWidth: number; pageHeight: number; imageUrl: string };
    expect(place.captureId).toBe(pdfCell.source_capture_id);
    expect(place.imageUrl).toBe(`/archive/captures/${place.captureId}/pages/${place.page}.png`);
    expect(place.box.x0).toBeGreaterThanOrEqual(0);
    expect(place.box.y0).toBeGreaterThanOrEqual(0);
    expect(place.box.x1).toBeLessThanOrEqual(place.pageWidth);
    expect(place.box.y1).toBeLessThanOrEqual(place.pageHeight);
    const png = await get(place.imageUrl);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const pngBytes = Buffer.from(await png.arrayBuffer());
    const image = sharp(pngBytes);
    const meta = await image.metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(1600);
    expect(meta.width! / meta.height!).toBeCloseTo(place.pageWidth / place.pageHeight, 2);
    // The cell's inner part (inside its rules) holds the printed number's ink, while the page's top-left margin is blank.
    const scale = meta.width! / place.pageWidth;
    const b = place.box;
    const inner = { left: Math.round((b.x0 + (b.x1 - b.x0) * 0.15) * scale), top: Math.round((b.y0 + (b.y1 - b.y0) * 0.15) * scale), width: Math.round((b.x1 - b.x0) * 0.7 * scale), height: Math.round((b.y1 - b.y0) * 0.7 * scale) };
    // (sharp's stats() reads its input, not the pipeline: each region is cut to a buffer first.)
    const darkest = async (region: { left: number; top: number; width: number; height: number }): Promise<number> => (await sharp(await sharp(pngBytes).extract(region).greyscale().png().toBuffer()).stats()).channels[0]!.min;
    expect(await darkest(inner)).toBeLessThan(100);
    expect(await darkest({ left: 0, top: 0, width: Math.round(20 * scale), height: Math.round(20 * scale) })).toBeGreaterThan(200);
    // Rendered once per digest and page: the second request is served from memory.
    const again = Date.now();
    expect(Buffer.from(await (await get(place.imageUrl)).arrayBuffer()).equals(pngBytes)).toBe(true);
    expect(Date.now() - again).toBeLessThan(500);
    // Guards: a page the PDF does not have, a capture that is not a PDF, page 0, a cell that is not from a PDF.
    const missing = await get(`/archive/captures/${place.captureId}/pages/999.png`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('E_NOT_FOUND');
    const notPdf = await get(`/archive/captures/${archive.imageCaptureId}/pages/1.png`);
    expect(notPdf.status).toBe(415);
    expect(((await notPdf.json()) as { error: { code: string } }).error.code).toBe('E_UNSUPPORTED_FORMAT');
    expect((await get(`/archive/captures/${place.captureId}/pages/0.png`)).status).toBe(400);
    expect((await get(`/api/reports/${archive.htmlReportId}/cells/t3.new.total/page`)).status).toBe(404);
  });

  it('serves an archived page inert: strict CSP with sandbox, no script, handler, javascript: link or external URL', async () => {
    const res = await get(`/archive/reports/${archive.hostileReportId}/page`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).toContain(`img-src ${server.url}/archive/captures/`);
    const html = await res.text();
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<link|<base|<meta http-equiv|\son\w+=|javascript:|evil\.example\/(?!leave)|url\(/i);
    expect(html).toContain('济宁市兖州区恶意局');
  });

  it('highlights the HTML cell named by a provenance location', async () => {
    const report = (await (await get(`/api/reports/${archive.htmlReportId}`)).json()) as { cells: { key: string; location: string }[] };
    const location = report.cells.find((c) => c.key === 't3.new.total')!.location;
    const res = await get(`/archive/reports/${archive.htmlReportId}/page?highlight=${encodeURIComponent(location)}`);
    expect(res.headers.get('x-nianbao-highlighted')).toBe('true');
    expect(await res.text()).toContain('id="nianbao-highlight"');
    expect((await get(`/archive/reports/${archive.htmlReportId}/page?highlight=nope`)).status).toBe(400);
    // The table image an OCR number was read from, outlined in the page that shows it.
    const imageReport = db.prepare('SELECT report_id FROM report_files WHERE capture_id = ? LIMIT 1').pluck().get(archive.imageCaptureId) as number;
    const withImage = await get(`/archive/reports/${imageReport}/page?image=${archive.imageCaptureId}`);
    expect(withImage.headers.get('x-nianbao-highlighted')).toBe('true');
    expect(await withImage.text()).toMatch(new RegExp(`<img[^>]*src="/archive/captures/${archive.imageCaptureId}"[^>]*id="nianbao-highlight"|<img[^>]*id="nianbao-highlight"[^>]*src="/archive/captures/${archive.imageCaptureId}"`));
    expect((await get(`/archive/reports/${imageReport}/page?image=x`)).status).toBe(400);
  });

  it('compares bodies and years, and searches with a 2-character query', async () => {
    const grid = (await (await get('/api/grid')).json()) as { rows: { agencyId: number | null }[]; years: number[] };
    const ids = grid.rows.map((r) => r.agencyId).filter((id): id is number => id !== null).slice(0, 3);
    const compare = (await (await get(`/api/compare?agencies=${ids.join(',')}&keys=t3.new.total`)).json()) as { series: unknown[] };
    expect(compare.series).toHaveLength(3);
    expect((await get('/api/compare?agencies=1&keys=drop table')).status).toBe(400);
    const search = (await (await get(`/api/search?q=${encodeURIComponent('信访')}`)).json()) as { results: { snippet: string }[] };
    expect(search.results.length).toBeGreaterThan(0);
    expect(search.results[0]!.snippet).toContain('<mark>信访</mark>');
  });

  it('serves the compact report the view draws, and the provenance of each cell on its own', async () => {
    type FullCell = { key: string; value: number | null; method: string | null; source: unknown; failingChecks: string[] };
    type FullCheck = { checkId: string; ok: boolean; left: number; right: number; nullsAsZero: string[]; terms?: unknown };
    const full = (await (await get(`/api/reports/${archive.failingReportId}`)).json()) as { report: Record<string, unknown>; cells: FullCell[]; checks: FullCheck[] };
    const compact = (await (await get(`/api/reports/${archive.failingReportId}/compact`)).json()) as {
      report: Record<string, unknown>;
      cells: [string, number | null, string | null][];
      checkCount: number;
      failingChecks: FullCheck[];
    };
    expect(compact.report).toEqual(full.report);
    expect(new Map(compact.cells.map(([key, value, method]) => [key, { value, method }]))).toEqual(new Map(full.cells.map((c) => [c.key, { value: c.value, method: c.method }])));
    expect(compact.checkCount).toBe(full.checks.length);
    expect(compact.failingChecks.length).toBeGreaterThan(0);
    const failingFull = full.checks.filter((c) => !c.ok);
    expect(compact.failingChecks).toEqual(failingFull.map(({ terms: _terms, ...check }) => check));
    // The terms of every check come once, with the key layout.
    const keys = (await (await get('/api/keys')).json()) as { checks: Record<string, Record<string, unknown>> };
    for (const check of failingFull) expect(keys.checks[String(full.report.template)]![check.checkId]).toEqual(check.terms);
    const cell = (await (await get(`/api/reports/${archive.failingReportId}/cells/t3.new.total`)).json()) as FullCell;
    expect(cell).toEqual(full.cells.find((c) => c.key === 't3.new.total'));
    expect((await get(`/api/reports/${archive.failingReportId}/cells/nope`)).status).toBe(400);
    expect((await get(`/api/reports/999999/compact`)).status).toBe(404);
  });

  it('pages through a search as one ranking', async () => {
    type Page = { results: { reportId: number }[] };
    const q = encodeURIComponent('信访');
    const all = (await (await get(`/api/search?q=${q}&limit=200`)).json()) as Page;
    const pages: number[] = [];
    for (let offset = 0; offset < all.results.length; offset += 3) pages.push(...((await (await get(`/api/search?q=${q}&limit=3&offset=${offset}`)).json()) as Page).results.map((r) => r.reportId));
    expect(pages).toEqual(all.results.map((r) => r.reportId));
  });

  it('shows an archived exchange: an image inline, an HTML page inert, an attachment under its real name', async () => {
    const image = (await (await get(`/api/captures/${archive.imageCaptureId}`)).json()) as { capture: { id: number; status: number }; rendering: string; bodyUrl: string };
    expect(image).toMatchObject({ capture: { id: archive.imageCaptureId, status: 200 }, rendering: 'image', bodyUrl: `/archive/captures/${archive.imageCaptureId}` });
    const report = (await (await get(`/api/reports/${archive.hostileReportId}`)).json()) as { report: { sourceCaptureId: number } };
    const page = (await (await get(`/api/captures/${report.report.sourceCaptureId}`)).json()) as { rendering: string; pageUrl: string };
    expect(page.rendering).toBe('html');
    const inert = await get(page.pageUrl);
    expect(inert.headers.get('content-security-policy')).toContain('sandbox');
    expect(await inert.text()).not.toMatch(/<script|\son\w+=|javascript:/i);
    expect((await get(`/archive/captures/${archive.imageCaptureId}/page`)).status).toBe(415);
    expect((await get('/api/captures/999999')).status).toBe(404);
    const pdf = db.prepare("SELECT id FROM captures WHERE content_type LIKE 'application/pdf%' AND sha256 IS NOT NULL LIMIT 1").pluck().get() as number;
    const named = await get(`/archive/captures/${pdf}?name=${encodeURIComponent('卫生健康局年报')}`);
    expect(named.headers.get('content-disposition')).toBe(`attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent('卫生健康局年报.pdf')}`);
  });

  describe('grid statuses as of today, and downloads', () => {
    let judged: RunningServer;
    const getJudged = async (p: string): Promise<Response> => fetch(`${judged.url}${p}`);
    type Grid = { asOf: string | null; years: number[]; legend: { status: string; count: number }[]; rows: { name: string; years: Record<string, { status: string; reports: unknown[]; evidence?: number[] }> }[] };

    beforeAll(async () => {
      judged = await startServer({ db, port: 0, warm: [], statuses: { asOf: () => todayInChina(), statuses: statusesAsOf } });
    });
    afterAll(async () => judged?.close());

    it('colours the grid as `nianbao missing` would today, before any nightly run, with counts per status', async () => {
      const plain = (await (await get('/api/grid')).json()) as Grid;
      expect(plain.asOf).toBeNull();
      expect(plain.rows.flatMap((r) => Object.values(r.years)).some((s) => s.status === 'missing')).toBe(false);
      const grid = (await (await getJudged('/api/grid')).json()) as Grid;
      expect(grid.asOf).toBe(todayInChina());
      const silent = grid.rows.find((r) => r.name === '济宁市兖州区审计局')!;
      expect(new Set(Object.values(silent.years).map((s) => s.status))).toEqual(new Set(['missing']));
      // Each judgement carries its evidence: capture ids the capture view opens.
      for (const slot of Object.values(silent.years)) {
        expect(slot.evidence!.length).toBeGreaterThan(0);
        expect((await getJudged(`/api/captures/${slot.evidence![0]}`)).status).toBe(200);
      }
      const slots = grid.rows.flatMap((r) => Object.values(r.years));
      for (const l of grid.legend) expect(l.count, l.status).toBe(slots.filter((s) => s.status === l.status).length);
      expect(grid.legend.find((l) => l.status === 'on_time')!.count).toBeGreaterThan(5);
      const never = (await (await getJudged('/api/grid?published=never')).json()) as Grid;
      expect(never.rows.map((r) => r.name)).toEqual(['济宁市兖州区审计局']);
      const bad = await getJudged('/api/grid?published=sometimes');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('E_BAD_REQUEST');
    });

    it('downloads the grid as CSV with a BOM and as XLSX', async () => {
      const csv = await getJudged('/api/grid.csv');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="nianbao-grid-${todayInChina()}.csv"`);
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.toString('utf8'));
      const grid = (await (await getJudged('/api/grid')).json()) as Grid;
      expect(header).toEqual(['机构', '门户', '类型', ...grid.years.map(String)]);
      expect(rows).toHaveLength(grid.rows.length);
      // Its years: all missing; years of other portals only (not expected of it) are empty.
      const silent = rows.find((r) => r[0] === '济宁市兖州区审计局')!.slice(3).filter((v) => v !== null);
      expect(silent.length).toBeGreaterThan(0);
      expect(new Set(silent)).toEqual(new Set(['缺失']));
      const book = await workbook(await getJudged('/api/grid.xlsx'));
      expect(book.worksheets.map((w) => w.name)).toEqual(['机构×年度', '明细']);
      expect(book.getWorksheet('明细')!.getRow(1).values).toContain('status');
    });

    it('downloads search results, a comparison and a report’s tables, labelled in Chinese', async () => {
      const search = parseCsv(await (await get(`/api/search.csv?q=${encodeURIComponent('信访')}&limit=200`)).text());
      const hits = ((await (await get(`/api/search?q=${encodeURIComponent('信访')}&limit=200`)).json()) as { results: { reportId: number }[] }).results;
      expect(search[0]!.slice(0, 3)).toEqual(['报告ID', '标题', '机构']);
      expect(search.slice(1).map((r) => Number(r[0]))).toEqual(hits.map((h) => h.reportId));
      expect(search.slice(1).every((r) => !String(r[8]).includes('<mark>') && String(r[8]).includes('信访'))).toBe(true);
      expect((await get('/api/search.csv?q=x&template=1999')).status).toBe(400);

      const grid = (await (await get('/api/grid')).json()) as { rows: { agencyId: number | null }[] };
      const ids = grid.rows.map((r) => r.agencyId).filter((id): id is number => id !== null).slice(0, 2);
      const compare = parseCsv(await (await get(`/api/compare.csv?agencies=${ids.join(',')}&keys=t3.new.total`)).text());
      expect(compare[0]!.slice(0, 4)).toEqual(['机构', 'agency_id', '指标', 'key']);
      expect(compare.slice(1).map((r) => r[2])).toEqual(['表三 一、本年新收申请 · 总计', '表三 一、本年新收申请 · 总计']);

      const report = (await (await get(`/api/reports/${archive.failingReportId}`)).json()) as { cells: { key: string; value: number | null }[] };
      const long = parseCsv(await (await get(`/api/reports/${archive.failingReportId}/tables.csv`)).text());
      expect(long).toHaveLength(report.cells.length + 1);
      expect(long.find((r) => r[8] === 't3.withheld.third_party.legal')!.slice(3, 8)).toEqual(['表三 （三）4.第三方合法权益 · 法律服务机构', 't3', '（三）4.第三方合法权益', '法律服务机构', '件']);
      const book = await workbook(await get(`/api/reports/${archive.failingReportId}/tables.xlsx`));
      expect(book.worksheets.map((w) => w.name)).toEqual(['全部单元格', '表二 主动公开', '表三 依申请公开', '表四 复议诉讼']);
      const t3 = book.getWorksheet('表三 依申请公开')!;
      expect(t3.getCell('A2').value).toBe('一、本年新收申请');
      expect(t3.getCell('B1').value).toBe('自然人');
      expect(t3.getCell('B2').value).toBe(report.cells.find((c) => c.key === 't3.new.natural')!.value);
      expect((await get('/api/reports/999999/tables.csv')).status).toBe(404);
    });

    it('names every key in Chinese and writes failing checks as formulas', async () => {
      const keys = (await (await get('/api/keys')).json()) as { labels: Record<string, { label: string; unit: string }> };
      expect(keys.labels['t3.withheld.third_party.legal']).toEqual({ row: '（三）4.第三方合法权益', column: '法律服务机构', label: '表三 （三）4.第三方合法权益 · 法律服务机构', unit: '件' });
      const compact = (await (await get(`/api/reports/${archive.failingReportId}/compact`)).json()) as { failingChecks: { checkId: string; formula: string; meaning: string }[] };
      const row = compact.failingChecks.find((c) => c.checkId === 't3.row.new')!;
      expect(row.formula).toMatch(/^自然人 \d+ \+ 商业企业 \d+ .* = \d+ ≠ 总计 \d+$/);
      expect(row.meaning).toContain('一、本年新收申请');
    });
  });
});

async function workbook(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}
