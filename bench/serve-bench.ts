/**
 * `nianbao serve` under load: an archive of 10,000 synthetic reports (2,000 bodies × 5 years, every canonical cell
 * of the 2021 template adding up except in 15 % of them, checks, ~1.5 KB of text each) saved through the store, the server started as the CLI
 * starts it (its own process), then rounds of 1,000 concurrent API requests over keep-alive connections (a wrk-like
 * client on raw sockets: bench/serve/raw-client.ts).
 * Mix per request: 50 % report view (`/api/reports/:id/compact`, random id; `--full-reports`: the full answer with
 * provenance), 25 % search (a 2–5 character term, a year, a page), 20 % compare (two bodies, two cells), 5 % grid
 * by kind; every request accepts gzip, as browsers do. Round 1 meets a fresh server (only the grid precomputed at startup); later rounds reuse the connections
 * and find in the caches what earlier rounds asked (new report ids and compares are still computed). The steady
 * state is every request after the warm-up rounds.
 * Prints latency percentiles per round and per endpoint. Usage: node --import tsx bench/serve-bench.ts
 * [--reports N] [--concurrency N] [--rounds N (10)] [--warmup N (5)] [--full-reports] [--keep FILE] [--profile DIR (the server's CPU profile)]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChecks } from '../extract/checks/run-checks.ts';
import { templateKeys } from '../extract/template/keys.ts';
import type { ExtractedReport } from '../extract/types.ts';
import { upsertAgency } from '../store/agencies.ts';
import { openArchive } from '../store/open-archive.ts';
import { upsertPortal } from '../store/portals.ts';
import { saveReport } from '../store/reports.ts';
import { RawHttpClient } from './serve/raw-client.ts';
import { synthesizeCells } from './serve/synthetic-cells.ts';

const { values } = parseArgs({
  options: { reports: { type: 'string' }, keep: { type: 'string' }, concurrency: { type: 'string' }, rounds: { type: 'string' }, warmup: { type: 'string' }, 'full-reports': { type: 'boolean' }, profile: { type: 'string' } },
});
/** Report requests: the compact answer the report view fetches (default), or the full answer with every cell's provenance. */
const REPORT_SUFFIX = values['full-reports'] === true ? '' : '/compact';
const REPORTS = Number(values.reports ?? 10_000);
const CONCURRENCY = Number(values.concurrency ?? 1_000);
const ROUNDS = Number(values.rounds ?? 10);
/** Rounds before the steady state is measured: the server's JIT and caches warm up (round 1 is the fresh server). */
const WARMUP = Number(values.warmup ?? 5);
const YEARS = [2020, 2021, 2022, 2023, 2024];
const BODIES = Math.ceil(REPORTS / YEARS.length);
/** Reports with a printed typo in table 3 (failing 1–3 checks); the rest add up. */
const TYPO_PERCENT = 15;
const WORDS = ['信访', '依申请公开', '主动公开', '行政复议', '政务公开', '规范性文件', '行政许可', '政府网站', '政策解读', '人大代表建议', '财政预决算', '重点领域'];

let seed = 42;
/** 0 … n-1, seeded (mulberry32: the same archive and requests on every run). */
const rand = (n: number): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
};

function buildArchive(file: string): void {
  const db = openArchive(file);
  upsertPortal(db, { id: 'bench', family: 'hanweb', baseUrl: 'http://bench.example.gov.cn', name: '基准门户', config: null });
  const keys = templateKeys('2021');
  const kinds = ['部门', '本级政府', '乡镇街道'] as const;
  const write = db.transaction((from: number, to: number) => {
    for (let b = from; b < to; b++) {
      const name = `基准市第${b}局`;
      const agencyId = upsertAgency(db, { portalId: 'bench', key: `B${String(b).padStart(6, '0')}`, name, kind: kinds[b % 3]!, source: 'config' });
      for (const year of YEARS) {
        const cells = synthesizeCells(rand, rand(100) < TYPO_PERCENT);
        const text = `${name}${year}年政府信息公开工作年度报告 ` + Array.from({ length: 60 }, () => WORDS[rand(WORDS.length)]).join('，');
        const report: ExtractedReport = {
          title: `${name}${year}年政府信息公开工作年度报告`, agency: name, year, publishedAt: `${year + 1}-01-20`, publishedAtRaw: null, template: '2021',
          cells, cellDetails: keys.map((key, i) => ({ key, value: cells[key] ?? null, raw: String(cells[key] ?? '—'), method: 'html-table', location: `table[1]/row[${3 + Math.floor(i / 7)}]/col[${i % 7}]`, confidence: 1 })),
          checks: runChecks('2021', cells), sections: [], text, files: [], missingTables: [], warnings: [], extractorVersion: 'bench',
        };
        const url = `http://bench.example.gov.cn/report/${b}/${year}.html`;
        saveReport(db, { portalId: 'bench', agencyId, reportKey: url, url, sourceCaptureId: null, report, files: [], seenAt: new Date().toISOString() });
      }
    }
  });
  for (let b = 0; b < BODIES; b += 100) write(b, Math.min(BODIES, b + 100));
  db.close();
}

