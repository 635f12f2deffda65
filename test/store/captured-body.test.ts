import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetryableError } from '../../common/errors.ts';
import { contentCapture, latestCapturedBody, notModifiedContent } from '../../store/captured-body.ts';
import { getCapture, insertCapture } from '../../store/captures.ts';
import { exchange, seededArchive, tempDir, type Seeded } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const URL_A = 'http://www.yanzhou.gov.cn/art/2024/1/15/art_1_1.html';
let s: Seeded;
let n = 0;
beforeEach(() => {
  n += 1;
  s = seededArchive(tmp.file(`captured-body-${n}.sqlite`));
});
afterEach(() => s.db.close());

function capture(overrides: Parameters<typeof exchange>[0] = {}): number {
  const ex = exchange({ url: URL_A, ...overrides });
  return insertCapture(s.db, { runId: s.runId, portalId: s.portalId, requestedUrl: URL_A, finalUrl: ex.url, purpose: 'report', charset: 'utf-8', exchange: ex });
}

describe('latestCapturedBody and the 304 rule', () => {
  it('gives the latest complete capture with its bytes, never a cut-off one', () => {
    expect(latestCapturedBody(s.db, URL_A)).toBeNull();
    const first = capture({ body: Buffer.from('v1') });
    capture({ body: Buffer.from('v2-cut'), error: new RetryableError('E_TRUNCATED', 'cut off') });
    const found = latestCapturedBody(s.db, URL_A);
    expect(found?.capture.id).toBe(first);
    expect(found?.body.toString()).toBe('v1');
  });

  it('a 304 means the archived copy; a complete 200 is its own content; anything else has none', () => {
    const full = capture({ body: Buffer.from('v1') });
    const notModified = capture({ status: 304, body: Buffer.alloc(0) });
    const failed = capture({ status: 500, body: Buffer.from('oops') });
    expect(notModifiedContent(s.db, URL_A)?.id).toBe(full);
    expect(contentCapture(s.db, getCapture(s.db, notModified)!)?.id).toBe(full);
    expect(contentCapture(s.db, getCapture(s.db, full)!)?.id).toBe(full);
    expect(contentCapture(s.db, getCapture(s.db, failed)!)).toBeNull();
  });
});
