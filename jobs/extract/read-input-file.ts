/**
 * Read a report file given on the command line: an HTML page (decoded by BOM / <meta> / sniffing) or a document
 * (PDF, DOCX, DOC, WPS, XLSX, XLS) handed to extract/documents as bytes, or a table image (PNG, JPEG, GIF, BMP,
 * WebP) handed to the OCR pipeline.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { decodeBody, detectCharset } from '../../common/charset.ts';
import { SkipError } from '../../common/errors.ts';
import { DOCUMENT_FORMATS } from '../../extract/documents/extract-document.ts';
import { sniffFormat } from '../../extract/documents/sniff-format.ts';
import { DEFAULT_LIMITS } from '../../extract/documents/types.ts';

/** Files bigger than this are not read as HTML reports. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export type InputFile =
  | { readonly kind: 'html'; readonly html: string }
  | { readonly kind: 'document'; readonly bytes: Buffer }
  | { readonly kind: 'image'; readonly bytes: Buffer };

export function readInputFile(file: string, charsetOverride?: string): InputFile {
  const size = fileSize(file);
  const bytes = readable(file, () => (size <= DEFAULT_LIMITS.maxBytes ? readFileSync(file) : readHead(file)));
  const format = sniffFormat(bytes, file);
  const document = DOCUMENT_FORMATS.has(format) || format === 'encrypted-ooxml';
  if (document) {
    if (size === 0) throw new SkipError('E_DOCUMENT_EMPTY', `${file} is empty`, { input: file });
    if (size > DEFAULT_LIMITS.maxBytes) {
      throw new SkipError('E_DOCUMENT_TOO_LARGE', `${file} is ${size} bytes, over the ${DEFAULT_LIMITS.maxBytes}-byte limit for a document`, { input: file });
    }
    return { kind: 'document', bytes };
  }
  if (format === 'image') {
    if (size > DEFAULT_LIMITS.maxBytes) {
      throw new SkipError('E_IMAGE_TOO_LARGE', `${file} is ${size} bytes, over the ${DEFAULT_LIMITS.maxBytes}-byte limit for an image`, { input: file });
    }
    return { kind: 'image', bytes };
  }
  if (format === 'zip' || format === 'ole' || format === 'unknown') {
    throw new SkipError('E_UNSUPPORTED_FORMAT', `${file} is ${describe(format)}; give an HTML page, a PDF, a Word/WPS or an Excel file`, { input: file });
  }
  if (size > MAX_INPUT_BYTES) {
    throw new SkipError('E_BODY_TOO_LARGE', `${file} is ${size} bytes, over the ${MAX_INPUT_BYTES}-byte limit for an HTML report`, { input: file });
  }
  if (size === 0) {
    const documentName = /\.(?:pdf|docx?|wps|xlsx?)$/i.test(file);
    throw new SkipError(documentName ? 'E_DOCUMENT_EMPTY' : 'E_NOT_A_REPORT', `${file} is empty`, { input: file });
  }
  return { kind: 'html', html: decodeBody(bytes, charsetOverride ?? detectCharset({}, bytes).charset) };
}

function describe(format: string): string {
  if (format === 'zip') return 'a zip archive that is neither DOCX nor XLSX';
  if (format === 'ole') return 'an Office file that is neither Word, WPS nor Excel';
  return 'not a text or document format';
}

/** The size of a regular file; E_INPUT_NOT_FOUND when there is none, E_INPUT_UNREADABLE for a directory or device. */
function fileSize(file: string): number {
  let stats;
  try {
    stats = statSync(file);
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new SkipError('E_INPUT_NOT_FOUND', `cannot read ${file}: no such file (give a path to a report file or an http(s) URL)`, { cause, input: file });
    }
    throw unreadable(file, cause);
  }
  if (stats.isDirectory()) throw new SkipError('E_INPUT_UNREADABLE', `${file} is a directory; give one report file (HTML, PDF, Word/WPS, Excel or a table image) or an http(s) URL`, { input: file });
  if (!stats.isFile()) throw new SkipError('E_INPUT_UNREADABLE', `${file} is not a regular file; give one report file or an http(s) URL`, { input: file });
  return stats.size;
}

/** Runs a read, turning a file-system refusal (permission, I/O error) into E_INPUT_UNREADABLE naming the file. */
function readable<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    throw unreadable(file, cause);
  }
}

function unreadable(file: string, cause: unknown): SkipError {
  const code = (cause as { code?: unknown }).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : typeof code === 'string' ? code : String(cause);
  return new SkipError('E_INPUT_UNREADABLE', `cannot read ${file} (${why})`, { cause, input: file });
}

/** The first 64 KiB of a file too big to read: enough to tell a document from a page. */
function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
