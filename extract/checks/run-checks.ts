/**
 * Arithmetic checks of the spec (§5, 勾稽关系). A failing check is recorded, never "fixed".
 * Nulls count as 0 and are listed in `nullsAsZero`.
 *
 * Not here: `cross.carry.<col>` (this year's carried_in = last year's carried_out) needs two reports of the
 * same body and belongs to whoever holds the archive (store/ or jobs/).
 */
import type { CheckResult, TemplateVersion } from '../types.ts';
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_FORM_ROWS, T4_COLUMNS, T4_GROUPS, t3FormOfKeys } from '../template/keys.ts';

type Cells = Readonly<Record<string, number | null>>;

export type CheckedTable = 't3' | 't4';

function sumOf(cells: Cells, keys: readonly string[], nulls: string[]): number {
  let total = 0;
  for (const key of keys) {
    const value = cells[key];
    if (value === null || value === undefined) nulls.push(key);
    else total += value;
  }
  return total;
}

/** Identity `Σ left = Σ right`; money-free, so compared exactly (rounded to 1e-6 for safety). */
function identity(id: string, cells: Cells, left: readonly string[], right: readonly string[]): CheckResult {
  const nulls: string[] = [];
  const l = sumOf(cells, left, nulls);
  const r = sumOf(cells, right, nulls);
  return { id, ok: Math.abs(l - r) < 1e-6, left: l, right: r, nullsAsZero: [...new Set(nulls)] };
}

function resultRows(rows: readonly string[]): string[] {
  return rows.slice(rows.indexOf('disclosed'), rows.indexOf('total'));
}

/** Table 3 in the form its keys show: （六） as one row (`other`) or three (`other.*`), whatever the template. */
export function table3Checks(template: '2021' | '2019', cells: Cells): CheckResult[] {
  const t3Rows = T3_FORM_ROWS[t3FormOfKeys(template, Object.keys(cells))];
  const key = (row: string, col: string): string => `t3.${row}.${col}`;
  const balance = T3_COLUMNS.map((col) =>
    identity(`t3.balance.${col}`, cells, [key('new', col), key('carried_in', col)], [key('total', col), key('carried_out', col)]),
  );
  const results = T3_COLUMNS.map((col) =>
    identity(`t3.results.${col}`, cells, [key('total', col)], resultRows(t3Rows).map((row) => key(row, col))),
  );
  const rows = t3Rows.map((row) =>
    identity(`t3.row.${row}`, cells, [key(row, 'total')], T3_APPLICANT_COLUMNS.map((col) => key(row, col))),
  );
  return [...balance, ...results, ...rows];
}

export function table4Checks(cells: Cells): CheckResult[] {
  return T4_GROUPS.map((group) =>
    identity(
      `t4.sum.${group}`,
      cells,
      [`t4.${group}.total`],
      T4_COLUMNS.filter((c) => c !== 'total').map((c) => `t4.${group}.${c}`),
    ),
  );
}

/**
 * All checks of a template. Tables listed in `skip` (absent from the report) are not checked at all,
 * so that their all-null cells do not come out as a trivially passing 0 = 0.
 */
export function runChecks(template: TemplateVersion, cells: Cells, skip: readonly CheckedTable[] = []): CheckResult[] {
  if (template === 'older') return [];
  return [...(skip.includes('t3') ? [] : table3Checks(template, cells)), ...(skip.includes('t4') ? [] : table4Checks(cells))];
}
