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

export const launchChromium: BrowserLauncher = async () => {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (cause) {
    throw new SkipError('E_BROWSER_UNAVAILABLE', `Chromium could not start from ${CHROMIUM_PATH} (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}); install it (./setup.sh) or set NIANBAO_CHROMIUM`, { cause, input: CHROMIUM_PATH });
  }
};
