/**
 * Files of the gkmlpt and JPAAS demo reports: the body (the shared report renderer, plus a photo where the spec has
 * one), the PDF holding the tables of a 详见附件 report, the photo, and the PDF icon the editor puts before a download.
 */
import { createHash } from 'node:crypto';
import { renderReportBody } from '../reports/render-report-body.ts';
import { encodeGreyPng } from '../reports/render-table-png.ts';
import { renderTablesPdf } from '../reports/render-pdf.ts';
import type { Route, SiteResponse } from './http-site.ts';
import type { PlatformReportSpec } from './platform-reports.ts';

/** The icon `renderReportBody` puts before an attachment link. */
export const PDF_ICON = '/module/jslib/icons/pdf.png';

export interface ReportFilePaths {
  readonly photo: string | null;
  readonly attachment: string | null;
}

export function hexName(spec: PlatformReportSpec, what: string): string {
  return createHash('md5').update(`${spec.slug}/${what}`).digest('hex');
}

export function reportBody(spec: PlatformReportSpec, files: ReportFilePaths): string {
  const body = renderReportBody(spec, { imageUrls: [], ...(files.attachment === null ? {} : { attachmentUrl: files.attachment }) });
  if (files.photo === null) return body;
  const photo = `<p style="text-align:center"><img src="${files.photo}" alt="${spec.profile.shortName}政务公开专区" width="480" /></p>`;
  // The photo sits in section 一 (总体情况), after its first paragraph, as editors paste it.
  const firstHeading = body.indexOf('一、总体情况');
  const at = firstHeading < 0 ? -1 : body.indexOf('</p>', body.indexOf('</p>', firstHeading) + 4);
  return at < 0 ? body + photo : body.slice(0, at + 4) + photo + body.slice(at + 4);
}

/** Routes for every report's photo and attachment, and the PDF icon. */
export function platformFileRoutes(reports: readonly PlatformReportSpec[], pathsOf: (spec: PlatformReportSpec) => ReportFilePaths): Route {
  const files = new Map<string, () => SiteResponse>([[PDF_ICON, () => png(pdfIcon())]]);
  for (const spec of reports) {
    const paths = pathsOf(spec);
    if (paths.photo !== null) files.set(paths.photo, () => png(photoOf(spec)));
    if (paths.attachment !== null) files.set(paths.attachment, () => ({ status: 200, headers: { 'content-type': 'application/pdf' }, body: renderTablesPdf(spec) }));
  }
  return (url) => files.get(url.pathname)?.() ?? null;
}

function png(body: Buffer): SiteResponse {
  return { status: 200, headers: { 'content-type': 'image/png' }, body };
}

/** A 160×120 grey picture, different per report (a stand-in for a photo of the agency's disclosure corner). */
function photoOf(spec: PlatformReportSpec): Buffer {
  const seed = createHash('md5').update(spec.slug).digest();
  const width = 160;
  const height = 120;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) pixels[y * width + x] = (x * (seed[0]! % 7 + 1) + y * (seed[1]! % 5 + 1)) % 256;
  }
  return encodeGreyPng(width, height, pixels);
}

function pdfIcon(): Buffer {
  const pixels = new Uint8Array(16 * 16).fill(200);
  for (let i = 0; i < 16; i += 1) pixels[i * 16 + i] = 40;
  return encodeGreyPng(16, 16, pixels);
}
