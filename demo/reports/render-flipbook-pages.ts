/**
 * Page texts of a 文登 flip-book (PDF converted to an HTML5 book, one URL per page): the PDF text layer with hard
 * line breaks every ~28 characters, tables as label lines followed by numbers separated by spaces, and a page
 * number footer.
 */
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS } from '../../extract/template/keys.ts';
import { numberText, markupContext, type MarkupContext } from './cell-markup.ts';
import { reportBlocks, type Block } from './report-prose.ts';
import type { DemoReportSpec } from './report-spec.ts';
import {
  T2_GROUPS,
  T3_CARRIED_IN_LABEL,
  T3_CARRIED_OUT_LABEL,
  T3_CORNER,
  T3_NEW_LABEL,
  T3_ORG_COLUMNS,
  T3_RESULTS_LABEL,
  T4_RESULT_LABELS,
  t3ResultRows,
} from './table-labels.ts';

const LINE = 28;
const LABEL = 16;

function wrap(text: string, width: number, indent = ''): string[] {
  const chars = [...(indent + text)];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines;
}

/** A table row as the text layer shows it: the label wrapped in its cell, numbers after the last label line. */
function row(label: string, values: readonly string[]): string[] {
  const lines = wrap(label, LABEL);
  lines[lines.length - 1] = [lines[lines.length - 1], ...values].join(' ');
  return lines;
}

function values(ctx: MarkupContext, spec: DemoReportSpec, keys: readonly string[]): string[] {
  return keys.map((k) => numberText(ctx, k, spec.cells[k] ?? null));
}

function table2Lines(ctx: MarkupContext, spec: DemoReportSpec, template: '2021' | '2019'): string[] {
  return T2_GROUPS[template].flatMap((g) => [
    g.header,
    ['信息内容', ...g.columns].join(' '),
    ...g.rows.flatMap((r) => row(r.label, values(ctx, spec, r.keys))),
  ]);
}

function table3Lines(ctx: MarkupContext, spec: DemoReportSpec, template: '2021' | '2019'): string[] {
  const t3 = (key: string): string[] => values(ctx, spec, T3_COLUMNS.map((c) => `t3.${key}.${c}`));
  const lines = [...wrap(T3_CORNER, LABEL), '申请人情况', '自然人 法人或其他组织 总计', T3_ORG_COLUMNS.join(' ')];
  lines.push(...row(T3_NEW_LABEL, t3('new')), ...row(T3_CARRIED_IN_LABEL, t3('carried_in')));
  let group: string | null = null;
  t3ResultRows(template).forEach((r, i) => {
    const prefix = [i === 0 ? T3_RESULTS_LABEL : '', r.group !== null && r.group !== group ? r.group : ''].filter(Boolean);
    group = r.group;
    lines.push(...prefix, ...row(r.label, t3(r.key)));
  });
  lines.push(...row(T3_CARRIED_OUT_LABEL, t3('carried_out')));
  return lines;
}

function table4Lines(ctx: MarkupContext, spec: DemoReportSpec): string[] {
  return [
    '行政复议 行政诉讼',
    [...T4_RESULT_LABELS, '未经复议直接起诉', '复议后起诉'].join(' '),
    [...T4_RESULT_LABELS, ...T4_RESULT_LABELS].join(' '),
    values(ctx, spec, T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g}.${c}`))).join(' '),
  ];
}

function blockLines(ctx: MarkupContext, spec: DemoReportSpec, b: Block): string[] {
  const template = spec.template === '2019' ? '2019' : '2021';
  switch (b.kind) {
    case 'title':
    case 'signature':
      return [...b.lines];
    case 'heading':
    case 'subheading':
      return wrap(b.text, LINE);
    case 'para':
      return wrap(b.text, LINE, '  ');
    case 'tables':
      if (spec.template === 'older') return [];
      return b.part === 2 ? table2Lines(ctx, spec, template) : b.part === 3 ? table3Lines(ctx, spec, template) : table4Lines(ctx, spec);
  }
}

/** 4–6 pages of text, each ending with its page number. */
export function renderFlipbookPages(spec: DemoReportSpec): string[] {
  const ctx = markupContext(spec);
  const lines = reportBlocks(spec).flatMap((b) => blockLines(ctx, spec, b));
  const pageCount = Math.min(6, Math.max(4, Math.ceil(lines.length / 38)));
  const perPage = Math.ceil(lines.length / pageCount);
  const pages: string[] = [];
  for (let p = 0; p < pageCount; p++) {
    const chunk = lines.slice(p * perPage, (p + 1) * perPage);
    pages.push([...chunk, '', `- ${p + 1} -`].join('\n'));
  }
  return pages;
}
