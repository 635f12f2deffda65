/** The archive survives SIGKILL at any moment: no corruption, no capture without its blob, no half-written task. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../store/open-archive.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** Runs the writer until it has committed `commits` tasks (plus a random few ms), then SIGKILLs it. */
function runAndKill(file: string, commits: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-writer.ts'), file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = 0;
    let killing = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const matches = [...chunk.toString().matchAll(/committed (\d+)/g)];
      const latest = matches.at(-1);
      if (latest?.[1] !== undefined) last = Number(latest[1]);
      if (!killing && last >= commits) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe('SIGKILL', () => {
  it('leaves a consistent archive, however often the writer is killed', async () => {
    const file = tmp.file('killed.sqlite');
    for (const commits of [15, 40, 5, 25]) {
      const reported = await runAndKill(file, commits);
      expect(reported).toBeGreaterThanOrEqual(commits);
    }
    const db = openArchive(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const missing = db.prepare('SELECT count(*) FROM captures c WHERE c.sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = c.sha256)').pluck().get();
      expect(missing).toBe(0);
      for (const blob of db.prepare('SELECT sha256, length, bytes FROM blobs').iterate() as Iterable<{ sha256: string; length: number; bytes: Buffer }>) {
        expect(blob.bytes.length).toBe(blob.length);
        expect(createHash('sha256').update(blob.bytes).digest('hex')).toBe(blob.sha256);
      }
      // every task is all-or-nothing: done ⇒ its three captures, pending ⇒ none
      const perState = db
        .prepare('SELECT f.state, (SELECT count(*) FROM captures c WHERE c.run_id = f.run_id AND c.requested_url = f.url) AS n, count(*) AS tasks FROM frontier f GROUP BY f.state, n')
        .all() as { state: string; n: number; tasks: number }[];
      for (const row of perState) expect([row.state, row.n]).toEqual(row.state === 'done' ? ['done', 3] : [row.state, 0]);
      const done = perState.filter((r) => r.state === 'done').reduce((sum, r) => sum + r.tasks, 0);
      expect(done).toBeGreaterThanOrEqual(15 + 40 + 5 + 25); // committed work survives (the four runs resumed one run)
      expect(db.prepare("SELECT count(*) FROM runs WHERE status = 'running'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
