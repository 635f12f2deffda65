import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from '../../../jobs/cli/exit-codes.ts';
import { isDiskFull } from '../../../jobs/disk-full.ts';
import type { CrawlProgress } from '../../../jobs/crawl/crawl-events.ts';
import { formatProgressLine } from '../../../jobs/crawl/progress-line.ts';
import { NightlyProgress } from '../../../jobs/nightly/nightly-progress.ts';
import { acquireRunLock, readHolder } from '../../../jobs/run-lock.ts';
import { parseCron, runSchedule } from '../../../jobs/nightly/schedule.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';

describe('nianbao schedule', () => {
  it('runs the job at each time of the cron expression (fake clock)', async () => {
    let clock = Date.parse('2024-01-10T10:00:00.000Z');
    const ran: string[] = [];
    const count = await runSchedule({
      cron: '0 2 * * *',
      timezone: 'Asia/Shanghai',
      runs: 3,
      now: () => new Date(clock),
      sleep: async (ms) => {
        clock += ms;
      },
      runOnce: async (at) => {
        ran.push(at.toISOString());
        clock += 5 * 60_000; // a night's run takes five minutes
      },
    });
    expect(count).toBe(3);
    expect(ran).toEqual(['2024-01-10T18:00:00.000Z', '2024-01-11T18:00:00.000Z', '2024-01-12T18:00:00.000Z']);
  });

  it('goes on after a failed night unless told to stop', async () => {
    let clock = Date.parse('2024-01-10T00:00:00.000Z');
    const errors: unknown[] = [];
    let nights = 0;
    await runSchedule({
      cron: '*/30 * * * *',
      runs: 3,
      now: () => new Date(clock),
      sleep: async (ms) => {
        clock += ms;
      },
      runOnce: async () => {
        nights += 1;
        if (nights === 1) throw Object.assign(new Error('busy'), { code: 'E_RUN_IN_PROGRESS' });
      },
      onError: (error) => {
        errors.push(error);
        return 'continue';
      },
    });
    expect(nights).toBe(3);
    expect(errors.length).toBe(1);
  });

  it('refuses a bad expression as a usage error (exit 2) before doing anything', async () => {
    expect(() => parseCron('61 2 * * *')).toThrow(/invalid cron expression/);
    const { code, stderr } = await runCli(['schedule', '--cron', 'every night']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/\[E_USAGE\]\s*$/m); // the code, not the wording (our own message since issue 11)
    expect((await runCli(['schedule'])).code).toBe(EXIT.usage);
  });
});

describe('the run lock', () => {
  it('lets one holder in at a time and is free again once released', () => {
    const { dir } = tempArchive('nianbao-lock-unit-');
    const file = path.join(dir, 'archive.sqlite.nightly-lock');
    const first = acquireRunLock(file);
    expect(readHolder(file)?.pid).toBe(process.pid);
    let code: unknown;
    try {
      acquireRunLock(file);
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).toBe('E_RUN_IN_PROGRESS');
    expect(exitCodeFor(Object.assign(new Error('x'), { code: 'E_RUN_IN_PROGRESS' }))).toBe(EXIT.partial); // only typed errors map
    first.release();
    expect(readHolder(file)).toBeNull();
    acquireRunLock(file).release();
  });
});

describe('out of disk space', () => {
  it('is recognised from SQLite and the file system, through causes, and has its own exit code', () => {
    const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(isDiskFull(sqliteFull)).toBe(true);
    expect(isDiskFull(new Error('wrapped', { cause: enospc }))).toBe(true);
    expect(isDiskFull(new Error('other'))).toBe(false);
    expect(exitCodeFor(sqliteFull)).toBe(EXIT.diskFull);
    expect(exitCodeFor(enospc)).toBe(EXIT.diskFull);
    expect(EXIT.diskFull).not.toBe(EXIT.busy);
  });
});

describe('terminal progress', () => {
  const events = [
    { type: 'run-started', runId: 1, resumed: false, portals: ['a', 'b'] },
    { type: 'fetched', portalId: 'a', url: 'u1', kind: 'report', status: 200, captures: 1 },
    { type: 'skipped', portalId: 'b', url: 'u2', kind: 'report', code: 'E_TIMEOUT', message: '' },
  ] as const;

  it('shows per-portal counts on a terminal', () => {
    let written = '';
    const progress = new NightlyProgress({ isTTY: true, write: (t) => (written += t) }, true, 0);
    for (const e of events) progress.onEvent(e);
    progress.finish();
    expect(written).toContain('a 1 fetched | b 0 fetched 1 skipped');
    expect(written.endsWith('\n')).toBe(true);
  });

  it("leads with the crawl's progress (hosts active, pages/s, reports/s, queued) once the crawl sends it", () => {
    let written = '';
    const progress = new NightlyProgress({ isTTY: true, write: (t) => (written += t) }, true, 0);
    const at = (elapsedMs: number, pages: number): CrawlProgress => ({ elapsedMs, hostsActive: 2, pages, reports: 1, queuedFetches: 3, queuedExtractions: 1, waitingForFiles: 0 });
    for (const e of [...events, { type: 'progress', progress: at(1000, 2) } as const, { type: 'progress', progress: at(2000, 6) } as const]) progress.onEvent(e);
    progress.finish();
    expect(written).toContain(`${formatProgressLine(at(2000, 6), at(1000, 2))} | a 1 fetched | b 0 fetched 1 skipped`);
  });

  it('is silent when stderr is not a terminal (cron) or with --quiet', () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      let written = '';
      const progress = new NightlyProgress({ isTTY, write: (t) => (written += t) }, enabled, 0);
      for (const e of events) progress.onEvent(e);
      progress.finish();
      expect(written).toBe('');
    }
  });
});
