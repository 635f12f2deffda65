/**
 * The default OCR of the archive: PP-OCRv4 recognition reads labels and numbers, tesseract.js reads every number
 * again (`verifier`), and the table pipeline settles each number from both readings and the table's checks
 * (cross-check.ts). An OcrEngine, so callers that take one engine get both without knowing it.
 */
import type { OcrCrop, OcrEngine, OcrEngineInfo, OcrReading } from './engine.ts';
import { PaddleRecEngine, type PaddleRecOptions } from './paddle-rec-engine.ts';
import { TesseractJsEngine, type TesseractJsOptions } from './tesseract-js-engine.ts';

export class TwoEngines implements OcrEngine {
  constructor(
    private readonly primary: OcrEngine,
    readonly verifier: OcrEngine,
  ) {}

  /** PP-OCR first, tesseract.js second (the arrangement the bench measured best, docs/ocr.md). */
  static async create(options: { readonly paddle?: PaddleRecOptions; readonly tesseract?: TesseractJsOptions } = {}): Promise<TwoEngines> {
    const [pp, tjs] = await Promise.allSettled([PaddleRecEngine.create(options.paddle), TesseractJsEngine.create(options.tesseract)]);
    if (pp.status === 'rejected' || tjs.status === 'rejected') {
      await Promise.allSettled([pp, tjs].map((r) => (r.status === 'fulfilled' ? r.value.terminate() : Promise.resolve())));
      throw pp.status === 'rejected' ? pp.reason : (tjs as PromiseRejectedResult).reason;
    }
    return new TwoEngines(pp.value, tjs.value);
  }

  get info(): OcrEngineInfo {
    return this.primary.info;
  }

  readDigits(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return this.primary.readDigits(crops);
  }

  readLabels(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return this.primary.readLabels(crops);
  }

  async terminate(): Promise<void> {
    await Promise.all([this.primary.terminate(), this.verifier.terminate()]);
  }
}
