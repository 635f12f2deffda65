/** A report page whose tables are left out (详见附件), from a demo spec. */
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { renderReportBody } from '../../../demo/reports/render-report-body.ts';
import type { DemoReportSpec } from '../../../demo/reports/report-spec.ts';

export function fixtureSpecOf(slug: string): DemoReportSpec {
  return { ...demoReport(slug), tables: 'pdf-attachment', quirks: ['bare-table'] };
}

export function bodyHtml(spec: DemoReportSpec): string {
  return renderReportBody(spec, { imageUrls: [] });
}
