/**
 * A look → the document bytes: printed by Chromium (text layer, page footers from its footer template), written as
 * a Word document (merged cells as `w:vMerge`/`w:gridSpan`, header rows that repeat), or that Word document printed
 * to PDF by LibreOffice.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { Browser } from 'playwright-core';
import { convertWithLibreOffice } from '../../../extract/documents/doc/libreoffice.ts';
import { buildGrid } from '../../../extract/html/grid.ts';
import { writeDocx, type DocxBlock } from '../docx-writer.ts';
import type { Look } from './look.ts';
import { table2Html, table3Html, table3SplitHtml, table4Html, table4SplitHtml } from './tables-html.ts';

type Block = { readonly kind: 'para'; readonly text: string; readonly heading?: boolean } | { readonly kind: 'table'; readonly html: string; readonly headerRows?: number } | { readonly kind: 'page-end'; readonly footer: string | null };

const PROSE = [
  '（一）主动公开情况。本机关围绕中心工作，及时公开机构职能、政策文件、规划计划、财政预决算等信息，做好政策解读和回应关切。',
  '（二）依申请公开情况。本机关严格落实依申请公开工作制度，规范受理、审查、答复流程，依法按时答复申请人，答复文书格式规范。',
  '（三）政府信息管理。落实公开前保密审查和发布审核制度，对拟公开的信息逐条审查，动态调整主动公开基本目录。',
  '（四）平台建设。依托政府门户网站信息公开专栏，及时更新栏目内容，做好政务新媒体管理，拓宽公开渠道。',
  '（五）监督保障。将政务公开纳入年度绩效考核，组织业务培训，开展自查整改，确保各项工作落到实处。',
];

function lookBlocks(look: Look): Block[] {
  const cited = look.template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  const filler = look.layout?.fillerParagraphs ?? 5;
  const blocks: Block[] = [
    { kind: 'para', text: `${look.agency}${look.year}年政府信息公开工作年度报告`, heading: true },
    { kind: 'para', text: `本报告按照《中华人民共和国政府信息公开条例》和（${cited}）要求编制，所列数据的统计期限自${look.year}年1月1日起至${look.year}年12月31日止。` },
    { kind: 'para', text: '一、总体情况' },
    ...Array.from({ length: filler }, (_, i): Block => ({ kind: 'para', text: PROSE[i % PROSE.length]! })),
    { kind: 'para', text: '二、主动公开政府信息情况' },
    { kind: 'table', html: table2Html(look) },
    { kind: 'para', text: '三、收到和处理政府信息公开申请情况' },
  ];
  const split = look.t3.split;
  if (split !== undefined) {
    const [head, tail] = table3SplitHtml(look);
    blocks.push({ kind: 'table', html: head }, { kind: 'page-end', footer: split.footer }, { kind: 'table', html: tail });
  } else blocks.push({ kind: 'table', html: table3Html(look, look.layout?.naturalBreak === 'thead'), headerRows: look.layout?.repeatHeaderRows === true ? 3 : 0 });
  blocks.push({ kind: 'para', text: '四、政府信息公开行政复议、行政诉讼情况' });
  const t4Split = look.layout?.t4Split;
  if (t4Split !== undefined) {
    const [head, values] = table4SplitHtml(look);
    blocks.push({ kind: 'table', html: head }, { kind: 'page-end', footer: t4Split.footer }, { kind: 'table', html: values });
  } else blocks.push({ kind: 'table', html: table4Html(look) });
  blocks.push(
    { kind: 'para', text: '五、存在的主要问题及改进情况' },
    { kind: 'para', text: '一是公开内容的深度和广度有待拓展；二是政策解读形式较为单一。下一步将加强培训，提高公开质量。' },
    { kind: 'para', text: '六、其他需要报告的事项' },
    { kind: 'para', text: '本年度未收取信息处理费。' },
  );
  return blocks;
}

const CSS = `
  @page { size: A4; margin: 20mm 18mm 22mm 18mm; }
  body { font-family: "Noto Serif CJK SC", "AR PL UMing CN", serif; font-size: 12pt; line-height: 1.7; margin: 0; }
  p { margin: 0 0 5pt 0; text-indent: 2em; }
  p.title { text-align: center; font-size: 16pt; font-weight: bold; text-indent: 0; }
  table { border-collapse: collapse; margin: 6pt auto; font-size: 9pt; line-height: 1.3; width: 100%; }
  td { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; }
  table.t3, table.t4 { table-layout: fixed; }
  table.t3 td { word-break: break-all; }
  .page-foot { text-align: center; font-size: 9pt; margin-top: 8pt; text-indent: 0; }
  .page-end { break-after: page; }
`;

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column widths of table 3 (three label columns, seven value columns): the same for both halves of a split. */
const T3_COLGROUP = `<colgroup>${[14, 10, 22, 7.7, 7.7, 7.7, 7.7, 7.7, 7.7, 7.8].map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;

/** Table 4: fifteen equal columns, so that a value row printed on its own lines up with the header above it. */
const T4_COLGROUP = `<colgroup>${'<col style="width:6.66%">'.repeat(15)}</colgroup>`;

export function lookHtml(look: Look): string {
  const body = lookBlocks(look).map((b) => {
    if (b.kind === 'para') return b.heading === true ? `<p class="title">${esc(b.text)}</p>` : `<p>${esc(b.text)}</p>`;
    if (b.kind === 'page-end') return `${b.footer === null ? '' : `<p class="page-foot">${esc(b.footer)}</p>`}<div class="page-end"></div>`;
    return b.html.replace(/^<table class="t3">/, `<table class="t3">${T3_COLGROUP}`).replace(/^<table class="t4">/, `<table class="t4">${T4_COLGROUP}`);
  });
  const open = look.layout?.rules === 'horizontal' ? 'td { border-left: none; border-right: none; }' : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(look.agency)}</title><style>${CSS}${open}</style></head><body>${body.join('\n')}</body></html>`;
}

