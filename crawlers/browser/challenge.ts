/**
 * Recognising a JavaScript challenge in an HTTP answer (research/challenges-and-ppocr.md):
 *   瑞数 (Riversecurity): 412 (sometimes 202 or 200), a `…S` cookie set, `$_ts=window['$_ts']`, `<meta … r='m'>`;
 *   加速乐: 521, `document.cookie = '__jsl_clearance…'`, a `__jsluid_*` cookie;
 *   other: a 200 (or 202/412/521) whose body is only a script that sets a cookie and reloads, with next to no text.
 * Narrow on purpose: a real page with a tracking script is never a challenge (it has text).
 */
import type { Exchange } from '../http/exchange.ts';

export type ChallengeVendor = 'ruishu' | 'jiasule' | 'script';

export interface ChallengeSign {
  readonly vendor: ChallengeVendor;
  readonly status: number;
}

/** Visible text shorter than this (characters, whitespace removed) is "next to none". */
const MAX_VISIBLE_CHARS = 200;
const CHALLENGE_STATUSES = new Set([202, 412, 521]);
/** Challenge pages are small; a large body is a page, whatever scripts it carries. */
const MAX_CHALLENGE_BYTES = 512 * 1024;

export function detectChallenge(exchange: Pick<Exchange, 'status' | 'headers' | 'body'>): ChallengeSign | null {
  const { status } = exchange;
  if (status !== 200 && !CHALLENGE_STATUSES.has(status)) return null;
  if (exchange.body.length === 0 || exchange.body.length > MAX_CHALLENGE_BYTES) return null;
  const type = exchange.headers['content-type'] ?? '';
  if (type !== '' && !/html|javascript|text\/plain/i.test(type)) return null;
  const html = exchange.body.toString('latin1');
  if (!/<script\b/i.test(html) || visibleText(html).length >= MAX_VISIBLE_CHARS) return null;
  const vendor = vendorOf(html, exchange.headers['set-cookie'] ?? '', status);
  return vendor === null ? null : { vendor, status };
}

function vendorOf(html: string, setCookie: string, status: number): ChallengeVendor | null {
  if (/\$_ts\s*=|<meta[^>]*\br=['"]?m['"]?[\s>/]/i.test(html)) return 'ruishu';
  if (/__jsl_clearance/i.test(html) || /__jsluid_/i.test(setCookie)) return 'jiasule';
  const scripted = /document\.cookie\s*=/.test(html) || /location(?:\.href\s*=|\.replace\s*\(|\.reload\s*\(|\.assign\s*\(|\s*=)/.test(html);
  if (scripted) return 'script';
  // A challenge status with a cookie-setting answer and an external script (the cookie is computed there).
  if (CHALLENGE_STATUSES.has(status) && setCookie !== '' && /<script[^>]+src=/i.test(html)) return 'script';
  return null;
}

function visibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, '');
}
