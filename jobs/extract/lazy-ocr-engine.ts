/** An OCR engine started on first use (most documents never need one) and terminated by whoever made it. */
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import { TesseractJsEngine } from '../../extract/ocr/tesseract-js-engine.ts';

export interface LazyOcrEngine {
  readonly get: () => Promise<OcrEngine>;
  readonly terminate: () => Promise<void>;
}

export function lazyOcrEngine(create: () => Promise<OcrEngine> = () => TesseractJsEngine.create()): LazyOcrEngine {
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
