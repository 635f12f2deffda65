/**
 * The OCR engine seen by the table pipeline: it reads batches of prepared crops (PGM or PNG bytes) either as
 * numbers (eng model, character whitelist, PSM 6) or as Chinese labels (chi_sim, PSM 6). Implementations:
 * `tesseract-js-engine.ts` (pure npm, always available), `tesseract-cli-engine.ts` (Debian `tesseract`) and
 * `paddle-rec-engine.ts` (PP-OCRv4 recognition on onnxruntime-node, npm only).
 */

export interface OcrCrop {
  /** PGM (P5) or PNG bytes. */
  readonly image: Buffer;
  /** Characters the engine may return for this crop (numbers only; labels are unrestricted). */
  readonly charset?: string;
}

export interface OcrAlternative {
  readonly text: string;
  /** 0..1 */
  readonly confidence: number;
}

export interface OcrReading {
  /** Recognised text, whitespace collapsed (lines joined by a space). */
  readonly text: string;
  /** 0..1, the engine's own word confidence (minimum over words). */
  readonly confidence: number;
  /**
   * Other readings the engine considered, best first, excluding `text`: per-character LSTM choices combined into
   * whole strings (only the few most likely). Empty when the engine does not expose them.
   */
  readonly alternatives: readonly OcrAlternative[];
}

export interface OcrEngineInfo {
  /** `tesseract.js` or `tesseract-cli`. */
  readonly engine: string;
  /** Engine version, e.g. `tesseract.js 7.0.0 (tesseract 5.5.0)`. */
  readonly version: string;
  /** Model of digits and labels, e.g. `eng 4.0.0_best_int`. */
  readonly digitsModel: string;
  readonly labelsModel: string;
  /**
   * Confidence below which this engine's digit readings are unsure, calibrated on the bench fixtures (engines'
   * confidences are not on one scale). Absent: the pipeline's `minConfidence` (0.75, tesseract's calibration).
   */
  readonly unsureBelow?: number;
}

export interface OcrEngine {
  readonly info: OcrEngineInfo;
  /** Read each crop as a number (the crop's charset, default `0123456789`). One reading per crop, same order. */
  readDigits(crops: readonly OcrCrop[]): Promise<OcrReading[]>;
  /** Read each crop as a Chinese label. One reading per crop, same order. */
  readLabels(crops: readonly OcrCrop[]): Promise<OcrReading[]>;
  /** Release workers or processes. The engine is unusable afterwards. */
  terminate(): Promise<void>;
  /**
   * A second, independent engine that reads every number again (two-engines.ts); the table pipeline uses it as its
   * `second` reader unless one is given explicitly.
   */
  readonly verifier?: OcrEngine;
}

export const DIGITS = '0123456789';

/** Combine per-character choices (best first) into the `limit` most likely whole strings other than `best`. */
export function combineChoices(
  chars: readonly (readonly OcrAlternative[])[],
  best: string,
  limit = 6,
): OcrAlternative[] {
  let beams: OcrAlternative[] = [{ text: '', confidence: 1 }];
  for (const choices of chars) {
    if (choices.length === 0) continue;
    const next: OcrAlternative[] = [];
    for (const beam of beams) for (const c of choices.slice(0, 3)) next.push({ text: beam.text + c.text, confidence: beam.confidence * c.confidence });
    beams = next.sort((a, b) => b.confidence - a.confidence).slice(0, limit + 1);
  }
  return beams.filter((b) => b.text !== best && b.text !== '').slice(0, limit);
}
