/**
 * How the page lays out and names the canonical keys: table 3 as rows × applicant columns, table 4 as groups ×
 * result columns, table 2 as a list; and the cells each check adds up (so that a report's answer names only its
 * failing checks). `GET /api/keys` answers this; the layout follows extract/template/keys.ts.
 */
import { checkTerms, type CheckTerms } from '../../extract/checks/check-terms.ts';
import { runChecks } from '../../extract/checks/run-checks.ts';
import { T2_KEYS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../../extract/template/keys.ts';
import { cellLabelZh, codebook, keyLabelZh, T3_COLUMN_LABELS_ZH, T3_ROW_LABELS_ZH, T4_COLUMN_LABELS_ZH, T4_GROUP_LABELS_ZH } from '../../extract/template/labels-zh.ts';

export interface MatrixLayout {
  readonly rows: readonly { readonly id: string; readonly label: string }[];
  readonly cols: readonly { readonly id: string; readonly label: string }[];
}

export interface KeyLayout {
  readonly t2: Readonly<Record<'2021' | '2019', readonly { readonly key: string; readonly label: string }[]>>;
  readonly t3: Readonly<Record<'2021' | '2019', MatrixLayout>>;
  readonly t4: MatrixLayout;
  /** Per template, every check id → the cells it adds up on each side. */
  readonly checks: Readonly<Record<'2021' | '2019', Readonly<Record<string, CheckTerms>>>>;
  /** Every canonical key → its Chinese row and column label, full label and unit (the provenance panel's heading). */
  readonly labels: Readonly<Record<string, { readonly row: string; readonly column: string; readonly label: string; readonly unit: string }>>;
}

/** A key's Chinese label (extract/template/labels-zh.ts), or the key when it is not canonical. */
export const keyLabel = cellLabelZh;

export function keyLayout(): KeyLayout {
  const t3 = (template: '2021' | '2019'): MatrixLayout => ({
    rows: T3_ROWS[template].map((id) => ({ id, label: T3_ROW_LABELS_ZH[id] ?? id })),
    cols: T3_COLUMNS.map((id) => ({ id, label: T3_COLUMN_LABELS_ZH[id] ?? id })),
  });
  const t2 = (template: '2021' | '2019'): { key: string; label: string }[] => T2_KEYS[template].map((key) => {
    const label = keyLabelZh(key);
    return { key, label: label === null ? key : `${label.row} · ${label.column}` };
  });
  return {
    t2: { '2021': t2('2021'), '2019': t2('2019') },
    t3: { '2021': t3('2021'), '2019': t3('2019') },
    t4: { rows: T4_GROUPS.map((id) => ({ id, label: T4_GROUP_LABELS_ZH[id] ?? id })), cols: T4_COLUMNS.map((id) => ({ id, label: T4_COLUMN_LABELS_ZH[id] ?? id })) },
    checks: { '2021': termsOfChecks('2021'), '2019': termsOfChecks('2019') },
    labels: Object.fromEntries(codebook().map((e) => [e.key, { row: e.row, column: e.column, label: e.label, unit: e.unit }])),
  };
}

function termsOfChecks(template: '2021' | '2019'): Record<string, CheckTerms> {
  return Object.fromEntries(runChecks(template, {}).map((c) => [c.id, checkTerms(c.id, template)]));
}
