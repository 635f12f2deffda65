/** Read a report file given on the command line: decode HTML by its BOM / <meta> / sniffing; refuse other formats clearly. */
import { readFileSync, statSync } from 'node:fs';
import { decodeBody, detectCharset } from '../../common/charset.ts';
import { SkipError } from '../../common/errors.ts';

/** Files bigger than this are not read as HTML reports. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

const SIGNATURES: readonly { readonly magic: string; readonly format: string }[] = [
  { magic: '%PDF', format: 'PDF' },
  { magic: '\x89PNG', format: 'PNG image' },
  { magic: '\xff\xd8\xff', format: 'JPEG image' },
  { magic: 'GIF8', format: 'GIF image' },
  { magic: 'PK\x03\x04', format: 'DOCX/XLSX (zip)' },
  { magic: '\xd0\xcf\x11\xe0', format: 'DOC/XLS/WPS (OLE)' },
];

export function readHtmlFile(file: string, charsetOverride?: string): string {
  const bytes = readInput(file);
  const format = binaryFormat(bytes);
  if (format !== null) {
    throw new SkipError('E_UNSUPPORTED_FORMAT', `${file} is a ${format}; this version extracts HTML reports only (images, PDF and Word files come with the OCR and documents work)`, { input: file });
  }
  return decodeBody(bytes, charsetOverride ?? detectCharset({}, bytes).charset);
}

function readInput(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (cause) {
    throw new SkipError('E_INPUT_NOT_FOUND', `cannot read ${file}: no such file (give a path to an HTML report or an http(s) URL)`, { cause, input: file });
  }
  if (size > MAX_INPUT_BYTES) {
    throw new SkipError('E_BODY_TOO_LARGE', `${file} is ${size} bytes, over the ${MAX_INPUT_BYTES}-byte limit for an HTML report`, { input: file });
  }
  if (size === 0) throw new SkipError('E_NOT_A_REPORT', `${file} is empty`, { input: file });
  return readFileSync(file);
}

function binaryFormat(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 8).toString('latin1');
  return SIGNATURES.find((s) => head.startsWith(s.magic))?.format ?? null;
}
