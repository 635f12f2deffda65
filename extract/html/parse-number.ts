/**
 * Parse a printed table cell into a number. Blank, dash, slash and `无` are `null` (never 0);
 * text that is not a number is also `null` but reported as `kind: 'text'` so callers can warn.
 */

export type ParsedNumberKind = 'number' | 'empty' | 'text';

export interface ParsedNumber {
  readonly value: number | null;
  readonly kind: ParsedNumberKind;
}

export interface ParseNumberOptions {
  /** The cell holds money to be stored in 万元 (`251000元` → 25.1; `12.5万元` → 12.5; bare numbers as printed). */
  readonly money?: boolean;
}

const EMPTY = /^(?:[-—–―─‐‑−~～/\\|.·…]+|无|暂无|空|null|n\/a)?$/i;
const NUMBER = /^([+-]?)(\d+(?:\.\d+)?)(万元|万|元|件|个|项|条|次|人|家)?$/;

function cleanCell(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[−–—]/g, '-');
}

/** Round away binary noise from unit conversion (251000 / 10000). */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function parseNumber(raw: string, options: ParseNumberOptions = {}): ParsedNumber {
  const text = cleanCell(raw);
  if (EMPTY.test(text)) return { value: null, kind: 'empty' };
  const match = NUMBER.exec(text);
  if (match === null) return { value: null, kind: 'text' };
  const [, sign = '', digits = '0', unit = ''] = match;
  let value = Number(digits) * (sign === '-' ? -1 : 1);
  if (options.money === true && unit === '元') value = value / 10000;
  if (value === 0) value = 0; // no -0
  return { value: tidy(value), kind: 'number' };
}

/** True when the raw text reads as a table value (a number or an empty marker). */
export function isValueText(raw: string): boolean {
  return parseNumber(raw).kind !== 'text';
}
