/**
 * What the extractor must read back from each demo report: the contract checked by the extraction tests.
 * Numbers are only expected when the tables are HTML; image, PDF and prose reports expect every cell null.
 */
import type { TemplateVersion } from '../../extract/types.ts';
import { templateKeys } from '../../extract/template/keys.ts';
import type { DemoReportSpec } from './report-spec.ts';

export interface ExpectedExtraction {
  readonly title: string;
  readonly agency: string;
  readonly year: number;
  /** ISO date `YYYY-MM-DD`. */
  readonly publishedAt: string;
  readonly template: TemplateVersion;
  /** Whether the statistical tables are HTML tables in the page (else cells are all null). */
  readonly tablesInHtml: boolean;
  /** Every canonical key of the template → value, null where blank or not in HTML. */
  readonly cells: Readonly<Record<string, number | null>>;
  /** Check ids that fail on the extracted cells. */
  readonly failingChecks: readonly string[];
}

export function expectedExtraction(spec: DemoReportSpec): ExpectedExtraction {
  const tablesInHtml = spec.tables === 'html' && spec.delivery === 'page';
  const keys = templateKeys(spec.template);
  return {
    title: spec.title,
    agency: spec.agency,
    year: spec.year,
    publishedAt: spec.publishedAt.slice(0, 10),
    template: spec.template,
    tablesInHtml,
    cells: Object.fromEntries(keys.map((k) => [k, tablesInHtml ? (spec.cells[k] ?? null) : null])),
    failingChecks: tablesInHtml ? [...spec.failingChecks] : [],
  };
}
