/**
 * The same label matcher for Word and Excel: tables of the label variants written as a DOCX (Word's merges) and as
 * an XLSX (one sheet per table, merged cells), read back by extractDocument, every cell on its key.
 */
import { describe, expect, it } from 'vitest';
import { writeDocx, type DocxBlock } from '../../../demo/document-fixtures/docx-writer.ts';
import { writeXlsx } from '../../../demo/document-fixtures/xlsx-writer.ts';
import { extractDocument } from '../../../extract/documents/extract-document.ts';
import { tables } from '../helpers.ts';
import { dropNumbering, scoreReport, variantPage, type Variant } from '../template/label-variants.ts';

const VARIANTS: readonly Variant[] = [
  { name: 'a 2021 report printing （六）其他处理 as one row', template: '2021', form: '23-row', label: (_, o) => o },
  { name: 'a 2019 report printing （六） in three sub-rows, numbering dropped', template: '2019', form: '25-row', label: (_, o) => dropNumbering(o) },
];

function grids(v: Variant) {
  return tables(variantPage(v)).filter((t) => t.kind !== null).map((t) => t.grid);
}

function para(text: string): DocxBlock {
  return { kind: 'para', text, align: 'left', bold: false };
}

describe('labels by meaning in Word and Excel files', () => {
  it.each(VARIANTS.map((v) => [v.name, v] as const))('DOCX, %s: every cell on its key', async (_, v) => {
    const [t2, t3, t4] = grids(v);
    const year = v.template === '2021' ? 2023 : 2020;
    const docx = await writeDocx([
      { kind: 'para', text: `某某局${year}年政府信息公开工作年度报告`, align: 'center', bold: true },
      para(`本报告按照（${v.template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号'}）要求编制。`),
      para('一、总体情况'), para('本局依法公开政府信息。'),
      para('二、主动公开政府信息情况'), { kind: 'table', grid: t2! },
      para('三、收到和处理政府信息公开申请情况'), { kind: 'table', grid: t3! },
      para('四、政府信息公开行政复议、行政诉讼情况'), { kind: 'table', grid: t4! },
    ]);
    const score = scoreReport(v, await extractDocument(docx, { source: 'file:///r.docx' }));
    expect(score.wrong).toEqual([]);
    expect(score.missing).toEqual([]);
  });

  it.each(VARIANTS.map((v) => [v.name, v] as const))('XLSX, %s: every cell on its key', async (_, v) => {
    const [t2, t3, t4] = grids(v);
    const year = v.template === '2021' ? 2023 : 2020;
    const title = `某某局${year}年政府信息公开工作年度报告`;
    const xlsx = await writeXlsx([
      { name: '表2', titles: [title, '二、主动公开政府信息情况'], grid: t2! },
      { name: '表3', titles: ['三、收到和处理政府信息公开申请情况'], grid: t3! },
      { name: '表4', titles: ['四、政府信息公开行政复议、行政诉讼情况'], grid: t4! },
    ]);
    const report = await extractDocument(xlsx, { source: 'file:///r.xlsx' });
    const score = scoreReport(v, report);
    expect(score.wrong).toEqual([]);
    expect(score.missing).toEqual([]);
  });
});
