/**
 * The extraction process (jobs/extract/extraction-process.ts): a real `nianbao extraction-process` child reading a
 * real archive. Its answers come back typed; it is replaced by a fresh child after `restartAfter` pages, so a
 * crawl's memory stays bounded over thousands of pages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionProcess } from '../../../jobs/extract/extraction-process.ts';
import { insertCapture } from '../../../store/captures.ts';
import { exchange, seededArchive, tempDir } from '../../store/helpers.ts';

const tmp = tempDir();
const file = tmp.file('archive.sqlite');
const { db, runId, portalId } = seededArchive(file);
afterAll(() => db.close());

const capture = (n: number): number => {
  const url = `http://www.yanzhou.gov.cn/art/2024/${n}.html`;
  return insertCapture(db, { runId, portalId, requestedUrl: url, finalUrl: url, purpose: 'report', charset: 'utf-8', exchange: exchange({ url, body: Buffer.from('<p>not a report</p>') }) });
};

describe('an extraction process', () => {
  it("answers with the page's own typed error, and is replaced by a fresh child after restartAfter pages", async () => {
    const ids = [capture(1), capture(2), capture(3)];
    const processes = new ExtractionProcess(2);
    const pids: (number | undefined)[] = [];
    try {
      for (const captureId of ids) {
        const answer = processes.extract({ dbFile: file, captureId, ocr: false, queue: null }, `capture ${captureId}`, new AbortController().signal);
        pids.push(processes.pid);
        await expect(answer).rejects.toMatchObject({ code: 'E_NOT_A_REPORT', action: 'skip' });
      }
    } finally {
      processes.close();
    }
    expect(pids[0]).toBeDefined();
    expect(pids[1]).toBe(pids[0]);
    expect(pids[2]).toBeDefined();
    expect(pids[2]).not.toBe(pids[0]);
  }, 60_000);
});
