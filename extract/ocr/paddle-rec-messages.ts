/** Messages between the PP-OCR engine and its worker threads (paddle-rec-thread.ts). */
import type { OcrReading } from './engine.ts';
import type { PaddleRecModelOptions, RecBatch } from './paddle-rec-model.ts';

export type ThreadData = PaddleRecModelOptions;

export interface ReadRequest {
  readonly id: number;
  readonly batch: RecBatch;
}

export type ThreadAnswer =
  | { readonly type: 'ready'; readonly classCount: number }
  | { readonly type: 'read'; readonly id: number; readonly readings: OcrReading[] }
  /** `id` null: the model could not be loaded. */
  | { readonly type: 'failed'; readonly id: number | null; readonly message: string };
