import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadName } from '../../../serve/archive/download-name.ts';

const base = { disposition: undefined, mediaType: 'application/pdf', fallback: 'capture-7' };

describe('the name an archived attachment downloads under', () => {
  it('prefers the link text the reader saw, adding the extension of its type', () => {
    expect(downloadName({ ...base, requested: '兖州区2023年政府信息公开工作年度报告', url: 'http://x.gov.cn/module/download/downfile.jsp?filename=5f1c0e2a.pdf' })).toBe('兖州区2023年政府信息公开工作年度报告.pdf');
    expect(downloadName({ ...base, requested: '附件：年报.docx', url: 'http://x/a.jsp', mediaType: 'application/octet-stream' })).toBe('附件：年报.docx');
  });

  it('else the response’s Content-Disposition (RFC 5987 too), else the URL’s filename parameter or last segment', () => {
    expect(downloadName({ ...base, requested: null, disposition: "attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf", url: 'http://x/d.jsp' })).toBe('年报.pdf');
    expect(downloadName({ ...base, requested: null, disposition: 'attachment; filename="report.pdf"', url: 'http://x/d.jsp' })).toBe('report.pdf');
    expect(downloadName({ ...base, requested: null, url: 'http://x/module/download/downfile.jsp?classid=0&filename=abc.pdf' })).toBe('abc.pdf');
    expect(downloadName({ ...base, requested: null, url: 'http://x/files/%E5%B9%B4%E6%8A%A5' })).toBe('年报.pdf');
    expect(downloadName({ ...base, requested: '', url: 'http://x/' })).toBe('capture-7.pdf');
  });

  it('never lets a name carry a path, quotes or control characters', () => {
    const name = downloadName({ ...base, requested: '../../etc/"passwd"\n', url: 'http://x/' });
    expect(name).not.toMatch(/[\\/"\n]/);
    expect(contentDisposition('年报 "1".pdf')).toBe(`attachment; filename="__ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('年报 "1".pdf')}`);
  });
});
