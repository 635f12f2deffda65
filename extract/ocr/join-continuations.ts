/**
 * A table continued over consecutive images (the page broke in the middle of table 3, so the report body holds two
 * or three screenshots of it). The first table of an image continues the last table of the image before when
 *  - the grid has the same column structure (same kind; the value columns' rules at the same shares of their span),
 *  - it has no header of its own (table 3: its first ruled row is a body row; table 2: it does not start with a
 *    信息内容 row), and
 *  - its row labels follow the earlier part's (they align to template rows after the earlier part's last one).
 * A continuation whose labels cannot be read at all is joined on the grid alone, with a warning. The joined table is
 * mapped as one (map-tables.ts), so a whole table 3 split anywhere is mapped by position like an unsplit one.
 */
import type { GridCell, TableGrid } from './grid.ts';
import { alignLabels, labelSimilarity, t2Rows, t3RowLabels, type Template } from './labels.ts';
import type { LabelledLayout } from './map-tables.ts';

/** Largest gap (share of the table's width) between matching vertical rules of two parts of one table. */
const MAX_RULE_SHIFT = 0.02;
const TEMPLATES: readonly Template[] = ['2021', '2019'];
const MAX_T3_ROWS = Math.max(...TEMPLATES.map((t) => t3RowLabels(t).length));

export interface ImageLayouts {
  readonly sourceId: string;
  readonly layouts: readonly LabelledLayout[];
}

/** One part of a table: the layout `layout` of image `image` (indexes into the input). */
export interface TablePart {
  readonly image: number;
  readonly layout: number;
  readonly labelled: LabelledLayout;
}

/** A table as printed: one part, or several parts of consecutive images joined. */
export interface JoinedTable {
  readonly parts: readonly TablePart[];
  /** The parts' rows and labels top to bottom (grid and header of the first part). */
  readonly labelled: LabelledLayout;
}

/** Centres of the rules `rules` as shares of the span from the first to the last of them. */
function ruleProfile(rules: TableGrid['vRules']): number[] {
  const centres = rules.map((r) => (r.lo + r.hi) / 2);
  const first = centres[0]!;
  const width = centres[centres.length - 1]! - first;
  return centres.map((c) => (width <= 0 ? 0 : (c - first) / width));
}

const sameProfile = (a: TableGrid['vRules'], b: TableGrid['vRules']): boolean => {
  const pa = ruleProfile(a);
  const pb = ruleProfile(b);
  return pa.length === pb.length && pa.every((x, i) => Math.abs(x - pb[i]!) <= MAX_RULE_SHIFT);
};

/**
 * Same column structure: the rightmost `columns` columns' rules at the same shares of their span. For table 3 those are
 * its 7 value columns only: a part may lack label-column rules (its labels span them, or the cut crossed a label cell
 * spanning many rows and left no rule across it), so label columns are not compared.
 */
export function sameColumns(a: TableGrid, b: TableGrid, columns: number): boolean {
  if (a.cols < columns || b.cols < columns) return false;
  return sameProfile(a.vRules.slice(-(columns + 1)), b.vRules.slice(-(columns + 1)));
}

function hasHeader(l: LabelledLayout): boolean {
  // Table 2 repeats its 信息内容 row above each group: a part starting with one is not joined (mapped on its own).
  if (l.layout.kind === 't2') return labelSimilarity(l.labels[0] ?? '', '信息内容') >= 0.5;
  return l.layout.rows[0]?.row !== 0;
}

function canonicalLabels(kind: 't2' | 't3', template: Template): string[] {
  return kind === 't3' ? t3RowLabels(template).map((r) => r.label) : t2Rows(template).map((r) => r.label);
}

/**
 * Whether `next`'s labels follow `prev`'s in some template's row order: 'yes', 'no', or 'unread' when either part
 * has no label that matches any template row.
 */
export function labelsFollow(prev: LabelledLayout, next: LabelledLayout): 'yes' | 'no' | 'unread' {
  const kind = prev.layout.kind === 't3' ? 't3' : 't2';
  let unread = true;
  for (const template of TEMPLATES) {
    const canonical = canonicalLabels(kind, template);
    const whole = alignLabels([...prev.labels, ...next.labels], canonical, { prefixOnly: kind === 't3' }).match;
    const before = whole.slice(0, prev.labels.length).filter((m) => m >= 0);
    const after = whole.slice(prev.labels.length).filter((m) => m >= 0);
    const own = alignLabels(next.labels, canonical, { prefixOnly: kind === 't3' }).match.filter((m) => m >= 0);
    if (before.length === 0 || own.length === 0) continue;
    unread = false;
    // The continuation's labels keep (most of) their matches when placed after the earlier part: they follow it.
    if (after.length >= Math.ceil(own.length * 0.75) && Math.min(...after) > Math.max(...before)) return 'yes';
  }
  return unread ? 'unread' : 'no';
}

function joinable(prev: LabelledLayout, next: LabelledLayout): 'yes' | 'no' | 'grid only' {
  const kind = prev.layout.kind;
  if (kind === 't4' || next.layout.kind !== kind) return 'no';
  if (!sameColumns(prev.layout.grid, next.layout.grid, kind === 't3' ? 7 : 4) || hasHeader(next)) return 'no';
  if (kind === 't3' && prev.layout.rows.length + next.layout.rows.length > MAX_T3_ROWS) return 'no';
  const follow = labelsFollow(prev, next);
  return follow === 'yes' ? 'yes' : follow === 'unread' ? 'grid only' : 'no';
}

function joined(a: LabelledLayout, b: LabelledLayout): LabelledLayout {
  return {
    layout: { ...a.layout, rows: [...a.layout.rows, ...b.layout.rows] },
    labels: [...a.labels, ...b.labels],
    header: a.header,
  };
}

/** The tables of consecutive images, in order, continuations joined to the table they continue. */
export function joinContinuations(images: readonly ImageLayouts[]): { tables: JoinedTable[]; warnings: string[] } {
  const tables: JoinedTable[] = [];
  const warnings: string[] = [];
  let open: JoinedTable | null = null;
  images.forEach((image, ii) => {
    image.layouts.forEach((labelled, li) => {
      const part: TablePart = { image: ii, layout: li, labelled };
      const verdict = li === 0 && open !== null ? joinable(open.labelled, labelled) : 'no';
      if (open !== null && verdict !== 'no') {
        const table: JoinedTable = { parts: [...open.parts, part], labelled: joined(open.labelled, labelled) };
        tables[tables.indexOf(open)] = table;
        open = table;
        const sources = table.parts.map((p) => images[p.image]!.sourceId).join(' + ');
        warnings.push(`${sources}: table ${labelled.layout.kind.slice(1)} continued over ${table.parts.length} images; joined (${table.parts.map((p) => p.labelled.layout.rows.length).join(' + ')} rows)${verdict === 'grid only' ? ' by its grid alone, labels unread' : ''}`);
        return;
      }
      const table: JoinedTable = { parts: [part], labelled };
      tables.push(table);
      open = table;
    });
  });
  return { tables, warnings };
}

/** Image index of every value cell of a joined table (cells are objects of their part's grid). */
export function imageOfCells(table: JoinedTable): Map<GridCell, number> {
  const out = new Map<GridCell, number>();
  for (const p of table.parts) for (const r of p.labelled.layout.rows) for (const v of r.values) out.set(v, p.image);
  return out;
}
