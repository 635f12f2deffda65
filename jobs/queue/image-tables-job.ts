/**
 * One job of the queue: the OCR of one report's table images. The job carries digests, not bytes (image-blobs.ts);
 * its input digest — over the template and each image's source id and SHA-256, in order, since source ids are part of
 * every cell's provenance — keys its result together with the extractor version (table-results.ts).
 */
import { createHash } from 'node:crypto';
import { SkipError } from '../../common/errors.ts';
import { EXTRACTOR_VERSION } from '../../extract/version.ts';
import { OCR_EXTRACTOR_VERSION } from '../../extract/ocr/extract-image-tables.ts';
import type { Template } from '../../extract/ocr/labels.ts';
import type { ImageInput } from '../../extract/ocr/types.ts';
import type { ImageBlob } from './image-blobs.ts';

/** What a result depends on besides its input: the extractors of this build (a worker of another build refuses the job). */
export const QUEUE_EXTRACTOR_VERSION = `${EXTRACTOR_VERSION}+${OCR_EXTRACTOR_VERSION}`;

export interface ImageTablesJob {
  readonly inputDigest: string;
  readonly extractorVersion: string;
  readonly template: Template;
  readonly images: readonly { readonly sourceId: string; readonly sha256: string }[];
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The job for these images (in order) and the blobs it needs stored. */
export function imageTablesJob(images: readonly ImageInput[], template: Template): { job: ImageTablesJob; blobs: ImageBlob[] } {
  const blobs = images.map((i) => ({ sha256: sha256(i.bytes), bytes: i.bytes }));
  const named = images.map((i, n) => ({ sourceId: i.sourceId, sha256: blobs[n]!.sha256 }));
  const inputDigest = sha256(JSON.stringify({ template, images: named }));
  return { job: { inputDigest, extractorVersion: QUEUE_EXTRACTOR_VERSION, template, images: named }, blobs };
}

const HEX64 = /^[0-9a-f]{64}$/;

/** A job's data as sent, checked: SkipError E_QUEUE_INVALID when it is not a job this build understands. */
export function parseImageTablesJob(data: unknown): ImageTablesJob {
  const job = data as Partial<ImageTablesJob> | null;
  const bad = (why: string): never => {
    throw new SkipError('E_QUEUE_INVALID', `not an image-tables job: ${why}`);
  };
  if (typeof job !== 'object' || job === null) return bad('no data');
  if (typeof job.inputDigest !== 'string' || !HEX64.test(job.inputDigest)) return bad('inputDigest');
  if (typeof job.extractorVersion !== 'string') return bad('extractorVersion');
  if (job.template !== '2021' && job.template !== '2019') return bad(`template ${String(job.template)}`);
  if (!Array.isArray(job.images) || job.images.length === 0) return bad('images');
  for (const image of job.images as unknown[]) {
    const i = image as { sourceId?: unknown; sha256?: unknown };
    if (typeof i.sourceId !== 'string' || typeof i.sha256 !== 'string' || !HEX64.test(i.sha256)) return bad('an image without sourceId and sha256');
  }
  return { inputDigest: job.inputDigest, extractorVersion: job.extractorVersion, template: job.template, images: job.images };
}
