/**
 * A real-world document shape ("look") for the documents bench and tests: what is printed (labels, values as
 * printed, layout: page breaks, merged headers) and, written out literally beside it, what extraction must give.
 * Expected values are never derived from the extractor: every number is written in the definition (values.ts,
 * looks.ts), and a printed form that is not a plain number (`251000元`, `/`, `—`, blank) carries its expected value.
 */
import type { T3Form } from '../../../extract/template/keys.ts';

/** How the document is produced: Chromium's page.pdf(), a Word document, or that Word document printed by LibreOffice. */
export type LookFormat = 'pdf-chromium' | 'docx' | 'pdf-libreoffice';

/** One printed cell and the value it must come out as (null: blank, dash or slash). */
export interface PrintedCell {
  readonly printed: string;
  readonly value: number | null;
}

/** Table 2 as printed: canonical key → printed cell (every key of the template). */
export type T2Print = Readonly<Record<string, PrintedCell>>;

export interface T3Break {
  /** Last row (canonical row id) printed before the page break. */
  readonly after: string;
  /** The header rows are printed again at the top of the next page (Word's 重复标题行). */
  readonly repeatHeader: boolean;
  /** Text printed at the foot of the page, between the halves (a page number), or null. */
  readonly footer: string | null;
}

export interface T3Print {
  readonly form: T3Form;
  /** Row id (`new`, `withheld.secret`, `other` …) → the seven printed values, natural … total. */
  readonly rows: Readonly<Record<string, readonly number[]>>;
  /** Printed labels that differ from the official ones: a row id, `group:<withheld|unable|rejected|other>`, or `results` (三、本年度办理结果). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Rows the report does not print at all (must come out as E_ROW_NOT_FOUND, not as nulls). */
  readonly omit?: readonly string[];
  /** Split by hand into two tables on two pages (pdf-chromium), instead of one table. */
  readonly split?: T3Break;
}

export interface LookLayout {
  /** pdf-chromium: one table 3 left to break where the page ends, header rows in `<thead>` (repeated by the browser) or not. */
  readonly naturalBreak?: 'thead' | 'plain';
  /** Paragraphs of prose before table 3 (moves table 3 down the page so that it crosses a page break). */
  readonly fillerParagraphs?: number;
  /** Page numbers in the page footer (Chromium's footer template; LibreOffice: a footer paragraph). */
  readonly pageNumbers?: boolean;
  /** Table 4 cut after its three header rows: the value row on the next page, after this page-number line (null: none). */
  readonly t4Split?: { readonly footer: string | null };
  /** Table borders: all ruled (default), or horizontal rules only (no vertical lines, as many exports print). */
  readonly rules?: 'grid' | 'horizontal';
  /** DOCX: cells as Word leaves them after editing (text cut into runs, a `_GoBack` bookmark, long labels over two paragraphs). */
  readonly wordNoise?: boolean;
  /** DOCX: header rows marked to repeat on every page (`w:tblHeader`). */
  readonly repeatHeaderRows?: boolean;
}

export interface ExpectedProblem {
  readonly code: 'E_ROW_NOT_FOUND' | 'E_CELL_NOT_FOUND' | 'E_TABLE_NOT_FOUND';
  /** Row for E_ROW_NOT_FOUND (`t3.rejected.confirm`), else null. */
  readonly row: string | null;
}

export interface Look {
  readonly name: string;
  /** What real published reports this imitates. */
  readonly description: string;
  /** Held out of tuning: written before the extractor was run on it, scored and reported apart. */
  readonly heldOut: boolean;
  readonly format: LookFormat;
  readonly template: '2021' | '2019';
  readonly agency: string;
  readonly year: number;
  readonly t2: T2Print;
  readonly t3: T3Print;
  /** Table 4 as printed: review, suit_direct, suit_after_review × upheld, corrected, other, pending, total. */
  readonly t4: readonly number[];
  readonly layout?: LookLayout;
  /** Checks that fail on the printed numbers (a table that breaks its own sums), written out by hand. */
  readonly failingChecks: readonly string[];
  readonly problems: readonly ExpectedProblem[];
}
