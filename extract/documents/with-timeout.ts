/** Bound a document's extraction in wall time: the caller gets E_DOCUMENT_TIMEOUT, the work is abandoned. */
import { SkipError } from '../../common/errors.ts';

export async function withTimeout<T>(work: Promise<T>, ms: number, input: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SkipError('E_DOCUMENT_TIMEOUT', `${input}: extraction took longer than ${ms} ms`, { input })), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
