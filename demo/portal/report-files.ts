/** A report's files on the demo portals: table screenshots, the PDF attachment (behind downfile.jsp's 302), oddities. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { renderTableImages } from '../reports/render-table-png.ts';
import { renderTablesPdf } from '../reports/render-pdf.ts';
import type { Route, SiteResponse } from './http-site.ts';
import { attachmentPaths, imagePaths } from './report-assets.ts';

export interface ExtraLink {
  readonly href: string;
  readonly text: string;
}

export function reportAssets(spec: DemoReportSpec): { imageUrls: string[]; attachmentUrl?: string } {
  const attachment = attachmentPaths(spec);
  return { imageUrls: imagePaths(spec), ...(attachment ? { attachmentUrl: attachment.link } : {}) };
}

/** Bigger than the crawler's default body limit (50 MiB), announced in Content-Length. */
const OVERSIZED_BYTES = 64 * 1024 * 1024;

export function fileRoutes(reports: readonly DemoReportSpec[], odd: { oversized: string; hanging: string | null }): Route[] {
  const files = new Map<string, () => SiteResponse>();
  for (const spec of reports) {
    imagePaths(spec).forEach((path, i) => {
      files.set(path, () => ({ status: 200, headers: { 'content-type': 'image/png' }, body: tableImage(spec, i) }));
    });
    const attachment = attachmentPaths(spec);
    if (attachment) {
      files.set(attachment.link, () => ({ status: 302, headers: { location: attachment.file }, body: '', conditional: false }));
      files.set(attachment.file, () => ({ status: 200, headers: { 'content-type': 'application/pdf' }, body: renderTablesPdf(spec) }));
    }
  }
  files.set(odd.oversized, () => ({
    status: 200,
    headers: { 'content-type': 'application/zip', 'content-length': String(OVERSIZED_BYTES) },
    streamBytes: OVERSIZED_BYTES,
  }));
  if (odd.hanging !== null) files.set(odd.hanging, () => ({ status: 200, hang: true }));
  return [(url) => files.get(url.pathname + url.search)?.() ?? files.get(url.pathname)?.() ?? null];
}

const IMAGES_DIR = fileURLToPath(new URL('../reports/images/', import.meta.url));

/**
 * The screenshot of table `index` (t2, t3, t4): the Chromium rendering of the report's own numbers committed under
 * demo/reports/images (npm run fixtures:table-images), else a ruled-grid placeholder without text.
 */
function tableImage(spec: DemoReportSpec, index: number): Buffer {
  const file = path.join(IMAGES_DIR, `${spec.slug}-t${index + 2}.png`);
  if (existsSync(file)) return readFileSync(file);
  const template = spec.template === '2019' ? '2019' : '2021';
  return renderTableImages(template)[index] ?? Buffer.alloc(0);
}
