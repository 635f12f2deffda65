/// <reference lib="dom" />
// (callbacks passed to page.evaluate run in Chromium and use DOM types)
/**
 * Render the official tables (demo/reports/render-tables-html.ts) through Chromium as element screenshots.
 * One browser per `TableRenderer`; `close()` when done.
 */
import { chromium, type Browser } from 'playwright-core';
import { markupContext } from '../reports/cell-markup.ts';
import type { DemoReportSpec, Quirk } from '../reports/report-spec.ts';
import { table2Html, table3Html, table4Html } from '../reports/render-tables-html.ts';
import type { Cells } from '../reports/generate-values.ts';
import { LOOK_SPECS, type LookId } from './looks.ts';

export type TableId = 't2' | 't3' | 't4';

export interface RenderRequest {
  readonly template: '2021' | '2019';
  readonly cells: Cells;
  readonly tables: readonly TableId[];
  readonly look: LookId;
  readonly quirks?: readonly Quirk[];
  /** Keep only table rows [from, to) of the single table (a table split over two images). */
  readonly rows?: { readonly from: number; readonly to: number };
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function specOf(template: '2021' | '2019', cells: Cells, quirks: readonly Quirk[]): DemoReportSpec {
  return {
    slug: 'ocr-fixture',
    portal: 'yanzhou',
    agency: '示例机关',
    agencyKey: 'ocr',
    agencyKind: '部门',
    year: template === '2021' ? 2023 : 2019,
    template,
    title: '',
    publishedAt: '2024-01-15 09:00:00',
    tables: 'image',
    cells,
    failingChecks: [],
    quirks,
    charset: 'utf-8',
    delivery: 'page',
    profile: { shortName: '', address: '', phone: '', proactiveCount: 0, channel: '', focus: '' },
  };
}

export function tablesHtml(req: RenderRequest): string {
  const spec = specOf(req.template, req.cells, req.quirks ?? []);
  const ctx = markupContext(spec);
  const render = { t2: table2Html, t3: table3Html, t4: table4Html } as const;
  const look = LOOK_SPECS[req.look];
  const body = req.tables.map((t) => `<div class="t">${render[t](ctx, spec)}</div>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #fff; }
    #shot { display: inline-block; padding: 18px; background: #fff; }
    .t + .t { margin-top: 28px; }
    td, th, td *, th * { font-family: ${look.font} !important; font-size: ${look.fontPx}px !important; color: #000; }
    p { margin: 0; }
    table { border-collapse: collapse; }
    ${look.css ?? ''}
  </style></head><body><div id="shot">${body}</div></body></html>`;
}

export class TableRenderer {
  private constructor(private readonly browser: Browser) {}

  static async open(): Promise<TableRenderer> {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
    return new TableRenderer(browser);
  }

  /** PNG screenshot of the requested tables at the look's device scale. */
  async render(req: RenderRequest): Promise<Buffer> {
    const look = LOOK_SPECS[req.look];
    const context = await this.browser.newContext({ deviceScaleFactor: look.deviceScale, viewport: { width: 1400, height: 2400 } });
    try {
      const page = await context.newPage();
      await page.setContent(tablesHtml(req), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const shot = page.locator('#shot');
      if (req.rows === undefined) return await shot.screenshot({ type: 'png' });
      const box = await shot.boundingBox();
      const rows = await page.locator('#shot tr').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().toJSON() as DOMRect));
      const first = rows[req.rows.from];
      const last = rows[Math.min(req.rows.to, rows.length) - 1];
      if (box === null || first === undefined || last === undefined) throw new Error('Expected table rows to clip');
      const top = req.rows.from === 0 ? box.y : first.y - 2;
      const bottom = req.rows.to >= rows.length ? box.y + box.height : last.y + last.height + 1;
      return await page.screenshot({ type: 'png', clip: { x: box.x, y: top, width: box.width, height: bottom - top } });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
