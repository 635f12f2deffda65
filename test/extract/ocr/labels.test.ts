import { describe, expect, it } from 'vitest';
import { alignLabels, labelSimilarity, t3RowLabels } from '../../../extract/ocr/labels.ts';
import { decideTemplate } from '../../../extract/ocr/map-tables.ts';

/** Replace every `every`-th character by a look-alike, as OCR does. */
function garble(text: string, every: number): string {
  const lookalike: Record<string, string> = { 公: '么', 开: '幵', 申: '由', 请: '清', 政: '攻', 信: '言', 息: '怠', 理: '埋', 处: '外' };
  return [...text].map((c, i) => (i % every === 1 ? (lookalike[c] ?? '口') : c)).join('');
}

describe('label matching', () => {
  it('scores look-alike readings close to the canonical label', () => {
    expect(labelSimilarity('2.其他法律行攻法规禁止公幵', '2.其他法律行政法规禁止公开')).toBeGreaterThan(0.8);
    expect(labelSimilarity('2.其他法律行攻法规禁止公幵', '3.危及“三安全一稳定”')).toBeLessThan(0.3);
  });

  it('identifies every table-3 row with ~20–30 % character errors, truncated to 10 characters', () => {
    const rows = t3RowLabels('2021');
    const observed = rows.map((r) => [...garble(r.label, 4)].slice(0, 10).join(''));
    const aligned = alignLabels(observed, rows.map((r) => r.label), { prefixOnly: true });
    expect(aligned.match).toEqual(rows.map((_, i) => i));
  });

  it('places a partial table (rows 12–24) and leaves an extra subtotal row unmatched', () => {
    const rows = t3RowLabels('2021');
    const part = rows.slice(12).map((r) => garble(r.label, 5));
    part.splice(3, 0, '小计');
    const aligned = alignLabels(part, rows.map((r) => r.label), { prefixOnly: true });
    expect(aligned.match[0]).toBe(12);
    expect(aligned.match[3]).toBe(-1);
    expect(aligned.match.at(-1)).toBe(24);
  });

  it('falls back to the caller hint, then 2021, when the labels cannot tell', () => {
    expect(decideTemplate([0.1], '2019')).toEqual({ template: '2019', warning: null });
    expect(decideTemplate([], undefined).template).toBe('2021');
    expect(decideTemplate([-4], undefined).template).toBe('2019');
  });
});
