/**
 * Bad command lines and inputs end in a coded error and the README's exit code, before anything is started or
 * written (issues 11 and 12): option values, unknown options, directories and unreadable files, archives that do not
 * exist, SQL errors, missing parameters, the query time limit, cron expressions, and `extract <url>` that fails.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../jobs/cli/main.ts';
import { countCaptures } from '../../../store/captures.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { listPortals } from '../../../store/portals.ts';
import { listRuns } from '../../../store/runs.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from './run-cli.ts';

const REPORT_HTML = readFileSync(path.resolve('test/fixtures/reports/yanzhou-caizheng-2019.html'));

/** The error code printed at the end of the CLI's error line: `… [E_CODE]`. */
function codeOf(stderr: string): string | undefined {
  return /\[(E_[A-Z_]+)\]\s*$/m.exec(stderr)?.[1];
}

describe('invalid option values: exit 2 naming the option, before any archive is opened or run started', () => {
  const cases: [string, string[]][] = [
    ['crawl --concurrency 0', ['crawl', '--concurrency', '0']],
    ['crawl --concurrency -3', ['crawl', '--concurrency=-3']],
    ['crawl --delay soon', ['crawl', '--delay', 'soon']],
    ['crawl --timeout 0', ['crawl', '--timeout', '0']],
    ['crawl --retries 1.5', ['crawl', '--retries', '1.5']],
    ['nightly --max-body -1', ['nightly', '--max-body=-1']],
    ['nightly --concurrency ""', ['nightly', '--concurrency', '']],
    ['schedule --runs 0', ['schedule', '--cron', '0 2 * * *', '--runs', '0']],
    ['search --limit x', ['search', '信访', '--limit', 'x']],
    ['search --offset -1', ['search', '信访', '--offset=-1']],
    ['reports --year 20x9', ['reports', '--year', '20x9']],
    ['missing --year 1999', ['missing', '--year', '1999']],
    ['serve --port 70000', ['serve', '--port', '70000']],
    ['export --warc-max-bytes 0', ['export', '--format', 'warc', '--out', 'x', '--warc-max-bytes', '0']],
    ['query --timeout 0', ['query', 'SELECT 1', '--timeout', '0']],
    ['query --timeout -1', ['query', 'SELECT 1', '--timeout=-1']],
    ['extract --charset klingon', ['extract', 'test/fixtures/reports/yanzhou-caizheng-2019.html', '--charset', 'klingon']],
  ];

  it.each(cases)('%s', async (_label, argv) => {
    const { dir, file, db } = tempArchive();
    db.close();
    const fresh = path.join(dir, 'never-created.sqlite');
    const option = argv.find((a) => a.startsWith('--') && a !== '--cron' && a !== '--format' && a !== '--out')!.split('=')[0]!;
    const crawling = ['crawl', 'nightly', 'schedule'].includes(argv[0]!);
    const { code, stderr } = await runCli([...argv, '--db', fresh, ...(crawling ? ['--portals', path.join(dir, 'none.json')] : [])]);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_USAGE');
    expect(stderr).toContain(option);
    expect(existsSync(fresh)).toBe(false);
    const check = openArchive(file);
    expect(listRuns(check)).toEqual([]);
    check.close();
  });
});

describe('unknown options and commands', () => {
  it('names the command once and suggests the nearest option', async () => {
    const { code, stderr } = await runCli(['reports', '--yaer', '2020']);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_USAGE');
    expect(stderr.match(/nianbao reports/g)?.length).toBe(2); // "nianbao reports: …" and "Run `nianbao reports --help`"
    expect(stderr).toContain('--year');
    expect(stderr).not.toContain('To specify a positional argument');
  });

  it('an option that needs a value, and a flag given one', async () => {
    expect((await runCli(['reports', '--db'])).code).toBe(2);
    expect((await runCli(['reports', '--json=yes'])).code).toBe(2);
  });

  it('an unknown command suggests the nearest', async () => {
    const { code, stderr } = await runCli(['reprots']);
    expect(code).toBe(2);
    expect(stderr).toContain('reports');
  });
});

