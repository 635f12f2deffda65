import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortalsFile, parsePortals, selectPortals } from '../../crawlers/portal-config.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('portal config', () => {
  it('loads the real portal list shipped in data/', () => {
    const portals = loadPortalsFile(path.resolve('data/portals.json'));
    expect(portals.map((p) => p.id)).toEqual(expect.arrayContaining(['yanzhou', 'wendeng', 'jining', 'wenshang', 'weihai']));
    const wendeng = selectPortals(portals, 'wendeng')[0]!;
    expect(wendeng.reportColumns).toEqual([70623, 75243, 182996]);
    expect(wendeng.years[0]).toBe(2019);
  });

  it('applies defaults and normalises the base URL', () => {
    const [portal] = parsePortals([{ id: 'x', family: 'hanweb', baseUrl: 'https://www.weihai.gov.cn:8443/' }], 'test');
    expect(portal).toMatchObject({ baseUrl: 'https://www.weihai.gov.cn:8443', annualReportModule: true, agencies: [], catalogueUrls: [] });
  });

  it('needs only id and baseUrl: family defaults to auto, the name to the home page title (absent until read)', () => {
    const [portal] = parsePortals([{ id: 'tz', baseUrl: 'http://www.tengzhou.gov.cn/' }], 'test');
    expect(portal).toMatchObject({ id: 'tz', family: 'auto', baseUrl: 'http://www.tengzhou.gov.cn', reportColumns: [], reportMenuUrls: [] });
    expect(portal!.name).toBeUndefined();
    const [trs] = parsePortals([{ id: 'tz', family: 'trs', name: ' 滕州 ', baseUrl: 'http://www.tengzhou.gov.cn' }], 'test');
    expect(trs).toMatchObject({ family: 'trs', name: '滕州' });
  });

  it('rejects unknown keys, bad kinds, duplicate ids and non-arrays with E_CONFIG_INVALID', () => {
    expect(codeOf(() => parsePortals([{ id: 'x', family: 'hanweb', baseUrl: 'http://a.gov.cn', colums: [] }], 't'))).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => parsePortals([{ id: 'x', family: 'hanweb', baseUrl: 'http://a.gov.cn', agencies: [{ key: 'k', name: 'n', kind: '局' }] }], 't'))).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => parsePortals([{ id: 'x', family: 'hanweb', baseUrl: 'http://a.gov.cn' }, { id: 'x', family: 'hanweb', baseUrl: 'http://b.gov.cn' }], 't'))).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => parsePortals({ id: 'x' }, 't'))).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => parsePortals([{ id: 'x', family: 'dedecms', baseUrl: 'http://a.gov.cn' }], 't'))).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => selectPortals([], 'nope'))).toBe('E_CONFIG_INVALID');
  });

  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-config-'));
    const file = path.join(dir, 'portals.json');
    writeFileSync(file, '[{"id": ');
    expect(() => loadPortalsFile(file)).toThrow(file);
    expect(codeOf(() => loadPortalsFile(path.join(dir, 'missing.json')))).toBe('E_CONFIG_INVALID');
  });
});
