/**
 * Greedy CTC decoding of a recognition model's output, as PaddleOCR's `CTCLabelDecode` does it
 * (ppocr/postprocess/rec_postprocess.py): classes are `blank` (index 0), then the dictionary's lines in order
 * (`ppocr_keys_v1.txt`), then a space (`use_space_char`). Per time step take the most likely class, drop repeats of
 * the previous step, then drop blanks; a character's confidence is its step's probability.
 *
 * One addition, on purpose: an `allowed` character set (the digit whitelist of the tesseract engines). Blank still
 * wins a step on the whole distribution; a step won by a character outside the set takes the most likely allowed
 * character at its own (low) probability, so a step the model thought was a letter becomes an unsure digit, not a
 * sure one and not a dropped one.
 */

export interface CtcKeys {
  /** Class index → character; index 0 is blank (''). */
  readonly classes: readonly string[];
}

export interface DecodedChar {
  readonly char: string;
  readonly confidence: number;
  /** The step's next most likely allowed character (not blank) and its probability, or null. */
  readonly second: { readonly char: string; readonly confidence: number } | null;
}

export interface CtcDecoded {
  readonly text: string;
  /** Mean of the characters' confidences (PaddleOCR's score); 0 when nothing was read. */
  readonly meanConfidence: number;
  /** Lowest character confidence; 0 when nothing was read. */
  readonly minConfidence: number;
  readonly chars: readonly DecodedChar[];
}

/** Class list of a PaddleOCR dictionary: blank, its lines (CR/LF stripped), and a space at the end. */
export function ctcKeysFromDictionary(dictionary: string, useSpaceChar = true): CtcKeys {
  const lines = dictionary.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { classes: ['', ...lines, ...(useSpaceChar ? [' '] : [])] };
}

/** Mask of class indices allowed under `allowed` (blank always allowed); null = every class. */
export function allowedMask(keys: CtcKeys, allowed: string | undefined): Uint8Array | null {
  if (allowed === undefined) return null;
  const set = new Set([...allowed]);
  return Uint8Array.from(keys.classes, (c, i) => (i === 0 || set.has(c) ? 1 : 0));
}

/**
 * Decode one sequence: `probs` holds `steps × classCount` probabilities (softmax output), row-major, starting at
 * `offset`.
 */
export function ctcGreedyDecode(
  probs: Float32Array,
  steps: number,
  keys: CtcKeys,
  mask: Uint8Array | null = null,
  offset = 0,
): CtcDecoded {
  const n = keys.classes.length;
  const chars: DecodedChar[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * n;
    let top = 0;
    let best = -1;
    let second = -1;
    for (let k = 0; k < n; k++) {
      const p = probs[row + k]!;
      if (p > probs[row + top]!) top = k;
      if (k === 0 || (mask !== null && mask[k] === 0)) continue;
      if (best < 0 || p > probs[row + best]!) {
        second = best;
        best = k;
      } else if (second < 0 || p > probs[row + second]!) second = k;
    }
    // Blank wins the step on the whole distribution; otherwise the best allowed character (unsure when the model
    // preferred a character outside `allowed`: its own probability is then low).
    const chosen = top === 0 || best < 0 ? 0 : best;
    const repeat = chosen === previous;
    previous = chosen;
    if (chosen === 0 || repeat) continue;
    const alt = second > 0 ? { char: keys.classes[second]!, confidence: probs[row + second]! } : null;
    chars.push({ char: keys.classes[chosen]!, confidence: probs[row + chosen]!, second: alt });
  }
  const confidences = chars.map((c) => c.confidence);
  return {
    text: chars.map((c) => c.char).join(''),
    meanConfidence: confidences.length === 0 ? 0 : confidences.reduce((a, b) => a + b, 0) / confidences.length,
    minConfidence: confidences.length === 0 ? 0 : Math.min(...confidences),
    chars,
  };
}
