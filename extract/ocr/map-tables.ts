/**
 * From OCR'd labels to canonical keys: the template each table votes for (label alignment scores), and the key of
 * every value cell once the report's template is decided.
 */
import { T3_COLUMNS, t4Keys, MONEY_KEYS } from '../template/keys.ts';
import { DIGITS } from './engine.ts';
import type { GridCell } from './grid.ts';
import { alignLabels, labelSimilarity, t2Rows, t3RowLabels, withoutNote, type Template } from './labels.ts';
import type { TableLayout } from './layout.ts';

export interface LabelledLayout {
  readonly layout: TableLayout;
  /** OCR text of each row's label cell (same order as layout.rows); '' for table 4. */
  readonly labels: readonly string[];
  /** OCR text of the header cell, if any. */
  readonly header: string | null;
}

export interface KeyedCell {
  readonly key: string;
  readonly cell: GridCell;
  readonly charset: string;
  /** Label text the row was identified by ('' for table 4). */
  readonly rowLabel: string;
}

export interface TableMapping {
  readonly cells: readonly KeyedCell[];
  readonly warnings: readonly string[];
}

const TEMPLATES: readonly Template[] = ['2021', '2019'];

/**
 * Characters a key's cell may hold beyond digits: '-' for 2019 本年增/减; '.' and the units `万元`/`元` for money
 * (printed `695.09万元` or `251000元`; parseReading converts yuan to 万元).
 */
export function charsetOf(key: string): string {
  if (key.endsWith('.change')) return `${DIGITS}-`;
  if (MONEY_KEYS.has(key)) return `${DIGITS}.万元`;
  return DIGITS;
}

function isT2Header(label: string): boolean {
  return labelSimilarity(label, '信息内容') >= 0.5;
}

function t2Alignment(l: LabelledLayout, template: Template): { match: number[]; score: number; data: number[] } {
  const data = l.layout.rows.map((_, i) => i).filter((i) => !isT2Header(l.labels[i] ?? ''));
  const rows = t2Rows(template);
  const aligned = alignLabels(
    data.map((i) => withoutNote(l.labels[i] ?? '')),
    rows.map((r) => r.label),
    { minSimilarity: 0.4 },
  );
  let score = aligned.score;
  aligned.match.forEach((m, k) => {
    if (m < 0) return;
    const count = l.layout.rows[data[k]!]!.values.length;
    score += count === rows[m]!.keys.length ? 0.3 : -0.5;
  });
  return { match: [...aligned.match], score, data };
}

function t3Alignment(l: LabelledLayout, template: Template): { match: readonly number[]; score: number } {
  const canonical = t3RowLabels(template).map((r) => r.label);
  // A whole table (as many body rows as the template) maps by position; labels only confirm it.
  if (l.labels.length === canonical.length) {
    const score = l.labels.reduce((acc, label, i) => acc + labelSimilarity(label, canonical[i]!, true), 0);
    return { match: canonical.map((_, i) => i), score: score + 3 };
  }
  return alignLabels(l.labels, canonical, { prefixOnly: true });
}

/**
 * The form of a table 3, named by the template that prints it (`2021`: 25 rows, `2019`: 23): the form whose row count
 * the table has when only one does, else the better label alignment, else the report's template.
 */
export function t3Form(l: LabelledLayout, template: Template): Template {
  const other: Template = template === '2021' ? '2019' : '2021';
  const count = l.labels.length;
  if (count === t3RowLabels(template).length) return template;
  if (count === t3RowLabels(other).length) return other;
  return t3Alignment(l, other).score > t3Alignment(l, template).score + 1 ? other : template;
}

/** Score of `template` minus the other, positive for 2021; 0 when the table cannot tell (table 4, or a shared part). */
export function templateVote(l: LabelledLayout): number {
  if (l.layout.kind === 't4') return 0;
  const score = (t: Template): number => (l.layout.kind === 't2' ? t2Alignment(l, t).score : t3Alignment(l, t).score);
  return score('2021') - score('2019');
}

export function mapTable(l: LabelledLayout, template: Template): TableMapping {
  const { layout } = l;
  const warnings: string[] = [];
  const cells: KeyedCell[] = [];
  if (layout.kind === 't4') {
    const keys = t4Keys();
    layout.rows[0]!.values.forEach((cell, i) => cells.push({ key: keys[i]!, cell, charset: DIGITS, rowLabel: '' }));
    if (l.header !== null && labelSimilarity(l.header, '行政复议') < 0.3) {
      warnings.push(`table 4 header reads "${l.header}", expected 行政复议`);
    }
    return { cells, warnings };
  }
  if (layout.kind === 't3') {
    // Table 3's form (（六） one row: 23 rows; three sub-rows: 25) is read from the table, whatever the template.
    const form = t3Form(l, template);
    if (form !== template) warnings.push(`table 3 has the ${form === '2019' ? '23' : '25'}-row form in a ${template} report; mapped to its own keys`);
    const rows = t3RowLabels(form);
    const aligned = t3Alignment(l, form);
    aligned.match.forEach((m, i) => {
      const row = layout.rows[i]!;
      if (m < 0) {
        warnings.push(`table 3 row "${l.labels[i]}" matches no ${template} row; its values are not mapped`);
        return;
      }
      row.values.forEach((cell, c) =>
        cells.push({ key: `t3.${rows[m]!.key}.${T3_COLUMNS[c]}`, cell, charset: DIGITS, rowLabel: l.labels[i] ?? '' }),
      );
    });
    return { cells, warnings };
  }
  const rows = t2Rows(template);
  const aligned = t2Alignment(l, template);
  aligned.match.forEach((m, k) => {
    const index = aligned.data[k]!;
    const row = layout.rows[index]!;
    if (m < 0) {
      warnings.push(`table 2 row "${l.labels[index]}" matches no ${template} row`);
      return;
    }
    const keys = rows[m]!.keys;
    if (keys.length !== row.values.length) {
      warnings.push(`table 2 row ${rows[m]!.label}: ${row.values.length} value cells, expected ${keys.length}`);
    }
    row.values.slice(0, keys.length).forEach((cell, c) =>
      cells.push({ key: keys[c]!, cell, charset: charsetOf(keys[c]!), rowLabel: l.labels[index] ?? '' }),
    );
  });
  return { cells, warnings };
}

export function decideTemplate(votes: readonly number[], hint: Template | undefined): { template: Template; warning: string | null } {
  const sum = votes.reduce((a, b) => a + b, 0);
  if (Math.abs(sum) >= 0.5) {
    const template: Template = sum > 0 ? '2021' : '2019';
    const warning = hint !== undefined && hint !== template ? `labels say template ${template}, caller said ${hint}; using ${template}` : null;
    return { template, warning };
  }
  if (hint !== undefined) return { template: hint, warning: null };
  return { template: TEMPLATES[0]!, warning: 'template undetermined from the images; assuming 2021' };
}
