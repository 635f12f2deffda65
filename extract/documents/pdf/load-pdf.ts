/**
 * Open a PDF with the pdfjs-dist legacy build, offline: CMaps, standard fonts and wasm come from the package folder,
 * no eval, no worker fetches. Encrypted, damaged and oversized documents become typed SkipErrors.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { SkipError } from '../../../common/errors.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

let pdfjs: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

export interface OpenedPdf {
  readonly doc: PdfDocument;
  readonly pdfjs: PdfJs;
  readonly close: () => Promise<void>;
}

export async function openPdf(bytes: Uint8Array, input: string, maxPages: number): Promise<OpenedPdf> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    wasmUrl: `${PDFJS_DIR}/wasm/`,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (cause) {
    await task.destroy().catch(() => undefined);
    const name = cause instanceof Error ? cause.name : '';
    if (name === 'PasswordException') throw new SkipError('E_DOCUMENT_ENCRYPTED', `${input}: the PDF is password-protected`, { cause, input });
    throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: not a readable PDF (${cause instanceof Error ? cause.message : String(cause)})`, { cause, input });
  }
  const close = async (): Promise<void> => {
    await task.destroy().catch(() => undefined);
  };
  if (doc.numPages > maxPages) {
    await close();
    throw new SkipError('E_DOCUMENT_TOO_MANY_PAGES', `${input}: the PDF has ${doc.numPages} pages, over the ${maxPages}-page limit for a report`, { input });
  }
  return { doc, pdfjs: lib, close };
}
