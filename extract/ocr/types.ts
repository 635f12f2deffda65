/** Result shapes of the image-table extractor. */
import type { CheckResult, ExtractedCell } from '../types.ts';
import type { Box } from './grey-image.ts';
import type { ConsensusStatus } from './consensus.ts';
import type { TableKind } from './layout.ts';
import type { Template } from './labels.ts';
import type { ErrorCode } from '../../common/errors.ts';
import type { EngineReading } from './cross-check.ts';

export interface ImageInput {
  readonly bytes: Buffer;
  /** Caller's id of the image (capture id, URL, file name); named in provenance and errors. */
  readonly sourceId: string;
}

/** An ExtractedCell (method 'ocr') with the OCR provenance of its value. */
export interface OcrCellDetail extends ExtractedCell {
  readonly sourceId: string;
  /** sha256 of the image bytes. */
  readonly imageDigest: string;
  /** Cell interior in the deskewed image's pixels. */
  readonly box: Box;
  readonly skewDegrees: number;
  /** What the digit model returned, before consensus and repair. */
  readonly ocrText: string;
  readonly ocrConfidence: number;
  readonly engine: string;
  readonly engineVersion: string;
  readonly model: string;
  readonly consensus: ConsensusStatus;
  /** Consensus rewrote the OCR reading. */
  readonly consensusChanged: boolean;
  /** The arithmetic repair replaced the value (from → value). */
  readonly repairedFrom: number | null | undefined;
  readonly repaired: boolean;
  /** Needs a human: unreadable, conflicting readings in an unchecked table, or in a failing check. */
  readonly flagged: boolean;
  readonly flags: readonly string[];
  /**
   * Every engine's reading of the cell when two engines read it (primary first): engine, printed text as read,
   * confidence, parsed value. Empty with one engine.
   */
  readonly readings: readonly EngineReading[];
}

export interface ImageError {
  readonly sourceId: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface FoundImageTable {
  readonly sourceId: string;
  readonly kind: TableKind;
  /** Body rows mapped to keys. */
  readonly mappedCells: number;
  readonly box: Box;
}

export interface ImageTablesResult {
  readonly template: Template;
  /** Every canonical key of the template → number or null (null also where no image showed the cell). */
  readonly cells: Readonly<Record<string, number | null>>;
  readonly cellDetails: readonly OcrCellDetail[];
  readonly checks: readonly CheckResult[];
  readonly needsReview: boolean;
  readonly reviewReasons: readonly string[];
  readonly tables: readonly FoundImageTable[];
  readonly errors: readonly ImageError[];
  readonly warnings: readonly string[];
  /** The queue worker that read the images (jobs/queue); absent when they were read in the extracting process. */
  readonly worker?: string;
}