describe('input that is not a readable file: exit 4, no stack trace', () => {
  it('a directory', async () => {
    const { dir } = tempArchive();
    const { code, stderr } = await runCli(['extract', dir]);
    expect(code).toBe(4);
    expect(codeOf(stderr)).toBe('E_INPUT_UNREADABLE');
    expect(stderr).toContain(dir);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const { dir } = tempArchive();
    const file = path.join(dir, 'locked.html');
    writeFileSync(file, REPORT_HTML);
    chmodSync(file, 0o000);
    const { code, stderr } = await runCli(['extract', file]);
    expect(code).toBe(4);
    expect(codeOf(stderr)).toBe('E_INPUT_UNREADABLE');
  });

  it('export --out under a file: exit 2 naming --out, not an unexpected error', async () => {
    const { dir, file, db } = tempArchive();
    db.close();
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const { code, stderr } = await runCli(['export', '--format', 'csv', '--out', path.join(blocker, 'out'), '--db', file]);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_USAGE');
    expect(stderr).toContain('--out');
  });

  it('a file whose read fails (EIO), which root cannot read either', async () => {
    const { code, stderr } = await runCli(['extract', '/proc/self/mem']);
    expect(code).toBe(4);
    expect(codeOf(stderr)).toBe('E_INPUT_UNREADABLE');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('query --file of a directory', async () => {
    const { dir, file, db } = tempArchive();
    db.close();
    const { code, stderr } = await runCli(['query', '--file', dir, '--db', file]);
    expect(code).toBe(4);
    expect(codeOf(stderr)).toBe('E_INPUT_UNREADABLE');
  });
});

describe('reading commands refuse a --db that does not exist (exit 5) and create nothing', () => {
  const reads: [string, string[]][] = [
    ['reports', ['reports']],
    ['show', ['show', '1']],
    ['capture', ['capture', '1']],
    ['search', ['search', '信访']],
    ['query', ['query', 'SELECT 1']],
    ['export', ['export', '--format', 'csv', '--out', 'OUT']],
    ['missing', ['missing', '--year', '2023']],
    ['serve', ['serve', '--port', '0']],
    ['reextract', ['reextract']],
  ];
  it.each(reads)('%s', async (_name, argv) => {
    const { dir } = tempArchive();
    const typo = path.join(dir, 'typo', 'archvie.sqlite');
    const { code, stderr } = await runCli([...argv.map((a) => (a === 'OUT' ? path.join(dir, 'out') : a)), '--db', typo]);
    expect(code).toBe(5);
    expect(codeOf(stderr)).toBe('E_ARCHIVE');
    expect(stderr).toContain(typo);
    expect(existsSync(typo)).toBe(false);
    expect(existsSync(path.dirname(typo))).toBe(false);
  });

  it('every reading command is in the list', () => {
    expect(COMMANDS.filter((c) => c.readsArchive).map((c) => c.name).sort()).toEqual(reads.map(([name]) => name).sort());
  });
});

describe('query errors and the time limit', () => {
  let file: string;
  beforeAll(() => {
    const archive = tempArchive();
    archive.db.close();
    file = archive.file;
  });

  it('SQL that SQLite rejects is E_SQL, not read-only', async () => {
    const { code, stderr } = await runCli(['query', 'SELEC 1', '--db', file]);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_SQL');
    expect(stderr).toContain('SELEC');
  });

  it('a write is still refused as read-only', async () => {
    const { code, stderr } = await runCli(['query', 'DELETE FROM runs', '--db', file]);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_READ_ONLY');
  });

  it('a parameter without --param is named', async () => {
    const { code, stderr } = await runCli(['query', 'SELECT :agency AS a', '--db', file]);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_USAGE');
    expect(stderr).toContain('agency');
    const given = await runCli(['query', 'SELECT :agency AS a', '--param', 'agency=民政局', '--db', file, '--json']);
    expect(JSON.parse(given.stdout)).toEqual([{ a: '民政局' }]);
  });

  it('an endless recursive CTE ends at --timeout with E_QUERY_TIMEOUT', async () => {
    const started = Date.now();
    const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';
    const { code, stderr } = await runCli(['query', endless, '--timeout', '0.5', '--db', file]);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_QUERY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rows come back whole from the query process: BLOBs, big integers, Chinese text', async () => {
    const { code, stdout } = await runCli(['query', "SELECT x'00ff10' AS b, 9007199254740993 AS big, '兖州' AS t", '--db', file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ b: 'base64:AP8Q', big: 9007199254740992, t: '兖州' }]);
  });
});

describe('schedule --cron in our own words', () => {
  it.each([['0 2 * *'], ['0 25 * * *'], ['61 * * * *'], ['0 2 * * MON-FRY'], ['*/0 * * * *']])('"%s" → exit 2', async (cron) => {
    const { code, stderr } = await runCli(['schedule', '--cron', cron, '--runs', '1']);
    expect(code).toBe(2);
    expect(codeOf(stderr)).toBe('E_USAGE');
    expect(stderr).toContain(cron);
    expect(stderr).not.toMatch(/croner|CronPattern/i);
  });

  it('an unknown time zone', async () => {
    const { code, stderr } = await runCli(['schedule', '--cron', '0 2 * * *', '--tz', 'Mars/Olympus', '--runs', '1']);
    expect(code).toBe(2);
    expect(stderr).toContain('Mars/Olympus');
  });
});

describe('extract <url> that fails leaves nothing behind', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/report.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(REPORT_HTML);
      else if (req.url === '/shell.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>首页</title></head><body>nothing</body></html>');
      else res.writeHead(404).end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function archiveContents(file: string): { portals: number; captures: number; runs: number } {
    const db = openArchive(file);
    try {
      return { portals: listPortals(db).length, captures: countCaptures(db), runs: listRuns(db).length };
    } finally {
      db.close();
    }
  }

  it.each([['a 404', '/gone.html'], ['a page that is not a report', '/shell.html']])('%s: exit 4, no portal, run or capture', async (_label, pathname) => {
    const { file, db } = tempArchive();
    db.close();
    const { code } = await runCli(['extract', `${base}${pathname}`, '--db', file]);
    expect(code).toBe(4);
    expect(archiveContents(file)).toEqual({ portals: 0, captures: 0, runs: 0 });
  });

  it('a refused connection: exit 4, and no archive file is even created', async () => {
    const { dir } = tempArchive();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const file = path.join(dir, 'new.sqlite');
    const { code } = await runCli(['extract', `http://127.0.0.1:${port}/report.html`, '--db', file]);
    expect(code).toBe(4);
    if (existsSync(file)) expect(archiveContents(file)).toEqual({ portals: 0, captures: 0, runs: 0 });
  });

  it('a report is archived, and a filter that matches nothing lists what the archive holds', async () => {
    const { file, db } = tempArchive();
    db.close();
    expect((await runCli(['extract', `${base}/report.html`, '--db', file])).code).toBe(0);
    expect(archiveContents(file).portals).toBe(1);
    const portalId = listPortalsOf(file)[0]!;
    const none = await runCli(['reports', '--portal', 'no-such', '--db', file]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(portalId);
    expect(none.stdout).toContain('2019');
    const byPart = await runCli(['reports', '--agency', '财政', '--db', file, '--json']);
    expect(JSON.parse(byPart.stdout)).toHaveLength(1);
  });
});

function listPortalsOf(file: string): string[] {
  const db = openArchive(file);
  try {
    return listPortals(db).map((p) => p.id);
  } finally {
    db.close();
  }
}


