/**
 * The HTML of a report body as it sits inside the CMS content area (`div#zoom`): Word pasted into the editor
 * (MsoNormal paragraphs, styled spans, `lang=EN-US` digit runs) or, for `bare-table` reports, plain `<p>`s.
 * Tables go in place per the spec's table form.
 */
import { escapeHtml, markupContext, type MarkupContext } from './cell-markup.ts';
import { reportBlocks, type Block } from './report-prose.ts';
import type { DemoReportSpec } from './report-spec.ts';
import { table2Html, table3Html, table4Html } from './render-tables-html.ts';

export interface BodyAssets {
  /** One image URL per table (2, 3, 4) for `image` reports. */
  readonly imageUrls: readonly string[];
  /** The PDF holding the tables, for `pdf-attachment` reports. */
  readonly attachmentUrl?: string;
}

const FONTS = {
  title: 'font-size:22.0pt;font-family:方正小标宋简体',
  heading: 'font-size:16.0pt;font-family:黑体',
  subheading: 'font-size:16.0pt;font-family:楷体_GB2312',
  para: 'font-size:16.0pt;font-family:仿宋_GB2312',
} as const;

/** Word puts runs of ASCII digits and Latin letters in their own `lang=EN-US` spans. */
function wordRuns(text: string, font: string): string {
  return text
    .split(/([0-9A-Za-z.:\-—/]+)/)
    .filter((part) => part !== '')
    .map((part) =>
      /^[0-9A-Za-z.:\-—/]+$/.test(part)
        ? `<span lang=EN-US style='${font}'>${escapeHtml(part)}</span>`
        : `<span style='${font}'>${escapeHtml(part)}</span>`,
    )
    .join('');
}

function wordParagraph(text: string, font: string, align: 'indent' | 'center' | 'right', bold = false): string {
  const style =
    align === 'center'
      ? "align=center style='text-align:center;line-height:28.0pt'"
      : align === 'right'
        ? "align=right style='text-align:right;line-height:28.0pt'"
        : "style='text-indent:32.0pt;line-height:28.0pt'";
  const runs = wordRuns(text, font);
  return `<p class=MsoNormal ${style}>${bold ? `<b>${runs}</b>` : runs}</p>`;
}

function plainParagraph(text: string, align: 'indent' | 'center' | 'right', bold = false): string {
  const style = align === 'center' ? 'text-align:center;' : align === 'right' ? 'text-align:right;' : 'text-indent:2em;';
  const inner = escapeHtml(text);
  return `<p style="${style}">${bold ? `<strong>${inner}</strong>` : inner}</p>`;
}

function paragraph(ctx: MarkupContext, text: string, kind: keyof typeof FONTS, align: 'indent' | 'center' | 'right'): string {
  const bold = kind === 'title' || kind === 'subheading';
  return ctx.word ? wordParagraph(text, FONTS[kind], align, bold) : plainParagraph(text, align, bold);
}

function tableSlot(ctx: MarkupContext, spec: DemoReportSpec, part: 2 | 3 | 4, assets: BodyAssets): string {
  switch (spec.tables) {
    case 'html':
      return part === 2 ? table2Html(ctx, spec) : part === 3 ? table3Html(ctx, spec) : table4Html(ctx, spec);
    case 'image': {
      const url = assets.imageUrls[part - 2];
      if (url === undefined) throw new Error(`Expected an image URL for table ${part}, got ${assets.imageUrls.length} URLs`);
      const name = url.split('/').pop() ?? '';
      return `<p style="text-align:center"><img src="${escapeHtml(url)}" title="${escapeHtml(name)}" alt="${escapeHtml(name)}" width="600" /></p>`;
    }
    case 'pdf-attachment':
      return paragraph(ctx, '（详见附件）', 'para', 'indent');
    case 'none':
      return '';
  }
}

export function attachmentName(spec: DemoReportSpec): string {
  return `${spec.agency}${spec.year}年年报统计表.pdf`;
}

function block(ctx: MarkupContext, spec: DemoReportSpec, b: Block, assets: BodyAssets, index: number): string {
  switch (b.kind) {
    case 'title':
      return b.lines.map((line) => paragraph(ctx, line, 'title', 'center')).join('\n');
    case 'heading':
      return paragraph(ctx, b.text, 'heading', 'indent');
    case 'subheading':
      return paragraph(ctx, b.text, 'subheading', 'indent');
    case 'para': {
      const html = paragraph(ctx, b.text, 'para', 'indent');
      // malformed: the second intro paragraph never closes its <p> (the next <p> does).
      return ctx.quirks.has('malformed') && index === 2 ? html.replace(/<\/p>$/, '') : html;
    }
    case 'tables':
      return tableSlot(ctx, spec, b.part, assets);
    case 'signature':
      return b.lines.map((line) => paragraph(ctx, line, 'para', 'right')).join('\n');
  }
}

function attachmentLink(spec: DemoReportSpec, assets: BodyAssets): string {
  if (spec.tables !== 'pdf-attachment' || assets.attachmentUrl === undefined) return '';
  const name = attachmentName(spec);
  return `\n<p style="line-height:28px;">附件：<img src="/module/jslib/icons/pdf.png" border="0" />` +
    `<a href="${escapeHtml(assets.attachmentUrl)}" target="_blank">${escapeHtml(name)}</a></p>`;
}

/** The report body HTML (inside the CMS content area). */
export function renderReportBody(spec: DemoReportSpec, assets: BodyAssets): string {
  const ctx = markupContext(spec);
  const blocks = reportBlocks(spec);
  const html = blocks.map((b, i) => block(ctx, spec, b, assets, i)).filter((s) => s !== '').join('\n');
  const wrapped = ctx.word ? `<div class=WordSection1 style='layout-grid:15.6pt'>\n${html}\n</div>` : html;
  return wrapped + attachmentLink(spec, assets);
}
