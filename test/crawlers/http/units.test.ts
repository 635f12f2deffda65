import { describe, expect, it } from 'vitest';
import { isNianbaoError } from '../../../common/errors.ts';
import type { Exchange } from '../../../crawlers/http/exchange.ts';
import { DEFAULT_FETCHER_OPTIONS, isGovCnHost, resolveFetcherOptions } from '../../../crawlers/http/fetcher-options.ts';
import { HostQueues, hostKey } from '../../../crawlers/http/host-queue.ts';
import { RedirectTracker, redirectTarget } from '../../../crawlers/http/redirects.ts';
import { conditionalHeaders } from '../../../crawlers/http/polite-fetcher.ts';
import { fakeClock } from './fixture-server.ts';

function redirect(location: string | undefined): Exchange {
  const headers: Record<string, string> = location === undefined ? {} : { location };
  return { url: 'http://www.yanzhou.gov.cn/module/download/downfile.jsp?x=1', method: 'GET', requestHeaders: {}, fetchedAt: '', status: 302, headers, body: Buffer.alloc(0), error: null, elapsedMs: 0 };
}

describe('isGovCnHost (default isHostAllowed)', () => {
  it('allows gov.cn and its subdomains only', () => {
    expect(isGovCnHost(new URL('http://www.yanzhou.gov.cn/'))).toBe(true);
    expect(isGovCnHost(new URL('https://WWW.WEIHAI.GOV.CN:8443/x'))).toBe(true);
    expect(isGovCnHost(new URL('http://gov.cn/'))).toBe(true);
    expect(isGovCnHost(new URL('http://www.jkzhuan.cn/'))).toBe(false);
    expect(isGovCnHost(new URL('http://evilgov.cn/'))).toBe(false);
    expect(isGovCnHost(new URL('http://www.gov.cn.evil.com/'))).toBe(false);
    expect(isGovCnHost(new URL('http://180.76.149.248:88/book/'))).toBe(false);
    expect(DEFAULT_FETCHER_OPTIONS.isHostAllowed).toBe(isGovCnHost);
  });
});

describe('resolveFetcherOptions', () => {
  it('fills defaults', () => {
    const options = resolveFetcherOptions({ perHostDelayMs: 10 });
    expect(options.perHostDelayMs).toBe(10);
    expect(options.maxBodyBytes).toBe(52_428_800);
    expect(options.userAgent).toMatch(/^nianbao\/\d+\.\d+\.\d+ \(\+archive of 政府信息公开工作年度报告\)$/);
  });

  it('rejects unknown keys and bad values with E_CONFIG_INVALID', () => {
    const attempts = [
      () => resolveFetcherOptions({ perHostDelay: 5 } as never),
      () => resolveFetcherOptions({ perHostConcurrency: 0 }),
      () => resolveFetcherOptions({ timeoutMs: 1.5 }),
      () => resolveFetcherOptions({ userAgent: ' ' }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        expect(isNianbaoError(error) && error.code).toBe('E_CONFIG_INVALID');
      }
    }
  });
});

describe('conditionalHeaders', () => {
  it('sends the validators it has', () => {
    expect(conditionalHeaders(undefined)).toEqual({});
    expect(conditionalHeaders({ etag: '"abc"', lastModified: 'Wed, 15 Jan 2025 08:00:00 GMT' })).toEqual({
      'if-none-match': '"abc"',
      'if-modified-since': 'Wed, 15 Jan 2025 08:00:00 GMT',
    });
  });
});

describe('redirectTarget', () => {
  it('resolves relative Locations and drops fragments', () => {
    const target = redirectTarget(redirect('/attach/0/a.pdf#page=2'));
    expect(target instanceof URL && target.href).toBe('http://www.yanzhou.gov.cn/attach/0/a.pdf');
  });

  it('percent-encodes raw GBK bytes in Location byte for byte', () => {
    const raw = Buffer.from([0xc4, 0xea, 0xb1, 0xa8]).toString('latin1'); // 年报 in GBK
    const target = redirectTarget(redirect(`/attach/${raw}.pdf`));
    expect(target instanceof URL && target.pathname).toBe('/attach/%C4%EA%B1%A8.pdf');
  });

  it('refuses a missing Location and non-HTTP targets', () => {
    const missing = redirectTarget(redirect(undefined));
    expect(missing instanceof URL ? null : missing.code).toBe('E_HTTP_STATUS');
    const ftp = redirectTarget(redirect('ftp://x.gov.cn/a'));
    expect(ftp instanceof URL ? null : ftp.code).toBe('E_HOST_NOT_ALLOWED');
  });
});

describe('RedirectTracker', () => {
  it('stops loops and chains longer than maxRedirects', () => {
    const tracker = new RedirectTracker(new URL('http://a.gov.cn/1'), 2);
    expect(tracker.follow('http://a.gov.cn/1', new URL('http://a.gov.cn/2'))).toBeNull();
    expect(tracker.follow('http://a.gov.cn/2', new URL('http://a.gov.cn/1'))?.code).toBe('E_TOO_MANY_REDIRECTS');
    const short = new RedirectTracker(new URL('http://a.gov.cn/1'), 1);
    expect(short.follow('http://a.gov.cn/1', new URL('http://a.gov.cn/2'))).toBeNull();
    expect(short.follow('http://a.gov.cn/2', new URL('http://a.gov.cn/3'))?.code).toBe('E_TOO_MANY_REDIRECTS');
  });
});

describe('HostQueues', () => {
  it('keys hosts by host:port with default ports', () => {
    expect(hostKey(new URL('http://WWW.X.gov.cn/a'))).toBe('www.x.gov.cn:80');
    expect(hostKey(new URL('https://www.weihai.gov.cn:8443/a'))).toBe('www.weihai.gov.cn:8443');
    expect(hostKey(new URL('https://www.weihai.gov.cn/a'))).toBe('www.weihai.gov.cn:443');
  });

  it('spaces starts on one host, not across hosts, and honours raised delays and deferrals', async () => {
    const clock = fakeClock(0);
    const queues = new HostQueues({ concurrency: 1, delayMs: 100, sleep: clock.sleep, now: clock.now });
    const starts: Array<[string, number]> = [];
    const task = (name: string) => async () => {
      starts.push([name, clock.now().getTime()]);
    };
    await Promise.all([queues.run('a:80', task('a1')), queues.run('a:80', task('a2')), queues.run('b:80', task('b1'))]);
    expect(starts).toEqual([['a1', 0], ['b1', 0], ['a2', 100]]);
    queues.raiseDelay('a:80', 500);
    queues.raiseDelay('a:80', 50); // never lowers
    expect(queues.delayOf('a:80')).toBe(500);
    await queues.run('a:80', task('a3'));
    expect(starts.at(-1)).toEqual(['a3', 600]);
    queues.deferFor('b:80', 5000);
    await queues.run('b:80', task('b2'));
    expect(starts.at(-1)).toEqual(['b2', 5600]);
  });
});
