/** Command-line options shared by every command that crawls (`crawl`, `nightly`, `schedule`). */
import path from 'node:path';
import type { FetcherOptions } from '../../crawlers/http/polite-fetcher.ts';
import { loadPortalsFile, selectPortals, type PortalConfig } from '../../crawlers/portal-config.ts';
import { intOption, stringOption, type OptionSpec, type ParsedArgs } from './args.ts';
import type { CliContext } from './command.ts';

export const CRAWL_OPTIONS: OptionSpec = {
  portals: { type: 'string' },
  portal: { type: 'string' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  'max-body': { type: 'string' },
  retries: { type: 'string' },
  concurrency: { type: 'string' },
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
export function fetcherOptionsFrom(args: ParsedArgs, command: string): Partial<FetcherOptions> {
  const given: Record<string, number | undefined> = {
    perHostDelayMs: intOption(args, 'delay', command),
    timeoutMs: intOption(args, 'timeout', command),
    maxBodyBytes: intOption(args, 'max-body', command),
    maxRetries: intOption(args, 'retries', command),
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<FetcherOptions>;
}
