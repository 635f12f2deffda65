/** Test-local arithmetic checks of spec §5 (the real checker lives in extract/; this one only guards the fixtures). */
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../../extract/template/keys.ts';

type Cells = Readonly<Record<string, number | null>>;

export function failingChecks(cells: Cells, template: '2021' | '2019'): string[] {
  const v = (key: string): number => cells[key] ?? 0;
  const failing: string[] = [];
  const results = T3_ROWS[template].filter((r) => !['new', 'carried_in', 'total', 'carried_out'].includes(r));
  for (const col of T3_COLUMNS) {
    if (v(`t3.new.${col}`) + v(`t3.carried_in.${col}`) !== v(`t3.total.${col}`) + v(`t3.carried_out.${col}`)) {
      failing.push(`t3.balance.${col}`);
    }
    if (results.reduce((a, r) => a + v(`t3.${r}.${col}`), 0) !== v(`t3.total.${col}`)) failing.push(`t3.results.${col}`);
  }
  for (const row of T3_ROWS[template]) {
    if (T3_APPLICANT_COLUMNS.reduce((a, c) => a + v(`t3.${row}.${c}`), 0) !== v(`t3.${row}.total`)) {
      failing.push(`t3.row.${row}`);
    }
  }
  for (const g of T4_GROUPS) {
    const parts = T4_COLUMNS.filter((c) => c !== 'total').reduce((a, c) => a + v(`t4.${g}.${c}`), 0);
    if (parts !== v(`t4.${g}.total`)) failing.push(`t4.sum.${g}`);
  }
  return failing;
}
