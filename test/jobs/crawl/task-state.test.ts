import { describe, expect, it } from 'vitest';
import { RetryableError, SkipError, StopError } from '../../../common/errors.ts';
import { taskState } from '../../../jobs/crawl/task-state.ts';

describe('task state: failed is every page that could not be fetched or read', () => {
  it('done without an error; skipped only for 404/410 and a robots.txt Disallow', () => {
    expect(taskState(null, 200)).toBe('done');
    expect(taskState(null, 304)).toBe('done');
    expect(taskState(new SkipError('E_HTTP_STATUS', 'gone'), 404)).toBe('skipped');
    expect(taskState(new SkipError('E_HTTP_STATUS', 'gone'), 410)).toBe('skipped');
    expect(taskState(new SkipError('E_ROBOTS_DISALLOWED', 'no'), null)).toBe('skipped');
  });

  it('failed for refusals, cut-off and oversized bodies, loops, refused hosts, challenges and 403/5xx', () => {
    const failures = [
      [new RetryableError('E_NETWORK', 'ECONNREFUSED'), null],
      [new RetryableError('E_ROBOTS_UNREACHABLE', 'robots.txt down'), null],
      [new RetryableError('E_TRUNCATED', 'cut'), 200],
      [new RetryableError('E_TIMEOUT', 'slow'), 0],
      [new SkipError('E_BODY_TOO_LARGE', 'big'), 200],
      [new SkipError('E_TOO_MANY_REDIRECTS', 'loop'), 302],
      [new SkipError('E_HOST_NOT_ALLOWED', 'elsewhere'), null],
      [new RetryableError('E_JS_CHALLENGE', 'challenge'), 200],
      [new SkipError('E_HTTP_STATUS', 'forbidden'), 403],
      [new RetryableError('E_HTTP_STATUS', 'down'), 503],
      [new StopError('E_USAGE', 'fetcher closed'), null],
    ] as const;
    for (const [error, status] of failures) expect(taskState(error, status), `${error.code} ${status}`).toBe('failed');
  });
});
