import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePortals } from '../../../crawlers/portal-config.ts';
import { deadlineFor } from '../../../jobs/watch/deadlines.ts';
import { addDays, chinaDate, daysBetween, endOfChinaDay, isIsoDate } from '../../../jobs/watch/dates.ts';
import { loadExpectedFile } from '../../../jobs/watch/expected-file.ts';
import { buildExpectedSet, isExpected } from '../../../jobs/watch/expected-set.ts';
import { upsertAgency } from '../../../store/agencies.ts';
import { upsertPortal } from '../../../store/portals.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return undefined;
};

describe('deadlines (spec §1)', () => {
  it('gives 部门 31 January, 本级政府 and 乡镇街道 31 March of the next year, and 31 March for all before 2019', () => {
    expect(deadlineFor('部门', 2023)).toEqual({ date: '2024-01-31', rule: 'statutory:部门' });
    expect(deadlineFor('本级政府', 2023)).toEqual({ date: '2024-03-31', rule: 'statutory:本级政府' });
    expect(deadlineFor('乡镇街道', 2023)).toEqual({ date: '2024-03-31', rule: 'default:乡镇街道' });
    expect(deadlineFor('部门', 2018)).toEqual({ date: '2019-03-31', rule: 'statutory:pre-2019' });
    expect(deadlineFor(null, 2023).date).toBe('2024-03-31');
  });

  it('applies a portal override for its kind', () => {
    expect(deadlineFor('乡镇街道', 2023, { 乡镇街道: '02-20' })).toEqual({ date: '2024-02-20', rule: 'portal:乡镇街道' });
    expect(deadlineFor('部门', 2023, { 乡镇街道: '02-20' }).date).toBe('2024-01-31');
  });

  it('validates the `deadlines` key of the portal config', () => {
    const base = { id: 'p', family: 'hanweb', baseUrl: 'http://www.p.gov.cn' };
    expect(parsePortals([{ ...base, deadlines: { 乡镇街道: '02-20' } }], 'f.json')[0]!.deadlines).toEqual({ 乡镇街道: '02-20' });
    expect(parsePortals([base], 'f.json')[0]!.deadlines).toBeUndefined();
    expect(codeOf(() => parsePortals([{ ...base, deadlines: { 街道: '02-20' } }], 'f.json'))).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => parsePortals([{ ...base, deadlines: { 部门: '02-30' } }], 'f.json'))).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => parsePortals([{ ...base, deadlines: ['02-20'] }], 'f.json'))).toBe('E_CONFIG_INVALID');
  });

  it('computes China dates and day counts', () => {
    expect(chinaDate(new Date('2024-01-31T16:30:00Z'))).toBe('2024-02-01');
    expect(endOfChinaDay('2024-02-01')).toBe('2024-02-01T15:59:59.999Z');
    expect(daysBetween('2024-01-31', '2024-02-15')).toBe(15);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(isIsoDate('2024-02-30')).toBe(false);
  });
});

describe('the expected-bodies list (--expected)', () => {
  const { dir } = tempArchive('nianbao-expected-');

  it('reads CSV and JSON', () => {
    const csv = path.join(dir, 'e.csv');
    writeFileSync(csv, '\uFEFFportal,key,name,kind,action,from,to\n# a comment\np,K1,"甲局, 新",部门,add,2020,\np,K2,,,retire,2022,2023\n');
    expect(loadExpectedFile(csv, ['p'])).toEqual([
      { portalId: 'p', key: 'K1', action: 'add', name: '甲局, 新', kind: '部门', fromYear: 2020, toYear: null },
      { portalId: 'p', key: 'K2', action: 'retire', name: null, kind: null, fromYear: 2022, toYear: 2023 },
    ]);
    const json = path.join(dir, 'e.json');
    writeFileSync(json, JSON.stringify([{ portal: 'p', key: 'K3', kind: '乡镇街道', from: 2021 }]));
    expect(loadExpectedFile(json, ['p'])).toEqual([{ portalId: 'p', key: 'K3', action: 'add', name: null, kind: '乡镇街道', fromYear: 2021, toYear: null }]);
  });

  it('refuses unknown columns, portals, kinds and bad years with E_CONFIG_INVALID', () => {
    const bad = (name: string, text: string): unknown => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return codeOf(() => loadExpectedFile(file, ['p']));
    };
    expect(bad('a.csv', 'portal,key,colour\np,K,red\n')).toBe('E_CONFIG_INVALID');
    expect(bad('b.csv', 'portal,key\nq,K\n')).toBe('E_CONFIG_INVALID');
    expect(bad('c.csv', 'portal,key,kind\np,K,局\n')).toBe('E_CONFIG_INVALID');
    expect(bad('d.csv', 'portal,key,from\np,K,19\n')).toBe('E_CONFIG_INVALID');
    expect(bad('e.json', '[{"portal":"p","key":"K","extra":1}]')).toBe('E_CONFIG_INVALID');
    expect(codeOf(() => loadExpectedFile(path.join(dir, 'none.csv'), ['p']))).toBe('E_CONFIG_INVALID');
  });
});

describe('the expected set', () => {
  it('merges catalogue, report and user bodies; users add years and retire bodies', () => {
    const { db } = tempArchive('nianbao-set-');
    const [portal] = parsePortals([{ id: 'p', family: 'hanweb', baseUrl: 'http://www.p.gov.cn', years: [2021, 2022, 2023] }], 'f');
    upsertPortal(db, { id: 'p', family: 'hanweb', baseUrl: portal!.baseUrl, name: 'p', config: portal });
    upsertAgency(db, { portalId: 'p', key: 'USCC1', name: '某区财政局', kind: '部门', source: 'catalogue' });
    upsertAgency(db, { portalId: 'p', key: '某区财政局', name: '某区财政局', kind: '部门', source: 'report' });
    upsertAgency(db, { portalId: 'p', key: '某区人民政府', name: '某区人民政府', kind: null, source: 'report' });
    const bodies = buildExpectedSet(db, [portal!], [
      { portalId: 'p', key: 'USCC1', action: 'retire', name: null, kind: null, fromYear: 2023, toYear: null },
      { portalId: 'p', key: 'TOWN', action: 'add', name: '某镇人民政府', kind: null, fromYear: 2022, toYear: null },
    ]);
    expect(bodies.map((b) => b.key).sort()).toEqual(['TOWN', 'USCC1', '某区人民政府']);
    const finance = bodies.find((b) => b.key === 'USCC1')!;
    expect(finance.agencyIds.length).toBe(2); // the report-keyed row is the same body (same name)
    expect(finance.probeKey).toBe('USCC1');
    expect([2021, 2022, 2023].map((y) => isExpected(finance, y))).toEqual([true, true, false]);
    const town = bodies.find((b) => b.key === 'TOWN')!;
    expect(town.kind).toBe('乡镇街道'); // inferred from the name
    expect([2021, 2022, 2023].map((y) => isExpected(town, y))).toEqual([false, true, true]);
    const gov = bodies.find((b) => b.key === '某区人民政府')!;
    expect(gov.kind).toBe('本级政府');
    expect(gov.probeKey).toBeNull();
    expect(isExpected(gov, 2022)).toBe(false); // known only from reports, and it has none
    db.close();
  });
});
