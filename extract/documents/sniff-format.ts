/**
 * Which format a file is, from its bytes (magic numbers, zip entry names, OLE stream names), with the file name or
 * Content-Type only breaking ties (WPS vs DOC). Never trusts the extension alone.
 */
import type { DocumentFormat } from './types.ts';

export type SniffedFormat = DocumentFormat | 'zip' | 'ole' | 'encrypted-ooxml' | 'unknown';

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');

/** Does a file name or URL among the whitespace-separated hints end in one of the extensions? */
function hasExtension(hint: string, ...exts: string[]): boolean {
  return hint
    .toLowerCase()
    .split(/\s+/)
    .map((h) => h.split(/[?#]/)[0] ?? '')
    .some((h) => exts.some((e) => h.endsWith(`.${e}`)));
}

function sniffOle(bytes: Buffer, hint: string): SniffedFormat {
  if (bytes.includes(utf16('EncryptedPackage'))) return 'encrypted-ooxml';
  if (bytes.includes(utf16('WordDocument'))) return hasExtension(hint, 'wps') || /kswps|wps-office/i.test(hint) ? 'wps' : 'doc';
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book'))) return 'xls';
  // The directory names were not found (damaged file, directory far into a big file): the name decides.
  if (hasExtension(hint, 'wps')) return 'wps';
  if (hasExtension(hint, 'doc')) return 'doc';
  if (hasExtension(hint, 'xls')) return 'xls';
  return 'ole';
}

function sniffZip(bytes: Buffer): SniffedFormat {
  if (bytes.includes('word/document.xml') || bytes.includes('word/')) return 'docx';
  if (bytes.includes('xl/workbook.xml') || bytes.includes('xl/')) return 'xlsx';
  return 'zip';
}

function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control += 1;
  return control <= head.length * 0.01;
}

/** `hint`: file name, URL or Content-Type. */
export function sniffFormat(bytes: Buffer, hint = ''): SniffedFormat {
  const head = bytes.subarray(0, 8).toString('latin1');
  const pdfAt = bytes.subarray(0, 1024).indexOf('%PDF-');
  if (pdfAt >= 0 && !bytes.subarray(0, pdfAt).includes('<')) return 'pdf';
  if (head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06')) return sniffZip(bytes);
  if (head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return sniffOle(bytes, hint);
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8') || head.startsWith('BM') || (head.startsWith('RIFF') && bytes.subarray(8, 12).toString('latin1') === 'WEBP')) return 'image';
  if (looksLikeText(bytes)) return 'html';
  return 'unknown';
}
