/**
 * Search snippets: a window of report text around the first hit, every occurrence of every term marked.
 * Built in TypeScript (not FTS5's snippet()) so trigram hits and 1–2 character hits look the same.
 */

export type MarkStyle = 'brackets' | 'html';

export interface SnippetOptions {
  /** `brackets` (default): hits wrapped in 【】, text as is. `html`: text HTML-escaped, hits in <mark></mark>. */
  readonly marks?: MarkStyle;
  /** Characters of context before the first hit (default 24). */
  readonly before?: number;
  /** Length of the window (default 96 characters). */
  readonly length?: number;
}

const ELLIPSIS = '…';

/** Whitespace collapsed, so a snippet is one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Start/end (code-unit offsets) of every case-insensitive occurrence of any term, merged where they overlap. */
export function hitRanges(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const haystack = lower.length === text.length ? lower : text;
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = haystack === lower ? term.toLowerCase() : term;
    if (needle.length === 0) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A one-line excerpt of `text` around the first hit of the longest term, all hits marked; the text's start if none hits. */
export function makeSnippet(rawText: string, terms: readonly string[], options: SnippetOptions = {}): string {
  const text = oneLine(rawText);
  const before = options.before ?? 24;
  const length = options.length ?? 96;
  const all = hitRanges(text, terms);
  // Anchor on the longest term that occurs (the most specific), at its first occurrence.
  const anchorTerm = [...terms].sort((a, b) => b.length - a.length).find((t) => hitRanges(text, [t]).length > 0);
  const first = anchorTerm === undefined ? undefined : hitRanges(text, [anchorTerm])[0];
  let start = first === undefined ? 0 : Math.max(0, first[0] - before);
  const end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const inWindow = all.filter(([s, e]) => s >= start && e <= end);
  const html = options.marks === 'html';
  const plain = (s: string): string => (html ? escapeHtml(s) : s);
  let out = start > 0 ? ELLIPSIS : '';
  let at = start;
  for (const [s, e] of inWindow) {
    out += plain(text.slice(at, s)) + (html ? '<mark>' : '【') + plain(text.slice(s, e)) + (html ? '</mark>' : '】');
    at = e;
  }
  out += plain(text.slice(at, end));
  if (end < text.length) out += ELLIPSIS;
  return out;
}
