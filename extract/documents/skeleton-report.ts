/**
 * The report of a document whose text says nothing recognisable (a scan without OCR, an attachment of bare
 * images): no title, every table missing, the template from the year in the text if any; OCR may fill it.
 */
import { templateOfYear } from '../template/detect-template.ts';
import type { ExtractedReport } from '../types.ts';
import type { DocumentBlock } from './types.ts';
import { DOCUMENT_EXTRACTOR_VERSION } from './version.ts';

export function skeletonReport(blocks: readonly DocumentBlock[], _source: string): ExtractedReport {
  const text = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('\n');
  const year = /((?:19|20)\d{2})年/.exec(text)?.[1];
  const template = templateOfYear(year === undefined ? null : Number(year)) ?? '2021';
  return {
    title: null,
    agency: null,
    year: year === undefined ? null : Number(year),
    publishedAt: null,
    publishedAtRaw: null,
    template,
    cells: {},
    cellDetails: [],
    checks: [],
    sections: [],
    text,
    files: [],
    missingTables: template === 'older' ? [] : ['t2', 't3', 't4'],
    warnings: ['no report text recognised in the document'],
    extractorVersion: DOCUMENT_EXTRACTOR_VERSION,
  };
}
