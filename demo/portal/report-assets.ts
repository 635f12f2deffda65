/** Stable fixture file names for a report's table images and PDF attachment (32-hex like jcms upload names). */
import { createHash } from 'node:crypto';
import type { DemoReportSpec } from '../reports/report-spec.ts';

export function assetName(spec: DemoReportSpec, what: string): string {
  return createHash('md5').update(`${spec.slug}/${what}`).digest('hex');
}

export function imagePaths(spec: DemoReportSpec): string[] {
  return spec.tables === 'image' ? ['t2', 't3', 't4'].map((t) => `/picture/0/${assetName(spec, t)}.png`) : [];
}

/** The download link as the CMS prints it, and the file it redirects to. */
export function attachmentPaths(spec: DemoReportSpec): { link: string; file: string } | null {
  if (spec.tables !== 'pdf-attachment' || spec.delivery !== 'page') return null;
  const name = assetName(spec, 'pdf');
  return { link: `/module/download/downfile.jsp?classid=0&filename=${name}.pdf`, file: `/attach/0/${name}.pdf` };
}
