/**
 * Errors are typed by what the caller must do with them:
 *  - `retry`: transient (network, 5xx, 429); trying again later may succeed.
 *  - `skip`: this input is bad or unwanted; record the reason and move on.
 *  - `stop`: the job cannot continue (bad config, archive unusable).
 * Every error carries a stable `code`; tests and callers match on codes, never on messages.
 */
export type ErrorAction = 'retry' | 'skip' | 'stop';

export type ErrorCode =
  // network / HTTP
  | 'E_NETWORK'
  | 'E_TIMEOUT'
  | 'E_HTTP_STATUS'
  | 'E_TOO_MANY_REDIRECTS'
  | 'E_BODY_TOO_LARGE'
  | 'E_TRUNCATED'
  | 'E_ROBOTS_DISALLOWED'
  // robots.txt could not be fetched (down, 5xx, timeout): the origin is off limits this run, worth retrying later
  | 'E_ROBOTS_UNREACHABLE'
  // a 200 whose body is an anti-bot JavaScript challenge, not the page: never read as a report, retried later
  | 'E_JS_CHALLENGE'
  // a JavaScript challenge (412/202/521 or a 200 that is only a challenge) a real browser could not pass either: the
  // host is blocked for this run, its pages say nothing (never "missing"); E_BROWSER_UNAVAILABLE: Chromium could not start
  | 'E_BLOCKED_BY_CHALLENGE'
  | 'E_BROWSER_UNAVAILABLE'
  | 'E_HOST_NOT_ALLOWED'
  // content
  | 'E_CHARSET'
  | 'E_NOT_A_REPORT'
  // a report's tables: none anywhere (page, images, attachments), one table absent, a template row or cell not found
  | 'E_NO_TABLES' | 'E_TABLE_NOT_FOUND' | 'E_ROW_NOT_FOUND' | 'E_CELL_NOT_FOUND'
  | 'E_REPORT_MISSING'
  | 'E_UNSUPPORTED_FORMAT'
  | 'E_IMAGE_TOO_LARGE' | 'E_IMAGE_DECODE' | 'E_OCR_NO_TABLE' | 'E_OCR_ENGINE'
  // documents (PDF, DOC/DOCX/WPS, XLS/XLSX, flip-books): extract/documents/
  | 'E_DOCUMENT_EMPTY' | 'E_DOCUMENT_CORRUPT' | 'E_DOCUMENT_ENCRYPTED' | 'E_DOCUMENT_TOO_LARGE'
  | 'E_DOCUMENT_TOO_MANY_PAGES' | 'E_DOCUMENT_ZIP_BOMB' | 'E_DOCUMENT_TIMEOUT' | 'E_CONVERTER_UNAVAILABLE'
  // input / config / archive (E_INPUT_UNREADABLE: a directory, or a file that cannot be read)
  | 'E_INPUT_NOT_FOUND'
  | 'E_INPUT_UNREADABLE'
  | 'E_CONFIG_INVALID'
  | 'E_USAGE'
  | 'E_ARCHIVE'
  | 'E_NOT_FOUND'
  // nightly: another run holds the run lock; the disk (archive or log) is full
  | 'E_RUN_IN_PROGRESS'
  | 'E_DISK_FULL'
  // researchers' access: a write attempted through `nianbao query`; an export whose files no longer match its manifest
  | 'E_READ_ONLY'
  // `nianbao query`: SQLite rejected the statement (its message kept); the statement ran past --timeout
  | 'E_SQL'
  | 'E_QUERY_TIMEOUT'
  | 'E_VERIFY_FAILED'
  // frontier: an item handed out repeatedly without being finished (its process died or its task threw each time)
  | 'E_ATTEMPTS_EXHAUSTED'
  // crawl: a local failure (a bug, an archive write that threw) on one task, retried by the resumed run; a run stopped
  // by SIGINT/SIGTERM (marked interrupted; the next start resumes it)
  | 'E_INTERNAL'
  | 'E_INTERRUPTED'
  // crawl: a portal led to no report page at all (home page down, family not recognised, no catalogue or 年报 column)
  | 'E_NOTHING_FOUND'
  // extraction bounds: a page beyond any real report (bytes, elements, cells; nesting depth), an extraction over its
  // time limit, an extraction that crashed (or killed its process); a capture quarantined after two such failures
  | 'E_PAGE_TOO_LARGE' | 'E_PAGE_TOO_DEEP' | 'E_EXTRACTION_TIMEOUT' | 'E_EXTRACTION_CRASHED' | 'E_QUARANTINED'
  // `nianbao serve` answers: a malformed parameter (400), a method other than GET/HEAD (405), a request addressed to
  // another host than the one served (421, against DNS rebinding)
  | 'E_BAD_REQUEST' | 'E_METHOD' | 'E_HOST'
  // queue (pg-boss on PostgreSQL, jobs/queue): PostgreSQL cannot be reached (start it / run ./setup.sh); a job that
  // failed on every attempt (its last error kept); a job or stored result the queue cannot read (bad payload, lost bytes)
  | 'E_QUEUE_UNREACHABLE' | 'E_QUEUE_JOB_FAILED' | 'E_QUEUE_INVALID'
  // crawl: a task that ended unfetched without a recorded code (reported rather than dropped; no path is known to yield it)
  | 'E_UNKNOWN';

export interface ErrorDetails {
  readonly cause?: unknown;
  /** The input the error is about (URL, file, portal id), named in messages. */
  readonly input?: string;
}

export class NianbaoError extends Error {
  readonly code: ErrorCode;
  readonly action: ErrorAction;
  readonly input: string | undefined;

  constructor(code: ErrorCode, action: ErrorAction, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.action = action;
    this.input = details.input;
  }
}

/** Transient failure: try again later. */
export class RetryableError extends NianbaoError {
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(code, 'retry', message, details);
  }
}

/** Bad or unwanted input: record the reason, skip it, go on. */
export class SkipError extends NianbaoError {
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(code, 'skip', message, details);
  }
}

/** The job cannot go on (invalid config, unusable archive, wrong usage). */
export class StopError extends NianbaoError {
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(code, 'stop', message, details);
  }
}

export function isNianbaoError(error: unknown): error is NianbaoError {
  return error instanceof NianbaoError;
}

/** Message of any thrown value, for logs and capture rows. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
