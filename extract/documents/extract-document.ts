/**
 * One document (PDF, DOCX, DOC/WPS, XLSX/XLS) → ExtractedReport, with the same contract as an HTML page. Pure with
 * respect to the network; bounded in bytes, pages, unpacked size and wall time; every failure a typed SkipError:
 * E_DOCUMENT_EMPTY, E_DOCUMENT_TOO_LARGE, E_DOCUMENT_CORRUPT, E_DOCUMENT_ENCRYPTED, E_DOCUMENT_TOO_MANY_PAGES,
 * E_DOCUMENT_ZIP_BOMB, E_DOCUMENT_TIMEOUT, E_UNSUPPORTED_FORMAT, E_NOT_A_REPORT.
 */
import { SkipError } from '../../common/errors.ts';
import type { ExtractedReport } from '../types.ts';
import { convertWithLibreOffice } from './doc/libreoffice.ts';
import { readDocx } from './docx/read-docx.ts';
import { withImageTables } from './image-tables.ts';
import { extractPdf } from './pdf/extract-pdf.ts';
import { reportFromBlocks, reportFromHtml } from './report-from-content.ts';
import { sniffFormat, type SniffedFormat } from './sniff-format.ts';
import { limitsOf, type DocumentLimits, type DocumentOptions } from './types.ts';
import { withTimeout } from './with-timeout.ts';
import { readXlsx } from './xlsx/read-xlsx.ts';

export type { DocumentOptions } from './types.ts';

/** Formats this module extracts (HTML pages go to extract/html). */
export const DOCUMENT_FORMATS: ReadonlySet<SniffedFormat> = new Set(['pdf', 'docx', 'xlsx', 'doc', 'wps', 'xls']);

export function isDocument(bytes: Buffer, hint = ''): boolean {
  return DOCUMENT_FORMATS.has(sniffFormat(bytes, hint));
}

async function extractDocx(bytes: Buffer, options: DocumentOptions, limits: DocumentLimits, method: 'docx-table' | 'doc-table'): Promise<ExtractedReport> {
  const docx = await readDocx(bytes, options.source, limits);
  const origins = Array.from({ length: docx.tables }, (_, i) => ({ origin: `table[${i}]` }));
  const report = reportFromHtml(docx.html, options.source, method, origins);
  const withWarnings = { ...report, warnings: [...report.warnings, ...docx.warnings] };
  return withImageTables(withWarnings, docx.images, options);
}

async function extractXlsx(bytes: Buffer, options: DocumentOptions, limits: DocumentLimits): Promise<ExtractedReport> {
  return reportFromBlocks(await readXlsx(bytes, options.source, limits), options.source, 'xlsx');
}

async function dispatch(format: SniffedFormat, bytes: Buffer, options: DocumentOptions, limits: DocumentLimits): Promise<ExtractedReport> {
  const input = options.source;
  const convert = (from: string, to: 'docx' | 'xlsx'): Promise<Buffer> => convertWithLibreOffice(bytes, from, to, { timeoutMs: limits.timeoutMs, input });
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, options, limits);
    case 'docx':
      return extractDocx(bytes, options, limits, 'docx-table');
    case 'xlsx':
      return extractXlsx(bytes, options, limits);
    case 'doc':
    case 'wps':
      return extractDocx(await convert(format, 'docx'), options, limits, 'doc-table');
    case 'xls':
      return extractXlsx(await convert('xls', 'xlsx'), options, limits);
    case 'encrypted-ooxml':
      throw new SkipError('E_DOCUMENT_ENCRYPTED', `${input}: the Office document is password-protected`, { input });
    default:
      throw new SkipError('E_UNSUPPORTED_FORMAT', `${input}: not a PDF, Word, WPS or Excel document (${format})`, { input });
  }
}

export async function extractDocument(bytes: Buffer, options: DocumentOptions): Promise<ExtractedReport> {
  const limits = limitsOf(options);
  const input = options.source;
  if (bytes.length === 0) throw new SkipError('E_DOCUMENT_EMPTY', `${input} is empty (0 bytes)`, { input });
  if (bytes.length > limits.maxBytes) {
    throw new SkipError('E_DOCUMENT_TOO_LARGE', `${input} is ${bytes.length} bytes, over the ${limits.maxBytes}-byte limit for a document`, { input });
  }
  const format = sniffFormat(bytes, `${input} ${options.contentType ?? ''}`);
  return withTimeout(dispatch(format, bytes, options, limits), limits.timeoutMs, input);
}
