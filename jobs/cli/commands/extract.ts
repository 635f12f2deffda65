import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { normaliseCharset } from '../../../common/charset.ts';
import { isNianbaoError, SkipError, StopError } from '../../../common/errors.ts';
import { extractImageTables } from '../../../extract/ocr/extract-image-tables.ts';
import { imageTablesReport } from '../../../extract/ocr/image-report.ts';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import type { ExtractedReport } from '../../../extract/types.ts';
import { archiveReportFromCapture } from '../../extract/archive-report.ts';
import { fetchUrl, storeFetched } from '../../extract/capture-url.ts';
import { withSavepoint } from '../../../store/savepoint.ts';
import { contentCaptureId } from '../../../store/captured-document.ts';
import { readInputFile } from '../../extract/read-input-file.ts';
import { extractDocument } from '../../../extract/documents/extract-document.ts';
import { lazyOcrEngine } from '../../extract/lazy-ocr-engine.ts';
import { COMMON_OPTIONS, flag, parseCommandArgs, stringOption, type ParsedArgs } from '../args.ts';
import { openArchiveFor } from '../archive-path.ts';
import type { CliContext, Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson } from '../output.ts';
import { reportJson, reportSummaryLines } from '../report-json.ts';

const HELP = `Usage: nianbao extract <file-or-url> [options]
       nianbao extract <image> <image>… [options]

Extract one report: title, agency, year, publish date, template (2021 / 2019 / older), every canonical cell of
tables 2–4 (null where blank) and the arithmetic checks (勾稽关系).
A file may be an HTML page, a PDF (text layer, table images and scans through OCR), DOCX, DOC, WPS, XLSX or XLS
(DOC/WPS/XLS need LibreOffice), or a table image (PNG, JPEG, GIF, BMP, WebP: OCR; the JSON adds needsReview and
ocrCells, each cell's image box, raw reading, confidence, engine and any consensus change or arithmetic repair).
Several table images are one report, in the order given: a table continued from one image to the next (a page
break in the middle of table 3) is joined and read as one.
A file is read and printed; nothing is archived. A URL is fetched politely, captured into the archive (--db),
extracted from that capture and saved like a crawled report; a URL that gives no usable page or no report leaves
nothing in the archive.

Options:
  --json            print the report as JSON (fields: docs/cli-json.md)
  --db FILE         archive for URL input (default: data/archive.sqlite)
  --charset NAME    decode a file with this charset instead of detecting it (e.g. gbk)
  -h, --help        this help

Exit codes: 0 ok, 2 usage, 4 file missing, a directory or unreadable / not a report / unsupported format,
5 archive error.`;

export const extractCommand: Command = {
  name: 'extract',
  summary: 'extract one report from an HTML file or a URL and print it',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('extract', argv, { ...COMMON_OPTIONS, charset: { type: 'string' } });
    const input = args.positionals[0];
    if (input === undefined) {
      throw new StopError('E_USAGE', 'give a file or URL, e.g. `nianbao extract report.html --json`, or several table images of one report');
    }
    const isUrl = (arg: string): boolean => /^https?:\/\//i.test(arg);
    if (args.positionals.length > 1 && args.positionals.some(isUrl)) {
      throw new StopError('E_USAGE', 'give one URL on its own; several inputs must be table image files of one report');
    }
    const charset = stringOption(args, 'charset');
    if (charset !== undefined && normaliseCharset(charset) === null) {
      throw new StopError('E_USAGE', `--charset: no decoder knows "${charset}"; give a WHATWG encoding label such as gbk, gb18030, big5 or utf-8`);
    }
    const { report, extra } =
      args.positionals.length > 1 ? await extractImageFiles(args.positionals) : isUrl(input) ? await extractUrl(input, args, ctx) : await extractFile(input, args);
    if (flag(args, 'json')) printJson(ctx.output, reportJson(report, extra));
    else ctx.output.out(reportSummaryLines(report).join('\n'));
    return EXIT.ok;
  },
};

async function extractFile(file: string, args: ParsedArgs): Promise<{ report: ExtractedReport; extra: Record<string, unknown> }> {
  const absolute = path.resolve(file);
  const input = readInputFile(absolute, stringOption(args, 'charset'));
  if (input.kind === 'html') return { report: extractHtmlReport(input.html, pathToFileURL(absolute).href), extra: { source: absolute } };
  const ocr = lazyOcrEngine();
  try {
    if (input.kind === 'document') return { report: await extractDocument(input.bytes, { source: absolute, ocr: ocr.get }), extra: { source: absolute } };
    const result = await extractImageTables([{ bytes: input.bytes, sourceId: absolute }], await ocr.get());
    return { report: imageTablesReport(result, absolute), extra: { source: absolute, needsReview: result.needsReview, reviewReasons: result.reviewReasons, ocrCells: result.cellDetails } };
  } finally {
    await ocr.terminate();
  }
}

/** Several table images of one report, in order (a table continued from one image to the next is joined). */
async function extractImageFiles(files: readonly string[]): Promise<{ report: ExtractedReport; extra: Record<string, unknown> }> {
  const absolutes = files.map((f) => path.resolve(f));
  const images = absolutes.map((absolute) => {
    const input = readInputFile(absolute, undefined);
    if (input.kind !== 'image') {
      throw new StopError('E_USAGE', `${absolute} is not an image: several inputs must all be table images of one report (give a page or document on its own)`);
    }
    return { bytes: input.bytes, sourceId: absolute };
  });
  const ocr = lazyOcrEngine();
  try {
    const result = await extractImageTables(images, await ocr.get());
    const report = imageTablesReport(result, absolutes.join(' + '));
    return { report, extra: { source: absolutes[0], sources: absolutes, needsReview: result.needsReview, reviewReasons: result.reviewReasons, ocrCells: result.cellDetails } };
  } finally {
    await ocr.terminate();
  }
}

/**
 * Fetches the URL (nothing written yet), then archives its exchanges, extracts and saves the report in one
 * savepoint: a URL that gives no usable page or no report leaves nothing behind — no portal, run or capture.
 */
async function extractUrl(url: string, args: ParsedArgs, ctx: CliContext): Promise<{ report: ExtractedReport; extra: Record<string, unknown> }> {
  const fetched = await fetchUrl(url);
  const db = openArchiveFor(args, ctx);
  try {
    return await withSavepoint(db, async () => {
      const captured = storeFetched(db, fetched, null);
      const contentId = captured.finalCaptureId === null ? null : contentCaptureId(db, captured.finalCaptureId);
      if (contentId === null) {
        const reason = captured.error === null ? 'no body' : `${captured.error.message}${isNianbaoError(captured.error) ? ` [${captured.error.code}]` : ''}`;
        throw new SkipError('E_NOT_A_REPORT', `${url}: no usable response (${reason}); nothing was archived`, { input: url, cause: captured.error ?? undefined });
      }
      const ocr = lazyOcrEngine();
      const archived = await archiveReportFromCapture(db, contentId, { portalId: captured.portalId }, { ocr: ocr.get }).finally(() => ocr.terminate());
      return { report: archived.report, extra: { source: url, captureId: contentId, reportId: archived.reportId, outcome: archived.outcome } };
    });
  } finally {
    db.close();
  }
}
