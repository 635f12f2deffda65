/**
 * OcrEngine on PaddleOCR's PP-OCRv4 recognition model (paddle-rec-model.ts), run offline by onnxruntime-node.
 * Recognition only, one crop per cell: whole-image detection merges the cells of a ruled table into lines and drops
 * isolated zeros, so the table pipeline's own cell crops are read instead. A second reader independent of
 * tesseract: different model family, training data and glyph confusions.
 *
 * onnxruntime-node runs a session synchronously on the thread that calls it, so the model runs in worker threads
 * (paddle-rec-model-thread.ts, one session each) and the calling thread keeps preparing images meanwhile: with the
 * model on the table pipeline's thread, that thread was busy 96–100 % of a 2-table-in-flight bench and the cores
 * were not. Each batch goes to the least busy thread; batches are made the same way wherever they run
 * (paddle-rec-model.ts readInBatches), so the readings do not depend on the thread count.
 */
import { StopError } from '../../common/errors.ts';
import type { OcrCrop, OcrEngine, OcrEngineInfo, OcrReading } from './engine.ts';
import { PaddleRecModel, paddleRecInfo, readInBatches, type PaddleRecModelOptions } from './paddle-rec-model.ts';
import { PaddleRecModelThread } from './paddle-rec-model-thread.ts';

export interface PaddleRecOptions extends PaddleRecModelOptions {
  /**
   * Worker threads running the model, one session (≈ 110 MB) each. Default 1: on 2 cores one thread already took the
   * table-3 pass from 59 to 68 images/min, a second added nothing but memory (docs/ocr.md). 0: the calling thread.
   */
  readonly threads?: number;
  /** Confidence (lowest character probability) below which a reading counts as unsure. Default 0.5. */
  readonly unsureBelow?: number;
  /** Most crops per model run. Default 48. */
  readonly batchSize?: number;
  /** Margin around the ink, as a share of the ink height. Default 0.25. */
  readonly margin?: number;
}

/** Where the model runs: this thread (PaddleRecModel) or a worker thread (PaddleRecModelThread). */
type ModelRunner = Pick<PaddleRecModel, 'readBatch' | 'release' | 'classCount'> & { readonly pending?: number };

export class PaddleRecEngine implements OcrEngine {
  private terminated = false;

  private constructor(
    private readonly runners: readonly ModelRunner[],
    private readonly batching: { readonly batchSize: number; readonly margin: number },
    private readonly unsureBelow: number,
  ) {}

  /** Directory of the model files inside the npm package. */
  static modelDir(): string {
    return PaddleRecModel.modelDir();
  }

  static async create(options: PaddleRecOptions = {}): Promise<PaddleRecEngine> {
    const threads = Math.max(0, options.threads ?? 1);
    const started = await Promise.allSettled(
      threads === 0 ? [PaddleRecModel.load(options)] : Array.from({ length: threads }, () => PaddleRecModelThread.start(options)),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    const runners = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (failed !== undefined) {
      await Promise.allSettled(runners.map((r) => r.release()));
      throw failed.reason;
    }
    return new PaddleRecEngine(runners, { batchSize: Math.max(1, options.batchSize ?? 48), margin: options.margin ?? 0.25 }, options.unsureBelow ?? 0.5);
  }

  get info(): OcrEngineInfo {
    return paddleRecInfo(this.unsureBelow);
  }

  /** Class count of the model's output (blank + keys + space): 6625 for ppocr_keys_v1. */
  get classCount(): number {
    return this.runners[0]!.classCount;
  }

  /** The runner with the fewest batches waiting. */
  private leastBusy(): ModelRunner {
    return this.runners.reduce((a, b) => ((b.pending ?? 0) < (a.pending ?? 0) ? b : a));
  }

  private read(crops: readonly OcrCrop[], labels: boolean): Promise<OcrReading[]> {
    if (this.terminated) return Promise.reject(new StopError('E_OCR_ENGINE', 'The OCR engine was terminated'));
    return readInBatches(crops, labels, this.batching, (batch) => this.leastBusy().readBatch(batch));
  }

  readDigits(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return this.read(crops, false);
  }

  readLabels(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return this.read(crops, true);
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await Promise.all(this.runners.map((r) => r.release()));
  }
}
