/**
 * The archive the serve tests browse: the demo portal crawled once (or, with `demo: true`, what `nianbao demo`
 * leaves: every year of the demo bodies crawled twice with a report withdrawn and one revised in between, and the
 * watch run as of today), plus two reports saved through the store —
 * one whose cells were read by OCR from an archived table image (location and box pointing into that image), and
 * one whose archived page is hostile (scripts, handlers, javascript: links, external resources).
 */
import type { Database } from 'better-sqlite3';
import { startDemoPortals } from '../../demo/portal/demo-portals.ts';
import { runCrawl } from '../../jobs/crawl/run-crawl.ts';
import { ignoreEvents } from '../../jobs/crawl/crawl-events.ts';
import { runDemo } from '../../jobs/demo/run-demo.ts';
import type { ExtractedCell, ExtractedReport } from '../../extract/types.ts';
import { insertCapture } from '../../store/captures.ts';
import { getReport, listReports, saveReport } from '../../store/reports.ts';
import { startRun } from '../../store/runs.ts';
import { FAST_FETCHER, tempArchive } from '../helpers/temp-archive.ts';

export interface ServeArchive {
  readonly file: string;
  readonly dir: string;
  /** Report whose cells are OCR readings of an archived image. */
  readonly ocrReportId: number;
  /** The image capture those cells point into. */
  readonly imageCaptureId: number;
  /** Report whose archived page carries scripts, handlers and external resources. */
  readonly hostileReportId: number;
  /** A report read from an HTML table, and the report whose table 3 does not add up. */
  readonly htmlReportId: number;
  readonly failingReportId: number;
}

export const HOSTILE_HTML = `<!DOCTYPE html><html><head><title>恶意页面</title>
<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">
<base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/style.css">
<link rel="prefetch" href="http://evil.example/prefetch">
<script>window.top.__pwned = 1; fetch('/pwned-script'); document.title = 'PWNED';</script>
<script src="http://evil.example/evil.js"></script>
<style>@import url("http://evil.example/import.css"); body { background: url(http://evil.example/bg.png); }</style>
</head>
<body onload="fetch('/pwned-onload')">
<h1 style="background-image:url('http://evil.example/h1.png')">济宁市兖州区恶意局2023年政府信息公开工作年度报告</h1>
<p>一、总体情况 本报告是测试页。</p>
<img id="ext" src="http://evil.example/track.png" onerror="fetch('/pwned-onerror')">
<img srcset="http://evil.example/a.png 1x, http://evil.example/b.png 2x">
<a id="jslink" href="javascript:fetch('/pwned-js')">点我</a>
<a id="extlink" href="http://evil.example/leave">离开</a>
<iframe src="http://evil.example/frame"></iframe>
<object data="http://evil.example/object.swf"></object>
<embed src="http://evil.example/embed.swf">
<video poster="http://evil.example/poster.png" src="http://evil.example/v.mp4"></video>
<svg><script>fetch('/pwned-svg')</script><image href="http://evil.example/svg.png"/></svg>
<form action="http://evil.example/form"><input type="image" src="http://evil.example/input.png"><button formaction="http://evil.example/b">提交</button></form>
<div onclick="fetch('/pwned-click')" onmouseover="fetch('/pwned-hover')" id="hover">悬停</div>
<table><tr><td background="http://evil.example/td.png">一、本年新收政府信息公开申请数量</td><td>3</td></tr></table>
</body></html>`;

function report(partial: Partial<ExtractedReport> & Pick<ExtractedReport, 'title' | 'agency' | 'year'>): ExtractedReport {
  return {
    publishedAt: '2024-01-20',
    publishedAtRaw: '发布时间：2024-01-20',
    template: '2021',
    cells: {},
    cellDetails: [],
    checks: [],
    sections: [],
    text: partial.title ?? '',
    files: [],
    missingTables: [],
    warnings: [],
    extractorVersion: 'test',
    ...partial,
  };
}

