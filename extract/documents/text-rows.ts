/**
 * Tables that exist only as text rows (flip-book text layers, PDFs without ruling lines): a row is a label
 * followed by numbers separated by spaces, its label possibly wrapped over the lines above. Lines become either
 * prose or table rows; runs of table rows become `<table>`s the HTML mapping reads (headerless table 3 and 4 rows:
 * label cells then the values; table 2 keeps its header rows so columns are found by name).
 */
import { gridTableHtml, type SpanCell } from './table-html.ts';
import type { DocumentBlock } from './types.ts';

export interface SourceLine {
  readonly text: string;
  /** Where the line came from (a flip-book page URL, `page[3]`). */
  readonly source: string;
}

const VALUE = /^(?:[-+]?\d+(?:\.\d+)?(?:万元|元|件|%)?|[-—–－/／\\])$/;
const HEADER = /信息内容|第二十条第|申请人情况|法人或其他组织|自然人|商业企业|科研机构|行政复议\s*行政诉讼|结果维持|未经复议|复议后起诉|本年制发件数|本年处理决定数量|收费金额/;
const ENUMERATOR = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)]|\d+[.．、]|[①-⑳])/;
const SENTENCE_END = /[。；;：:]$/;
const MAX_LABEL_LINE = 20;
/** Headings of the report's six parts (never a table row label: those say 申请数量, 办理结果, 结转下年度). */
const SECTION_HEADING = /^[一二三四五六七]、.*(?:总体情况|概述|主动公开|收到和处理|行政复议|行政诉讼|存在的主要问题|其他需要报告)/;

interface Parsed {
  readonly line: SourceLine;
  readonly label: string;
  readonly values: readonly string[];
}

function parse(line: SourceLine): Parsed {
  const tokens = line.text.trim().split(/\s+/);
  let i = tokens.length;
  while (i > 0 && VALUE.test(tokens[i - 1]!)) i -= 1;
  const values = tokens.slice(i);
  const label = tokens.slice(0, i).join(' ');
  // A sentence that ends in a number ("…申请4件") is prose: values need a separating space and a short label.
  if (values.length > 0 && (label.length > 40 || SENTENCE_END.test(label))) return { line, label: line.text.trim(), values: [] };
  return { line, label, values };
}

const isSectionHeading = (p: Parsed): boolean => p.values.length === 0 && SECTION_HEADING.test(p.label);
const isHeader = (p: Parsed): boolean => p.values.length === 0 && HEADER.test(p.label) && p.label.length <= 60;
const isLabelLine = (p: Parsed): boolean => p.values.length === 0 && p.label.length <= MAX_LABEL_LINE && !SENTENCE_END.test(p.label);

/** Label lines → label cells: a line that starts with an enumerator starts a new cell, others continue the last. */
function labelCells(parts: readonly string[]): string[] {
  const cells: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    if (cells.length === 0 || ENUMERATOR.test(part)) cells.push(part);
    else cells[cells.length - 1] += part;
  }
  return cells;
}

interface Row {
  readonly cells: readonly string[];
  readonly source: string;
  readonly values: number;
}

function tableBlock(rows: readonly Row[], index: number, origin: string): DocumentBlock {
  // Tables 3 and 4 (7 or 15 values a row): value rows right-aligned so values share columns, header lines kept as
  // one spanning cell each (they name the table; their words do not line up with the columns). Table 2 as printed.
  const wide = rows.some((r) => r.values >= 7);
  const width = Math.max(...rows.map((r) => (wide && r.values === 0 ? 1 : r.cells.length)));
  const cells: SpanCell[] = rows.flatMap((r, row) => {
    if (wide && r.values === 0) return [{ row, col: 0, rowSpan: 1, colSpan: width, text: r.cells.join(' ') }];
    const shift = wide ? width - r.cells.length : 0;
    const pad = Array.from({ length: shift }, (_, c) => ({ row, col: c, rowSpan: 1, colSpan: 1, text: '' }));
    return [...pad, ...r.cells.map((text, c) => ({ row, col: c + shift, rowSpan: 1, colSpan: 1, text }))];
  });
  return { kind: 'table', table: { html: gridTableHtml(cells), origin: `${origin}/table[${index}]`, rowSources: rows.map((r) => r.source) } };
}

/** Lines in reading order → prose and table blocks. `origin` names the document (e.g. `flipbook`). */
export function textRowBlocks(lines: readonly SourceLine[], origin: string): DocumentBlock[] {
  const parsed = lines.filter((l) => l.text.trim() !== '').map(parse);
  const blocks: DocumentBlock[] = [];
  let rows: Row[] = [];
  let pending: Parsed[] = [];
  let tables = 0;
  const flushTable = (): void => {
    if (rows.some((r) => r.values > 0)) blocks.push(tableBlock(rows, tables++, origin));
    rows = [];
  };
  const flushPending = (): void => {
    for (const p of pending) blocks.push({ kind: 'text', text: p.label });
    pending = [];
  };
  for (const p of parsed) {
    if (isSectionHeading(p)) {
      flushTable();
      flushPending();
      blocks.push({ kind: 'text', text: p.label });
    } else if (p.values.length > 0) {
      const labels = labelCells([...pending.map((q) => q.label), p.label]);
      rows.push({ cells: [...labels, ...p.values], source: p.line.source, values: p.values.length });
      pending = [];
    } else if (isHeader(p)) {
      if (pending.length > 0 && rows.length === 0) flushPending();
      pending = [];
      rows.push({ cells: p.label.split(/\s+/), source: p.line.source, values: 0 });
    } else if (isLabelLine(p) && (rows.length > 0 || pending.length > 0)) {
      pending.push(p);
    } else if (isLabelLine(p)) {
      pending.push(p);
    } else {
      flushTable();
      flushPending();
      blocks.push({ kind: 'text', text: p.label });
    }
  }
  flushTable();
  flushPending();
  return joinWrappedProse(blocks);
}

/** Prose lines hard-wrapped at a fixed width → paragraphs: a full-width line continues on the next. */
function joinWrappedProse(blocks: readonly DocumentBlock[]): DocumentBlock[] {
  const texts = blocks.flatMap((b) => (b.kind === 'text' ? [[...b.text].length] : []));
  const full = Math.max(0, ...texts) * 0.9;
  const out: DocumentBlock[] = [];
  let open = false;
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind === 'text' && open && prev?.kind === 'text' && !SECTION_HEADING.test(b.text)) {
      out[out.length - 1] = { kind: 'text', text: prev.text + b.text };
    } else out.push(b);
    const last = out[out.length - 1];
    open = b.kind === 'text' && full > 12 && [...b.text].length >= full && !/[。！？]$/.test(b.text) && last?.kind === 'text';
  }
  return out;
}
