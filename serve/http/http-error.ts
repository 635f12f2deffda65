import type { ErrorCode } from '../../common/errors.ts';

/** An error the server answers with a status and a stable code (`{ error: { code, message } }`). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;

  constructor(status: number, code: ErrorCode, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'E_NOT_FOUND', `${what} is not in the archive`);
export const badRequest = (message: string): HttpError => new HttpError(400, 'E_BAD_REQUEST', message);
