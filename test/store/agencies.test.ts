import { afterAll, describe, expect, it } from 'vitest';
import { findAgency, listAgencies, upsertAgency } from '../../store/agencies.ts';
import { getPortal, listPortals, upsertPortal } from '../../store/portals.ts';
import { seededArchive, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('portals and agencies', () => {
  it('upserts portals by id', () => {
    const { db } = seededArchive(tmp.file('portals.sqlite'));
    upsertPortal(db, { id: 'yanzhou', family: 'hanweb', baseUrl: 'https://www.yanzhou.gov.cn', name: '兖州区人民政府', config: { years: [2024] } });
    expect(getPortal(db, 'yanzhou')).toMatchObject({ baseUrl: 'https://www.yanzhou.gov.cn', name: '兖州区人民政府', config: { years: [2024] } });
    expect(listPortals(db)).toHaveLength(1);
    db.close();
  });

  it('keeps the key verbatim and derives the USCC only from a valid one', () => {
    const { db } = seededArchive(tmp.file('uscc.sqlite'));
    const valid = upsertAgency(db, { portalId: 'yanzhou', key: '11370812004322760Y', name: '济宁市兖州区人民政府办公室', kind: '部门', source: 'catalogue' });
    upsertAgency(db, { portalId: 'yanzhou', key: '113708120043225000MZJ', name: '济宁市兖州区民政局', kind: '部门', source: 'config' });
    expect(findAgency(db, 'yanzhou', '11370812004322760Y')).toMatchObject({ id: valid, uscc: '11370812004322760Y', kind: '部门', source: 'catalogue' });
    expect(findAgency(db, 'yanzhou', '113708120043225000MZJ')).toMatchObject({ key: '113708120043225000MZJ', uscc: null });
    expect(findAgency(db, 'yanzhou', 'nope')).toBeNull();
    db.close();
  });

  it('re-runs upsert the same row and never replace known facts with unknowns', () => {
    const { db } = seededArchive(tmp.file('merge.sqlite'));
    const key = '11370812004322007N';
    const id = upsertAgency(db, { portalId: 'yanzhou', key, name: '兖州区财政局', kind: '部门', source: 'config' });
    expect(upsertAgency(db, { portalId: 'yanzhou', key, name: '', kind: null, source: 'catalogue' })).toBe(id);
    expect(findAgency(db, 'yanzhou', key)).toMatchObject({ name: '兖州区财政局', kind: '部门', source: 'config' });
    // a less trusted source does not rename; a config entry does
    upsertAgency(db, { portalId: 'yanzhou', key, name: '财政局', kind: null, source: 'report' });
    expect(findAgency(db, 'yanzhou', key)?.name).toBe('兖州区财政局');
    upsertAgency(db, { portalId: 'yanzhou', key, name: '济宁市兖州区财政局', kind: null, source: 'config' });
    expect(findAgency(db, 'yanzhou', key)?.name).toBe('济宁市兖州区财政局');
    // a report-learnt agency is upgraded when a catalogue lists it
    upsertAgency(db, { portalId: 'yanzhou', key: '新兴街道办事处', name: '新兴街道办事处', kind: null, source: 'report' });
    upsertAgency(db, { portalId: 'yanzhou', key: '新兴街道办事处', name: '新兴街道办事处', kind: '乡镇街道', source: 'catalogue' });
    expect(findAgency(db, 'yanzhou', '新兴街道办事处')).toMatchObject({ kind: '乡镇街道', source: 'catalogue' });
    expect(listAgencies(db, 'yanzhou')).toHaveLength(2);
    expect(listAgencies(db)).toHaveLength(2);
    expect(listAgencies(db, 'jining')).toHaveLength(0);
    db.close();
  });
});
