/**
 * What makes two extractions of a report "the same content": normalised text, cell values, title, year and
 * publish date. Provenance (locations, confidence, extractor version) and raw bytes are deliberately left out,
 * so a re-crawl with different markup or a re-run of the same extractor does not create a new version.
 */
import type { ExtractedCell, ExtractedReport } from '../extract/types.ts';
import { sha256Hex } from './blobs.ts';

export interface MergedCell {
  readonly key: string;
  /** null = blank / dash / not found; never coerced to 0. */
  readonly value: number | null;
  readonly detail: ExtractedCell | null;
}

/** Whitespace collapsed, Unicode NFC, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Every cell of the report: the keys of `cells` in their order, then any key only in `cellDetails`.
 * The value comes from `cells` when present there; non-finite numbers become null.
 */
export function mergeCells(report: ExtractedReport): MergedCell[] {
  const details = new Map(report.cellDetails.map((d) => [d.key, d]));
  const merged: MergedCell[] = [];
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(report.cells)) {
    merged.push({ key, value: finite(value), detail: details.get(key) ?? null });
    seen.add(key);
  }
  for (const detail of report.cellDetails) {
    if (seen.has(detail.key)) continue;
    merged.push({ key: detail.key, value: finite(detail.value), detail });
    seen.add(detail.key);
  }
  return merged;
}

/** SHA-256 (hex) of the canonical content of an extracted report. */
export function contentDigest(report: ExtractedReport): string {
  const cells = mergeCells(report)
    .map((c): [string, number | null] => [c.key, c.value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = {
    v: 1,
    title: report.title === null ? null : normaliseText(report.title),
    year: report.year,
    publishedAt: report.publishedAt,
    text: normaliseText(report.text),
    cells,
  };
  return sha256Hex(JSON.stringify(canonical));
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
