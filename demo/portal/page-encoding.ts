/** How the demo portals encode a report's page: in the charset its spec says, with the matching <meta> charset. */
import iconv from 'iconv-lite';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import type { SiteResponse } from './http-site.ts';

/** Encode a page in the charset its spec says the portal serves it in. */
export function encodePage(html: string, charset: 'utf-8' | 'gbk'): SiteResponse {
  return charset === 'gbk'
    ? { status: 200, headers: { 'content-type': 'text/html' }, body: iconv.encode(html, 'gbk') }
    : { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(html, 'utf8') };
}

/** The charset a page shell declares in its <meta> for a report served in `spec.charset`. */
export function shellCharset(spec: DemoReportSpec): string {
  return spec.charset === 'gbk' ? 'gb2312' : 'utf-8';
}
