/** `/api/search` refuses control characters in its text parameters with a 400 and a code, never a 500 (issue 12 #7). */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../serve/server.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';

let reader: Database;
let server: RunningServer;
const errors: unknown[] = [];

beforeAll(async () => {
  const archive = tempArchive();
  archive.db.close();
  reader = openArchive(archive.file, 'serve');
  server = await startServer({ db: reader, host: '127.0.0.1', port: 0, warm: [], onError: (error) => errors.push(error) });
});

afterAll(async () => {
  await server.close();
  reader.close();
});

async function get(path: string): Promise<{ status: number; body: { error?: { code: string } } }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

describe('/api/search with control characters', () => {
  it.each(['q=x%00y', 'q=%01', 'q=a%1Fb', 'q=%7F', 'agency=%00', 'portal=x%00', 'failingCheck=t3%00'])('%s → 400 E_BAD_REQUEST', async (query) => {
    const { status, body } = await get(`/api/search?${query}`);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('E_BAD_REQUEST');
  });

  it('tabs and line breaks are spaces, not errors', async () => {
    expect((await get('/api/search?q=%E4%BF%A1%E8%AE%BF%09%E8%A7%84%E7%AB%A0%0A')).status).toBe(200);
    expect(errors).toEqual([]);
  });
});

