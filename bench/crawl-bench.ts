/**
 * Crawl and extraction throughput on the bundled demo portal, politeness delays off.
 * Run: npm run bench   (figures go to stdout; record them with the machine in docs/benchmarks.md)
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeBody, detectCharset } from '../common/charset.ts';
import { startDemoPortals } from '../demo/portal/demo-portals.ts';
import { extractHtmlReport } from '../extract/html/extract-html-report.ts';
import { runCrawl } from '../jobs/crawl/run-crawl.ts';
import { openArchive } from '../store/open-archive.ts';

const CRAWLS = 5;
const EXTRACT_ROUNDS = 30;

async function benchCrawl(): Promise<{ pagesPerSecond: number; exchanges: number; reports: number; seconds: number }> {
  const demo = await startDemoPortals({ slowMs: 0, flakyFailures: 0 });
  let exchanges = 0;
  let reports = 0;
  let seconds = 0;
  try {
    for (let i = 0; i < CRAWLS; i += 1) {
      const dir = path.join(os.tmpdir(), `nianbao-bench-${process.pid}-${i}`);
      const db = openArchive(path.join(dir, 'archive.sqlite'));
      const start = performance.now();
      const summary = await runCrawl(db, { portals: demo.portals, fetcher: { perHostDelayMs: 0, backoffBaseMs: 10 }, concurrency: 8 });
      seconds += (performance.now() - start) / 1000;
      exchanges += summary.exchanges;
      reports += summary.reports.new;
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await demo.close();
  }
  return { pagesPerSecond: exchanges / seconds, exchanges: exchanges / CRAWLS, reports: reports / CRAWLS, seconds: seconds / CRAWLS };
}

function benchExtraction(): { reportsPerSecond: number; pages: number } {
  const dir = path.resolve('test/fixtures/reports');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const bytes = readFileSync(path.join(dir, f));
      return { url: `http://bench.gov.cn/${f}`, html: decodeBody(bytes, detectCharset({}, bytes).charset) };
    });
  const start = performance.now();
  for (let round = 0; round < EXTRACT_ROUNDS; round += 1) for (const page of pages) extractHtmlReport(page.html, page.url);
  const seconds = (performance.now() - start) / 1000;
  return { reportsPerSecond: (pages.length * EXTRACT_ROUNDS) / seconds, pages: pages.length };
}

const crawl = await benchCrawl();
const extraction = benchExtraction();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  crawl: { runs: CRAWLS, exchangesPerRun: crawl.exchanges, reportsPerRun: crawl.reports, secondsPerRun: round(crawl.seconds), pagesPerSecond: round(crawl.pagesPerSecond) },
  extraction: { fixturePages: extraction.pages, rounds: EXTRACT_ROUNDS, reportsPerSecond: round(extraction.reportsPerSecond) },
  peakRssMb: round(peakRssMb),
}, null, 2));

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
