import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../crawlers/http/cookie-jar.ts';

describe('CookieJar', () => {
  it('sends a host its cookies only: per host and port, by path, until they expire', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.set(new URL('http://www.ytmp.gov.cn/'), [
      { name: 'NfBCSins2OywS', value: 'seed', path: '/', expiresMs: null },
      { name: 'NfBCSins2OywT', value: 'token', path: '/', expiresMs: now + 60_000 },
      { name: 'col', value: '1', path: '/col/', expiresMs: null },
    ]);
    expect(jar.headerFor(new URL('http://www.ytmp.gov.cn/index.html'))).toBe('NfBCSins2OywS=seed; NfBCSins2OywT=token');
    expect(jar.headerFor(new URL('http://www.ytmp.gov.cn/col/col3460/index.html'))).toBe('NfBCSins2OywS=seed; NfBCSins2OywT=token; col=1');
    expect(jar.headerFor(new URL('http://www.ytmp.gov.cn:8443/'))).toBeNull();
    expect(jar.headerFor(new URL('http://other.gov.cn/'))).toBeNull();
    now += 60_001;
    expect(jar.headerFor(new URL('http://www.ytmp.gov.cn/'))).toBe('NfBCSins2OywS=seed');
    jar.clear(new URL('http://www.ytmp.gov.cn/x'));
    expect(jar.headerFor(new URL('http://www.ytmp.gov.cn/'))).toBeNull();
  });
});
