/**
 * The PP-OCR model in a worker thread of its own (paddle-rec-thread.ts), seen from the engine's thread: read requests
 * go over messages, the thread runs them one after the other. A thread that fails to load the model, fails a run or
 * dies fails its requests with E_OCR_ENGINE (StopError: the engine is unusable, not the image). The thread keeps the
 * process alive only while it has requests.
 */
import type { Worker } from 'node:worker_threads';
import { StopError } from '../../common/errors.ts';
import { startTypeScriptWorker } from '../../common/typescript-worker.ts';
import type { OcrReading } from './engine.ts';
import type { ReadRequest, ThreadAnswer, ThreadData } from './paddle-rec-messages.ts';
import type { RecBatch } from './paddle-rec-model.ts';

const THREAD_ENTRY = new URL('./paddle-rec-thread.ts', import.meta.url);

interface Waiting {
  resolve(readings: OcrReading[]): void;
  reject(error: Error): void;
}

export class PaddleRecModelThread {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private broken: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly classCount: number,
  ) {
    worker.on('message', (answer: ThreadAnswer) => this.answer(answer));
    worker.on('error', (error) => this.fail(new StopError('E_OCR_ENGINE', 'The PP-OCR thread failed', { cause: error })));
    worker.on('exit', (code) => this.fail(new StopError('E_OCR_ENGINE', `The PP-OCR thread ended (exit code ${code})`)));
    worker.unref();
  }

  static start(options: ThreadData): Promise<PaddleRecModelThread> {
    const worker = startTypeScriptWorker(THREAD_ENTRY, options);
    return new Promise((resolve, reject) => {
      const onMessage = (answer: ThreadAnswer): void => {
        settle();
        if (answer.type === 'ready') resolve(new PaddleRecModelThread(worker, answer.classCount));
        else {
          void worker.terminate();
          reject(new StopError('E_OCR_ENGINE', `Cannot load the PP-OCR recognition model: ${answer.type === 'failed' ? answer.message : answer.type}`));
        }
      };
      const onError = (error: Error): void => {
        settle();
        reject(new StopError('E_OCR_ENGINE', 'Cannot start the PP-OCR thread', { cause: error }));
      };
      const onExit = (code: number): void => {
        settle();
        reject(new StopError('E_OCR_ENGINE', `The PP-OCR thread ended while loading the model (exit code ${code})`));
      };
      const settle = (): void => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
  }

  /** Requests sent and not answered yet. */
  get pending(): number {
    return this.waiting.size;
  }

  readBatch(batch: RecBatch): Promise<OcrReading[]> {
    if (this.broken !== null) return Promise.reject(this.broken);
    const request: ReadRequest = { id: this.nextId++, batch };
    return new Promise<OcrReading[]>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      this.worker.postMessage(request);
    });
  }

  async release(): Promise<void> {
    this.fail(new StopError('E_OCR_ENGINE', 'The OCR engine was terminated'));
    await this.worker.terminate();
  }

  private answer(answer: ThreadAnswer): void {
    if (answer.type === 'ready' || answer.id === null) return;
    const waiting = this.waiting.get(answer.id);
    if (waiting === undefined) return;
    this.settled(answer.id);
    if (answer.type === 'read') waiting.resolve(answer.readings);
    else waiting.reject(new StopError('E_OCR_ENGINE', `PP-OCR recognition failed: ${answer.message}`));
  }

  private settled(id: number): void {
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const [id, waiting] of [...this.waiting]) {
      this.settled(id);
      waiting.reject(this.broken);
    }
  }
}
