import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { countBlobs, getBlob, putBlob } from '../../store/blobs.ts';
import { openArchive } from '../../store/open-archive.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('blobs', () => {
  it('stores the same bytes once and returns their sha256', () => {
    const db = openArchive(tmp.file('blobs.sqlite'));
    const bytes = Buffer.from('济宁市兖州区民政局2024年政府信息公开工作年度报告', 'utf8');
    const a = putBlob(db, bytes);
    const b = putBlob(db, Buffer.from(bytes));
    expect(a).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(b).toBe(a);
    expect(countBlobs(db)).toBe(1);
    expect(getBlob(db, a)?.equals(bytes)).toBe(true);
    expect(getBlob(db, '0'.repeat(64))).toBeNull();
    putBlob(db, Buffer.from([0xff, 0x00, 0xd8]));
    expect(countBlobs(db)).toBe(2);
    db.close();
  });
});
