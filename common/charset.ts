/**
 * Character-set detection and decoding for fetched pages.
 *
 * Order (first that applies wins):
 *  1. a byte-order mark (UTF-8, UTF-16LE/BE)                                → source 'bom'
 *  2. the Content-Type header's `charset=`                                  → source 'header'
 *  3. `<meta charset>`, `<meta http-equiv … content="…charset=…">` or an XML
 *     declaration `<?xml … encoding="…"?>` in the first 4 KB                → source 'meta'
 *  4. sniffing: strictly valid UTF-8 → utf-8, otherwise gb18030            → source 'sniff'
 *  5. nothing to go on (empty or pure ASCII body) → utf-8                   → source 'default'
 *
 * GB labels (gb2312, gbk, x-gbk, GB_2312-80, cp936 …) are decoded as gb18030, their superset: portals declare
 * "gb2312" and then use GBK-only characters. Node 20 ships full ICU, so `TextDecoder('gb18030')` works.
 *
 * A declared charset (header or meta) that the bytes contradict is overridden and reported with `mismatch: true`:
 *  - declared UTF-8 but ≥ 10% of the non-ASCII characters decode to U+FFFD (typically GBK bytes), or
 *  - declared a GB charset but the bytes are strictly valid UTF-8 with multi-byte sequences
 *    (GBK text is practically never valid UTF-8).
 * The replacement is the next source that agrees with the bytes: the meta declaration if the header was the wrong
 * one, else the sniffed result (source 'meta' or 'sniff').
 *
 * An unknown label (e.g. `charset=foo`) is ignored and reported in `unknownLabel`; detection goes on down the order.
 * `decodeBody` with an unknown label decodes as UTF-8. Nothing here throws.
 */

export type CharsetSource = 'header' | 'meta' | 'bom' | 'sniff' | 'default';

export interface CharsetDetection {
  /** Canonical WHATWG encoding name usable with `decodeBody` (GB family → 'gb18030'). */
  readonly charset: string;
  readonly source: CharsetSource;
  /** True when a declared charset was contradicted by the bytes and overridden. */
  readonly mismatch?: boolean;
  /** A declared label that no decoder knows; it was ignored. */
  readonly unknownLabel?: string;
}

/** How many leading bytes are scanned for `<meta>` / XML declarations (as browsers do: 1024; we allow 4 KB). */
export const META_SCAN_BYTES = 4096;
/** GB labels seen in the wild that the WHATWG label table (and so TextDecoder) does not know. */
const EXTRA_GB_LABELS: ReadonlySet<string> = new Set(['cp936', 'ms936', 'windows-936', 'euc-cn', 'x-euc-cn', 'x-gb18030', 'gb-18030']);
/** Share of U+FFFD among non-ASCII characters above which a declared UTF-8 is considered wrong. */
const REPLACEMENT_RATIO_LIMIT = 0.1;

/**
 * Canonical encoding name for a label, or null when no decoder knows it.
 * GB2312/GBK labels map to gb18030.
 */
export function normaliseCharset(label: string): string | null {
  const trimmed = label.trim().replace(/^["']|["']$/g, '');
  if (trimmed === '') return null;
  if (EXTRA_GB_LABELS.has(trimmed.toLowerCase())) return 'gb18030';
  let encoding: string;
  try {
    encoding = new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
  return encoding === 'gbk' ? 'gb18030' : encoding;
}

export function detectCharset(headers: Readonly<Record<string, string>>, body: Buffer): CharsetDetection {
  const bom = bomCharset(body);
  if (bom !== null) return { charset: bom, source: 'bom' };

  const unknown: string[] = [];
  const fromHeader = declared(headerCharsetLabel(headers), unknown);
  const fromMeta = declared(metaCharsetLabel(body), unknown);
  const extra = unknown.length > 0 ? { unknownLabel: unknown[0] } : {};

  if (fromHeader !== null) {
    if (agreesWithBytes(fromHeader, body)) return { charset: fromHeader, source: 'header', ...extra };
    return { ...fallback(fromMeta, body), mismatch: true, ...extra };
  }
  if (fromMeta !== null) {
    if (agreesWithBytes(fromMeta, body)) return { charset: fromMeta, source: 'meta', ...extra };
    return { ...sniff(body), mismatch: true, ...extra };
  }
  return { ...sniff(body), ...extra };
}

/** Decode bytes with a charset label; unknown labels decode as UTF-8. A matching BOM is stripped. */
export function decodeBody(body: Buffer, charset: string): string {
  const encoding = normaliseCharset(charset) ?? 'utf-8';
  return new TextDecoder(encoding).decode(body);
}

function declared(label: string | null, unknown: string[]): string | null {
  if (label === null) return null;
  const charset = normaliseCharset(label);
  if (charset === null) unknown.push(label);
  return charset;
}

function fallback(fromMeta: string | null, body: Buffer): { charset: string; source: CharsetSource } {
  if (fromMeta !== null && agreesWithBytes(fromMeta, body)) return { charset: fromMeta, source: 'meta' };
  const sniffed = sniff(body);
  return { charset: sniffed.charset, source: 'sniff' };
}

function bomCharset(body: Buffer): string | null {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

/** The raw `charset=` parameter of the Content-Type header, if any. */
export function headerCharsetLabel(headers: Readonly<Record<string, string>>): string | null {
  const contentType = headers['content-type'];
  if (contentType === undefined) return null;
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match?.[2] ?? null;
}

/** The charset label from `<meta>` or an XML declaration in the first META_SCAN_BYTES bytes, if any. */
export function metaCharsetLabel(body: Buffer): string | null {
  const head = body.subarray(0, META_SCAN_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1] !== undefined) return xml[1];
  const metaTags = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metaTags) {
    const match = /\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}

function sniff(body: Buffer): { charset: string; source: CharsetSource } {
  if (!hasNonAscii(body)) return { charset: 'utf-8', source: 'default' };
  return { charset: isStrictUtf8(body) ? 'utf-8' : 'gb18030', source: 'sniff' };
}

function agreesWithBytes(charset: string, body: Buffer): boolean {
  if (charset === 'utf-8') return replacementRatio(body) < REPLACEMENT_RATIO_LIMIT;
  if (charset === 'gb18030') return !(hasNonAscii(body) && isStrictUtf8(body));
  return true;
}

function hasNonAscii(body: Buffer): boolean {
  for (const byte of body) if (byte >= 0x80) return true;
  return false;
}

function isStrictUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

function replacementRatio(body: Buffer): number {
  const text = new TextDecoder('utf-8').decode(body);
  let nonAscii = 0;
  let replaced = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii += 1;
    if (char === '\uFFFD') replaced += 1;
  }
  return nonAscii === 0 ? 0 : replaced / nonAscii;
}
