import { describe, expect, it } from 'vitest';
import { detectChallenge } from '../../../crawlers/browser/challenge.ts';

const answer = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'text/html' }) => ({ status, headers, body: Buffer.from(body) });

describe('detectChallenge', () => {
  it('recognises 瑞数 (412 + $_ts), 加速乐 (521 + __jsl_clearance) and a 200 that is only a cookie-setting script', () => {
    expect(detectChallenge(answer(412, `<html><head><meta content="x" r='m'><script>$_ts=window['$_ts'];</script><script src="/a/c.js" r='m'></script></head><body></body></html>`))?.vendor).toBe('ruishu');
    expect(detectChallenge(answer(202, `<script>$_ts=window['$_ts'];if(!$_ts)$_ts={};</script>`))?.vendor).toBe('ruishu');
    expect(detectChallenge(answer(521, `<script>document.cookie='__jsl_clearance_s=1;path=/';location.href=location.pathname</script>`))).toEqual({ vendor: 'jiasule', status: 521 });
    expect(detectChallenge(answer(200, `<html><script>document.cookie='t=1';location.reload()</script></html>`))?.vendor).toBe('script');
  });

  it('leaves real pages, real errors and files alone', () => {
    const article = `<html><script>var _hmt=[];document.cookie='v=1';</script><body>${'济宁市兖州区信访局2023年政府信息公开工作年度报告，本报告由总体情况等六部分组成。'.repeat(10)}</body></html>`;
    expect(detectChallenge(answer(200, article))).toBeNull();
    expect(detectChallenge(answer(404, '<h1>404</h1><script>location.href="/"</script>'))).toBeNull();
    expect(detectChallenge(answer(412, '<h1>Precondition Failed</h1>'))).toBeNull();
    expect(detectChallenge(answer(200, '%PDF-1.4 <script>', { 'content-type': 'application/pdf' }))).toBeNull();
  });
});
