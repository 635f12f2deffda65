/**
 * Command-line options shared by every command that crawls (`crawl`, `nightly`, `schedule`); numeric ones carry their
 * range, checked when the command line is parsed (before any archive is opened or run started).
 */
import path from 'node:path';
import type { FetcherOptions } from '../../crawlers/http/polite-fetcher.ts';
import { loadPortalsFile, selectPortals, type PortalConfig } from '../../crawlers/portal-config.ts';
import { intOption, stringOption, type OptionSpec, type ParsedArgs } from './args.ts';
import type { CliContext } from './command.ts';
import { MAX_EXTRACT_WORKERS, type ExtractRunOptions } from '../crawl/extract-run-reports.ts';
import { queueSettings } from '../queue/queue-config.ts';
import { QUEUE_OPTIONS, queueConfigFrom } from './queue-options.ts';

export const CRAWL_OPTIONS: OptionSpec = {
  portals: { type: 'string' },
  portal: { type: 'string' },
  delay: { type: 'string', number: { min: 0 } },
  timeout: { type: 'string', number: { min: 1 } },
  'max-body': { type: 'string', number: { min: 1 } },
  retries: { type: 'string', number: { min: 0 } },
  concurrency: { type: 'string', number: { min: 1 } },
  'extract-timeout': { type: 'string', number: { min: 1 } },
  'extract-workers': { type: 'string', number: { min: 0, max: MAX_EXTRACT_WORKERS } },
  ...QUEUE_OPTIONS,
  quiet: { type: 'boolean' },
};

export interface PortalSelection {
  readonly portalsFile: string;
  /** Every portal of the file (for validating references to them). */
  readonly all: PortalConfig[];
  /** The portals `--portal` picked (all when not given). */
  readonly portals: PortalConfig[];
}

/** `--portals FILE` (default data/portals.json) and `--portal ID`, loaded and validated. */
export function portalsFrom(args: ParsedArgs, ctx: CliContext): PortalSelection {
  const portalsFile = path.resolve(stringOption(args, 'portals') ?? path.join(ctx.dataDir, 'portals.json'));
  const all = loadPortalsFile(portalsFile);
  return { portalsFile, all, portals: selectPortals(all, stringOption(args, 'portal')) };
}

/** Fetcher settings given on the command line (`--delay`, `--timeout`, `--max-body`, `--retries`); the rest default. */
export function fetcherOptionsFrom(args: ParsedArgs, _command?: string): Partial<FetcherOptions> {
  const given: Record<string, number | undefined> = {
    perHostDelayMs: intOption(args, 'delay'),
    timeoutMs: intOption(args, 'timeout'),
    maxBodyBytes: intOption(args, 'max-body'),
    maxRetries: intOption(args, 'retries'),
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<FetcherOptions>;
}

/**
 * `--extract-timeout MS`: the time limit per report page's extraction (documents, OCR); default 120000.
 * `--extract-workers N`: extraction processes working while fetching goes on (0–64; default one per core, 0 = in the
 * crawl's process after fetching). `--queue URL` (with the queue options of queue-options.ts): table images go to
 * the OCR queue's workers; the URL's form is checked here, PostgreSQL is reached when a page first needs OCR.
 */
export function extractionOptionsFrom(args: ParsedArgs): ExtractRunOptions {
  const timeoutMs = intOption(args, 'extract-timeout');
  const workers = intOption(args, 'extract-workers');
  const queue = queueConfigFrom(args);
  if (queue !== null) queueSettings(queue); // E_USAGE for a URL that is not PostgreSQL's, before any run starts
  return { ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(workers === undefined ? {} : { workers }), ...(queue === null ? {} : { queue }) };
}