function startServe(file: string): Promise<{ port: number; pid: number; stop: () => void }> {
  const profile = values.profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`];
  const child = spawn(process.execPath, [...profile, path.resolve('bin/nianbao.js'), 'serve', '--db', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /:(\d+)\//.exec(chunk.toString());
      if (m) resolve({ port: Number(m[1]), pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

function requestPath(): string {
  const roll = rand(100);
  const body = rand(BODIES) + 1;
  if (roll < 50) return `/api/reports/${rand(REPORTS) + 1}${REPORT_SUFFIX}`;
  if (roll < 75) return `/api/search?q=${encodeURIComponent(WORDS[rand(WORDS.length)]!)}&year=${YEARS[rand(5)]}&offset=${rand(5) * 20}`;
  if (roll < 95) return `/api/compare?agencies=${body},${(body % BODIES) + 1}&keys=t3.new.total,t3.disclosed.total`;
  return `/api/grid?kind=${encodeURIComponent(['部门', '本级政府', '乡镇街道'][rand(3)]!)}`;
}


/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Peak resident memory of a process (VmHWM), MB. */
function peakRssMb(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-serve-bench-'));
  const file = values.keep ?? path.join(dir, 'archive.sqlite');
  if (!existsSync(file)) {
    const t = performance.now();
    buildArchive(file);
    console.log(`archive: ${REPORTS} reports, ${BODIES} bodies, built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const server = await startServe(file);
  // One keep-alive connection per concurrent reader, kept between rounds; every request accepts gzip, as browsers do.
  const client = new RawHttpClient(server.port, CONCURRENCY, { 'accept-encoding': 'gzip, deflate, br' });
  try {
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.get(i, '/api/keys')));
    // Sequential cost of each kind of request on a cold cache (what one reader waits for on an idle server).
    for (const p of [`/api/reports/4321${REPORT_SUFFIX}`, `/api/search?q=${encodeURIComponent('信访')}&year=2022`, '/api/compare?agencies=7,8&keys=t3.new.total', `/api/grid?kind=${encodeURIComponent('部门')}`]) {
      const r = await client.get(0, p);
      console.log(`cold ${p}: ${r.ms.toFixed(1)} ms`);
    }
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
    console.log('round | requests | p50 ms | p95 ms | p99 ms | max ms | wall ms | req/s | errors | server CPU ms | client CPU ms');
    const steady: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const paths = Array.from({ length: CONCURRENCY }, requestPath);
      const serverCpu = processCpuMs(server.pid);
      const clientCpu = process.cpuUsage();
      const t = performance.now();
      const results = await Promise.all(paths.map((p, i) => client.get(i, p)));
      const wall = performance.now() - t;
      const clientCpuMs = (process.cpuUsage(clientCpu).user + process.cpuUsage(clientCpu).system) / 1000;
      const serverCpuMs = processCpuMs(server.pid) - serverCpu;
      const ms = results.map((r) => r.ms).sort((a, b) => a - b);
      if (round > WARMUP) steady.push(...ms);
      const errors = results.filter((r) => r.status !== 200).length;
      const byKind = new Map<string, number[]>();
      results.forEach((r, i) => {
        const kind = /^\/api\/(\w+)/.exec(paths[i]!)![1]!;
        const list = byKind.get(kind) ?? [];
        list.push(r.ms);
        byKind.set(kind, list);
      });
      const kinds = [...byKind].map(([kind, list]) => {
        const sorted = list.sort((a, b) => a - b);
        return `${kind} ${list.length}× p50 ${pct(sorted, 50).toFixed(0)} p95 ${pct(sorted, 95).toFixed(0)}`;
      });
      console.log(
        `${round} | ${results.length} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 95).toFixed(1)} | ${pct(ms, 99).toFixed(1)} | ${ms.at(-1)!.toFixed(1)} | ${wall.toFixed(0)} | ${Math.round((results.length / wall) * 1000)} | ${errors} | ${serverCpuMs} | ${clientCpuMs.toFixed(0)}`,
      );
      console.log(`    ${kinds.join(' · ')}`);
    }
    if (steady.length > 0) {
      steady.sort((a, b) => a - b);
      console.log(`steady state (rounds ${WARMUP + 1}–${ROUNDS}, ${steady.length} requests): p50 ${pct(steady, 50).toFixed(1)} · p95 ${pct(steady, 95).toFixed(1)} · p99 ${pct(steady, 99).toFixed(1)} · max ${steady.at(-1)!.toFixed(1)} ms`);
    }
    console.log(`server peak RSS: ${peakRssMb(server.pid)} MB`);
  } finally {
    client.close();
    server.stop();
    if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
