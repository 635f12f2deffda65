/** `GET /api/quarantine`: the quarantined report pages of the current extractor, over HTTP, from a real archive. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { EXTRACTOR_VERSION } from '../../../extract/version.ts';
import { startServer, type RunningServer } from '../../../serve/server.ts';
import { insertCapture } from '../../../store/captures.ts';
import { quarantineCapture } from '../../../store/extraction-quarantine.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { exchange, seededArchive, tempDir } from '../../store/helpers.ts';

const PAGE = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=X&fbtime=2023';

describe('GET /api/quarantine', () => {
  const tmp = tempDir('nianbao-serve-quarantine-');
  let db: Database;
  let server: RunningServer;
  let captureId: number;

  beforeAll(async () => {
    const seeded = seededArchive(tmp.file('archive.sqlite'));
    captureId = insertCapture(seeded.db, { runId: seeded.runId, portalId: seeded.portalId, requestedUrl: PAGE, finalUrl: PAGE, purpose: 'report', charset: 'utf-8', exchange: exchange({ url: PAGE }) });
    const old = insertCapture(seeded.db, { runId: seeded.runId, portalId: seeded.portalId, requestedUrl: `${PAGE}&old`, finalUrl: `${PAGE}&old`, purpose: 'report', charset: 'utf-8', exchange: exchange({ url: `${PAGE}&old` }) });
    const entry = { code: 'E_EXTRACTION_CRASHED', message: 'extraction did not finish 2 time(s)', attempts: 2, runId: seeded.runId };
    quarantineCapture(seeded.db, { ...entry, captureId, extractorVersion: EXTRACTOR_VERSION });
    quarantineCapture(seeded.db, { ...entry, captureId: old, extractorVersion: 'html-0.0.1' }); // a newer extractor tries it again
    seeded.db.close();
    db = openArchive(tmp.file('archive.sqlite'), 'serve');
    server = await startServer({ db, port: 0, warm: [] });
  });

  afterAll(async () => {
    await server?.close();
    db?.close();
    tmp.remove();
  });

  it('lists the pages the current extractor skips, with their reason and archived page', async () => {
    const answer = (await (await fetch(`${server.url}/api/quarantine`)).json()) as unknown[];
    expect(answer).toEqual([
      expect.objectContaining({ captureId, portal: 'yanzhou', url: PAGE, code: 'E_EXTRACTION_CRASHED', attempts: 2, extractorVersion: EXTRACTOR_VERSION, archiveUrl: `/archive/captures/${captureId}/page` }),
    ]);
    expect(await (await fetch(`${server.url}/api/quarantine?portal=other`)).json()).toEqual([]);
  });
});
