/**
 * Bounded extraction (issue 12): a page beyond any report is refused before a DOM is built, with a code, in bounded
 * memory and time; real report pages are far inside the limits.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNianbaoError } from '../../../common/errors.ts';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { isWithinPageLimits, measurePage, PAGE_LIMITS } from '../../../extract/html/page-limits.ts';
import { findReportLinks } from '../../../crawlers/hanweb/report-links.ts';

const URL = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=X&fbtime=2023';
const FIXTURES = path.resolve('test/fixtures/reports');

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return isNianbaoError(error) ? error.code : `not a NianbaoError: ${String(error)}`;
  }
}

/** One enormous table of `rows` rows × 10 cells, about 150 bytes a row. */
function hugeTable(rows: number): string {
  const row = `<tr>${'<td>12345</td>'.repeat(10)}</tr>\n`;
  return `<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body><div id="zoom"><table>${row.repeat(rows)}</table></div></body></html>`;
}

describe('page limits', () => {
  it('real report pages are far inside them', () => {
    const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const shape = measurePage(readFileSync(path.join(FIXTURES, file), 'utf8'), file);
      expect(shape.elements * 50, file).toBeLessThan(PAGE_LIMITS.maxElements);
      expect(shape.tableCells * 50, file).toBeLessThan(PAGE_LIMITS.maxTableCells);
      expect(shape.maxDepth * 50, file).toBeLessThan(PAGE_LIMITS.maxDepth);
    }
  });

  it('refuse a page with more table cells than any report as E_PAGE_TOO_LARGE', () => {
    const html = hugeTable(PAGE_LIMITS.maxTableCells / 10 + 1);
    expect(codeOf(() => extractHtmlReport(html, URL))).toBe('E_PAGE_TOO_LARGE');
    expect(isWithinPageLimits(html)).toBe(false);
    expect(isWithinPageLimits(hugeTable(100))).toBe(true);
  });

  it('refuse a page with too many elements or too much text, whatever the elements are', () => {
    expect(codeOf(() => extractHtmlReport(`<body>${'<p><span>x</span></p>'.repeat(PAGE_LIMITS.maxElements)}</body>`, URL))).toBe('E_PAGE_TOO_LARGE');
    expect(codeOf(() => extractHtmlReport(`<body><p>${'字'.repeat(PAGE_LIMITS.maxTextChars + 1)}</p></body>`, URL))).toBe('E_PAGE_TOO_LARGE');
  });

  it('do not count attribute bytes: a pasted image as a data: URI is still read', () => {
    const report = readFileSync(path.join(FIXTURES, 'yanzhou-xinfang-2023.html'), 'utf8');
    const image = `<img src="data:image/png;base64,${'A'.repeat(3_000_000)}">`;
    const withImage = report.replace('</body>', `${image}</body>`);
    expect(extractHtmlReport(withImage, URL).cells).toEqual(extractHtmlReport(report, URL).cells);
  });

  it('do not count script or style text, only text that becomes the page', () => {
    const small = { ...PAGE_LIMITS, maxTextChars: 1_000 };
    const code = 'x'.repeat(2_000);
    expect(measurePage(`<body><script>var a = "${code}";</script><style>.a{}${code}</style><p>正文</p></body>`, 'x', small).textChars).toBe(2);
    expect(codeOf(() => measurePage(`<body><p>${code}</p></body>`, 'x', small))).toBe('E_PAGE_TOO_LARGE');
  });

  it('the crawl finds no links in such a page instead of parsing it', () => {
    const html = hugeTable(PAGE_LIMITS.maxTableCells / 10 + 1).replace('<table>', '<a href="/a.pdf">附件</a><table>');
    expect(findReportLinks(html, URL)).toEqual({ images: [], attachments: [], flipbooks: [] });
  });

  it('a 49 MB page that is one enormous table ends E_PAGE_TOO_LARGE in seconds under 2 GB (child process, peak RSS)', () => {
    const script = `
      import { extractHtmlReport } from './extract/html/extract-html-report.ts';
      const row = '<tr>' + '<td>12345</td>'.repeat(10) + '</tr>\\n';
      const html = '<html><body><div id="zoom"><table>' + row.repeat(330_000) + '</table></div></body></html>';
      const started = Date.now();
      let code = null;
      try { extractHtmlReport(html, 'http://x.gov.cn/big.html'); } catch (error) { code = error.code ?? String(error); }
      console.log(JSON.stringify({ bytes: html.length, code, ms: Date.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { bytes: number; code: string; ms: number; maxRssKb: number };
    console.log(`49 MB page: ${result.code} in ${result.ms} ms, peak RSS ${Math.round(result.maxRssKb / 1024)} MB`);
    expect(result.bytes).toBeGreaterThan(49_000_000);
    expect(result.code).toBe('E_PAGE_TOO_LARGE');
    expect(result.ms).toBeLessThan(60_000);
    expect(result.maxRssKb).toBeLessThan(2 * 1024 * 1024);
  });
});
