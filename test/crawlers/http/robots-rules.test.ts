import { describe, expect, it } from 'vitest';
import { isAllowedByRobots, parseRobots } from '../../../crawlers/http/robots-rules.ts';

const allowed = (robots: string, path: string): boolean => isAllowedByRobots(parseRobots(robots), new URL(path, 'http://x.gov.cn'));

describe('parseRobots', () => {
  it('uses the nianbao group over *, merging repeated groups and shared user-agent lines', () => {
    const text = [
      'User-agent: *',
      'Disallow: /',
      '',
      'User-agent: Googlebot',
      'User-agent: NianBao/0.1',
      'Disallow: /private/',
      'Crawl-delay: 2',
      '',
      'User-agent: nianbao',
      'Disallow: /tmp/',
    ].join('\n');
    const rules = parseRobots(text);
    expect(rules.crawlDelayMs).toBe(2000);
    expect(allowed(text, '/art/2024/1/15/art_61508_11757.html')).toBe(true);
    expect(allowed(text, '/private/x')).toBe(false);
    expect(allowed(text, '/tmp/y')).toBe(false);
  });

  it('falls back to *, and allows everything when no group applies', () => {
    expect(allowed('User-agent: *\nDisallow: /module/', '/module/xxgk/tree.jsp')).toBe(false);
    expect(allowed('User-agent: Baiduspider\nDisallow: /', '/anything')).toBe(true);
    expect(allowed('', '/anything')).toBe(true);
  });

  it('ignores rules before any user-agent, comments, unknown lines and empty Disallow', () => {
    const text = 'Disallow: /\n# comment\nUser-agent: * # all\nDisallow:\nSitemap: http://x.gov.cn/s.xml\nfoo';
    expect(allowed(text, '/a')).toBe(true);
  });

  it('reads decimal Crawl-delay and ignores junk', () => {
    expect(parseRobots('User-agent: *\nCrawl-delay: 0.5').crawlDelayMs).toBe(500);
    expect(parseRobots('User-agent: *\nCrawl-delay: soon').crawlDelayMs).toBeNull();
  });
});

describe('isAllowedByRobots', () => {
  it('takes the longest match; Allow wins ties', () => {
    const text = 'User-agent: *\nDisallow: /col/\nAllow: /col/col70413/\nAllow: /p\nDisallow: /p';
    expect(allowed(text, '/col/col1/index.html')).toBe(false);
    expect(allowed(text, '/col/col70413/index.html')).toBe(true);
    expect(allowed(text, '/page')).toBe(true);
  });

  it('supports * wildcards and $ anchors, on path and query', () => {
    const text = 'User-agent: *\nDisallow: /*.pdf$\nDisallow: /module/*?*fbtime=2019\nDisallow: /search$';
    expect(allowed(text, '/attach/0/a.pdf')).toBe(false);
    expect(allowed(text, '/attach/0/a.pdf?x=1')).toBe(true);
    expect(allowed(text, '/module/xxgk/xxgkAnnualReport.jsp?area=1&fbtime=2019')).toBe(false);
    expect(allowed(text, '/module/xxgk/xxgkAnnualReport.jsp?area=1&fbtime=2025')).toBe(true);
    expect(allowed(text, '/search')).toBe(false);
    expect(allowed(text, '/searchx')).toBe(true);
  });

  it('matches non-ASCII patterns against percent-encoded paths', () => {
    expect(allowed('User-agent: *\nDisallow: /年报/', '/年报/2025.html')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /%e5%b9%b4', '/年报/2025.html')).toBe(false);
  });

  it('always allows /robots.txt', () => {
    expect(allowed('User-agent: *\nDisallow: /', '/robots.txt')).toBe(true);
  });
});
