/**
 * Starting Debian's Chromium through playwright-core: no browser download, `executablePath` only
 * (`NIANBAO_CHROMIUM` overrides /usr/bin/chromium). One browser per crawl, started on first need.
 */
import { chromium, type Browser } from 'playwright-core';
import { SkipError } from '../../common/errors.ts';

export const CHROMIUM_PATH = process.env['NIANBAO_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-first-run',
];

export type BrowserLauncher = () => Promise<Browser>;

/** A launcher for the Chromium at `executablePath`; a start failure is SkipError E_BROWSER_UNAVAILABLE. */
export function launcherFor(executablePath: string): BrowserLauncher {
  return async () => {
    try {
      return await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
    } catch (cause) {
      throw new SkipError('E_BROWSER_UNAVAILABLE', `Chromium could not start from ${executablePath} (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}); install it (./setup.sh) or set NIANBAO_CHROMIUM`, { cause, input: executablePath });
    }
  };
}

export const launchChromium: BrowserLauncher = launcherFor(CHROMIUM_PATH);
