/**
 * DOCX → HTML through mammoth (tables keep gridSpan as colspan and vMerge as rowspan), with every embedded image
 * kept as its original bytes for OCR. The zip is inspected first (inspect-zip.ts): mammoth itself unpacks blindly.
 */
import mammoth from 'mammoth';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { SkipError } from '../../../common/errors.ts';
import { normalizeCjk } from '../normalize-text.ts';
import type { DocumentImage, DocumentLimits } from '../types.ts';
import { inspectZip } from '../zip/inspect-zip.ts';

export interface DocxContent {
  /** Body HTML: `<p>`s, `<table>`s; images replaced by `<img data-image="i">` markers. */
  readonly html: string;
  readonly images: readonly DocumentImage[];
  readonly tables: number;
  readonly warnings: readonly string[];
}

export async function readDocx(bytes: Buffer, input: string, limits: DocumentLimits): Promise<DocxContent> {
  const zip = await inspectZip(bytes, input, limits);
  if (!zip.names.includes('word/document.xml')) throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: a zip without word/document.xml is not a DOCX`, { input });
  const images: DocumentImage[] = [];
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          const index = images.length;
          images.push({ bytes: await image.readAsBuffer(), origin: `image[${index}]` });
          return { src: `#image-${index}` };
        }),
        ignoreEmptyParagraphs: true,
      },
    );
  } catch (cause) {
    throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: not a readable DOCX (${cause instanceof Error ? cause.message : String(cause)})`, { cause, input });
  }
  const $ = cheerio.load(result.value);
  const tables = $('table').filter((_, t) => $(t).parents('table').length === 0).length;
  $('table').each((i, t) => void $(t as Element).attr('data-origin', `table[${i}]`));
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `docx: ${m.message}`);
  return { html: normalizeCjk($('body').html() ?? ''), images, tables, warnings };
}