export async function buildServeArchive(options: { demo?: boolean } = {}): Promise<ServeArchive> {
  const { file, dir, db } = tempArchive('nianbao-serve-');
  if (options.demo === true) await runDemo(db, ignoreEvents, { ports: [0, 0, 0], fetcher: FAST_FETCHER, slowMs: 0 });
  else {
    const demo = await startDemoPortals({ slowMs: 0 });
    try {
      await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
    } finally {
      await demo.close();
    }
  }
  const reports = listReports(db, {});
  // A table image of 兖州 (other demo portals also serve photos under /picture/, which hold no table).
  const imageReport = reports.find((r) => r.portalId === 'yanzhou-demo' && getReport(db, r.id)!.files.some((f) => f.kind === 'image' && f.captureId !== null && f.url.includes('/picture/')))!;
  const image = getReport(db, imageReport.id)!.files.find((f) => f.kind === 'image' && f.captureId !== null && f.url.includes('/picture/'))!;
  const ocrReportId = saveOcrReport(db, imageReport.portalId, image.captureId!, image.url);
  const hostileReportId = saveHostileReport(db, imageReport.portalId);
  // 兖州's 自然资源局 2021 prints a wrong row total; other demo portals come and go.
  const yanzhou = reports.filter((r) => r.portalId === 'yanzhou-demo');
  const failing = yanzhou.find((r) => r.failingChecks > 0)!;
  const html = yanzhou.find((r) => r.failingChecks === 0 && r.template === '2021' && getReport(db, r.id)!.cells.some((c) => c.method === 'html-table'))!;
  db.close();
  return { file, dir, ocrReportId, imageCaptureId: image.captureId!, hostileReportId, htmlReportId: html.id, failingReportId: failing.id };
}

/** OCR cells as extract/ocr writes them: `<image>#table[i]/row[r]/col[c]`, with the box and a repaired value. */
function saveOcrReport(db: Database, portalId: string, captureId: number, imageUrl: string): number {
  const cell = (key: string, value: number, x: number, y: number, extra = ''): ExtractedCell => ({
    key,
    value,
    raw: String(value),
    method: 'ocr',
    location: `capture:${captureId}#table[0]/row[${y}]/col[${x}]/bbox[${40 + x * 60},${20 + y * 20},50,16]${extra}`,
    confidence: 0.87,
  });
  const details = [
    cell('t3.new.natural', 5, 2, 3),
    cell('t3.new.total', 6, 8, 3, '/repair[7→6 by t3.row.new]'),
    { ...cell('t3.disclosed.total', 4, 8, 6), location: JSON.stringify({ url: imageUrl, box: { x0: 100, y0: 60, x1: 160, y1: 80 } }) },
  ];
  const result = saveReport(db, {
    portalId,
    agencyId: null,
    reportKey: 'test:ocr-report',
    url: 'http://127.0.0.1/ocr-report.html',
    sourceCaptureId: null,
    seenAt: new Date().toISOString(),
    files: [{ captureId, url: imageUrl, kind: 'image', label: '表三' }],
    report: report({
      title: '测试镇人民政府2023年政府信息公开工作年度报告（图片表格）',
      agency: '测试镇人民政府',
      year: 2023,
      cells: Object.fromEntries(details.map((d) => [d.key, d.value])),
      cellDetails: details,
      missingTables: ['t2', 't4'],
    }),
  });
  return result.reportId;
}

function saveHostileReport(db: Database, portalId: string): number {
  const runId = startRun(db, { kind: 'extract', crawlerVersion: 'test', options: {} });
  const url = 'http://127.0.0.1/hostile.html';
  const captureId = insertCapture(db, {
    runId,
    portalId,
    requestedUrl: url,
    finalUrl: url,
    purpose: 'report',
    charset: 'utf-8',
    exchange: {
      url,
      method: 'GET',
      requestHeaders: {},
      fetchedAt: new Date().toISOString(),
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: Buffer.from(HOSTILE_HTML, 'utf8'),
      error: null,
      elapsedMs: 1,
    },
  });
  return saveReport(db, {
    portalId,
    agencyId: null,
    reportKey: url,
    url,
    sourceCaptureId: captureId,
    seenAt: new Date().toISOString(),
    files: [],
    report: report({ title: '济宁市兖州区恶意局2023年政府信息公开工作年度报告', agency: '济宁市兖州区恶意局', year: 2023, template: 'older' }),
  }).reportId;
}
