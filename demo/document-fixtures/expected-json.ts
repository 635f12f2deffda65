/** The expected extraction of a document fixture, derived from the demo spec it was rendered from. */
import { templateKeys } from '../../extract/template/keys.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';

export interface ExpectedDocument {
  readonly fixture: string;
  readonly slug: string;
  readonly format: string;
  /** Every cell must match exactly (text layers) or within OCR accuracy with no unflagged wrong value. */
  readonly exact: boolean;
  /** Whether title, agency and year are printed in the document (attachments holding only tables do not). */
  readonly titled: boolean;
  readonly title: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: string;
  readonly cells: Readonly<Record<string, number | null>>;
  readonly failingChecks: readonly string[];
}

export function expectedDocument(fixture: string, spec: DemoReportSpec, format: string, exact: boolean, titled = true): ExpectedDocument {
  return {
    fixture,
    slug: spec.slug,
    format,
    exact,
    titled,
    title: titled ? spec.title : null,
    agency: titled ? spec.agency : null,
    year: titled ? spec.year : null,
    template: spec.template,
    cells: Object.fromEntries(templateKeys(spec.template).map((k) => [k, spec.cells[k] ?? null])),
    failingChecks: [...spec.failingChecks].sort(),
  };
}
