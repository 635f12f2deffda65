import { describe, expect, it } from 'vitest';
import { generateCells } from '../../../demo/reports/generate-values.ts';
import { contestedCandidates, resolveByChecks, withUnitOf } from '../../../extract/ocr/cross-check.ts';
import { parseReading } from '../../../extract/ocr/read-values.ts';

const base = generateCells({ seed: 11, template: '2021', applications: 400, carriedIn: 20, carriedOut: 12, reviews: 8, suitsDirect: 3 });
const read = (engine: string, value: number | null, confidence = 0.95) => ({ engine, text: String(value ?? ''), confidence, value });
const unsure = { primary: 0.5, second: 0.75 };

describe('two readers per number', () => {
  it('a cell is settled only when both engines read the same value and both are sure', () => {
    expect(contestedCandidates(read('pp-ocr', 37), read('tesseract.js', 37), unsure)).toBeNull();
    expect(contestedCandidates(read('pp-ocr', 37), read('tesseract.js', 31), unsure)).toEqual([37, 31]);
    expect(contestedCandidates(read('pp-ocr', 37), read('tesseract.js', 37, 0.6), unsure)).toEqual([37]);
    expect(contestedCandidates(read('pp-ocr', 37), read('tesseract.js', null), unsure)).toEqual([37]);
  });

  it('the checks take the one reading that fits (a misread of the primary engine is replaced)', () => {
    const key = 't3.disclosed.natural';
    const truth = base[key]!;
    const cells = { ...base, [key]: truth + 5 };
    const out = resolveByChecks('2021', cells, new Map([[key, [truth + 5, truth]]]), []);
    expect(out.picks.get(key)).toBe(truth);
    expect(out.unresolved.size).toBe(0);
  });

  it('a table-3 with many contested cells (one engine misreads a whole font) is settled cell by cell', () => {
    const keys = Object.keys(base).filter((k) => k.startsWith('t3.') && (base[k] ?? 0) >= 1).slice(0, 30);
    expect(keys.length).toBe(30);
    // The primary engine read every one of them 3 too high; the second engine read them right.
    const cells = { ...base, ...Object.fromEntries(keys.map((k) => [k, base[k]! + 3])) };
    const contested = new Map(keys.map((k) => [k, [base[k]! + 3, base[k]!]]));
    const out = resolveByChecks('2021', cells, contested, []);
    expect(out.unresolved.size).toBe(0);
    for (const k of keys) expect(out.picks.get(k)).toBe(base[k]);
  });

  it('two contested cells whose readings both keep the sums stay unresolved; table 2 cells always do', () => {
    const a = 't4.review.upheld';
    const b = 't4.review.corrected';
    // Engine 1 read (a+1, b-1), engine 2 read (a, b): both pairs keep the review total.
    const cells = { ...base, [a]: base[a]! + 1, [b]: base[b]! - 1 };
    const t2 = 't2.licensing.decisions';
    const out = resolveByChecks('2021', cells, new Map([[a, [base[a]! + 1, base[a]!]], [b, [base[b]! - 1, base[b]!]], [t2, [37, 31]]]), []);
    expect(out.picks.size).toBe(0);
    expect([...out.unresolved].sort()).toEqual([a, b, t2].sort());
  });

  it('a table that is not checked (only partly shown) decides nothing', () => {
    const key = 't3.disclosed.natural';
    const out = resolveByChecks('2021', base, new Map([[key, [base[key]!, base[key]! + 1]]]), ['t3']);
    expect(out.unresolved.has(key)).toBe(true);
  });

  it('money is read as printed: 万元 kept, 元 converted to 万元', () => {
    const money = '0123456789.万元';
    expect(parseReading('695.09万元', money)).toBe(695.09);
    expect(parseReading('251000元', money)).toBe(25.1);
    expect(parseReading('4943700元', money)).toBe(494.37);
    expect(parseReading('-417', '0123456789-')).toBe(-417);
    expect(parseReading('12元', '0123456789')).toBeNull();
  });

  it('digits read without the unit agree with the same digits read with it (tesseract has no 元)', () => {
    const pp = { engine: 'pp-ocr', text: '251000元', confidence: 0.99, value: 25.1 };
    const bare = { engine: 'tesseract.js', text: '251000', confidence: 0.9, value: 251000 };
    expect(withUnitOf(bare, pp).value).toBe(25.1);
    expect(contestedCandidates(pp, withUnitOf(bare, pp), unsure)).toBeNull();
    expect(withUnitOf({ ...bare, text: '2510007', value: 2510007 }, pp).value).toBe(2510007);
  });
});