export async function lookPdfChromium(browser: Browser, look: Look): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(lookHtml(look), { waitUntil: 'load' });
    const footer = '<div style="width:100%;text-align:center;font-size:9pt;font-family:serif">- <span class="pageNumber"></span> -</div>';
    const numbers = look.layout?.pageNumbers === true;
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: numbers, headerTemplate: '<div></div>', footerTemplate: numbers ? footer : '<div></div>' });
  } finally {
    await page.close();
  }
}

function gridOf(html: string) {
  const $ = cheerio.load(html);
  return buildGrid($('table')[0] as Element);
}

export function lookDocx(look: Look): Promise<Buffer> {
  const blocks: DocxBlock[] = lookBlocks(look).flatMap((b): DocxBlock[] => {
    if (b.kind === 'para') return [{ kind: 'para', text: b.text, align: b.heading === true ? 'center' : 'left', bold: b.heading === true }];
    if (b.kind === 'page-end') return b.footer === null ? [] : [{ kind: 'para', text: b.footer, align: 'center', bold: false }];
    return [{ kind: 'table', grid: gridOf(b.html), wordNoise: look.layout?.wordNoise === true, ...(b.headerRows === undefined ? {} : { headerRows: b.headerRows }) }];
  });
  return writeDocx(blocks);
}

/** The look's document bytes; `browser` is needed for pdf-chromium looks. */
export async function renderLook(look: Look, browser: Browser | null): Promise<Buffer> {
  if (look.format === 'docx') return lookDocx(look);
  if (look.format === 'pdf-libreoffice') return convertWithLibreOffice(await lookDocx(look), 'docx', 'pdf', { input: look.name });
  if (browser === null) throw new Error(`${look.name}: a pdf-chromium look needs a browser`);
  return lookPdfChromium(browser, look);
}

export const lookFileName = (look: Look): string => `${look.name}.${look.format === 'docx' ? 'docx' : 'pdf'}`;
