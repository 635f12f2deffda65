/**
 * A time limit for one extraction (a report page with its documents and OCR). When it passes, the caller gets
 * SkipError E_EXTRACTION_TIMEOUT and the signal is aborted: the abandoned work can no longer save anything (the
 * archive step checks the signal before writing). Synchronous HTML parsing cannot be interrupted; it is bounded by
 * the page limits (extract/html/page-limits.ts) instead.
 */
import { SkipError } from '../../common/errors.ts';

/** Default limit per extraction: documents and OCR of a real report take seconds to a minute. */
export const DEFAULT_EXTRACTION_TIMEOUT_MS = 120_000;

export async function withExtractionDeadline<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs: number, input: string): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new SkipError('E_EXTRACTION_TIMEOUT', `${input}: extraction took longer than ${timeoutMs} ms; abandoned`, { input });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const running = work(controller.signal);
  running.catch(() => undefined); // an abandoned extraction's later failure is not an unhandled rejection
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
