/**
 * Body text of scanned pages (chi_sim through the OCR engine's label reader), so that a scanned report is
 * searchable; lines come back joined, so section headings are put back on lines of their own.
 */
import type { OcrEngine } from '../ocr/engine.ts';
import { normalizeCjk } from './normalize-text.ts';
import type { DocumentBlock, DocumentImage } from './types.ts';

const HEADING = /\s*(?=[一二三四五六]、(?:总体情况|概述|主动公开|收到和处理|行政机关|政府信息公开|因政府信息公开|存在的主要问题|其他需要报告))/g;

export async function ocrPageText(pages: readonly DocumentImage[], engine: OcrEngine): Promise<DocumentBlock[]> {
  const blocks: DocumentBlock[] = [];
  for (const page of pages) {
    const [reading] = await engine.readLabels([{ image: page.bytes }]);
    const text = normalizeCjk(reading?.text ?? '').replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '');
    for (const line of text.split(HEADING)) if (line.trim() !== '') blocks.push({ kind: 'text', text: line.trim() });
  }
  return blocks;
}
