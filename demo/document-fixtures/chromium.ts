/** Chromium (Debian's, through playwright-core) prints fixture HTML to PDF and screenshots tables and pages. */
import { chromium, type Browser } from 'playwright-core';

export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

/** One PNG per `.t` element, at `scale` device pixels per CSS pixel. */
export async function screenshotTables(browser: Browser, html: string, scale = 1.5): Promise<Buffer[]> {
  const page = await browser.newPage({ deviceScaleFactor: scale, viewport: { width: 1000, height: 1400 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const shots: Buffer[] = [];
    const tables = page.locator('.t');
    for (let i = 0; i < (await tables.count()); i++) shots.push(await tables.nth(i).screenshot());
    return shots;
  } finally {
    await page.close();
  }
}

/** Full-page screenshots of A4-sized HTML pages (794 CSS px wide). */
export async function screenshotPages(browser: Browser, pages: readonly string[], scale: number): Promise<Buffer[]> {
  const page = await browser.newPage({ deviceScaleFactor: scale, viewport: { width: 794, height: 1123 } });
  try {
    const shots: Buffer[] = [];
    for (const html of pages) {
      await page.setContent(html, { waitUntil: 'load' });
      shots.push(await page.screenshot({ fullPage: false }));
    }
    return shots;
  } finally {
    await page.close();
  }
}
