import { describe, expect, it } from 'vitest';
import { allowedMask, ctcGreedyDecode, ctcKeysFromDictionary } from '../../../extract/ocr/ctc-decode.ts';

// Classes: 0 blank, 1 '0', 2 '1', 3 '7', 4 'O', 5 ' ' (the space PaddleOCR appends).
const keys = ctcKeysFromDictionary('0\n1\n7\nO\n');

/** A [steps × classes] softmax-like tensor: each step puts `p` on one class and spreads the rest evenly. */
function tensor(steps: readonly (readonly [number, number])[]): Float32Array {
  const n = keys.classes.length;
  const out = new Float32Array(steps.length * n);
  steps.forEach(([cls, p], t) => {
    for (let k = 0; k < n; k++) out[t * n + k] = k === cls ? p : (1 - p) / (n - 1);
  });
  return out;
}

describe('CTC greedy decoding (PaddleOCR CTCLabelDecode)', () => {
  it('builds blank + dictionary lines + space, as PaddleOCR does for ppocr_keys_v1', () => {
    expect(keys.classes).toEqual(['', '0', '1', '7', 'O', ' ']);
    expect(ctcKeysFromDictionary('a\r\nb').classes).toEqual(['', 'a', 'b', ' ']);
  });

  it('collapses repeats, drops blanks, keeps a doubled digit split by a blank; confidence per character', () => {
    // 1 1 _ 0 0 _ 0 7 _  →  "1007"
    const probs = tensor([[2, 0.9], [2, 0.8], [0, 0.99], [1, 0.95], [1, 0.97], [0, 0.9], [1, 0.6], [3, 0.85], [0, 0.99]]);
    const out = ctcGreedyDecode(probs, 9, keys);
    expect(out.text).toBe('1007');
    expect(out.chars.map((c) => c.confidence)).toEqual([expect.closeTo(0.9, 5), expect.closeTo(0.95, 5), expect.closeTo(0.6, 5), expect.closeTo(0.85, 5)]);
    expect(out.minConfidence).toBeCloseTo(0.6, 5);
    expect(out.meanConfidence).toBeCloseTo((0.9 + 0.95 + 0.6 + 0.85) / 4, 5);
  });

  it('reads nothing from an all-blank sequence (confidence 0, as PaddleOCR)', () => {
    const out = ctcGreedyDecode(tensor([[0, 0.99], [0, 0.98]]), 2, keys);
    expect(out).toMatchObject({ text: '', meanConfidence: 0, minConfidence: 0, chars: [] });
  });

  it('under a charset, a step won by a letter becomes the likeliest digit at its own low probability', () => {
    const n = keys.classes.length;
    const probs = new Float32Array(2 * n);
    probs.set([0.01, 0.3, 0.01, 0.01, 0.66, 0.01], 0); // 'O' 0.66, '0' 0.3
    probs.set([0.95, 0.01, 0.01, 0.01, 0.01, 0.01], n); // blank
    const free = ctcGreedyDecode(probs, 2, keys);
    expect(free.text).toBe('O');
    const digits = ctcGreedyDecode(probs, 2, keys, allowedMask(keys, '0123456789'));
    expect(digits.text).toBe('0');
    expect(digits.minConfidence).toBeCloseTo(0.3, 5);
  });

  it('decodes the second sequence of a batch from its offset and names each character\'s runner-up', () => {
    const n = keys.classes.length;
    const first = tensor([[1, 0.9]]);
    const second = new Float32Array(n);
    second.set([0.05, 0.05, 0.05, 0.55, 0.25, 0.05]); // '7' 0.55, runner-up 'O' 0.25
    const batch = new Float32Array([...first, ...second]);
    const out = ctcGreedyDecode(batch, 1, keys, null, n);
    expect(out.text).toBe('7');
    expect(out.chars[0]!.second).toEqual({ char: 'O', confidence: expect.closeTo(0.25, 5) });
  });
});
