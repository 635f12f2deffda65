/** The messages between a crawl and its extraction process (extraction-process.ts ↔ extraction-child.ts). */
import type { ErrorAction, ErrorCode } from '../../common/errors.ts';
import type { QueueConfig } from '../queue/queue-config.ts';
import type { ExtractedCapture } from './archive-report.ts';

export interface ExtractionRequest {
  readonly id: number;
  /** The archive file, opened read-only by the child. */
  readonly dbFile: string;
  readonly captureId: number;
  /** Whether image tables may be read by OCR (the child starts its own default engine on first need). */
  readonly ocr: boolean;
  /** The OCR queue the child sends table images to instead of reading them itself (`--queue`), or null. */
  readonly queue: QueueConfig | null;
}

export interface ExtractionFailure {
  readonly code: ErrorCode;
  readonly action: ErrorAction;
  readonly message: string;
  readonly input: string | undefined;
}

export type ExtractionReply =
  | { readonly id: number; readonly ok: true; readonly extracted: ExtractedCapture }
  | { readonly id: number; readonly ok: false; readonly failure: ExtractionFailure };
