/** An OCR engine started on first use (most documents never need one) and terminated by whoever made it. */
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import { TwoEngines } from '../../extract/ocr/two-engines.ts';

export interface LazyOcrEngine {
  readonly get: () => Promise<OcrEngine>;
  readonly terminate: () => Promise<void>;
}

/** Default: PP-OCR and tesseract.js, every number read by both (docs/ocr.md). */
export function lazyOcrEngine(create: () => Promise<OcrEngine> = () => TwoEngines.create()): LazyOcrEngine {
  let engine: Promise<OcrEngine> | null = null;
  return {
    get: () => (engine ??= create()),
    terminate: async () => {
      if (engine === null) return;
      const started = engine;
      engine = null;
      await (await started.catch(() => null))?.terminate();
    },
  };
}
