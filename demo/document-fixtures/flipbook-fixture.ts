/** A flip-book fixture: the HTML pages the demo flip-book host serves for a spec, and what must be read back. */
import { flipbookPage } from '../portal/page-shells.ts';
import { renderFlipbookPages } from '../reports/render-flipbook-pages.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { expectedDocument, type ExpectedDocument } from './expected-json.ts';

export function flipbookFixture(spec: DemoReportSpec): { dir: string; pages: string[]; expected: ExpectedDocument } {
  const dir = `${spec.slug}.flipbook`;
  return {
    dir,
    pages: renderFlipbookPages(spec).map((text, i) => flipbookPage(i + 1, text)),
    expected: expectedDocument(dir, spec, 'flipbook', true),
  };
}
