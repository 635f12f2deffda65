/**
 * CLI start-up (issue 11 #7): wall time of `nianbao --help`, `nianbao show <id>` and `nianbao query`, each the median
 * of 5 runs through bin/nianbao.js as a user starts it, against `node -e 0` measured in the same run; CPU of the
 * process (user + system, from /proc) beside it. One run through tsx (NIANBAO_TSX=1, what every start cost before the
 * build) for comparison. Targets: --help ≤ 0.3 s, show ≤ 0.5 s. The archive: one report, extracted from a fixture page
 * served on 127.0.0.1 by `nianbao extract <url>`.
 *
 *   npm run bench:cli            (also part of npm run bench)
 *   npm run bench:cli -- --isolate   on a shared machine: each measured start runs under SCHED_FIFO on one core
 *                                    (`chrt -f 50 taskset -c 1`, needs root or CAP_SYS_NICE), so other processes'
 *                                    load does not inflate the wall times; Node's own start is measured the same way
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'nianbao.js');
const RUNS = 5;
const TARGETS: Record<string, number> = { '--help': 0.3, show: 0.5 };
const ISOLATE = process.argv.includes('--isolate');

interface Timing {
  readonly wall: number;
  readonly cpu: number;
  readonly status: number | null;
  /** The launcher ran the TypeScript through tsx (a source changed after the build). */
  readonly tsx: boolean;
}

/** CPU seconds of this process's waited-for children (cutime + cstime in /proc/self/stat). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // fields 16 and 17 of stat(5), at 100 ticks per second
}

function time(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const cpuBefore = childrenCpu();
  const started = process.hrtime.bigint();
  const [command, argv] = ISOLATE ? ['chrt', ['-f', '50', 'taskset', '-c', '1', process.execPath, ...args]] : [process.execPath, args];
  const result = spawnSync(command, argv, { cwd: ROOT, env: { ...env, NIANBAO_LAUNCH_INFO: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return { wall, cpu: childrenCpu() - cpuBefore, status: result.status, tsx: result.stderr.toString('utf8').includes('nianbao launcher: tsx') };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, args: readonly string[], runs = RUNS, env?: NodeJS.ProcessEnv): { label: string; wall: number; cpu: number; walls: number[]; tsxRuns: number } {
  const timings = Array.from({ length: runs }, () => time(args, env));
  const failed = timings.find((t) => t.status !== 0);
  if (failed !== undefined) throw new Error(`${label}: exit ${String(failed.status)}`);
  return { label, wall: median(timings.map((t) => t.wall)), cpu: median(timings.map((t) => t.cpu)), walls: timings.map((t) => t.wall), tsxRuns: timings.filter((t) => t.tsx).length };
}

async function archiveWithOneReport(dir: string): Promise<{ file: string; reportId: number }> {
  const html = readFileSync(path.join(ROOT, 'test/fixtures/reports/yanzhou-caizheng-2019.html'));
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const file = path.join(dir, 'archive.sqlite');
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report.html`;
    const extracted = await spawnAsync([BIN, 'extract', url, '--db', file, '--json']);
    return { file, reportId: (JSON.parse(extracted) as { reportId: number }).reportId };
  } finally {
    server.close();
  }
}

/** The extract must run while this process serves the page, so not spawnSync. */
function spawnAsync(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`nianbao ${args[1]} exited ${String(code)}`))));
  });
}

function buildId(): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'dist', 'current.json'), 'utf8')) as { id: string }).id;
  } catch {
    return null;
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-bench-'));
try {
  const { file, reportId } = await archiveWithOneReport(dir);
  const built = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build-cli.js')], { cwd: ROOT, stdio: 'inherit' }); // measure a fresh build
  if (built.status !== 0) throw new Error('npm run build failed');
  time([BIN, '--help']); // warm the file cache
  const build = buildId();
  const rows = [
    measure('node -e 0', ['-e', '0']),
    measure('--help', [BIN, '--help']),
    measure('show', [BIN, 'show', String(reportId), '--db', file]),
    measure('query', [BIN, 'query', 'SELECT count(*) FROM reports', '--db', file]),
    measure('--help through tsx (before)', [BIN, '--help'], 3, { ...process.env, NIANBAO_TSX: '1' }),
  ];
  const rebuilt = buildId() !== build;
  const cpus = os.cpus();
  const how = ISOLATE ? ', each start under SCHED_FIFO on one core' : '';
  console.log(`CLI start-up, median of ${RUNS} (tsx: of 3)${how} — ${cpus[0]?.model ?? '?'} × ${cpus.length}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}`);
  console.log('| command | wall (s) | CPU (s) | target | runs (s) |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) {
    const target = TARGETS[row.label];
    const verdict = target === undefined ? '' : `≤ ${target} ${row.wall <= target ? 'met' : 'MISSED'}`;
    console.log(`| ${row.label} | ${row.wall.toFixed(3)} | ${row.cpu.toFixed(2)} | ${verdict} | ${row.walls.map((w) => w.toFixed(2)).join(' ')} |`);
  }
  const viaTsx = rows.slice(1, 4).filter((row) => row.tsxRuns > 0);
  if (viaTsx.length > 0 || rebuilt) {
    console.log(`note: a source file changed during the measurement: ${viaTsx.map((r) => `${r.label} ran ${r.tsxRuns}× through tsx`).join(', ') || 'dist/ was rebuilt'}; run again`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
