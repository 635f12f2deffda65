import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SkipError } from '../../common/errors.ts';
import { countBlobs } from '../../store/blobs.ts';
import {
  countCaptures,
  getCapture,
  getCaptureBody,
  insertCapture,
  latestSuccessfulCapture,
  latestValidators,
  listRunFinalCaptures,
} from '../../store/captures.ts';
import { exchange, seededArchive, tempDir, type Seeded } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const URL_A = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370812004322760Y&fbtime=2024';
let s: Seeded;
let n = 0;
beforeEach(() => {
  n += 1;
  s = seededArchive(tmp.file(`captures-${n}.sqlite`));
});
afterEach(() => s.db.close());

function capture(overrides: Parameters<typeof exchange>[0] = {}, requestedUrl = URL_A): number {
  const ex = exchange({ url: URL_A, ...overrides });
  return insertCapture(s.db, { runId: s.runId, portalId: s.portalId, requestedUrl, finalUrl: ex.url, purpose: 'report', charset: 'utf-8', exchange: ex });
}

describe('captures', () => {
  it('round-trips an exchange with its body, headers and run version', () => {
    const id = capture();
    const row = getCapture(s.db, id);
    expect(row).toMatchObject({
      id,
      runId: s.runId,
      portalId: 'yanzhou',
      requestedUrl: URL_A,
      url: URL_A,
      finalUrl: URL_A,
      method: 'GET',
      status: 200,
      contentType: 'text/html; charset=UTF-8',
      charset: 'utf-8',
      purpose: 'report',
      errorCode: null,
      crawlerVersion: 'nianbao-crawler/0.1.0-test',
      elapsedMs: 42,
      fetchedAt: '2025-02-01T08:00:00.000Z',
    });
    expect(row?.headers.etag).toBe('"abc-123"');
    expect(row?.requestHeaders['user-agent']).toBe('nianbao-test');
    expect(row?.length).toBe(Buffer.byteLength('<html><body>年报</body></html>'));
    expect(getCaptureBody(s.db, id)?.toString('utf8')).toBe('<html><body>年报</body></html>');
    expect(getCapture(s.db, 999)).toBeNull();
  });

  it('stores identical bodies once', () => {
    capture();
    capture();
    expect(countCaptures(s.db)).toBe(2);
    expect(countBlobs(s.db)).toBe(1);
  });

  it('records a 304 with no body and no blob', () => {
    const id = capture({ status: 304, body: Buffer.alloc(0), headers: { etag: '"abc-123"' } });
    const row = getCapture(s.db, id);
    expect(row?.sha256).toBeNull();
    expect(row?.length).toBe(0);
    expect(getCaptureBody(s.db, id)).toBeNull();
    expect(countBlobs(s.db)).toBe(0);
  });

  it('records failed exchanges with their error code', () => {
    const id = capture({ status: 0, body: Buffer.alloc(0), headers: {}, error: new SkipError('E_TIMEOUT', 'timed out after 30 s') });
    expect(getCapture(s.db, id)).toMatchObject({ status: 0, sha256: null, errorCode: 'E_TIMEOUT', errorMessage: 'timed out after 30 s', contentType: null });
  });

  it('finds validators and the latest successful capture of a URL', () => {
    expect(latestValidators(s.db, URL_A)).toBeNull();
    const first = capture();
    const second = capture({ headers: { 'content-type': 'text/html', etag: '"v2"' }, body: Buffer.from('v2') });
    capture({ status: 304, body: Buffer.alloc(0), headers: {} });
    capture({ status: 503, body: Buffer.from('busy'), headers: {} });
    expect(latestValidators(s.db, URL_A)).toEqual({ captureId: second, etag: '"v2"' });
    expect(latestSuccessfulCapture(s.db, URL_A)?.id).toBe(second);
    expect(first).toBeLessThan(second);
    expect(latestSuccessfulCapture(s.db, 'http://www.yanzhou.gov.cn/other')).toBeNull();
  });

  it('ignores 200 captures whose body was refused (no validators for bytes we do not hold)', () => {
    capture({ body: Buffer.alloc(0), error: new SkipError('E_BODY_TOO_LARGE', 'over 50 MB') });
    expect(latestValidators(s.db, URL_A)).toBeNull();
    expect(latestSuccessfulCapture(s.db, URL_A)).toBeNull();
  });

  it('follows redirects: the 200 fetched for a requested URL counts for it', () => {
    const target = 'https://www.yanzhou.gov.cn/art/2025/1/15/art_61508_1.html';
    insertCapture(s.db, {
      runId: s.runId, portalId: s.portalId, requestedUrl: URL_A, finalUrl: target, purpose: 'report', charset: null,
      exchange: exchange({ url: URL_A, status: 302, headers: { location: target }, body: Buffer.alloc(0) }),
    });
    const final = insertCapture(s.db, {
      runId: s.runId, portalId: s.portalId, requestedUrl: URL_A, finalUrl: target, purpose: 'report', charset: 'utf-8',
      exchange: exchange({ url: target }),
    });
    expect(latestSuccessfulCapture(s.db, URL_A)?.id).toBe(final);
    expect(latestSuccessfulCapture(s.db, target)?.id).toBe(final);
    expect(listRunFinalCaptures(s.db, s.runId, 'report').map((c) => c.id)).toEqual([final]);
    expect(countCaptures(s.db, { runId: s.runId, status: 302 })).toBe(1);
    expect(countCaptures(s.db, { purpose: 'attachment' })).toBe(0);
  });

  it('rejects a capture for an unknown portal (foreign keys on) and writes nothing', () => {
    const ex = exchange({ body: Buffer.from('orphan') });
    expect(() =>
      insertCapture(s.db, { runId: s.runId, portalId: 'nowhere', requestedUrl: ex.url, finalUrl: ex.url, purpose: 'other', charset: null, exchange: ex }),
    ).toThrow(/FOREIGN KEY/);
    expect(countCaptures(s.db)).toBe(0);
    expect(countBlobs(s.db)).toBe(0); // the blob written first was rolled back with the capture
  });
});
